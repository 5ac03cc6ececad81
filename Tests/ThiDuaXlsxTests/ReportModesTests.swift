import Foundation
import Testing
import BenchSupport
@testable import ThiDuaXlsx

/// Constant-memory mode must not change what the workbook contains.
@Suite("Constant-memory and normal mode give identical content", .enabled(if: !OpenPyXL.skipRequested, "THIDUA_SKIP_OPENPYXL=1"))
struct ReportModesTests {
    /// Everything the dump holds except chart caches, which libxlsxwriter can only fill in
    /// normal mode (the cell data are not kept in memory otherwise).
    func content(_ dump: [String: Any]) throws -> Data {
        var copy = dump
        copy["properties"] = nil  // holds the creation time
        return try JSONSerialization.data(withJSONObject: copy, options: [.sortedKeys])
    }

    func compareModes(_ input: SummaryWorkbookInput, name: String) throws {
        guard let python = OpenPyXL.requirePython() else { return }
        let directory = try TemporaryDirectory()
        let normal = directory.file("\(name)-thuong.xlsx")
        let constant = directory.file("\(name)-tiet-kiem.xlsx")
        try ReportWorkbook.write(input, to: normal)
        try ReportWorkbook.write(input, to: constant, options: .init(constantMemory: true))
        let normalDump = try OpenPyXL.dump(normal, python: python)
        let constantDump = try OpenPyXL.dump(constant, python: python)
        #expect(try content(normalDump) == content(constantDump))
        // Guard against comparing two empty dumps.
        let cells = (normalDump.sheet(ReportWorkbook.summarySheetName)?["cells"] as? [String: Any])?.count ?? 0
        #expect(cells > 20)
    }

    @Test("the sample report")
    func sample() throws {
        try compareModes(SampleInput.make(), name: "mau")
    }

    @Test("a synthetic report with many groups and units")
    func synthetic() throws {
        try compareModes(SummaryWorkbookInput.synthetic(units: 400, indicators: 5, groups: 7), name: "tong-hop")
    }

    @Test("low-level merges starting on one row work in constant-memory mode")
    func multipleVerticalMerges() throws {
        guard let python = OpenPyXL.requirePython() else { return }
        let directory = try TemporaryDirectory()
        var dumps: [Data] = []
        for constantMemory in [false, true] {
            let path = directory.file("gop-\(constantMemory).xlsx")
            let book = try XlsxWorkbook(path: path, options: .init(constantMemory: constantMemory))
            let sheet = try book.addWorksheet(named: "Gộp")
            let style = CellStyle(bold: true, border: .thin)
            try sheet.merge([
                XlsxMerge(range: XlsxRange(firstRow: 0, firstColumn: 0, lastRow: 2, lastColumn: 0), text: "STT", style: style),
                XlsxMerge(range: XlsxRange(firstRow: 0, firstColumn: 1, lastRow: 1, lastColumn: 1), text: "Đơn vị", style: style),
                XlsxMerge(range: XlsxRange(firstRow: 0, firstColumn: 2, lastRow: 0, lastColumn: 4), text: "Chỉ tiêu", style: style),
            ])
            try sheet.writeString("sau", row: 2, column: 2)
            try book.close()
            let dump = try OpenPyXL.dump(path, python: python)
            #expect(dump.cell("Gộp", "A1")?["value"] as? String == "STT")
            #expect(dump.cell("Gộp", "B1")?["value"] as? String == "Đơn vị")
            #expect(dump.cell("Gộp", "C1")?["value"] as? String == "Chỉ tiêu")
            #expect(dump.cell("Gộp", "C3")?["value"] as? String == "sau")
            #expect(dump.sheet("Gộp")?["merged"] as? [String] == ["A1:A3", "B1:B2", "C1:E1"])
            dumps.append(try JSONSerialization.data(withJSONObject: dump["sheet"] ?? [:], options: [.sortedKeys]))
        }
        #expect(dumps[0] == dumps[1])
    }
}
