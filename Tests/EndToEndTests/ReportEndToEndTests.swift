import Foundation
import Testing

/// The example report through the binary: text, Markdown read by pandoc,
/// and the workbook read back by openpyxl, an independent reader.
@Suite("thidua render of a report (binary)")
struct ReportEndToEndTests {
    static let checker = #"""
    import json, sys, openpyxl
    path = sys.argv[1]
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    ws, wv = wb["Tổng hợp"], values["Tổng hợp"]
    out = {"sheets": wb.sheetnames, "title": wb.properties.title, "creator": wb.properties.creator,
           "freeze": ws.freeze_panes, "orientation": ws.page_setup.orientation, "paper": str(ws.page_setup.paperSize),
           "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
           "fitToHeight": ws.page_setup.fitToHeight, "print_title_rows": ws.print_title_rows,
           "merged": sorted(str(r) for r in ws.merged_cells.ranges)[:3], "autofilter": ws.auto_filter.ref}
    total = None
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "TỔNG CỘNG":
                total = cell.row
    out["total_row"] = total
    out["total_cells"] = [[ws.cell(total, c).value, wv.cell(total, c).value, ws.cell(total, c).number_format]
                          for c in range(3, ws.max_column + 1)] if total else []
    out["header"] = [ws.cell(r, c).value for r in range(1, 8) for c in range(1, 4)]
    out["missing"] = [[c.value for c in r] for r in values["Chưa báo cáo"].iter_rows()]
    out["sources"] = [[c.value for c in r] for r in values["Nguồn"].iter_rows()]
    out["charts"] = len(wb["Biểu đồ"]._charts)
    print(json.dumps(out, ensure_ascii=False))
    """#

    static var python: String? {
        ["/usr/bin/python3", Run.which("python3")].compactMap { $0 }.first { candidate in
            (try? Run.program(candidate, ["-c", "import openpyxl"]).status) == 0
        }
    }

    @Test func exampleReportWorkbookIsReadBackByOpenpyxl() throws {
        let out = try Run.tempFolder()
        let result = try Run.thidua(["render", "Examples/bao-cao-so-ket-2025.yaml", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        // The reconciliation is the program's account, on standard error, not document text.
        #expect(result.stderr.contains("đọc 38 dòng từ 2 tệp; tổng hợp 38 đơn vị; không bỏ qua dòng nào"))
        #expect(!result.stdout.contains("đọc 38 dòng"))
        #expect(result.stderr.contains("2 đơn vị trong"))
        let xlsx = out.appendingPathComponent("41-BC-LDLD-2025.xlsx").path
        guard let python = Self.python else {
            Issue.record("cần python3 có openpyxl (scripts/test.sh cài python3-openpyxl)")
            return
        }
        let script = out.appendingPathComponent("check.py")
        try Self.checker.write(to: script, atomically: true, encoding: .utf8)
        let run = try Run.program(python, [script.path, xlsx])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["sheets"] as? [String] == ["Tổng hợp", "So sánh", "Biểu đồ", "Chưa báo cáo", "Nguồn"])
        #expect(json["creator"] as? String == "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE")
        #expect(json["orientation"] as? String == "landscape")
        #expect(json["paper"] as? String == "9")
        #expect(json["fitToPage"] as? Bool == true)
        #expect(json["fitToHeight"] as? Int == 0)
        #expect((json["freeze"] as? String) != nil)
        #expect((json["autofilter"] as? String) != nil)
        #expect((json["print_title_rows"] as? String) != nil)
        #expect(json["charts"] as? Int == 1)
        // Grand total: a formula whose cached value is the independent sum
        // of the two CSV files (registrations: 11.671, see the report text).
        let totals = try #require(json["total_cells"] as? [[Any]])
        let formulas = totals.compactMap { $0[0] as? String }.filter { $0.hasPrefix("=") }
        #expect(formulas.count >= 10)
        let cached = totals.compactMap { $0[1] as? Int }
        #expect(cached.contains(11_671))
        #expect(cached.contains(3_432_800_000))
        #expect(totals.contains { ($0[2] as? String) == "#,##0" })
        let missing = try #require(json["missing"] as? [[Any]])
        let names = missing.flatMap { $0.compactMap { $0 as? String } }
        #expect(names.contains("Công ty CP Vận tải Ba Tri"))
        #expect(names.contains("CĐCS xã Thành Thới A"))
        let sources = try #require(json["sources"] as? [[Any]])
        #expect(sources.contains { ($0.first as? String) == "Số dòng đã đọc" && ($0.last as? Int) == 38 })
    }

    @Test func reportMarkdownHasTheTablesPandocExpects() throws {
        let md = try PandocTests.freshMarkdown("bao-cao-so-ket-2025.yaml")
        let s = try PandocTests.structure(of: md)
        // Header, the table by group, the table by unit, signature.
        #expect(s.tables == 4)
        #expect(s.headings.filter { $0.level == 2 }.map(\.text).first == "I. ĐẶC ĐIỂM TÌNH HÌNH")
        #expect(s.orderedLists == 0)
    }

    @Test func aMissingFigureFileIsADataErrorAtItsLine() throws {
        let folder = try Run.tempFolder()
        let text = try String(contentsOf: Run.packageRoot.appendingPathComponent("Examples/bao-cao-so-ket-2025.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "bao-cao/so-lieu-cac-huyen.csv", with: "khong-co.csv")
            .replacingOccurrences(of: "bao-cao/", with: Run.packageRoot.appendingPathComponent("Examples/bao-cao").path + "/")
        let file = folder.appendingPathComponent("bc.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        // The plan the report links (`tep:`) sits beside it, as in Examples/.
        try FileManager.default.copyItem(at: Run.packageRoot.appendingPathComponent("Examples/ke-hoach-tinh-2025.yaml"),
                                         to: folder.appendingPathComponent("ke-hoach-tinh-2025.yaml"))
        let result = try Run.thidua(["render", file.path, "--out", folder.appendingPathComponent("o").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bc.yaml:25:7: lỗi: không tìm thấy tệp số liệu \"khong-co.csv\""), "\(result.stderr)")
    }
}
