import Foundation
import Testing

/// A fresh folder under the system's temporary directory, removed when dropped.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/thidua-xlsx-tests-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    /// Names of the entries in the folder, hidden ones included.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs Python with openpyxl to read back written workbooks.
enum OpenPyXL {
    /// `THIDUA_SKIP_OPENPYXL=1` turns the openpyxl checks off (for machines without it).
    static let skipRequested = ProcessInfo.processInfo.environment["THIDUA_SKIP_OPENPYXL"] == "1"

    /// The first of /usr/bin/python3 and `python3` on PATH that can import openpyxl.
    static let python: String? = {
        var candidates = ["/usr/bin/python3"]
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(directory)/python3")
        }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if let result = try? run(candidate, ["-c", "import openpyxl"]), result.status == 0 {
                return candidate
            }
        }
        return nil
    }()

    /// The python to use, or a recorded test failure explaining how to get one.
    static func requirePython(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        if let python { return python }
        Issue.record(
            """
            Không tìm thấy Python có openpyxl (đã thử /usr/bin/python3 và python3 trên PATH). \
            Cài bằng `pip install openpyxl` (xem README), hoặc đặt THIDUA_SKIP_OPENPYXL=1 để bỏ qua các kiểm tra này.
            """, sourceLocation: sourceLocation)
        return nil
    }

    static let scriptsDirectory: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts").path
    }()

    static var checker: String { "\(scriptsDirectory)/check_workbook.py" }

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large dump cannot fill the pipe and block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self))
    }

    /// The workbook as the checker script's JSON dump.
    static func dump(_ path: String, python: String) throws -> [String: Any] {
        let result = try run(python, [checker, "--dump", path])
        guard result.status == 0 else {
            throw DumpError(message: "check_workbook.py --dump thất bại (\(result.status)): \(result.error)")
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] else {
            throw DumpError(message: "check_workbook.py --dump không trả về một đối tượng JSON")
        }
        return object
    }

    /// Runs the checker against an expectation; returns its output (differences) and status.
    static func check(_ path: String, expected: [String: Any], python: String, in directory: TemporaryDirectory) throws -> Result {
        let expectedPath = directory.file("expected-\(UUID().uuidString).json")
        let data = try JSONSerialization.data(withJSONObject: expected, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: expectedPath))
        return try run(python, [checker, path, expectedPath])
    }

    struct DumpError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

extension Dictionary where Key == String, Value == Any {
    /// `dump.cell("Tổng hợp", "D16")` → the cell's entry in a checker dump.
    func cell(_ sheet: String, _ reference: String) -> [String: Any]? {
        ((self["sheet"] as? [String: Any])?[sheet] as? [String: Any]).flatMap { ($0["cells"] as? [String: Any])?[reference] as? [String: Any] }
    }

    func sheet(_ name: String) -> [String: Any]? {
        (self["sheet"] as? [String: Any])?[name] as? [String: Any]
    }
}
