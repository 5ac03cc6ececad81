import Foundation
import Testing

/// Upward aggregation: a province's report from the workbooks two districts sent, each named
/// in `so_lieu` as `{tep:, nhom:}`. The workbooks are made by openpyxl; the totals by group are
/// recomputed here from the same rows, not by thidua.
@Suite("thidua render: one group per received district workbook")
struct UpwardAggregationEndToEndTests {
    typealias Row = (unit: String, cdcs: Int64, registered: Int64)

    static let districts: [(file: String, group: String, rows: [Row])] = [
        ("chau-thanh.xlsx", "Huyện Châu Thành", [
            ("CĐCS xã An Khánh", 1, 58), ("CĐCS xã Tân Thạch", 1, 31), ("CĐCS Bưu điện tỉnh", 3, 120),
        ]),
        ("ba-tri.xlsx", "Huyện Ba Tri", [
            ("CĐCS xã An Ngãi Trung", 1, 17), ("CĐCS Bưu điện tỉnh", 3, 120), ("CĐCS Trường THPT Ba Tri", 2, 64),
        ]),
    ]

    /// Writes each district's workbook with openpyxl: a title row, the header, the units.
    static let makeWorkbooks = """
    import json, sys, openpyxl
    for d in json.loads(sys.argv[1]):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Số liệu"
        ws.append(["BÁO CÁO SỐ LIỆU " + d["group"].upper()])
        ws.append(["Đơn vị", "Số CĐCS", "Cá nhân đăng ký thi đua"])
        for unit, cdcs, registered in d["rows"]:
            ws.append([unit, cdcs, registered])
        wb.save(sys.argv[2] + "/" + d["file"])
    """

    static let report = """
    loai: bao_cao
    co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
    co_quan_ban_hanh: Liên đoàn Lao động tỉnh Vĩnh Long
    so: 41
    ky_hieu: BC-LĐLĐ
    dia_danh: Vĩnh Long
    ngay: 2025-09-12
    trich_yeu: Sơ kết phong trào thi đua đợt 1 năm 2025
    luu: [VT]
    chu_ky: { hinh_thuc: TM., thay_mat: Ban Thường vụ, chuc_vu: Chủ tịch, ho_ten: Nguyễn Văn A }
    bao_cao:
      hinh_thuc: so_ket
      so_lieu:
        - { tep: nhan-ve/chau-thanh.xlsx, nhom: Huyện Châu Thành }
        - tep: nhan-ve/ba-tri.xlsx
          nhom: Huyện Ba Tri

    """

    /// The "Kết quả theo khối, cụm" table of the Markdown report: cells by row label, by column header.
    static func groupTable(_ markdown: String) -> [String: [String: String]] {
        let lines = markdown.components(separatedBy: "\n")
        guard let heading = lines.firstIndex(where: { $0.contains("Kết quả theo khối, cụm") }),
              let start = lines[heading...].firstIndex(where: { $0.hasPrefix("|") }) else { return [:] }
        func cells(_ line: String) -> [String] {
            line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "|"))
                .components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let header = cells(lines[start])
        var table: [String: [String: String]] = [:]
        for line in lines[(start + 2)...] {
            guard line.hasPrefix("|") else { break }
            let row = cells(line)
            table[row[0]] = Dictionary(zip(header, row), uniquingKeysWith: { first, _ in first })
        }
        return table
    }

    /// Vietnamese thousands: 1.234.
    static func grouped(_ value: Int64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "." }
            out.append(digit)
        }
        return out
    }

    @Test func eachDistrictIsAGroupWithItsTotalsAndTheSharedUnitIsADuplicate() throws {
        guard let python = ReportEndToEndTests.python else {
            Issue.record("cần python3 có openpyxl (scripts/test.sh cài python3-openpyxl)")
            return
        }
        let folder = try Run.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = folder.appendingPathComponent("nhan-ve")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let json = Self.districts.map { d in
            ["file": d.file, "group": d.group, "rows": d.rows.map { [$0.unit, $0.cdcs, $0.registered] as [Any] }] as [String: Any]
        }
        let argument = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        let made = try Run.program(python, ["-c", Self.makeWorkbooks, argument, inbox.path])
        #expect(made.status == 0, "\(made.stderr)")
        let yaml = folder.appendingPathComponent("bao-cao.yaml")
        try Self.report.write(to: yaml, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try Run.thidua(["render", yaml.path, "--format", "md", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")

        // The unit both districts sent is found, the second row skipped, and said where.
        let duplicate = result.stderr.components(separatedBy: "\n").filter { $0.contains("có hai dòng") }
        #expect(duplicate.count == 1, "\(result.stderr)")
        #expect(duplicate.first?.contains("'CĐCS Bưu điện tỉnh'") == true)
        #expect(duplicate.first?.contains("chau-thanh.xlsx") == true && duplicate.first?.contains("ba-tri.xlsx") == true, "\(duplicate)")
        // The reconciliation counts files, sheets and rows.
        #expect(result.stderr.contains("đọc 6 dòng từ 2 tệp"), "\(result.stderr)")
        #expect(result.stderr.contains("tổng hợp 5 đơn vị"), "\(result.stderr)")

        // Totals per district, recomputed: a unit counts once, in the first file that has it.
        var seen = Set<String>()
        var expected: [String: (cdcs: Int64, registered: Int64)] = [:]
        for district in Self.districts {
            var sums: (cdcs: Int64, registered: Int64) = (0, 0)
            for row in district.rows where seen.insert(row.unit).inserted {
                sums.cdcs += row.cdcs
                sums.registered += row.registered
            }
            expected[district.group] = sums
        }
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix(".md") })
        let table = Self.groupTable(try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8))
        let cdcs = try #require(table["Số CĐCS"], "\(table)")
        let registered = try #require(table["Cá nhân đăng ký thi đua"], "\(table)")
        for (group, sums) in expected {
            #expect(cdcs[group] == Self.grouped(sums.cdcs), "\(group): \(cdcs)")
            #expect(registered[group] == Self.grouped(sums.registered), "\(group): \(registered)")
        }
        let total = expected.values.reduce(Int64(0)) { $0 + $1.registered }
        #expect(registered["Tổng cộng"] == Self.grouped(total), "\(registered)")
    }
}
