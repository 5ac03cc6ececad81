#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ThiDuaKit

/// The folder thidua works in, and the one way it opens any file a user or a data file names.
///
/// **Confinement rule.** A path written in a data file (`so_lieu`, `ky_truoc`,
/// `don_vi_du_kien`, a cited document's `tep:`) is resolved relative to the folder of that
/// data file, symbolic links followed, and must end inside the *root*: the folder given as
/// `root` (the CLI's `--root`, the web app's working folder), otherwise the data file's own
/// folder. An absolute path is resolved the same way and refused when it ends outside; so
/// are `..` escapes and links pointing out. The data file named on the command line may be
/// anywhere (the user chose it), unless `confinesDataFiles` is set (the web app, where the
/// browser names files).
///
/// Every file, whatever its role, is then opened by `GuardedFile`: regular files only, a
/// size cap per role, reads bounded by the cap.
public struct Workspace: Sendable {
    /// The real path of the root, when one is set.
    public let root: String?
    /// True when data files themselves must lie inside `root`.
    public let confinesDataFiles: Bool
    /// The folder (ending in "/") the labels of named files are written from; nil for the
    /// process's working folder, as a clerk typing commands sees them. The web app labels
    /// them from the folder it serves, so no message shows where that folder is.
    public var labelBase: String?

    /// A workspace with an optional root folder.
    ///
    /// - Throws: `WorkspaceError.usage` when the root does not exist or is not a folder.
    public init(root: String? = nil, confinesDataFiles: Bool = false) throws {
        if let root {
            guard let real = Self.realPath(root), Self.isDirectory(real) else {
                throw WorkspaceError.usage("thư mục gốc \(root) không tồn tại hoặc không phải thư mục")
            }
            self.root = real
        } else {
            self.root = nil
        }
        self.confinesDataFiles = confinesDataFiles && root != nil
    }

    // MARK: - Files named inside a data file

    /// Resolves and opens a file written in a data file, or explains at the place where the
    /// path was written why it cannot be read.
    ///
    /// - Returns: the open file and its label for diagnostics (the path as the clerk would
    ///   write it from the working folder).
    ///   `paths` remembers the folders already resolved within one reading of many files.
    public func open(_ written: Located<String>, namedIn dataFile: String, role: FileRole,
                     paths: PathResolver = PathResolver()) -> Result<(file: GuardedFile, label: String), Diagnostic> {
        let name = "\"\(written.value)\""
        let raw = written.value
        guard !raw.isEmpty, !raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return .failure(.error("tên \(role.noun) \(name) trống hoặc có ký tự điều khiển", at: written.position,
                                   hint: "ghi tên tệp, ví dụ `bao-cao/so-lieu.csv`"))
        }
        let folder = Self.folder(of: dataFile)
        let joined = raw.hasPrefix("/") ? raw : folder + "/" + raw
        let label = Self.displayName(joined, cwd: labelBase ?? paths.workingFolder)
        guard let allowed = root ?? paths.realFolder(folder) else {
            return .failure(.error("không xác định được thư mục của tệp dữ liệu \(dataFile)", at: written.position,
                                   hint: "chạy lại từ thư mục chứa tệp dữ liệu"))
        }
        guard let real = paths.realFile(joined) else {
            let code = errno
            // A path that would end outside is refused as such whether or not it exists: a
            // different answer for a missing file would tell what exists outside the root.
            if let reached = Self.reachedPath(joined), !Self.isInside(reached, allowed) {
                return .failure(Self.outside(role: role, name: name, allowed: allowed, at: written.position))
            }
            if code == ENOENT || code == ENOTDIR {
                return .failure(.error("không tìm thấy \(role.noun) \(name) (tìm tại \(label))", at: written.position,
                                       hint: "đường dẫn tính từ thư mục của tệp dữ liệu; kiểm tra tên tệp"))
            }
            return .failure(.error("không mở được \(role.noun) \(name): \(SystemErrorText.describe(code))", at: written.position,
                                   hint: "kiểm tra tên tệp và quyền đọc"))
        }
        guard Self.isInside(real, allowed) else {
            return .failure(Self.outside(role: role, name: name, allowed: allowed, at: written.position))
        }
        do {
            return .success((try GuardedFile(path: real, role: role, shownAs: name), label))
        } catch let refusal as FileRefusal {
            return .failure(.error(refusal.message, at: written.position, hint: refusal.hint))
        } catch {
            return .failure(.error("không mở được \(role.noun) \(name)", at: written.position, hint: "kiểm tra tệp"))
        }
    }

    // MARK: - Files the user names

    /// Reads a data file named by the user.
    ///
    /// - Throws: `WorkspaceError.usage` (exit code 2) when it is missing, not a regular
    ///   file, too large, unreadable, or outside the root when data files are confined.
    public func readDataFile(_ path: String) throws -> [UInt8] {
        if confinesDataFiles, let root {
            guard let real = Self.realPath(path), Self.isInside(real, root) else {
                throw WorkspaceError.usage("tệp \(path) nằm ngoài thư mục làm việc")
            }
        }
        do {
            let file = try GuardedFile(path: path, role: .dataFile, shownAs: path)
            return try file.readAll()
        } catch let refusal as FileRefusal {
            throw WorkspaceError.usage("\(refusal.message); \(refusal.hint)")
        }
    }

    /// The `*.mustache` files directly inside `folder`, by file name, decoded as text.
    ///
    /// Only regular files whose real path stays inside the folder are read, so a link
    /// cannot smuggle in a file from elsewhere.
    ///
    /// - Throws: `WorkspaceError.usage` for a missing folder or a link pointing out;
    ///   `WorkspaceError.invalid` for a template that is not UTF-8 text.
    public func templateOverrides(in folder: String) throws -> [String: String] {
        guard let real = Self.realPath(folder), Self.isDirectory(real) else {
            throw WorkspaceError.usage("thư mục mẫu \(folder) không tồn tại")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: real).filter { $0.hasSuffix(".mustache") }
        } catch {
            throw WorkspaceError.usage("không đọc được thư mục mẫu \(folder): \(SystemErrorText.describe(EACCES))")
        }
        var result: [String: String] = [:]
        for name in names.sorted() {
            guard let file = Self.realPath(real + "/" + name), Self.folder(of: file) == real else {
                throw WorkspaceError.usage("mẫu \(name) trỏ ra ngoài thư mục \(folder); chỉ dùng tệp nằm trong thư mục mẫu")
            }
            let bytes: [UInt8]
            do {
                bytes = try GuardedFile(path: file, role: .template, shownAs: "\(folder)/\(name)").readAll()
            } catch let refusal as FileRefusal {
                throw WorkspaceError.usage("\(refusal.message); \(refusal.hint)")
            }
            switch InputText.decode(bytes, file: "\(folder)/\(name)") {
            case .success(let text): result[name] = text
            // A template is an option, not data: a broken one is a usage error (exit 2).
            case .failure(let diagnostic): throw WorkspaceError.template(diagnostic.description)
            }
        }
        return result
    }

    /// The built-in templates, with those of `folder` (if any) in their place.
    public func templates(overridingWith folder: String?) throws -> TemplateSet {
        guard let folder else { return try TemplateSet() }
        return try TemplateSet(overrides: templateOverrides(in: folder), overrideFolder: folder)
    }

    // MARK: - Paths

    /// `realpath(3)`: the absolute path with every link and `..` resolved; nil when a part
    /// is missing (errno tells why).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The refusal of a file outside the root.
    static func outside(role: FileRole, name: String, allowed: String, at position: SourcePosition) -> Diagnostic {
        .error("\(role.noun) \(name) nằm ngoài thư mục được phép đọc (\(displayName(allowed)))", at: position,
               hint: "thidua chỉ đọc tệp nằm trong thư mục của tệp dữ liệu (hoặc thư mục --root); chép tệp vào đó và ghi đường dẫn tương đối")
    }

    /// Where a path leads: its real path when it exists; otherwise the real path of its
    /// deepest existing folder, followed by the rest resolved by name ("x/../.." goes up).
    /// Nil when not even the first folder exists.
    static func reachedPath(_ path: String) -> String? {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var rest: [String] = []
        while !parts.isEmpty {
            let prefix = parts.joined(separator: "/")
            if let real = realPath(prefix.isEmpty ? "/" : prefix) {
                var components = real.split(separator: "/").map(String.init)
                for part in rest {
                    switch part {
                    case "", ".": continue
                    case "..": if !components.isEmpty { components.removeLast() }
                    default: components.append(part)
                    }
                }
                return "/" + components.joined(separator: "/")
            }
            rest.insert(parts.removeLast(), at: 0)
        }
        return nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// True when `path` is `folder` or lies below it (both real paths).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }

    /// The folder part of a path ("." for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A path as the clerk would write it: relative to the working folder when inside it.
    public static func displayName(_ path: String) -> String {
        displayName(path, cwd: FileManager.default.currentDirectoryPath + "/")
    }

    /// `displayName(_:)` from a working folder already asked for (ending in "/").
    static func displayName(_ path: String, cwd: String) -> String {
        let standardized = standardizedPath(path, in: cwd)
        return standardized.hasPrefix(cwd) ? String(standardized.dropFirst(cwd.count)) : standardized
    }

    /// `URL(fileURLWithPath:).standardizedFileURL.path`: absolute (from `cwd`, which ends
    /// in "/"), without `.` segments. Done on the path's segments for a plain path, since a
    /// phase of 1,000 workbooks labels each of them (Foundation's URL parsing was a sixth
    /// of starting up); a path with `..`, an empty segment, a trailing slash, a leading "~"
    /// or a /private prefix, which Foundation treats in its own ways (following links for
    /// `..`), still goes through URL.
    static func standardizedPath(_ path: String, in cwd: String) -> String {
        let absolute = path.hasPrefix("/") ? path : cwd + path
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let bytes = Array(absolute.utf8)
        let pathBytes = path.utf8
        // Foundation resolves the links of a path with a ".." segment (so "link/.." is the
        // link's parent), and drops a leading /private or /var/automount: those go to it.
        // The checks and the segments are on bytes: `contains("//")` and `split` were
        // 70,000 instructions a path, for each of 1,000 workbooks.
        var doubleSlash = false
        var previous: UInt8 = 0
        for byte in pathBytes {
            if byte == slash && previous == slash { doubleSlash = true }
            previous = byte
        }
        var plain = !pathBytes.isEmpty && pathBytes.first != UInt8(ascii: "~") && !doubleSlash && cwd.hasPrefix("/")
            && (path == "/" || pathBytes.last != slash)
            && !absolute.hasPrefix("/private/") && !absolute.hasPrefix("/var/automount/")
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 1)
        var begin = 0
        for end in 0...bytes.count where plain && (end == bytes.count || bytes[end] == slash) {
            let count = end - begin
            let piece = begin..<end
            begin = end + 1
            if count == 0 || (count == 1 && bytes[piece.lowerBound] == dot) { continue }
            if count == 2 && bytes[piece.lowerBound] == dot && bytes[piece.lowerBound + 1] == dot {
                plain = false
            } else {
                result.append(slash)
                result += bytes[piece]
            }
        }
        guard plain else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return result.isEmpty ? "/" : String(decoding: result, as: UTF8.self)
    }
}
