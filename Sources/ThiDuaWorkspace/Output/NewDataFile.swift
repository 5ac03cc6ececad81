#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ThiDuaKit

/// Writing a new data file (`thidua moi`, `trien-khai`, `nam-sau`): complete on disk before it
/// appears under its name, never over an existing file, inside the working folder.
///
/// The text goes to a temporary file beside the final name and is flushed; `link(2)` then
/// gives it its name, which fails if a file of that name exists (even one made a moment
/// before by another program), so nothing is ever overwritten, and a crash leaves at most a
/// temporary file (`OutputFolder.removeStaleTemporaryFiles` removes old ones).
public enum NewDataFile {
    /// Writes `text` as the new file `path`.
    ///
    /// - Throws: `WorkspaceError.usage` when the file exists, its folder is missing, or it
    ///   lies outside `workspace.root`; `WorkspaceError.output` when writing fails.
    public static func write(_ text: String, to path: String, in workspace: Workspace) throws {
        let folder = Workspace.folder(of: path)
        guard let realFolder = Workspace.realPath(folder), Workspace.isDirectory(realFolder) else {
            throw WorkspaceError.usage("thư mục \(folder) của tệp \(path) không có; tạo thư mục trước hoặc chọn chỗ khác")
        }
        if let root = workspace.root, !Workspace.isInside(realFolder, root) {
            throw WorkspaceError.usage("tệp \(path) nằm ngoài thư mục làm việc \(root)")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            throw WorkspaceError.usage("tệp \(path) đã có; thidua không ghi đè: chọn tên khác, hoặc xóa tệp cũ nếu không cần nữa")
        }
        let temporary = TemporaryName.make(for: path)
        try Durability.writeFile(Array(text.utf8), to: temporary, reportingAs: path)
        defer { unlink(temporary) }
        if link(temporary, path) != 0 {
            let code = errno
            if code == EEXIST {
                throw WorkspaceError.usage("tệp \(path) đã có; thidua không ghi đè: chọn tên khác, hoặc xóa tệp cũ nếu không cần nữa")
            }
            throw WorkspaceError.output(path: path, message: SystemErrorText.describe(code))
        }
        Durability.flush(realFolder)
    }

    /// `target` written from `folder` (both as given, made absolute and resolved): what a data
    /// file in `folder` writes in `tep:` to name `target`.
    public static func relativePath(to target: String, from folder: String) -> String {
        let base = Workspace.realPath(folder) ?? URL(fileURLWithPath: folder).standardizedFileURL.path
        let targetFolder = Workspace.folder(of: target)
        let resolvedFolder = Workspace.realPath(targetFolder) ?? URL(fileURLWithPath: targetFolder).standardizedFileURL.path
        let name = (target as NSString).lastPathComponent
        let from = base.split(separator: "/"), to = resolvedFolder.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init) + [name]
        return parts.joined(separator: "/")
    }
}
