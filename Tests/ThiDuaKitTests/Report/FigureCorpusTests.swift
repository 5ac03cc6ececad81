import Foundation
import Testing
@testable import ThiDuaKit

/// The hostile figures files of `FigureCorpus/` (written by scripts/make-figure-corpus.py):
/// each one read as the only `so_lieu` file of a report with the default indicators, its
/// diagnostics exactly those of `<case>.expected` (file shown as the bare case name).
/// `THIDUA_RECORD=1 swift test --filter FigureCorpus` rewrites them; review each.
enum FigureCorpus {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/ThiDuaKitTests/FigureCorpus")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func expectedURL(_ name: String) -> URL {
        folder.appendingPathComponent((name as NSString).deletingPathExtension + ".expected")
    }
}

@Suite("Hostile figures files")
struct FigureCorpusTests {
    @Test(arguments: FigureCorpus.names)
    func diagnosticsAreExactlyTheRecordedOnes(_ name: String) throws {
        let bytes = try FigureCorpus.bytes(name)
        // Fed in small chunks, as the workspace streams a file: the findings must not depend on it.
        let chunks = stride(from: 0, to: bytes.count, by: 4_093).map { Array(bytes[$0..<min($0 + 4_093, bytes.count)]) }
        let result = ReportAggregator.aggregate(ReportInputs(sources: [FigureSource(label: name, chunks: chunks)]))
        let whole = ReportAggregator.aggregate(ReportInputs(sources: [FigureSource(label: name, bytes: bytes)]))
        #expect(result.diagnostics == whole.diagnostics)
        let actual = result.diagnostics.map { $0.description + "\n" }.joined()
        let url = FigureCorpus.expectedURL(name)
        if Corpus.recording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } else {
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(actual == expected, "\(name): run THIDUA_RECORD=1 swift test --filter FigureCorpus to re-record, then review")
        }
        // Every case is refused or warned about, never silently accepted.
        #expect(!result.diagnostics.isEmpty)
        // A screenful at most, however many faults the file repeats.
        #expect(result.diagnostics.count <= 250, "\(name): \(result.diagnostics.count) messages")
        // The account still balances: every row read is used or skipped with a reason.
        #expect(result.reconciliation.isBalanced)
        // No message quotes what is not a table; none carries a raw control character.
        for diagnostic in result.diagnostics {
            #expect(!diagnostic.description.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            for secret in ["SECRET_TOKEN", "/bin/bash", "Kính gửi", "Về việc"] {
                #expect(!diagnostic.description.contains(secret), "\(name) quotes its content: \(diagnostic)")
            }
        }
    }
}
