import Foundation
import TestFixtures
import Testing

/// Runs the built `thidua` binary and other programs for end-to-end tests.
enum Run {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary `swift build` made next to this test bundle (or THIDUA_BIN).
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["THIDUA_BIN"] { return path }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("thidua").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("thidua").path,
            packageRoot.appendingPathComponent(".build/debug/thidua").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[2]
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the process died of a signal (a crash), not by exiting.
        var crashed: Bool = false
    }

    /// Runs `executable` with `arguments` in `directory`, with no input.
    @discardableResult
    static func program(_ executable: String, _ arguments: [String], in directory: URL? = nil, stdin: Data? = nil,
                        environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read before waiting so a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self),
                      crashed: process.terminationReason == .uncaughtSignal)
    }

    static func thidua(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        try program(binary, arguments, in: directory, environment: environment)
    }

    /// Starts `thidua` without waiting, its output thrown away; for tests
    /// that run many at once or kill one midway.
    static func startThidua(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// A new empty folder, removed with the rest when the test process exits.
    static func tempFolder() throws -> URL {
        try ScratchFolder.make("thidua-e2e")
    }

    /// The path of a program on PATH, or nil.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
