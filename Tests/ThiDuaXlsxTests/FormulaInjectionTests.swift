import Foundation
import Testing
@testable import ThiDuaXlsx

@Suite("Text is never turned into a formula", .enabled(if: !OpenPyXL.skipRequested, "THIDUA_SKIP_OPENPYXL=1"))
struct FormulaInjectionTests {
    static let dangerous = [
        "=1+1", "+1", "-1", "@SUM(A1:A2)", "=HYPERLINK(\"http://example.invalid\",\"bấm vào\")",
        "=cmd|' /C calc'!A0", "-2+3", "+84 912 345 678",
    ]

    @Test("text starting with = + - @ is stored as a string cell, in both modes")
    func textStaysText() throws {
        guard let python = OpenPyXL.requirePython() else { return }
        let directory = try TemporaryDirectory()
        for constantMemory in [false, true] {
            let path = directory.file("tiem-\(constantMemory).xlsx")
            let book = try XlsxWorkbook(path: path, options: .init(constantMemory: constantMemory))
            let sheet = try book.addWorksheet(named: "Trang")
            // Row by row, so the same calls also work in constant-memory mode.
            for (row, text) in Self.dangerous.enumerated() {
                try sheet.write(.text(text), row: row, column: 0)
                if row == 0 {
                    try sheet.writeNumber(2, row: 0, column: 1)
                    try sheet.writeFormula("=SUM(B1:B2)", cachedValue: 5, row: 0, column: 2)
                }
                if row == 1 { try sheet.writeNumber(3, row: 1, column: 1) }
            }
            try book.close()

            let dump = try OpenPyXL.dump(path, python: python)
            for (row, text) in Self.dangerous.enumerated() {
                let cell = try #require(dump.cell("Trang", "A\(row + 1)"))
                #expect(cell["type"] as? String == "s", "A\(row + 1) = \(text)")
                #expect(cell["value"] as? String == text)
                #expect(cell["formula"] == nil)
            }
            let formula = try #require(dump.cell("Trang", "C1"))
            #expect(formula["type"] as? String == "f")
            #expect(formula["formula"] as? String == "=SUM(B1:B2)")
            #expect(formula["cached"] as? Int == 5)
        }
    }

    @Test("a unit name that looks like a formula stays text in the report")
    func reportUnitNames() throws {
        guard let python = OpenPyXL.requirePython() else { return }
        let directory = try TemporaryDirectory()
        let path = directory.file("bao-cao.xlsx")
        try ReportWorkbook.write(SampleInput.make(), to: path)
        let dump = try OpenPyXL.dump(path, python: python)
        let cell = try #require(dump.cell(ReportWorkbook.summarySheetName, "B9"))
        #expect(cell["type"] as? String == "s")
        #expect(cell["value"] as? String == "=SUM(1,2) Công đoàn thử")
    }
}
