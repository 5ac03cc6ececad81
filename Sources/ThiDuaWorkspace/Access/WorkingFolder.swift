#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ThiDuaKit

/// The one folder the web app serves, and the only way it reaches a file: every name the
/// browser sends is checked here (`resolve`), for reading, writing and uploading alike.
///
/// **Names.** A name is relative to the folder, written with `/`: no empty or `.`/`..`
/// part, no part starting with `.` (hidden files, temporaries) or `-`, none ending in a
/// space or a dot, no control character and none of `\ : * ? " < > |` (names Windows or a
/// shell would misread), at most `maxPartBytes` (200) bytes a part and 1,024 in all. Then the real path (links
/// followed) must stay inside the folder, and a file to be written must not be a link.
public struct WorkingFolder: Sendable {
    /// The reading rules of every data file the folder holds (root set, data files confined).
    public let workspace: Workspace
    /// The real path of the folder.
    public let root: String

    /// Data files: what the list shows and the editor opens.
    public static let dataExtensions: Set<String> = ["yaml", "yml", "json"]
    /// Figure files a report reads, the only kinds an upload may be.
    public static let figureExtensions: Set<String> = ["csv", "xlsx"]
    /// The largest upload: a figures file from a unit is a few hundred KB.
    public static let uploadCap = 20 << 20
    /// How deep the list looks below the folder.
    static let listDepth = 4

    /// The working folder at `path`.
    ///
    /// - Throws: `WorkspaceError.usage` when it does not exist or is not a folder.
    public init(path: String) throws {
        var workspace = try Workspace(root: path, confinesDataFiles: true)
        workspace.labelBase = workspace.root.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        self.workspace = workspace
        guard let root = workspace.root else {
            throw WorkspaceError.usage("thư mục làm việc \(path) không dùng được")
        }
        self.root = root
    }

    // MARK: - Names

    /// Invisible code points refused in names: bidirectional marks, embeddings, overrides
    /// and isolates, zero-width characters, the BOM.
    static let invisible: Set<UInt32> = [0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                         0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF]

    /// The longest part of a name, in bytes.
    public static let maxPartBytes = 200

    /// Why `name` is not a name the folder accepts, or nil. A name that is only read may
    /// have parts of up to 255 bytes, the file system's limit (an existing file is listed
    /// and opened); one to write, `maxPartBytes`.
    public static func refusal(of name: String, writing: Bool = true) -> String? {
        // An empty name is also what a query's bytes that are not UTF-8 decode to.
        guard !name.isEmpty else { return "tên tệp trống (hoặc không phải chữ UTF-8 hợp lệ)" }
        guard name.utf8.count <= 1024 else { return "tên tệp quá dài" }
        guard !name.hasPrefix("/") else { return "tên \"\(name)\" là đường dẫn tuyệt đối; chỉ dùng tên trong thư mục làm việc" }
        let forbidden: Set<Character> = ["\\", ":", "*", "?", "\"", "<", ">", "|"]
        for part in name.split(separator: "/", omittingEmptySubsequences: false) {
            guard !part.isEmpty else { return "tên \"\(name)\" có phần trống (//)" }
            guard part != ".", part != ".." else { return "tên \"\(name)\" trỏ ra ngoài thư mục làm việc (..)" }
            // 255 bytes is the file system's limit; the temporary file beside it and the set's
            // lock file add up to 25 bytes to a name, so a longer one passed here but could not be saved.
            let longest = writing ? Self.maxPartBytes : 255
            guard part.utf8.count <= longest else {
                return "một phần của tên tệp dài quá \(longest) byte (\(part.utf8.count) byte); đặt tên ngắn hơn"
            }
            guard !part.hasPrefix("."), !part.hasPrefix("-") else {
                return "tên \"\(name)\" bắt đầu bằng \"\(part.prefix(1))\"; thidua không mở tệp ẩn hay tên giống tùy chọn"
            }
            guard part.last != " ", part.last != "." else { return "tên \"\(name)\" kết thúc bằng dấu cách hay dấu chấm" }
            if part.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                return "tên tệp có ký tự điều khiển"
            }
            // Direction marks and overrides (U+202E makes "x\u{202E}fdp.csv" look like
            // "xcsv.pdf"), zero-width characters and the byte-order mark: invisible, so the
            // name shown is not the name.
            if part.unicodeScalars.contains(where: { Self.invisible.contains($0.value) }) {
                return "tên tệp có ký tự ẩn (dấu đổi chiều chữ, ký tự độ rộng 0)"
            }
            if part.contains(where: { forbidden.contains($0) }) {
                return "tên \"\(name)\" có ký tự không dùng trong tên tệp (\\ : * ? \" < > |)"
            }
        }
        return nil
    }

    /// The absolute path of `name` inside the folder, after every check of the rule above.
    ///
    /// - Parameter writing: also refuses a link in place of the file (a write would replace
    ///   the link, or follow it out) and requires the file's folder to exist.
    /// - Throws: `WorkspaceError.usage` in Vietnamese.
    public func resolve(_ name: String, writing: Bool = false) throws -> String {
        if let refusal = Self.refusal(of: name, writing: writing) { throw WorkspaceError.usage(refusal) }
        let path = root + "/" + name
        let folder = Workspace.folder(of: path)
        guard let realFolder = Workspace.realPath(folder), Workspace.isInside(realFolder, root) else {
            throw WorkspaceError.usage("\"\(name)\" nằm ngoài thư mục làm việc hoặc thư mục của nó không tồn tại")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                if writing { throw WorkspaceError.usage("\"\(name)\" là liên kết; thidua không ghi qua liên kết") }
                guard let real = Workspace.realPath(path), Workspace.isInside(real, root) else {
                    throw WorkspaceError.usage("\"\(name)\" trỏ ra ngoài thư mục làm việc")
                }
            } else if (info.st_mode & S_IFMT) != S_IFREG {
                throw WorkspaceError.usage("\"\(name)\" không phải tệp thường")
            }
        } else if !writing {
            throw WorkspaceError.usage("không tìm thấy tệp \"\(name)\"")
        }
        return realFolder + "/" + (name.split(separator: "/").last.map(String.init) ?? name)
    }

    /// `name` as the browser knows it, from an absolute path inside the folder.
    public func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    /// A message with the folder's absolute paths made relative.
    public func relativeNames(in message: String) -> String {
        message.replacingOccurrences(of: root + "/", with: "")
    }

    /// Diagnostics with their file names relative to the folder (as the clerk sees them).
    public func relative(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            if let position = diagnostic.position { diagnostic.position?.file = relative(position.file) }
            return diagnostic
        }
    }

    // MARK: - Listing

    /// The files under the folder whose extension is in `extensions`, by name (Vietnamese
    /// order), hidden parts and links leading out skipped, at most `listDepth` levels down.
    public func files(withExtensions extensions: Set<String>) -> [String] {
        var found: [String] = []
        walk(root, prefix: "", depth: 0, extensions: extensions, into: &found)
        return VietnameseCollation.sorted(found)
    }

    private func walk(_ folder: String, prefix: String, depth: Int, extensions: Set<String>, into found: inout [String]) {
        guard depth < Self.listDepth, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where Self.refusal(of: name, writing: false) == nil {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                walk(path, prefix: prefix + name + "/", depth: depth + 1, extensions: extensions, into: &found)
            } else if type == S_IFREG || (type == S_IFLNK && Workspace.realPath(path).map { Workspace.isInside($0, root) } == true) {
                let ext = (name as NSString).pathExtension.lowercased()
                if extensions.contains(ext) { found.append(prefix + name) }
            }
        }
    }

    // MARK: - Reading

    /// The bytes of a data file of the folder.
    public func readDataFile(_ name: String) throws -> [UInt8] {
        try workspace.readDataFile(resolve(name))
    }

    /// A short fingerprint of a file's content (FNV-1a, 64 bits, with the length): what the
    /// editor sends back when it saves, so a file changed since it was opened is noticed.
    /// Not a security measure: the token guards who may write.
    public static func contentHash(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(bytes.count, radix: 16) + "-" + String(hash, radix: 16)
    }
}
