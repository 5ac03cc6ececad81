#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Real paths for one reading of many files (a phase of 1,000 workbooks in one folder):
/// each folder is resolved by `realpath(3)` once, and a file in it that is not a link is
/// its folder's real path and its name, one `lstat` instead of a `realpath` (a `stat` and
/// a `readlink` for every part of the path, 20 system calls per workbook).
///
/// Made for one call and dropped after it, never kept across requests: a folder may be
/// moved or replaced by a link between two runs of a long-lived server.
public final class PathResolver {
    private var folders: [String: String?] = [:]
    /// The working folder, ending in "/", asked for once.
    private(set) lazy var workingFolder: String = FileManager.default.currentDirectoryPath + "/"

    /// A resolver that remembers nothing yet.
    public init() {}

    /// `Workspace.realPath(folder)`, remembered.
    func realFolder(_ folder: String) -> String? {
        if let known = folders[folder] { return known }
        let real = Workspace.realPath(folder)
        folders[folder] = real
        return real
    }

    /// `Workspace.realPath(path)`: through the remembered folder when the last part is a
    /// plain name that is not a link; otherwise, and for every failure (so `errno` says why),
    /// by `realpath(3)` itself.
    func realFile(_ path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return Workspace.realPath(path) }
        let name = path[path.index(after: slash)...]
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        var info = stat()
        guard !name.isEmpty, name != ".", name != "..", let real = realFolder(folder),
              lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else {
            return Workspace.realPath(path)
        }
        return (real == "/" ? "" : real) + "/" + name
    }
}
