import Testing
@testable import ThiDuaXlsx

@Suite("Sheet names follow Excel's rules")
struct SheetNameTests {
    @Test("Vietnamese names up to 31 UTF-16 code units are accepted")
    func acceptsValidNames() throws {
        try XlsxSheetName.validate("Tổng hợp")
        try XlsxSheetName.validate("Chưa báo cáo", existing: ["Tổng hợp", "Biểu đồ"])
        let thirtyOne = String(repeating: "ệ", count: 31)
        #expect(thirtyOne.utf16.count == 31)
        try XlsxSheetName.validate(thirtyOne)
    }

    @Test("length is counted in UTF-16 code units, as Excel counts")
    func lengthInUTF16() {
        // 16 emoji are 16 characters but 32 UTF-16 code units: too long for Excel.
        let emoji = String(repeating: "😀", count: 16)
        #expect(throws: XlsxError.sheetNameTooLong(name: emoji, length: 32)) { try XlsxSheetName.validate(emoji) }
        let long = String(repeating: "a", count: 32)
        #expect(throws: XlsxError.sheetNameTooLong(name: long, length: 32)) { try XlsxSheetName.validate(long) }
        // Decomposed (NFD) Vietnamese letters take two code units each.
        let decomposed = String(repeating: "e\u{0302}\u{0301}", count: 11)
        #expect(throws: XlsxError.self) { try XlsxSheetName.validate(decomposed) }
    }

    @Test("forbidden characters are refused", arguments: ["[", "]", ":", "*", "?", "/", "\\"])
    func forbiddenCharacters(character: String) {
        let name = "Khối\(character)Cụm"
        #expect(throws: XlsxError.sheetNameInvalidCharacter(name: name, character: Character(character))) {
            try XlsxSheetName.validate(name)
        }
    }

    @Test("apostrophes may not start or end a name but may stand inside")
    func apostrophes() throws {
        #expect(throws: XlsxError.sheetNameApostrophe(name: "'Nguồn")) { try XlsxSheetName.validate("'Nguồn") }
        #expect(throws: XlsxError.sheetNameApostrophe(name: "Nguồn'")) { try XlsxSheetName.validate("Nguồn'") }
        try XlsxSheetName.validate("Nguồn 'A'B")
    }

    @Test("empty names are refused")
    func empty() {
        #expect(throws: XlsxError.sheetNameEmpty) { try XlsxSheetName.validate("") }
    }

    @Test("names must be unique ignoring case, Vietnamese capitals included")
    func uniqueCaseInsensitive() {
        #expect(throws: XlsxError.sheetNameDuplicate(name: "TỔNG HỢP", existing: "Tổng hợp")) {
            try XlsxSheetName.validate("TỔNG HỢP", existing: ["Tổng hợp"])
        }
    }

    @Test("the workbook checks names before calling C, with a Vietnamese message naming sheet and rule")
    func workbookRefusesBadNames() throws {
        let directory = try TemporaryDirectory()
        let book = try XlsxWorkbook(path: directory.file("ten.xlsx"))
        _ = try book.addWorksheet(named: "Tổng hợp")
        do {
            _ = try book.addWorksheet(named: "tổng HỢP")
            Issue.record("expected a duplicate-name error")
        } catch let error as XlsxError {
            #expect(error.description.contains("tổng HỢP"))
            #expect(error.description.contains("trùng"))
        }
        do {
            _ = try book.addWorksheet(named: "Báo cáo 01/2025")
            Issue.record("expected a forbidden-character error")
        } catch let error as XlsxError {
            #expect(error.description.contains("Báo cáo 01/2025"))
            #expect(error.description.contains("[ ] : * ? / \\"))
        }
        do {
            _ = try book.addWorksheet(named: String(repeating: "x", count: 40))
            Issue.record("expected a length error")
        } catch let error as XlsxError {
            #expect(error.description.contains("31 ký tự"))
        }
        #expect(book.sheetNames == ["Tổng hợp"])
    }
}
