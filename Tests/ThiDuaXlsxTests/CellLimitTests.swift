import Testing
@testable import ThiDuaXlsx

@Suite("Excel's limits are checked before calling C")
struct CellLimitTests {
    func sheet(_ directory: TemporaryDirectory, constantMemory: Bool = false) throws -> XlsxWorksheet {
        try XlsxWorkbook(path: directory.file("gioi-han.xlsx"), options: .init(constantMemory: constantMemory))
            .addWorksheet(named: "Trang")
    }

    @Test("a string of 32,767 characters is accepted, one more is refused")
    func stringLength() throws {
        let directory = try TemporaryDirectory()
        let sheet = try sheet(directory)
        try sheet.writeString(String(repeating: "a", count: 32_767), row: 0, column: 0)
        #expect(throws: XlsxError.stringTooLong(length: 32_768, row: 1, column: 0)) {
            try sheet.writeString(String(repeating: "a", count: 32_768), row: 1, column: 0)
        }
        // Counted in UTF-16 code units: 16,384 emoji are 32,768 units.
        #expect(throws: XlsxError.stringTooLong(length: 32_768, row: 2, column: 1)) {
            try sheet.writeString(String(repeating: "😀", count: 16_384), row: 2, column: 1)
        }
        let error = try #require(throws: XlsxError.self) {
            try sheet.writeString(String(repeating: "ư", count: 40_000), row: 3, column: 2)
        }
        #expect(error.description.contains("C4"))
        #expect(error.description.contains("32.767"))
    }

    @Test("cached formula texts and merged texts obey the same limit")
    func otherTexts() throws {
        let directory = try TemporaryDirectory()
        let sheet = try sheet(directory)
        let long = String(repeating: "b", count: 32_768)
        #expect(throws: XlsxError.self) { try sheet.writeFormula("=A1", cachedValue: .text(long), row: 0, column: 1) }
        #expect(throws: XlsxError.self) {
            try sheet.merge(XlsxRange(firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 3), text: long)
        }
    }

    @Test("NUL characters are refused rather than silently truncating the text")
    func nul() throws {
        let directory = try TemporaryDirectory()
        let sheet = try sheet(directory)
        #expect(throws: XlsxError.stringContainsNul(row: 0, column: 0)) { try sheet.writeString("a\u{0}b", row: 0, column: 0) }
    }

    @Test("rows beyond 1,048,576 and columns beyond 16,384 are clear errors")
    func grid() throws {
        let directory = try TemporaryDirectory()
        let sheet = try sheet(directory)
        try sheet.writeNumber(1, row: 1_048_575, column: 16_383)
        #expect(throws: XlsxError.rowOutOfRange(row: 1_048_576)) { try sheet.writeNumber(1, row: 1_048_576, column: 0) }
        #expect(throws: XlsxError.columnOutOfRange(column: 16_384)) { try sheet.writeNumber(1, row: 0, column: 16_384) }
        #expect(throws: XlsxError.rowOutOfRange(row: -1)) { try sheet.writeNumber(1, row: -1, column: 0) }
        #expect(XlsxError.rowOutOfRange(row: 1_048_576).description.contains("1.048.576"))
        #expect(XlsxError.columnOutOfRange(column: 16_384).description.contains("16.384"))
    }

    @Test("numbers Excel cannot hold exactly are refused")
    func numbers() throws {
        let directory = try TemporaryDirectory()
        let sheet = try sheet(directory)
        try sheet.write(.integer(9_007_199_254_740_992), row: 0, column: 0)
        #expect(throws: XlsxError.self) { try sheet.write(.integer(9_007_199_254_740_993), row: 1, column: 0) }
        #expect(throws: XlsxError.self) { try sheet.writeNumber(.nan, row: 2, column: 0) }
        #expect(throws: XlsxError.self) { try sheet.writeNumber(.infinity, row: 3, column: 0) }
    }

    @Test("formulas longer than 8,192 characters and empty formulas are refused")
    func formulas() throws {
        let directory = try TemporaryDirectory()
        let sheet = try sheet(directory)
        let long = "=" + Array(repeating: "A1", count: 4_097).joined(separator: "+")
        #expect(throws: XlsxError.formulaTooLong(length: 12_290)) { try sheet.writeFormula(long, cachedValue: 0, row: 0, column: 0) }
        #expect(throws: XlsxError.self) { try sheet.writeFormula("=", cachedValue: 0, row: 0, column: 0) }
    }

    @Test("a one-cell merge is refused")
    func singleCellMerge() throws {
        let directory = try TemporaryDirectory()
        let sheet = try sheet(directory)
        #expect(throws: XlsxError.self) { try sheet.merge(XlsxRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 0), text: "x") }
    }

    @Test("in constant-memory mode going back to a flushed row is an error, not silent loss")
    func constantMemoryOrder() throws {
        let directory = try TemporaryDirectory()
        let sheet = try sheet(directory, constantMemory: true)
        try sheet.writeString("a", row: 0, column: 0)
        try sheet.writeString("b", row: 2, column: 0)
        try sheet.writeString("c", row: 2, column: 1)
        #expect(throws: XlsxError.rowAlreadyWritten(sheet: "Trang", row: 1, currentRow: 2)) {
            try sheet.writeString("x", row: 1, column: 0)
        }
        // A refused value does not move the cursor.
        #expect(throws: XlsxError.self) { try sheet.writeString(String(repeating: "a", count: 40_000), row: 9, column: 0) }
        #expect(sheet.currentRow == 2)
        try sheet.writeString("d", row: 3, column: 0)
        #expect(sheet.currentRow == 3)
    }

    @Test("in normal mode rows may be written in any order, and all of them are kept")
    func normalModeAnyOrder() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("thu-tu.xlsx")
        let book = try XlsxWorkbook(path: path)
        let sheet = try book.addWorksheet(named: "Trang")
        try sheet.writeString("b", row: 2, column: 0)
        try sheet.writeString("a", row: 0, column: 0)
        try book.close()
        guard let python = OpenPyXL.requirePython() else { return }
        let dump = try OpenPyXL.dump(path, python: python)
        #expect(dump.cell("Trang", "A1")?["value"] as? String == "a")
        #expect(dump.cell("Trang", "A3")?["value"] as? String == "b")
    }
}
