#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ThiDuaKit

/// A save refused because the file is no longer the one the editor opened.
public struct SaveConflict: Error, Sendable, Equatable {
    /// The name in the folder.
    public var name: String
    /// The fingerprint of what is on disk now (nil: the file was removed).
    public var current: String?
}

/// What a save did.
public struct SaveOutcome: Sendable, Equatable {
    /// The fingerprint of the bytes now on disk.
    public var hash: String
    /// The backup of the previous version (its name in the folder), when there was one.
    public var backup: String?
}

extension WorkingFolder {
    /// The backup of `name`: the version before the last save, beside it.
    public static func backupName(of name: String) -> String { name + ".bak" }

    /// Writes a data file atomically, keeping the previous version as `<name>.bak`.
    ///
    /// Under the file's lock (`.<name>.khoa`, shared with other thidua processes) the file
    /// on disk is compared with `expected`, the fingerprint the editor read: a different
    /// one (another tab, another program) or a file that appeared (`expected` nil) is a
    /// `SaveConflict`, and nothing is written. Then the bytes go to a temporary file beside
    /// it, flushed, the old version is linked to the backup, and the new one renamed over.
    ///
    /// - Throws: `SaveConflict`, or `WorkspaceError` for a refused name or a failed write.
    @discardableResult
    public func save(_ name: String, bytes: [UInt8], expecting expected: String?, overwriting: Bool = false) throws -> SaveOutcome {
        let path = try resolve(name, writing: true)
        guard Self.dataExtensions.contains((name as NSString).pathExtension.lowercased()) else {
            throw WorkspaceError.usage("chỉ lưu được tệp dữ liệu .yaml, .yml hoặc .json")
        }
        return try replace(path, name: name, bytes: bytes, expected: expected, overwriting: overwriting)
    }

    /// Puts an uploaded figures file (.csv or .xlsx) into the folder, atomically, keeping
    /// the file it replaces as a backup.
    ///
    /// - Throws: `WorkspaceError.usage` for a refused name, another kind of file (by name
    ///   and by content: an .xlsx must be a zip, a CSV must be text), or a file over
    ///   `uploadCap`.
    @discardableResult
    public func upload(_ name: String, bytes: [UInt8]) throws -> SaveOutcome {
        let path = try resolve(name, writing: true)
        let ext = (name as NSString).pathExtension.lowercased()
        guard Self.figureExtensions.contains(ext) else {
            throw WorkspaceError.usage("chỉ tải lên được tệp số liệu .csv hoặc .xlsx")
        }
        guard bytes.count <= Self.uploadCap else {
            throw WorkspaceError.usage("tệp tải lên quá lớn (\(bytes.count >> 20) MB), tối đa \(Self.uploadCap >> 20) MB")
        }
        let sniffed = BinaryKind.sniff(bytes.prefix(512))
        if ext == "xlsx", sniffed != .zip {
            throw WorkspaceError.usage("tệp \"\(name)\" không phải bảng tính .xlsx")
        }
        if ext == "csv", sniffed != nil {
            throw WorkspaceError.usage("tệp \"\(name)\" không phải văn bản CSV; lưu bảng tính dạng CSV UTF-8 hoặc tải lên tệp .xlsx")
        }
        return try replace(path, name: name, bytes: bytes, expected: nil, overwriting: true)
    }

    /// The locked compare-and-replace of `save` and `upload`.
    func replace(_ path: String, name: String, bytes: [UInt8], expected: String?, overwriting: Bool) throws -> SaveOutcome {
        let folder = Workspace.folder(of: path)
        let file = (path as NSString).lastPathComponent
        let lock = try SetLock(folder: folder, base: file)
        defer { lock.release() }
        let current: [UInt8]? = (try? GuardedFile(path: path, role: .dataFile, shownAs: name).readAll())
        if !overwriting {
            let now = current.map(Self.contentHash)
            guard now == expected else { throw SaveConflict(name: name, current: now) }
        }
        let temporary = TemporaryName.make(for: path)
        try Durability.writeFile(bytes, to: temporary, reportingAs: name)
        var backup: String?
        if current != nil {
            let backupPath = Self.backupName(of: path)
            var info = stat()
            if lstat(backupPath, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
                unlink(temporary)
                throw WorkspaceError.usage("\(Self.backupName(of: name)) không phải tệp thường; đổi tên nó rồi lưu lại")
            }
            unlink(backupPath)
            if link(path, backupPath) == 0 { backup = Self.backupName(of: name) }
        }
        guard rename(temporary, path) == 0 else {
            let message = SystemErrorText.current()
            unlink(temporary)
            throw WorkspaceError.output(path: name, message: message)
        }
        Durability.flush(folder)
        return SaveOutcome(hash: Self.contentHash(bytes), backup: backup)
    }
}
