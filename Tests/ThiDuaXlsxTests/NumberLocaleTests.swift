import Foundation
import Testing
@testable import ThiDuaXlsx

/// libxlsxwriter prints numbers with the C numeric locale; ThiDuaXlsx never calls
/// `setlocale`, so numbers must survive the round trip exactly.
@Suite("Numbers are written with a '.' decimal point whatever the user's locale")
struct NumberLocaleTests {
    @Test("the process still uses the C numeric locale")
    func cNumericLocale() throws {
        let directory = try TemporaryDirectory()
        // Writing a workbook must not change the locale either.
        let book = try XlsxWorkbook(path: directory.file("a.xlsx"))
        try book.addWorksheet(named: "A").writeNumber(1.5, row: 0, column: 0)
        try book.close()
        let point = try #require(localeconv()?.pointee.decimal_point)
        #expect(String(cString: point) == ".")
    }

    @Test("1234.56 and friends come back exactly through openpyxl",
          .enabled(if: !OpenPyXL.skipRequested, "THIDUA_SKIP_OPENPYXL=1"))
    func roundTrip() throws {
        guard let python = OpenPyXL.requirePython() else { return }
        let directory = try TemporaryDirectory()
        let values: [Double] = [1234.56, 0.1, -98.5, 1e-7, 123_456_789.125, 9_007_199_254_740_992]
        for constantMemory in [false, true] {
            let path = directory.file("so-\(constantMemory).xlsx")
            let book = try XlsxWorkbook(path: path, options: .init(constantMemory: constantMemory))
            let sheet = try book.addWorksheet(named: "Số")
            for (row, value) in values.enumerated() {
                try sheet.writeNumber(value, row: row, column: 0, style: CellStyle(numberFormat: "#,##0.00"))
                try sheet.writeFormula("=A\(row + 1)*1", cachedValue: .number(value), row: row, column: 1)
            }
            try book.close()
            let dump = try OpenPyXL.dump(path, python: python)
            for (row, value) in values.enumerated() {
                let cell = try #require(dump.cell("Số", "A\(row + 1)"))
                let read = try #require((cell["value"] as? NSNumber)?.doubleValue)
                #expect(read == value)
                #expect(cell["number_format"] as? String == "#,##0.00")
                let cached = try #require((dump.cell("Số", "B\(row + 1)")?["cached"] as? NSNumber)?.doubleValue)
                #expect(cached == value)
            }
        }
    }
}
