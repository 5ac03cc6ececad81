import Foundation
import Testing

/// Makes a folder that this process cannot write, root included, until `release()`:
/// for an ordinary user its permissions become 0555; root ignores permissions, so the
/// folder is bind-mounted over itself read-only (CI runs as root). The folder keeps its
/// files either way, so a test can check they are left untouched.
final class ReadOnlyFolder {
    let path: String
    private var mounted = false

    /// nil (with the reason recorded as a test failure) when no way to lock the folder works.
    init?(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        self.path = path
        if geteuid() != 0 {
            chmod(path, 0o555)
            return
        }
        let bind = Self.run("/usr/bin/mount", ["--bind", path, path])
        let remount = bind.status == 0 ? Self.run("/usr/bin/mount", ["-o", "remount,bind,ro", path]) : bind
        guard remount.status == 0 else {
            if bind.status == 0 { _ = Self.run("/usr/bin/umount", [path]) }
            Issue.record("không tạo được thư mục chỉ đọc cho root (mount --bind, ro): \(remount.error)", sourceLocation: sourceLocation)
            return nil
        }
        mounted = true
        // Root must really be refused now, or the test would prove nothing.
        let probe = "\(path)/.probe-\(UUID().uuidString)"
        if FileManager.default.createFile(atPath: probe, contents: Data()) {
            unlink(probe)
            Issue.record("thư mục gắn chỉ đọc vẫn ghi được", sourceLocation: sourceLocation)
        }
    }

    /// Makes the folder writable again.
    func release() {
        if mounted {
            _ = Self.run("/usr/bin/umount", [path])
            mounted = false
        } else {
            chmod(path, 0o755)
        }
    }

    deinit { release() }

    private static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
