import Foundation
import ThiDuaKit
import ThiDuaXlsxReader

/// Opens the figure files a report names, relative to its data file. Files
/// are streamed in chunks so a 100,000-row file is never whole in memory.
enum ReportFiles {
    /// The aggregated figures of a `bao_cao` document, or nil for other kinds.
    static func aggregate(_ document: Document) -> (ReportResult?, [Diagnostic]) {
        ReportAggregator.aggregate(document: document) { open($0, document: document) }
    }

    /// Opens one file the data file names, relative to the data file's folder.
    static func open(_ name: Located<String>, document: Document) -> Result<FigureSource, Diagnostic> {
        let folder = URL(fileURLWithPath: document.sourceFile).deletingLastPathComponent()
        let path = name.value.hasPrefix("/") ? name.value : folder.appendingPathComponent(name.value).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isReadableFile(atPath: path) else {
            return .failure(.error("không tìm thấy tệp số liệu \"\(name.value)\" (tìm tại \(path))", at: name.position,
                                   hint: "đường dẫn tính từ thư mục của tệp dữ liệu; kiểm tra tên tệp"))
        }
        let label = displayName(path)
        // CSV or workbook by content, not by name: a renamed file is read for what it is.
        if XlsxContent.isWorkbook(prefix: prefix(of: path), name: path) {
            return .success(FigureSource(label: label, tables: XlsxFigureSource(file: label) { wholeFile(path, label: label) }))
        }
        return .success(FigureSource(label: label, chunks: FileChunks(path: path)))
    }

    /// The units a report expects (`don_vi_du_kien`), CSV or workbook; empty when it names none.
    static func expectedUnits(_ document: Document) -> ([ExpectedUnit], [Diagnostic]) {
        guard let name = document.report?.expectedUnitsFile else { return ([], []) }
        switch open(name, document: document) {
        case .failure(let diagnostic): return ([], [diagnostic])
        case .success(let source):
            if let tables = source.tables { return ExpectedUnit.parseList(tables: tables, file: source.label) }
            return ExpectedUnit.parseList(chunks: source.chunks, file: source.label)
        }
    }

    /// The first bytes of a file, to tell a workbook from CSV.
    static func prefix(of path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8](handle.readData(ofLength: 512))
    }

    /// A workbook's bytes, refused above the input size cap (a workbook of a million rows
    /// is about 30 MB).
    static func wholeFile(_ path: String, label: String) -> Result<[UInt8], Diagnostic> {
        var info = stat()
        if stat(path, &info) == 0, info.st_size > FileAccess.maxInputSize {
            return .failure(.error("tệp \(label) quá lớn (\(info.st_size / 1_048_576) MB) cho một bảng số liệu",
                                   at: SourcePosition(file: label), hint: "kiểm tra đã chọn đúng tệp"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.error("không đọc được tệp \(label)", at: SourcePosition(file: label), hint: "kiểm tra quyền đọc tệp"))
        }
        return .success([UInt8](data))
    }

    /// A path as the clerk would write it: relative to the working folder when inside it.
    static func displayName(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        return standardized.hasPrefix(cwd) ? String(standardized.dropFirst(cwd.count)) : standardized
    }
}

/// A file read lazily in 256 KiB chunks.
struct FileChunks: Sequence {
    let path: String

    func makeIterator() -> Iterator {
        Iterator(handle: FileHandle(forReadingAtPath: path))
    }

    struct Iterator: IteratorProtocol {
        let handle: FileHandle?

        mutating func next() -> [UInt8]? {
            guard let handle else { return nil }
            let data = handle.readData(ofLength: 256 * 1024)
            if data.isEmpty {
                try? handle.close()
                return nil
            }
            return [UInt8](data)
        }
    }
}
