import Foundation
import Testing

/// The bad-input corpus of Tests/ThiDuaKitTests/Corpus through the real
/// binary: `thidua check` must exit (never die of a signal), with 1 exactly
/// when the recorded diagnostics have an error, printing those diagnostics.
enum CorpusFiles {
    static let folder = Run.packageRoot.appendingPathComponent("Tests/ThiDuaKitTests/Corpus")

    /// The same generated cases as Tests/ThiDuaKitTests/Loading/CorpusTests.swift
    /// (test targets cannot share code); keep the two in step.
    static let generated: [String: @Sendable () throws -> Data] = [
        "long-line.yaml": {
            let base = try Data(contentsOf: folder.appendingPathComponent("date-iso.yaml"))
            let words = String(repeating: "Thi đua lao động giỏi, lao động sáng tạo. ", count: 10_000_000 / 44)
            return base + Data("mo_dau: \(words)\nghi_chu: bản nháp\n".utf8)
        },
        "long-key.yaml": {
            let plan = try String(contentsOf: folder.appendingPathComponent("date-iso.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "so: 5\n", with: "so: " + String(repeating: "9", count: 1_000_000) + "\n")
            return Data((plan + String(repeating: "khoa_", count: 200) + ": x\n").utf8)
        },
        "deep-nesting.yaml": {
            Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n").utf8)
        },
        "deep-nesting-open.yaml": {
            Data(("muc: " + String(repeating: "[", count: 10_000) + "\n").utf8)
        },
    ]

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let inputs = files.filter { !$0.hasSuffix(".expected") && !$0.hasSuffix(".md") && !$0.hasPrefix(".") }
        return (inputs + generated.keys).sorted()
    }

    static func expected(_ name: String) throws -> String {
        let url = folder.appendingPathComponent((name as NSString).deletingPathExtension + ".expected")
        return try String(contentsOf: url, encoding: .utf8)
    }
}

@Suite("Bad-input corpus through `thidua check`")
struct CorpusCheckTests {
    @Test(arguments: CorpusFiles.names)
    func checkExitsCleanlyWithTheRecordedDiagnostics(_ name: String) throws {
        var directory = CorpusFiles.folder
        if let make = CorpusFiles.generated[name] {
            directory = try Run.tempFolder()
            try make().write(to: directory.appendingPathComponent(name))
        }
        let result = try Run.thidua(["check", name], in: directory)
        #expect(!result.crashed, "\(name) crashed thidua: \(result.stderr.suffix(2_000))")
        let expected = try CorpusFiles.expected(name)
        let hasErrors = expected.contains(": lỗi: ")
        #expect(result.status == (hasErrors ? 1 : 0), "\(name): exit \(result.status)")
        // The CLI prints exactly the library's diagnostics, then a summary.
        let printed = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let wanted = expected.split(separator: "\n").map(String.init)
        #expect(Array(printed.prefix(wanted.count)) == wanted)
        let summary = hasErrors ? printed.dropFirst(wanted.count).first : result.stdout.split(separator: "\n").first.map(String.init)
        #expect(summary?.hasPrefix("1 tệp: ") == true, "\(name): \(result.stdout) \(result.stderr)")
    }

    @Test func devicesAndHugeFilesAreRefusedWithoutReadingThem() throws {
        // /dev/zero never ends: reading it would hang and then exhaust memory.
        let zero = try Run.thidua(["check", "/dev/zero"])
        #expect(zero.status == 2)
        #expect(zero.stderr.contains("không phải tệp thường"))
        let folder = try Run.tempFolder()
        let huge = folder.appendingPathComponent("lon.yaml")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 70 * 1_048_576)  // sparse: costs no disk
        try handle.close()
        let big = try Run.thidua(["check", huge.path])
        #expect(big.status == 2)
        #expect(big.stderr.contains("quá lớn (70 MB)"))
        #expect(!big.stderr.contains("See "), "\(big.stderr)")
    }

    @Test func renderRefusesEveryCaseWithAnErrorAndWritesNothing() throws {
        let out = try Run.tempFolder()
        var files: [String] = []
        for name in CorpusFiles.names where CorpusFiles.generated[name] == nil {
            if try CorpusFiles.expected(name).contains(": lỗi: ") { files.append(CorpusFiles.folder.appendingPathComponent(name).path) }
        }
        let result = try Run.thidua(["render"] + files + ["--out", out.path])
        #expect(!result.crashed)
        #expect(result.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }
}
