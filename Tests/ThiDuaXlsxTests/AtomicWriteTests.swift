import Foundation
import Testing
@testable import ThiDuaXlsx

@Suite("Atomic write: a failure never damages the previous file")
struct AtomicWriteTests {
    /// Writes a tiny valid workbook whose only cell says `marker`.
    func writeGood(_ path: String, marker: String) throws {
        let book = try XlsxWorkbook(path: path)
        try book.addWorksheet(named: "A").writeString(marker, row: 0, column: 0)
        try book.close()
    }

    func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test("a successful close replaces the previous file and leaves no temporary file")
    func successReplaces() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bao-cao.xlsx")
        try writeGood(path, marker: "cũ")
        let old = try bytes(path)
        try writeGood(path, marker: "mới hơn nhiều")
        #expect(try bytes(path) != old)
        #expect(try directory.contents() == ["bao-cao.xlsx"])
    }

    @Test("a libxlsxwriter failure during close leaves the old file untouched")
    func libraryFailure() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bao-cao.xlsx")
        try writeGood(path, marker: "bản tốt")
        let old = try bytes(path)
        let book = try XlsxWorkbook(path: path)
        try book.addWorksheet(named: "A").writeString("bản hỏng", row: 0, column: 0)
        // Occupy the temporary file's name with a folder: workbook_close cannot fopen it
        // and fails with LXW_ERROR_CREATING_XLSX_FILE, a genuine C-side failure.
        try FileManager.default.createDirectory(atPath: book.temporaryPath, withIntermediateDirectories: false)
        #expect(throws: XlsxError.cannotCreateFile(path: path)) { try book.close() }
        #expect(try bytes(path) == old)
        try FileManager.default.removeItem(atPath: book.temporaryPath)
        #expect(try directory.contents() == ["bao-cao.xlsx"])
    }

    @Test("libxlsxwriter's own temporary files in tmpdir are gone after close and after abandon")
    func temporaryFolderIsCleaned() throws {
        let directory = try TemporaryDirectory()
        let scratch = directory.file("tam")
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false)
        let options = XlsxWorkbook.Options(constantMemory: true, temporaryDirectory: scratch)
        do {
            let abandoned = try XlsxWorkbook(path: directory.file("bo.xlsx"), options: options)
            let sheet = try abandoned.addWorksheet(named: "A")
            for row in 0 ..< 1_000 { try sheet.writeNumber(Double(row), row: row, column: 0) }
        }
        let book = try XlsxWorkbook(path: directory.file("giu.xlsx"), options: options)
        let sheet = try book.addWorksheet(named: "A")
        for row in 0 ..< 1_000 { try sheet.writeNumber(Double(row), row: row, column: 0) }
        try book.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == [])
        #expect(try directory.contents() == ["giu.xlsx", "tam"])
    }

    @Test("a failure just before the rename leaves the old file untouched")
    func failureBeforeRename() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bao-cao.xlsx")
        try writeGood(path, marker: "bản tốt")
        let old = try bytes(path)
        let book = try XlsxWorkbook(path: path)
        try book.addWorksheet(named: "A").writeString("bản mới", row: 0, column: 0)
        book.injectFailureBeforeRename = true
        #expect(throws: XlsxError.self) { try book.close() }
        #expect(try bytes(path) == old)
        #expect(try directory.contents() == ["bao-cao.xlsx"])
    }

    @Test("a destination folder that does not exist is a clear error and creates nothing")
    func missingFolder() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("khong-co/bao-cao.xlsx")
        let book = try XlsxWorkbook(path: path)
        try book.addWorksheet(named: "A").writeString("x", row: 0, column: 0)
        do {
            try book.close()
            Issue.record("expected an error")
        } catch let error as XlsxError {
            guard case .cannotCreateFile(let reported) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(reported == path)
            #expect(error.description.contains("không tạo được tệp"))
        }
        #expect(try directory.contents() == [])
    }

    @Test("a destination that is a folder is refused and the folder stays as it was")
    func destinationIsFolder() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bao-cao.xlsx")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try Data("giữ nguyên".utf8).write(to: URL(fileURLWithPath: "\(path)/ghi-chu.txt"))
        let book = try XlsxWorkbook(path: path)
        try book.addWorksheet(named: "A").writeString("x", row: 0, column: 0)
        #expect(throws: XlsxError.self) { try book.close() }
        #expect(try directory.contents() == ["bao-cao.xlsx"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["ghi-chu.txt"])
    }

    @Test("a folder the process cannot write (as root too: a read-only mount) is a clear error")
    func readOnlyFolder() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bao-cao.xlsx")
        try writeGood(path, marker: "bản tốt")
        let old = try bytes(path)
        guard let locked = ReadOnlyFolder(directory.path) else { return }
        defer { locked.release() }
        let book = try XlsxWorkbook(path: path)
        try book.addWorksheet(named: "A").writeString("x", row: 0, column: 0)
        let error = try #require(throws: XlsxError.self) { try book.close() }
        #expect(error.description.contains("không tạo được tệp Excel"), "\(error)")
        #expect(try bytes(path) == old)
        #expect(try directory.contents() == ["bao-cao.xlsx"])
    }

    @Test("an invalid report leaves the previous report untouched")
    func invalidReport() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bao-cao.xlsx")
        try ReportWorkbook.write(SampleInput.make(), to: path)
        let old = try bytes(path)
        var input = SampleInput.make()
        input.groups[0].units[0].name = String(repeating: "x", count: 40_000)
        #expect(throws: XlsxError.self) { try ReportWorkbook.write(input, to: path) }
        #expect(try bytes(path) == old)
        #expect(try directory.contents() == ["bao-cao.xlsx"])
    }
}
