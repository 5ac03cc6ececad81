import Foundation
import Testing

/// Outside programs for the judges.
enum Tools {
    /// Standard error, read on another thread while standard output is read here.
    final class Box: @unchecked Sendable {
        var data = Data()
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func which(_ program: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs `executable` and waits, reading both outputs (so a full pipe cannot block it).
    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
    }

    /// The first of /usr/bin/python3 and `python3` on PATH that can import `module`
    /// (Debian's python3-docx lives in the system Python).
    static func python(importing module: String) -> String? {
        var candidates = ["/usr/bin/python3"]
        if let onPath = which("python3") { candidates.append(onPath) }
        return candidates.first { candidate in
            FileManager.default.isExecutableFile(atPath: candidate)
                && ((try? run(candidate, ["-c", "import \(module)"]).status) ?? 1) == 0
        }
    }

    /// Runs a judge script of Tests/ThiDuaDocxTests/Scripts with a Python that has `module`.
    static func python(script: String, _ arguments: [String], module: String = "lxml") throws -> Result {
        let interpreter = try #require(python(importing: module), "cần Python có \(module) (scripts/test.sh cài python3-docx, python3-lxml)")
        return try run(interpreter, [DocxTestSupport.scripts.appendingPathComponent(script).path] + arguments)
    }
}
