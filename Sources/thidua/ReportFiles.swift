import Foundation
import ThiDuaKit

/// Opens the figure files a report names, relative to its data file. Files
/// are streamed in chunks so a 100,000-row file is never whole in memory.
enum ReportFiles {
    /// The aggregated figures of a `bao_cao` document, or nil for other kinds.
    static func aggregate(_ document: Document) -> (ReportResult?, [Diagnostic]) {
        let folder = URL(fileURLWithPath: document.sourceFile).deletingLastPathComponent()
        return ReportAggregator.aggregate(document: document) { name in
            let path = name.value.hasPrefix("/") ? name.value : folder.appendingPathComponent(name.value).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  FileManager.default.isReadableFile(atPath: path) else {
                return .failure(.error("không tìm thấy tệp số liệu \"\(name.value)\" (tìm tại \(path))", at: name.position,
                                       hint: "đường dẫn tính từ thư mục của tệp dữ liệu; kiểm tra tên tệp"))
            }
            return .success(FigureSource(label: displayName(path), chunks: FileChunks(path: path)))
        }
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
