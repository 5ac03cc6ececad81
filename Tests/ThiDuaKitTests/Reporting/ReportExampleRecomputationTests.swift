import Foundation
import Testing
import Yams
@testable import ThiDuaKit

/// The example report's figures, recomputed here from its CSV files and its plan by a naive
/// reading that shares no code with the library (own CSV split, own pairing by name, own
/// rounding and number writing), must be the ones the rendered text states; in particular
/// every comparison with the same period of 2024 is like for like.
@Suite("Report example: independent recomputation")
struct ReportExampleRecomputationTests {
    struct Row {
        var name: String
        var group: String
        var values: [String: Int64]
    }

    /// Rows of a figures file: BOM dropped, ";" or "," separated, quotes removed, "." between
    /// thousands removed; column 0 the name, column 1 the group, the rest by header.
    static func read(_ file: String) throws -> [Row] {
        var text = try String(contentsOf: TestSupport.example(file), encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        let separator: Character = lines[0].contains(";") ? ";" : ","
        let header = lines[0].split(separator: separator).map(String.init)
        return lines.dropFirst().map { line in
            let cells = line.split(separator: separator, omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\"", with: "") }
            var values: [String: Int64] = [:]
            for (index, column) in header.enumerated().dropFirst(2) {
                values[column] = Int64(cells[index].replacingOccurrences(of: ".", with: ""))
            }
            return Row(name: cells[0], group: cells[1], values: values)
        }
    }

    // MARK: Writing numbers, independently of VietnameseNumber and ReportFigureText.

    static func grouped(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "." }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `numerator / denominator × 10^digits`, rounded half away from zero.
    static func scaled(_ numerator: Int64, _ denominator: Int64, _ factor: Int64) -> Int64 {
        let n = numerator * factor, d = denominator
        let q = n / d, r = n % d
        return 2 * abs(r) >= abs(d) ? q + (n.signum() * d.signum()) : q
    }

    /// A value with one or two decimals, zeros at the end dropped: 343 at 2 → "3,43".
    static func decimal(_ tenths: Int64, digits: Int) -> String {
        var value = tenths, places = digits
        while places > 0 && value % 10 == 0 { value /= 10; places -= 1 }
        guard places > 0 else { return grouped(value) }
        var power: Int64 = 1
        for _ in 0..<places { power *= 10 }
        let fraction = String(abs(value) % power)
        return grouped(value / power) + "," + String(repeating: "0", count: places - fraction.count) + fraction
    }

    static func percent(_ numerator: Int64, _ denominator: Int64) -> String {
        let tenths = scaled(numerator, denominator, 1000)
        return grouped(tenths / 10) + "," + String(abs(tenths) % 10) + "%"
    }

    static func money(_ dong: Int64) -> String {
        let tenthsOfMillion = scaled(dong, 1_000_000, 10)
        if dong >= 1_000_000 && tenthsOfMillion < 10_000 { return decimal(tenthsOfMillion, digits: 1) + " triệu đồng" }
        if dong >= 1_000_000 { return decimal(scaled(dong, 1_000_000_000, 100), digits: 2) + " tỷ đồng" }
        return grouped(dong) + " đồng"
    }

    /// Indicator → unit word; nil for money.
    static let summed: [(key: String, unit: String?)] = [
        ("dang_ky_ca_nhan", "cá nhân"), ("sang_kien", "sáng kiến"), ("gia_tri_lam_loi", nil),
        ("cong_trinh_san_pham", "công trình"), ("doan_vien_moi", "đoàn viên"), ("thanh_lap_cdcs", "CĐCS"),
        ("mai_am_so_nha", "nhà"),
    ]

    static func text(width: Int = 10_000) throws -> String {
        let document = try #require(try TestSupport.loadExample("bao-cao-so-ket-2025.yaml").0)
        return try Renderer.render(document, format: .txt, templates: TemplateSet(), width: width)
    }

    @Test func everyComparisonIsLikeForLikeAndStatedInTheText() throws {
        let current = try Self.read("bao-cao/so-lieu-cac-khoi.csv") + Self.read("bao-cao/so-lieu-cac-huyen.csv")
        let previous = try Self.read("bao-cao/so-lieu-cung-ky-2024.csv")
        let before = Dictionary(uniqueKeysWithValues: previous.map { ($0.name, $0) })
        let paired = current.filter { before[$0.name] != nil }
        let onlyPrevious = previous.filter { row in !current.contains { $0.name == row.name } }.map(\.name)
        let onlyCurrent = current.filter { before[$0.name] == nil }.map(\.name)
        #expect(current.count == 38 && paired.count == 37 && onlyPrevious.count == 3 && onlyCurrent.count == 1)
        let text = try Self.text()

        #expect(text.contains("Các số liệu so với cùng kỳ tính trên \(paired.count) đơn vị có số liệu cả hai kỳ; "
                              + "không so sánh \(onlyPrevious.count) đơn vị chỉ có số liệu cùng kỳ (\(onlyPrevious.joined(separator: ", "))) "
                              + "và \(onlyCurrent.count) đơn vị chỉ có số liệu kỳ này (\(onlyCurrent.joined(separator: ", ")))."))

        for (key, unit) in Self.summed {
            func write(_ v: Int64) -> String { unit.map { "\(Self.grouped(v)) \($0)" } ?? Self.money(v) }
            let total = current.reduce(0) { $0 + ($1.values[key] ?? 0) }
            let now = paired.reduce(0) { $0 + ($1.values[key] ?? 0) }
            let then = paired.reduce(0) { $0 + (before[$1.name]?.values[key] ?? 0) }
            let difference = now - then
            let phrase: String
            if difference == 0 {
                phrase = "; bằng cùng kỳ"
            } else {
                var details = Self.percent(abs(difference), then)
                if now != total {
                    details += "; tính trên \(paired.count) đơn vị: \(unit == nil ? Self.money(now) : Self.grouped(now)) so với \(write(then))"
                }
                phrase = "; so với cùng kỳ \(difference > 0 ? "tăng" : "giảm") \(write(abs(difference))) (\(details))"
            }
            #expect(text.contains(phrase), "\(key): \(phrase)")
            // Set against the whole previous file, a unit that has not reported would read as a fall.
            let allBefore = previous.reduce(0) { $0 + ($1.values[key] ?? 0) }
            if total - allBefore != difference {
                let wrong = "cùng kỳ \(total - allBefore > 0 ? "tăng" : "giảm") \(write(abs(total - allBefore))) ("
                #expect(!text.contains(wrong), "\(key): \(wrong)")
            }
        }

        // The rate: percentage points between the paired units' rates, both rates stated.
        let (cn, cd) = paired.reduce((Int64(0), Int64(0))) { ($0.0 + ($1.values["cdcs_phat_dong"] ?? 0), $0.1 + ($1.values["so_cdcs"] ?? 0)) }
        let (pn, pd) = paired.reduce((Int64(0), Int64(0))) {
            ($0.0 + (before[$1.name]?.values["cdcs_phat_dong"] ?? 0), $0.1 + (before[$1.name]?.values["so_cdcs"] ?? 0))
        }
        let points = Self.scaled(cn * pd - pn * cd, cd * pd, 1000)
        let launched = current.reduce(0) { $0 + ($1.values["cdcs_phat_dong"] ?? 0) }
        let unions = current.reduce(0) { $0 + ($1.values["so_cdcs"] ?? 0) }
        #expect(text.contains("Có \(Self.grouped(launched))/\(Self.grouped(unions)) Công đoàn cơ sở (CĐCS) tổ chức phát động thi đua, đạt \(Self.percent(launched, unions))"))
        #expect(text.contains("so với cùng kỳ tăng \(points / 10),\(points % 10) điểm phần trăm (tính trên \(paired.count) đơn vị: "
                              + "\(Self.percent(cn, cd)) so với \(Self.percent(pn, pd)))"))
    }

    @Test func targetsAreThePlansAndCountsSayWhatTheyMean() throws {
        let current = try Self.read("bao-cao/so-lieu-cac-khoi.csv") + Self.read("bao-cao/so-lieu-cac-huyen.csv")
        let planText = try String(contentsOf: TestSupport.example("ke-hoach-tinh-2025.yaml"), encoding: .utf8)
        // The plan's targets, read with Yams from wherever its `cac_chi_tieu` block is.
        var targets: [String: Int64] = [:]
        func collect(_ node: Node) {
            switch node {
            case .mapping(let m):
                for (key, value) in m {
                    if key.string == "cac_chi_tieu", case .sequence(let items) = value {
                        for item in items {
                            if let k = item["ma"]?.string, let v = item["gia_tri"]?.int { targets[k] = Int64(v) }
                        }
                    } else {
                        collect(value)
                    }
                }
            case .sequence(let s): s.forEach(collect)
            default: break
            }
        }
        collect(try #require(try Yams.compose(yaml: planText)))
        #expect(targets == ["ty_le_cdcs_phat_dong": 100, "doan_vien_moi": 3500, "thanh_lap_cdcs": 25])
        let text = try Self.text()
        let members = current.reduce(0) { $0 + ($1.values["doan_vien_moi"] ?? 0) }
        let memberTarget = try #require(targets["doan_vien_moi"])
        #expect(text.contains("Phát triển được \(Self.grouped(members)) đoàn viên mới, đạt \(Self.percent(members, memberTarget)) chỉ tiêu cả năm (\(Self.grouped(memberTarget)) đoàn viên)"))
        let reached = current.filter { ($0.values["doan_vien_moi"] ?? 0) >= ($0.values["chi_tieu_doan_vien_moi"] ?? .max) }.count
        #expect(text.contains("; \(reached)/\(current.count) đơn vị đã đạt chỉ tiêu được giao cả năm"))
        let founded = current.reduce(0) { $0 + ($1.values["thanh_lap_cdcs"] ?? 0) }
        let foundedTarget = try #require(targets["thanh_lap_cdcs"])
        #expect(text.contains("Thành lập mới \(founded) CĐCS, đạt \(Self.percent(founded, foundedTarget)) chỉ tiêu (\(foundedTarget) CĐCS)"))
        #expect(text.contains("(chỉ tiêu 100%)"))
        // The plan's exact subject opens the report.
        #expect(text.contains("Thực hiện Kế hoạch số 12/KH-LĐLĐ ngày 20/02/2025 của Ban Thường vụ Liên đoàn Lao động tỉnh Bến Tre về phát động phong trào thi đua yêu nước trong công nhân, viên chức, lao động chào mừng các ngày lễ lớn của đất nước năm 2025 và Đại hội Công đoàn các cấp."))

        let expected = try String(contentsOf: TestSupport.example("bao-cao/danh-sach-don-vi.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().count
        #expect(text.contains("Có \(current.count)/\(expected) đơn vị đã gửi báo cáo; kết quả chủ yếu như sau:"))
        let value = current.reduce(0) { $0 + ($1.values["gia_tri_lam_loi"] ?? 0) }
        #expect(text.contains("Giá trị làm lợi \(Self.money(value))"))
        let houses = current.reduce(0) { $0 + ($1.values["mai_am_so_nha"] ?? 0) }
        let cost = current.reduce(0) { $0 + ($1.values["mai_am_kinh_phi"] ?? 0) }
        #expect(text.contains("Xây dựng, sửa chữa \(houses) Mái ấm Công đoàn với tổng kinh phí \(Self.money(cost))"))
        #expect(!text.contains("Nguồn số liệu") && !text.contains("đọc 38 dòng"))
    }

    @Test func theAnnexHoldsEveryUnitWithTheSameTotals() throws {
        let current = try Self.read("bao-cao/so-lieu-cac-khoi.csv") + Self.read("bao-cao/so-lieu-cac-huyen.csv")
        let text = try Self.text()
        let annex = try #require(text.range(of: "PHỤ LỤC").map { String(text[$0.lowerBound...]) })
        #expect(annex.contains("(Kèm theo Báo cáo số 41/BC-LĐLĐ ngày 20/6/2025 của Ban Thường vụ Liên đoàn Lao động tỉnh Bến Tre)"))
        for row in current { #expect(annex.contains(row.name), "\(row.name)") }
        let group = current.filter { $0.group == "Khối Doanh nghiệp" }.reduce(0) { $0 + ($1.values["gia_tri_lam_loi"] ?? 0) }
        #expect(annex.contains(Self.grouped(group)))
        #expect(text.range(of: "PHỤ LỤC")?.lowerBound ?? text.startIndex > text.range(of: "Lê Thị Thu Hà")?.lowerBound ?? text.endIndex)
    }
}
