#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ThiDuaKit

/// Writing files so that they are complete on disk before they are renamed into place.
enum Durability {
    /// Writes `bytes` to a new file `path` (which must not exist) and flushes it to disk.
    ///
    /// - Throws: `WorkspaceError.output` at `reportingAs` with the reason in Vietnamese;
    ///   the partial file is removed.
    static func writeFile(_ bytes: [UInt8], to path: String, reportingAs final: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WorkspaceError.output(path: final, message: SystemErrorText.current()) }
        var failure: Int32 = 0
        let pause = writePause
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                if pause > 0 && offset > 0 { usleep(pause) }
                let chunk = pause > 0 ? min(64 * 1024, buffer.count - offset) : buffer.count - offset
                let written = Glibc.write(fd, buffer.baseAddress?.advanced(by: offset), chunk)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw WorkspaceError.output(path: final, message: SystemErrorText.describe(failure))
        }
    }

    /// Flushes a file another library wrote.
    static func flushFile(_ path: String, reportingAs final: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            unlink(path)
            throw WorkspaceError.output(path: final, message: SystemErrorText.describe(code))
        }
        defer { close(fd) }
        if fsync(fd) != 0 {
            let code = errno
            unlink(path)
            throw WorkspaceError.output(path: final, message: SystemErrorText.describe(code))
        }
    }

    /// Makes the renames inside `folder` durable. A failure cannot undo them, so it is not
    /// reported.
    static func flush(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Microseconds to wait between 64 KiB chunks, from `THIDUA_TEST_WRITE_DELAY_MS`; 0
    /// (one write call) unless set. Only the end-to-end tests set it: they kill `thidua`
    /// while it writes, and a real write is over in a millisecond, too short to hit on purpose.
    static let writePause: UInt32 = {
        guard let raw = ProcessInfo.processInfo.environment["THIDUA_TEST_WRITE_DELAY_MS"],
              let milliseconds = UInt32(raw), milliseconds <= 1_000 else { return 0 }
        return milliseconds * 1_000
    }()
}

/// Names of temporary files: `.<final name>.tmp-<pid>-<random>`, beside the final file so
/// the rename stays on one file system.
enum TemporaryName {
    static func make(for final: String) -> String {
        let folder = Workspace.folder(of: final)
        let name = (final as NSString).lastPathComponent
        return "\(folder)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// `.13-KH-LDLD-2025.md.tmp-4242-123456789` (and libxlsxwriter's own temporaries of
    /// such a name); never a user's file.
    static func isTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return false }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
            && marker.lowerBound > name.index(after: name.startIndex)
    }
}

/// An output folder made ready for jobs.
public enum OutputFolder {
    /// How old a temporary file must be before it counts as abandoned. A write takes
    /// milliseconds; a temporary file this old belongs to a run that was killed. A younger
    /// one may belong to a run writing to the same folder right now, so it stays.
    public static let staleAge: TimeInterval = 10 * 60

    /// Finishes sets a killed run committed but did not finish, and removes abandoned
    /// temporary files. A folder that does not exist yet is not made here: the first set
    /// committed makes it (`OutputSet.commit`), so a run whose every document fails
    /// leaves no empty folder behind.
    ///
    /// - Throws: `WorkspaceError.usage` when the folder could never be made: a part of
    ///   its path exists and is not a folder.
    public static func prepare(_ path: String) throws {
        guard Workspace.isDirectory(path) else {
            if let blocked = firstNonFolder(on: path) {
                throw WorkspaceError.usage("không tạo được thư mục \(path): \(blocked) đã có và không phải thư mục")
            }
            return
        }
        for base in Journal.pending(in: path) {
            if let lock = try? SetLock(folder: path, base: base) {
                try? Journal.recover(folder: path, base: base)
                lock.release()
            }
        }
        removeStaleTemporaryFiles(in: path)
    }

    /// The first part of `path` that exists and is not a folder (following links), if any.
    static func firstNonFolder(on path: String) -> String? {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            var info = stat()
            guard stat(current, &info) == 0 else { return nil }
            if info.st_mode & S_IFMT != S_IFDIR { return current }
        }
        return nil
    }

    /// `mkdir -p`: nil when the folder exists afterwards, else the error number.
    static func makeFolders(_ path: String) -> Int32? {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0, errno != EEXIST { return errno }
        }
        return Workspace.isDirectory(path) ? nil : ENOTDIR
    }

    /// Deletes temporary files older than `staleAge`. Only the exact temporary shape is
    /// touched, so a user's own files are never removed; failures are ignored because
    /// cleaning up is a courtesy, not part of the job.
    public static func removeStaleTemporaryFiles(in folder: String, now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where TemporaryName.isTemporary(name) {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let modified = attributes[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > staleAge else { continue }
            unlink(path)
        }
    }
}
