import ThiDuaKit
import ThiDuaXlsx

extension SummaryWorkbookInput {
    /// A deterministic input of any size, for benchmarks and large-file tests.
    ///
    /// `bench/xlsx/raw.c` builds exactly the same figures with the same formulas, so the
    /// Swift writer and plain C through libxlsxwriter can be timed side by side:
    ///
    /// - indicator `i` (0-based): key `ct{i+1}`, name `Chỉ tiêu {i+1}`, unit `người`,
    ///   a target when `i` is even, kind count;
    /// - group `g`: `Khối {g+1}`, holding units `g·N/G ..< (g+1)·N/G`;
    /// - unit `u`: `Công đoàn cơ sở số {u+1}`; actual `(u·7919 + i·104729) mod 1000`,
    ///   blank when `(u+i) mod 17 = 0`; target `(u·31 + i·17) mod 900 + 100`, or 0
    ///   when `(u+i) mod 23 = 0`;
    /// - `N/50` missing units `Công đoàn cơ sở chưa báo cáo số {k+1}` in `Khối {k mod G + 1}`.
    ///
    /// - Parameters:
    ///   - units: number of reporting units (N ≥ 0).
    ///   - indicators: number of indicators (M ≥ 0).
    ///   - groups: number of groups (G ≥ 1; values below 1 are taken as 1).
    public static func synthetic(units: Int, indicators: Int, groups: Int) -> SummaryWorkbookInput {
        let unitCount = max(units, 0)
        let groupCount = max(groups, 1)
        let indicatorList = (0 ..< max(indicators, 0)).map { i in
            IndicatorColumnGroup(key: "ct\(i + 1)", name: "Chỉ tiêu \(i + 1)", unit: "người", hasTarget: i % 2 == 0, kind: .count)
        }
        // Figures are computed when read, as a report's rows read its statistics, so a
        // large input holds no dictionary per unit.
        let hasTarget = indicatorList.map(\.hasTarget)
        let table = UnitColumns(keys: indicatorList.map(\.key), name: { "Công đoàn cơ sở số \($0 + 1)" }) { i, u in
            let actual: Int64? = (u + i) % 17 == 0 ? nil : Int64((u * 7919 + i * 104_729) % 1000)
            let target: Int64? = hasTarget[i] ? ((u + i) % 23 == 0 ? 0 : Int64((u * 31 + i * 17) % 900 + 100)) : nil
            return IndicatorValue(actual: actual, target: target)
        }
        let groupList = (0 ..< groupCount).map { g in
            let start = g * unitCount / groupCount
            let end = (g + 1) * unitCount / groupCount
            return UnitGroup(name: "Khối \(g + 1)", units: (start ..< end).map { UnitRow(columns: table, unit: $0) })
        }
        let missing = (0 ..< unitCount / 50).map { k in
            MissingUnit(name: "Công đoàn cơ sở chưa báo cáo số \(k + 1)", group: "Khối \(k % groupCount + 1)")
        }
        return SummaryWorkbookInput(
            issuingBody: "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE",
            title: "BÁO CÁO TỔNG HỢP SỐ LIỆU THỬ NGHIỆM",
            period: "Từ 01/01/2025 đến 30/6/2025",
            indicators: indicatorList,
            groups: groupList,
            missingUnits: missing,
            sources: [
                SourceEntry(label: "Số tệp đã đọc", value: .number(Int64(unitCount))),
                SourceEntry(label: "Số dòng đã đọc", value: .number(Int64(unitCount))),
                SourceEntry(label: "Số dòng đã dùng", value: .number(Int64(unitCount))),
                SourceEntry(label: "Số dòng bỏ qua", value: .number(0)),
            ],
            author: "")
    }
}
