import ThiDuaKit

/// Deterministic synthetic data for benchmarking and testing the report pipeline.
///
/// The same arguments always give the same text, so timings and test expectations are
/// comparable from run to run and machine to machine.
public enum ReportBenchmark {
    /// A figures CSV in the Excel-Vietnamese dialect: UTF-8 with BOM, ";" separators, CRLF,
    /// "." thousands, an STT column, unit names with diacritics (some quoted because they
    /// contain ";"), a group column, every summed indicator, and per-unit target columns for
    /// indicators that declare one. Ratio operands are consistent (numerator ≤ denominator),
    /// so the file reads without errors.
    public static func syntheticCSV(units: Int, groups: Int, indicators: IndicatorSet, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        let summed = indicators.indicators.enumerated().filter { !$0.element.isComputed }
        let withTargets = summed.filter { $0.element.perUnitTargetColumn != nil }

        var header = ["STT", "Đơn vị", "Khối"]
        header += summed.map(\.element.key)
        header += withTargets.map(\.element.targetColumnHeader)
        var out = "\u{FEFF}" + header.joined(separator: ";") + "\r\n"
        out.reserveCapacity(units * (40 + 8 * summed.count))

        for unit in 0..<max(0, units) {
            var values = [Int64](repeating: 0, count: indicators.count)
            for (i, indicator) in summed {
                switch indicator.kind {
                case .count: values[i] = Int64(random.next() % 500)
                case .money: values[i] = Int64(random.next() % 2_000_000_000)
                case .ratio: values[i] = Int64(random.next() % 1_000_000)
                }
            }
            // Keep every ratio's numerator within its denominator, as real units must.
            for indicator in indicators.indicators {
                if case .ratio(let nk, let dk) = indicator.aggregation,
                   let n = indicators.index(of: nk), let d = indicators.index(of: dk) {
                    values[n] = min(values[n], values[d])
                }
            }
            var row = [String(unit + 1), quoted(unitName(unit)), groupName(unit % max(1, groups))]
            for (i, indicator) in summed { row.append(cell(values[i], kind: indicator.kind)) }
            for (i, _) in withTargets {
                row.append(cell(max(1, values[i] + Int64(random.next() % 40) - 20), kind: .count))
            }
            out += row.joined(separator: ";") + "\r\n"
        }
        return out
    }

    /// The expected-units list matching `syntheticCSV` with the same `units` and `groups`.
    public static func syntheticExpectedUnits(units: Int, groups: Int) -> [ExpectedUnit] {
        (0..<max(0, units)).map { ExpectedUnit(name: unitName($0), group: groupName($0 % max(1, groups))) }
    }

    /// The name of synthetic unit `index`: a Vietnamese school or company name, unique by index.
    public static func unitName(_ index: Int) -> String {
        let kinds = ["Công đoàn Trường Tiểu học", "Công đoàn Trường THCS", "Công đoàn Công ty TNHH",
                     "Công đoàn cơ sở Bệnh viện", "Công đoàn Ủy ban nhân dân xã", "Công đoàn Công ty Cổ phần"]
        let names = ["Đà Nẵng", "Ánh Dương", "Ân Thi", "Bến Tre", "Dương Minh Châu", "Hòa Bình", "Lê Lợi",
                     "Nguyễn Du", "Ông Ích Khiêm", "Ưu Việt", "Quang Trung", "Trần Hưng Đạo", "Yên Thế", "Ea Kar"]
        let kind = kinds[index % kinds.count]
        let name = names[(index / kinds.count) % names.count]
        // Every 97th name carries a ";" so the quoting path is exercised.
        let suffix = index % 97 == 5 ? "; chi nhánh \(index)" : " số \(index)"
        return "\(kind) \(name)\(suffix)"
    }

    /// The name of synthetic group `index` ("Cụm thi đua số 3").
    public static func groupName(_ index: Int) -> String {
        "Cụm thi đua số \(index + 1)"
    }

    private static func quoted(_ s: String) -> String {
        guard s.contains(";") || s.contains("\"") else { return s }
        var out = "\""
        for ch in s {
            if ch == "\"" { out += "\"\"" } else { out.append(ch) }
        }
        return out + "\""
    }

    private static func cell(_ value: Int64, kind: Indicator.Kind) -> String {
        guard kind == .ratio else { return VietnameseNumber.integer(value) }
        let whole = value / 10_000, fraction = value % 10_000
        if fraction == 0 { return VietnameseNumber.integer(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return VietnameseNumber.integer(whole) + "," + digits
    }
}

