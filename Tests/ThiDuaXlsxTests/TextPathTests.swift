import Foundation
import Testing
@testable import ThiDuaXlsx

/// Every place a string reaches libxlsxwriter, with each OWASP formula prefix (and the
/// full-width forms Excel also accepts): the text must come out exactly as written, as
/// text, and never as a formula or a reference — judged from the package's XML and by
/// openpyxl.
@Suite("One safe path for text", .enabled(if: !OpenPyXL.skipRequested, "THIDUA_SKIP_OPENPYXL=1"))
struct TextPathTests {
    static let prefixes = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]
    static let payload = "HYPERLINK(\"http://example.invalid\",\"bấm\")"

    /// A workbook with `text` in every place: cell, merged cell, formula's cached text,
    /// chart title, series name, both axis names, document properties, header and footer.
    static func write(_ text: String, to path: String, constantMemory: Bool) throws {
        let book = try XlsxWorkbook(path: path, options: .init(constantMemory: constantMemory))
        try book.setProperties(XlsxDocumentProperties(title: text, subject: text, author: text, company: text, comments: text))
        let sheet = try book.addWorksheet(named: "Trang")
        try sheet.setPageSetup(XlsxPageSetup(header: "&C" + text, footer: "&L" + text))
        try sheet.writeString(text, row: 0, column: 0)
        try sheet.writeNumber(4, row: 0, column: 1)
        try sheet.writeFormula("=IF(B1>0,\"x\",\"\")", cachedValue: .text(text), row: 0, column: 2)
        try sheet.merge(XlsxRange(firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 2), text: text)
        try sheet.writeNumber(5, row: 2, column: 1)
        let series = XlsxColumnChart.Series(name: text, sheet: "Trang", categories: XlsxRange(firstRow: 0, firstColumn: 0, lastRow: 2, lastColumn: 0),
                                            values: XlsxRange(firstRow: 0, firstColumn: 1, lastRow: 2, lastColumn: 1))
        try sheet.insertChart(XlsxColumnChart(title: text, categoryAxisTitle: text, valueAxisTitle: text, series: [series]), row: 4, column: 0)
        try book.close()
    }

    @Test(arguments: prefixes)
    func textWithAFormulaPrefixStaysLiteralEverywhere(_ prefix: String) throws {
        guard let python = OpenPyXL.requirePython() else { return }
        let text = prefix + Self.payload
        // XML normalises a lone CR to LF when it is read back; in a cell libxlsxwriter
        // stores it as Excel's `_x000D_`, which Excel shows as CR and openpyxl 3.0 leaves as is.
        let read = text.replacingOccurrences(of: "\r", with: "\n")
        let stored = text.replacingOccurrences(of: "\r", with: "_x000D_")
        let directory = try TemporaryDirectory()
        for constantMemory in [false, true] {
            let path = directory.file("tiem-\(constantMemory).xlsx")
            try Self.write(text, to: path, constantMemory: constantMemory)
            let dump = try OpenPyXL.dump(path, python: python)
            for reference in ["A1", "A2"] {
                let cell = try #require(dump.cell("Trang", reference))
                #expect(cell["type"] as? String == "s", "\(reference) of \(prefix.debugDescription)")
                #expect(cell["value"] as? String == stored)
            }
            #expect(dump.cell("Trang", "C1")?["cached"] as? String == read)
            let charts = try #require(dump.sheet("Trang")?["charts"] as? [[String: Any]])
            let chart = try #require(charts.first)
            #expect(chart["title"] as? String == read)
            #expect(chart["axis_titles"] as? [String] == [read, read])
            let seriesList = try #require(chart["series"] as? [[String: Any]])
            #expect(seriesList.first?["name"] as? String == read)
            // The name is a value, not a reference to a cell (`<c:tx><c:f>`).
            #expect((chart["series_name_formulas"] as? [Any])?.allSatisfy { $0 is NSNull } == true)
            // The chart's only references are the two ranges the series read.
            let formulas = chart["formulas"] as? [String] ?? []
            #expect(formulas.count == 2 && !formulas.contains { $0.contains("HYPERLINK") }, "\(formulas)")
            let properties = try #require(dump["properties"] as? [String: Any])
            #expect(properties["title"] as? String == read)
            #expect(properties["creator"] as? String == read)
            #expect(properties["company"] as? String == read)
            let print = try #require(dump.sheet("Trang")?["print"] as? [String: Any])
            #expect(print["header_center"] as? String == read)
        }
    }

    @Test func aLiteralExcelEscapeInACellIsShownAsWritten() throws {
        guard let python = OpenPyXL.requirePython() else { return }
        let directory = try TemporaryDirectory()
        let path = directory.file("escape.xlsx")
        let book = try XlsxWorkbook(path: path)
        let sheet = try book.addWorksheet(named: "Trang")
        try sheet.writeString("Đơn vị _x0041_ và _X00e9_ và _x12_", row: 0, column: 0)
        try book.close()
        let dump = try OpenPyXL.dump(path, python: python)
        #expect(dump.cell("Trang", "A1")?["value"] as? String == "Đơn vị _x0041_ và _X00e9_ và _x12_")
    }

    @Test func charactersTheXMLCannotCarryAreRefusedWithThePlaceNamed() throws {
        let directory = try TemporaryDirectory()
        let book = try XlsxWorkbook(path: directory.file("hong.xlsx"))
        #expect(throws: XlsxError.invalidCharacter(place: "thuộc tính “Tiêu đề” của tệp", codePoint: "U+0001")) {
            try book.setProperties(XlsxDocumentProperties(title: "Báo cáo\u{1}"))
        }
        #expect(throws: XlsxError.invalidCharacter(place: "tên trang “A\tB”", codePoint: "U+0009")) {
            _ = try book.addWorksheet(named: "A\tB")
        }
        let sheet = try book.addWorksheet(named: "Trang")
        #expect(throws: XlsxError.invalidCharacter(place: "ô A1 của trang “Trang”", codePoint: "U+FFFF")) {
            try sheet.writeString("x\u{FFFF}", row: 0, column: 0)
        }
        #expect(throws: XlsxError.invalidCharacter(place: "đầu trang/chân trang", codePoint: "U+001B")) {
            try sheet.setPageSetup(XlsxPageSetup(footer: "&C\u{1B}[31m"))
        }
        let series = XlsxColumnChart.Series(name: "a\u{7}", sheet: "Trang", categories: XlsxRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 0),
                                            values: XlsxRange(firstRow: 0, firstColumn: 1, lastRow: 0, lastColumn: 1))
        #expect(throws: XlsxError.self) {
            try sheet.insertChart(XlsxColumnChart(title: "T", series: [series]), row: 2, column: 0)
        }
    }

    @Test func aLongChartLabelIsShortenedToExcelsLimit() throws {
        let long = String(repeating: "Phát triển đoàn viên ", count: 40)
        let label = try XlsxText.label(long, place: "x")
        #expect(label.utf16.count == XlsxText.maximumLabelLength)
        #expect(label.hasSuffix("…"))
        #expect(long.hasPrefix(String(label.dropLast())))
        #expect(try XlsxText.label("ngắn", place: "x") == "ngắn")
    }
}
