import CXlsxWriter
import Testing
import ThiDuaKit
@testable import ThiDuaXlsx

@Suite("lxw_error codes become Vietnamese XlsxErrors")
struct ErrorMappingTests {
    @Test("common codes map onto specific cases")
    func specificCases() {
        #expect(XlsxError(code: LXW_ERROR_MEMORY_MALLOC_FAILED) == .outOfMemory)
        #expect(XlsxError(code: LXW_ERROR_CREATING_XLSX_FILE, context: "/khong/co/bao-cao.xlsx") == .cannotCreateFile(path: "/khong/co/bao-cao.xlsx"))
        #expect(XlsxError(code: LXW_ERROR_CREATING_TMPFILE, context: "/tmp/x") == .temporaryFile(directory: "/tmp/x"))
        #expect(XlsxError(code: LXW_ERROR_READING_TMPFILE) == .temporaryFile(directory: nil))
        #expect(XlsxError(code: LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, context: "abc") == .sheetNameTooLong(name: "abc", length: 3))
        #expect(XlsxError(code: LXW_ERROR_INVALID_SHEETNAME_CHARACTER, context: "a:b") == .sheetNameInvalidCharacter(name: "a:b", character: ":"))
        #expect(XlsxError(code: LXW_ERROR_SHEETNAME_START_END_APOSTROPHE, context: "'a") == .sheetNameApostrophe(name: "'a"))
        #expect(XlsxError(code: LXW_ERROR_SHEETNAME_ALREADY_USED, context: "A") == .sheetNameDuplicate(name: "A", existing: "A"))
        #expect(XlsxError(code: LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, context: "ab") == .stringTooLong(length: 2, row: 0, column: 0))
        if case .zip = XlsxError(code: LXW_ERROR_ZIP_FILE_OPERATION) {} else { Issue.record("zip error expected") }
        if case .zip = XlsxError(code: LXW_ERROR_ZIP_CLOSE) {} else { Issue.record("zip error expected") }
        if case .invalidParameter = XlsxError(code: LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE) {} else { Issue.record("range error expected") }
        if case .invalidParameter = XlsxError(code: LXW_ERROR_PARAMETER_VALIDATION, context: "x") {} else { Issue.record("parameter error expected") }
        if case .invalidParameter = XlsxError(code: LXW_ERROR_FEATURE_NOT_SUPPORTED) {} else { Issue.record("feature error expected") }
    }

    @Test("an unknown code keeps the C library's own text")
    func unknownCode() {
        let error = XlsxError(code: LXW_ERROR_IMAGE_DIMENSIONS)
        guard case .library(let code, let message) = error else {
            Issue.record("expected .library, got \(error)")
            return
        }
        #expect(code == Int(LXW_ERROR_IMAGE_DIMENSIONS.rawValue))
        #expect(!message.isEmpty)
        #expect(error.description.contains(message))
        #expect(error.description.contains("libxlsxwriter"))
    }

    @Test("every code has a non-empty Vietnamese description")
    func everyCodeDescribed() {
        for raw in 1 ..< LXW_MAX_ERRNO.rawValue {
            let error = XlsxError(code: lxw_error(rawValue: raw), context: "ngữ cảnh")
            #expect(!error.description.isEmpty)
            // Vietnamese text: at least one letter outside ASCII.
            #expect(error.description.unicodeScalars.contains { $0.value > 0x7F }, "\(raw): \(error)")
        }
    }

    @Test("errors convert to ThiDuaError.output for the rest of the project")
    func thiDuaError() {
        let error = XlsxError.stringTooLong(length: 40_000, row: 2, column: 3).thiDuaError(path: "bao-cao.xlsx")
        guard case .output(let path, let message) = error else {
            Issue.record("expected .output")
            return
        }
        #expect(path == "bao-cao.xlsx")
        #expect(message.contains("D3"))
        #expect(error.description.contains("không ghi được tệp"))
    }

    @Test("a real C failure surfaces as a thrown error, not a crash")
    func realFailure() throws {
        let directory = try TemporaryDirectory()
        let book = try XlsxWorkbook(path: directory.file("loi.xlsx"))
        let sheet = try book.addWorksheet(named: "Trang")
        // 256 characters: over Excel's header limit, checked in Swift.
        #expect(throws: XlsxError.self) { try sheet.setPageSetup(XlsxPageSetup(header: String(repeating: "a", count: 256))) }
        // A malformed style value is refused instead of silently truncated by C.
        #expect(throws: XlsxError.self) { try sheet.writeString("x", row: 0, column: 0, style: CellStyle(fontName: String(repeating: "F", count: 40))) }
        #expect(throws: XlsxError.self) { try sheet.writeString("x", row: 0, column: 0, style: CellStyle(backgroundColor: 0x1_000_000)) }
    }
}
