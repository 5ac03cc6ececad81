#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ThiDuaKit

/// The outputs of one document (its .md, .txt, .xlsx, …), moved into place together or not
/// at all.
///
/// How: under a lock of the set (so two jobs writing the same set cannot interleave), every
/// output is written completely to a temporary file beside its final name and flushed to
/// disk; the existing outputs are kept as hard-linked backups; a journal naming every
/// temporary file is made durable (the commit point); then the temporary files are renamed
/// over the final names. If a rename fails, the ones already done are undone from the
/// backups, so the previous set stays as it was. If the process dies between the commit
/// point and the last rename, the next job on the set (or `OutputFolder.prepare`) finishes
/// the renames from the journal, so a set is never left half old, half new.
public struct OutputSet {
    /// The output folder.
    public let folder: String
    /// The common base of the names ("12-KH-LDLD-2025"): names the lock and the journal.
    public let base: String
    /// File name (inside `folder`) → content.
    public var entries: [(name: String, content: PreparedOutput)]
    /// Tests only: the rename of this entry fails as a full disk would, to prove the undo.
    var failingRename: Int?
    /// Tests only: up to this many microseconds (at random) between two renames, so that concurrent sets would
    /// interleave if the lock did not keep them apart.
    var renamePause: UInt32 = 0

    /// A set of outputs for `folder`.
    public init(folder: String, base: String, entries: [(name: String, content: PreparedOutput)]) {
        self.folder = folder
        self.base = base
        self.entries = entries
    }

    /// Writes the set; returns the paths written, in order.
    ///
    /// - Throws: `WorkspaceError.output` naming the file and the reason in Vietnamese; the
    ///   previous outputs are then untouched and no temporary file is left.
    public func commit() throws -> [String] {
        guard !entries.isEmpty else { return [] }
        if !Workspace.isDirectory(folder), let code = OutputFolder.makeFolders(folder) {
            throw WorkspaceError.output(path: folder, message: SystemErrorText.describe(code))
        }
        let lock = try SetLock(folder: folder, base: base)
        defer { lock.release() }
        try Journal.recover(folder: folder, base: base)

        var temporaries: [String] = []
        var backups: [String?] = []
        func cleanUp() {
            for path in temporaries { unlink(path) }
            for case let path? in backups { unlink(path) }
        }
        let finals = entries.map { "\(folder)/\($0.name)" }
        do {
            for (entry, final) in zip(entries, finals) {
                var info = stat()
                if lstat(final, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
                    throw WorkspaceError.output(path: final, message: SystemErrorText.describe(EISDIR))
                }
                let temporary = TemporaryName.make(for: final)
                temporaries.append(temporary)
                try write(entry.content, to: temporary, final: final)
            }
            for final in finals {
                let backup = TemporaryName.make(for: final)
                if link(final, backup) == 0 {
                    backups.append(backup)
                } else if errno == ENOENT {
                    backups.append(nil)
                } else {
                    throw WorkspaceError.output(path: final, message: SystemErrorText.current())
                }
            }
        } catch {
            cleanUp()
            throw error
        }
        // One file needs no journal: a single rename is atomic.
        let journal = finals.count > 1 ? try Journal.write(folder: folder, base: base, temporaries: temporaries, finals: finals) : nil
        var renamed = 0
        for (index, (temporary, final)) in zip(temporaries, finals).enumerated() {
            if index > 0 && renamePause > 0 { usleep(UInt32.random(in: 0...renamePause)) }
            if index == failingRename || rename(temporary, final) != 0 {
                let message = index == failingRename ? SystemErrorText.describe(ENOSPC) : SystemErrorText.current()
                undo(renamed: renamed, finals: finals, backups: backups)
                for path in temporaries[renamed...] { unlink(path) }
                if let journal { unlink(journal) }
                throw WorkspaceError.output(path: final, message: message)
            }
            renamed += 1
        }
        Durability.flush(folder)
        if let journal { unlink(journal) }
        for case let path? in backups { unlink(path) }
        return finals
    }

    /// Puts back the previous outputs of the first `renamed` finals.
    private func undo(renamed: Int, finals: [String], backups: [String?]) {
        for index in 0..<renamed {
            if let backup = backups[index] {
                rename(backup, finals[index])
            } else {
                unlink(finals[index])
            }
        }
        for case let path? in backups[renamed...] { unlink(path) }
    }

    /// Writes one output completely to `temporary` and flushes it to disk.
    private func write(_ content: PreparedOutput, to temporary: String, final: String) throws {
        switch content {
        case .bytes(let bytes):
            try Durability.writeFile(bytes, to: temporary, reportingAs: final)
        case .file(let writer):
            do {
                try writer(temporary)
            } catch let error as WorkspaceError {
                unlink(temporary)
                throw error
            } catch {
                unlink(temporary)
                throw WorkspaceError.output(path: final, message: SystemErrorText.describe(error: error))
            }
            try Durability.flushFile(temporary, reportingAs: final)
        }
    }
}

/// An exclusive lock on one output set, held by a lock file `.<base>.khoa` in the output
/// folder that is removed on release.
///
/// Removing a lock file is racy unless the holder checks, after locking, that the name
/// still refers to the file it locked (another holder may have removed it meanwhile);
/// `init` retries until it does.
struct SetLock {
    private let descriptor: Int32
    private let path: String

    init(folder: String, base: String) throws {
        let path = "\(folder)/.\(base).khoa"
        while true {
            // Never through a link: one planted at the lock's name would make thidua create
            // a file wherever it points (outside the folder).
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else {
                if errno == ELOOP {
                    throw WorkspaceError.output(path: path, message: "tệp khoá là một liên kết, không dùng; xoá tệp .\(base).khoa rồi làm lại")
                }
                throw WorkspaceError.output(path: path, message: SystemErrorText.current())
            }
            while flock(fd, LOCK_EX) != 0 {
                if errno != EINTR {
                    let message = SystemErrorText.current()
                    close(fd)
                    throw WorkspaceError.output(path: path, message: message)
                }
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, lstat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                self.descriptor = fd
                self.path = path
                return
            }
            close(fd)
        }
    }

    func release() {
        unlink(path)
        close(descriptor)
    }
}

/// The record of a set between its commit point and its last rename: lines of
/// "temporary<TAB>final", made durable before the first rename.
enum Journal {
    static func path(folder: String, base: String) -> String {
        "\(folder)/.\(base).nhat-ky"
    }

    /// Writes the journal of a set (through a temporary file, so it is whole or absent).
    static func write(folder: String, base: String, temporaries: [String], finals: [String]) throws -> String {
        let text = zip(temporaries, finals).map { "\($0)\t\($1)\n" }.joined()
        let path = path(folder: folder, base: base)
        let temporary = TemporaryName.make(for: path)
        try Durability.writeFile(Array(text.utf8), to: temporary, reportingAs: path)
        guard rename(temporary, path) == 0 else {
            let message = SystemErrorText.current()
            unlink(temporary)
            throw WorkspaceError.output(path: path, message: message)
        }
        // No folder flush here: the renames that follow are ordered after this one by the
        // file system's own journal, and the folder is flushed after the last of them.
        return path
    }

    /// Finishes a set a dead process committed but did not finish moving into place. Only
    /// the renames the journal names are done, and only for temporary files of the exact
    /// shape this writer makes, inside the folder.
    static func recover(folder: String, base: String) throws {
        let path = path(folder: folder, base: base)
        guard let data = FileManager.default.contents(atPath: path) else { return }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, Workspace.folder(of: parts[0]) == folder, Workspace.folder(of: parts[1]) == folder,
                  TemporaryName.isTemporary((parts[0] as NSString).lastPathComponent) else { continue }
            if access(parts[0], F_OK) == 0 { rename(parts[0], parts[1]) }
        }
        Durability.flush(folder)
        unlink(path)
    }

    /// The bases of the sets of `folder` that have a journal.
    static func pending(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).compactMap { name in
            guard name.hasPrefix("."), name.hasSuffix(".nhat-ky") else { return nil }
            return String(name.dropFirst().dropLast(".nhat-ky".count))
        }
    }
}
