import ArgumentParser
import Foundation
import ThiDuaKit

/// Disk access for the CLI: reading inputs, reading template folders, and
/// writing outputs atomically.
enum FileAccess {
    /// The largest input read: a hundred times the biggest real document,
    /// still small enough to load and check in seconds.
    static let maxInputSize = 64 * 1_048_576

    /// Reads a whole input file; a missing or unreadable file is a usage error.
    static func read(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("không tìm thấy tệp \(path)")
        }
        guard !isDirectory.boolValue else {
            throw ValidationError("\(path) là thư mục, không phải tệp")
        }
        // A device or pipe (/dev/zero, a FIFO) would be read forever, and a
        // huge file is never a data file: refuse both before reading.
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw ValidationError("\(path) không phải tệp thường (thiết bị hoặc đường ống); chọn một tệp .yaml hoặc .json")
            }
            guard info.st_size <= maxInputSize else {
                throw ValidationError("\(path) quá lớn (\(info.st_size / 1_048_576) MB); tệp dữ liệu chỉ vài chục KB, có thể đã chọn nhầm tệp")
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("không đọc được tệp \(path) (kiểm tra quyền đọc)")
        }
        return [UInt8](data)
    }

    /// The `*.mustache` files directly inside `folder`, by file name.
    ///
    /// Only regular files whose real path stays inside the folder are read,
    /// so a link cannot smuggle in a file from elsewhere.
    static func templates(in folder: String) throws -> [String: String] {
        let url = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("thư mục mẫu \(folder) không tồn tại")
        }
        var result: [String: String] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".mustache") }
        for name in names.sorted() {
            let file = url.appendingPathComponent(name).resolvingSymlinksInPath()
            guard file.deletingLastPathComponent().path == url.path else {
                throw ValidationError("mẫu \(name) trỏ ra ngoài thư mục \(folder); chỉ dùng tệp nằm trong thư mục mẫu")
            }
            let bytes = try read(file.path)
            switch InputText.decode(bytes, file: "\(folder)/\(name)") {
            case .success(let text): result[name] = text
            case .failure(let diagnostic): throw ThiDuaError.invalidInput([diagnostic])
            }
        }
        return result
    }

    /// Writes `contents` to `path` through a temporary file in the same
    /// folder and a rename, so readers see the old file or the new one,
    /// never a half-written one, and a failure leaves the old file in place.
    static func writeAtomically(_ contents: String, to path: String) throws {
        try writeAtomically(Data(contents.utf8), to: path)
    }

    static func writeAtomically(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw ThiDuaError.output(path: path, message: String(cString: strerror(errno)))
        }
        var ok = true
        var failure = ""
        let pause = writePause
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                if pause > 0 && offset > 0 { usleep(pause) }
                let chunk = pause > 0 ? min(64 * 1024, buffer.count - offset) : buffer.count - offset
                let written = write(fd, buffer.baseAddress?.advanced(by: offset), chunk)
                if written < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if ok && fsync(fd) != 0 {
            ok = false
            failure = String(cString: strerror(errno))
        }
        close(fd)
        if ok && rename(temp.path, path) != 0 {
            ok = false
            failure = String(cString: strerror(errno))
        }
        if !ok {
            unlink(temp.path)
            throw ThiDuaError.output(path: path, message: failure)
        }
    }

    /// Microseconds to wait between 64 KiB chunks, from
    /// `THIDUA_TEST_WRITE_DELAY_MS`; 0 (one write call) unless set. Only the
    /// end-to-end tests set it: they kill `thidua` while it writes, and a real
    /// write is over in a millisecond, too short to hit on purpose.
    static let writePause: UInt32 = {
        guard let raw = ProcessInfo.processInfo.environment["THIDUA_TEST_WRITE_DELAY_MS"],
              let milliseconds = UInt32(raw), milliseconds <= 1_000 else { return 0 }
        return milliseconds * 1_000
    }()

    /// Creates the output folder if needed, and removes temporary files an
    /// earlier run left there when it was killed mid-write.
    static func prepareFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("không tạo được thư mục \(path): \(error.localizedDescription)")
        }
        removeStaleTemporaryFiles(in: path)
    }

    /// How old a temporary file must be before it counts as abandoned.
    /// A write takes milliseconds; a temporary file this old belongs to a run
    /// that was killed (power cut, Ctrl-C during fsync). A younger one may
    /// belong to a run writing to the same folder right now, so it stays.
    static let staleAge: TimeInterval = 10 * 60

    /// Deletes files named like `writeAtomically`'s temporaries
    /// (`.<name>.tmp-<pid>-<number>`) older than `staleAge`. Only that exact
    /// shape is touched, so a user's own files are never removed; failures
    /// are ignored because cleaning up is a courtesy, not part of the job.
    static func removeStaleTemporaryFiles(in folder: String, now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where isTemporaryName(name) {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let modified = attributes[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > staleAge else { continue }
            unlink(path)
        }
    }

    /// `.13-KH-LDLD-2025.md.tmp-4242-123456789`
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return false }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && marker.lowerBound > name.index(after: name.startIndex)
    }

    /// Prints diagnostics to standard error, errors first per file.
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
