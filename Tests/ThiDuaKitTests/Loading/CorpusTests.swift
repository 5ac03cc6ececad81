import Foundation
import Testing
@testable import ThiDuaKit

/// The bad-input corpus: one input per file in `Corpus/`, each with the
/// exact diagnostics `Renderer.load` must give in `<case>.expected` (file
/// names shown as the bare case name). `THIDUA_RECORD=1 swift test --filter
/// Corpus` rewrites the `.expected` files; read every changed line before
/// committing it.
enum Corpus {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/ThiDuaKitTests/Corpus")

    /// Cases too big to commit, made at test time. Their `.expected` files
    /// are committed like the others. Keep in step with
    /// Tests/EndToEndTests/CorpusCheckTests.swift, which feeds the same bytes to the binary.
    static let generated: [String: @Sendable () -> [UInt8]] = [
        // One 10 MB line (a paragraph pasted without line breaks), then a
        // typo on the next line: the position must still be right.
        "long-line.yaml": {
            let words = String(repeating: "Thi đua lao động giỏi, lao động sáng tạo. ", count: 10_000_000 / 44)
            return base() + Array("mo_dau: \(words)\nghi_chu: bản nháp\n".utf8)
        },
        // A thousand-character unknown key and a megabyte-long number:
        // messages quote them, and must stay one readable line.
        "long-key.yaml": {
            let plan = String(decoding: base(), as: UTF8.self)
                .replacingOccurrences(of: "so: 5\n", with: "so: " + String(repeating: "9", count: 1_000_000) + "\n")
            return Array((plan + String(repeating: "khoa_", count: 200) + ": x\n").utf8)
        },
        // Ten thousand nested lists: libyaml and Yams must refuse, not overflow the stack.
        "deep-nesting.yaml": {
            Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n").utf8)
        },
        // The same, never closed (a file cut off by a failed copy).
        "deep-nesting-open.yaml": {
            Array(("muc: " + String(repeating: "[", count: 10_000) + "\n").utf8)
        },
    ]

    /// A valid plan (a committed case) that generated cases add to.
    static func base() -> [UInt8] {
        (try? [UInt8](Data(contentsOf: folder.appendingPathComponent("date-iso.yaml")))) ?? []
    }

    /// Every case name, generated ones included, sorted.
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let inputs = files.filter { !$0.hasSuffix(".expected") && !$0.hasSuffix(".md") && !$0.hasPrefix(".") }
        return (inputs + generated.keys).sorted()
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        if let make = generated[name] { return make() }
        return [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// `tab-indent.yaml` → `Corpus/tab-indent.expected`.
    static func expectedURL(_ name: String) -> URL {
        folder.appendingPathComponent((name as NSString).deletingPathExtension + ".expected")
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["THIDUA_RECORD"] == "1" }
}

@Suite("Bad-input corpus")
struct CorpusTests {
    @Test(arguments: Corpus.names)
    func diagnosticsAreExactlyTheRecordedOnes(_ name: String) throws {
        let bytes = try Corpus.bytes(name)
        // CPU time of this thread, not wall time: the suite runs in
        // parallel on a small machine, and only the loader's own cost matters.
        let start = Self.threadCPUSeconds()
        let (document, diagnostics) = Renderer.load(bytes: bytes, file: name)
        let elapsed = Self.threadCPUSeconds() - start
        let actual = diagnostics.map { $0.description + "\n" }.joined()
        let url = Corpus.expectedURL(name)
        if Corpus.recording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } else {
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(actual == expected, "\(name): run THIDUA_RECORD=1 swift test --filter Corpus to re-record, then review")
        }
        // Every message is Vietnamese, with a fix after "—" for errors.
        for diagnostic in diagnostics {
            #expect(!diagnostic.description.contains("found "), "libyaml English leaked: \(diagnostic)")
            if diagnostic.severity == .error {
                #expect(diagnostic.hint?.isEmpty == false, "error without a fix: \(diagnostic)")
            }
        }
        // Hostile shapes must be cheap to refuse (the 10 MB line included).
        #expect(elapsed < 20, "\(name) took \(elapsed) s of CPU")
        // Whatever loads without errors renders without errors.
        if let document, !diagnostics.hasErrors {
            let templates = try TemplateSet()
            for format in OutputFormat.allCases {
                _ = try Renderer.render(document, format: format, templates: templates)
            }
        }
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test func decomposedInputGivesTheSameDocumentAsComposed() throws {
        let nfd = try Corpus.bytes("nfd.yaml")
        let nfc = Array(String(decoding: nfd, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
        #expect(nfd != nfc, "the case must really be decomposed")
        let templates = try TemplateSet()
        let a = try #require(Renderer.load(bytes: nfd, file: "x.yaml").0)
        let b = try #require(Renderer.load(bytes: nfc, file: "x.yaml").0)
        for format in OutputFormat.allCases {
            #expect(try Renderer.render(a, format: format, templates: templates) == Renderer.render(b, format: format, templates: templates))
        }
    }

    @Test func bomAndCRLFGiveTheSameDocumentAsPlainUTF8() throws {
        let bom = try Corpus.bytes("bom-crlf.yaml")
        let plain = Array(String(decoding: bom.dropFirst(3), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8)
        let templates = try TemplateSet()
        let a = try #require(Renderer.load(bytes: bom, file: "x.yaml").0)
        let b = try #require(Renderer.load(bytes: plain, file: "x.yaml").0)
        #expect(try Renderer.render(a, format: .txt, templates: templates) == Renderer.render(b, format: .txt, templates: templates))
    }

    @Test(arguments: [("tcvn3.yaml", LegacyEncoding.tcvn3), ("vni.yaml", .vni), ("windows-1258.yaml", .windows1258)])
    func legacyEncodingsAreRecognised(_ name: String, _ encoding: LegacyEncoding) throws {
        #expect(LegacyEncoding.guess(try Corpus.bytes(name)[...]) == encoding)
    }

    @Test func plainLatinTextIsNotTakenForALegacyEncoding() {
        // "Café" in Latin-1: not Vietnamese, so no Vietnamese encoding is named.
        #expect(LegacyEncoding.guess([0x43, 0x61, 0x66, 0xE9, 0x0A][...]) == nil)
        let french = Array("Le café est très bon, à côté de l'église où j'ai été. Ça coûte cher.".unicodeScalars.map { UInt8($0.value) })
        #expect(LegacyEncoding.guess(french[...]) == nil)
        let german = Array("Grüße aus München, schöne Größe, Straße über Flüsse.".unicodeScalars.map { UInt8($0.value) })
        #expect(LegacyEncoding.guess(german[...]) == nil)
    }
}
