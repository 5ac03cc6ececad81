import Foundation
import ThiDuaXlsx

/// A workbook written by ThiDuaXlsx (libxlsxwriter) into a temporary folder and read back as
/// the bytes a clerk would send: the fixture of the reader's tests.
enum WrittenWorkbook {
    /// The bytes of the workbook `build` fills.
    static func bytes(_ build: (XlsxWorkbook) throws -> Void) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-book-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.xlsx").path
        let book = try XlsxWorkbook(path: path)
        try build(book)
        try book.close()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
