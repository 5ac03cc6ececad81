import Foundation
import TestFixtures
import Testing

/// The hostile template sets of Tests/ThiDuaKitTests/TemplateCorpus through the real
/// binary: `thidua render --templates <case>` must exit 2 (a template set is an option,
/// not data) with the recorded message, write nothing, and never crash or hang.
enum TemplateCorpusFiles {
    static let folder = Run.packageRoot.appendingPathComponent("Tests/ThiDuaKitTests/TemplateCorpus")

    /// Cases too big to commit, made at test time (shared with the library's test).
    static let generated = HostileTemplateSets.generated

    static var names: [String] { HostileTemplateSets.names(in: folder) }
}

@Suite("Hostile template sets through `thidua render`")
struct TemplateSetEndToEndTests {
    @Test(arguments: TemplateCorpusFiles.names)
    func renderRefusesTheSetAsAUsageError(_ name: String) throws {
        var directory = TemplateCorpusFiles.folder
        if let make = TemplateCorpusFiles.generated[name] {
            directory = try Run.tempFolder()
            let caseFolder = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: caseFolder, withIntermediateDirectories: true)
            for (file, text) in make() { try text.write(to: caseFolder.appendingPathComponent(file), atomically: false, encoding: .utf8) }
        }
        let out = try Run.tempFolder()
        let example = Run.packageRoot.appendingPathComponent("Examples/ke-hoach-tinh-2025.yaml").path
        let start = Date()
        let result = try Run.thidua(["render", example, "--templates", name, "--out", out.path], in: directory)
        #expect(!result.crashed, "\(name) crashed thidua: \(result.stderr.suffix(500))")
        #expect(result.status == 2, "\(name): exit \(result.status)")
        #expect(Date().timeIntervalSince(start) < 30, "\(name) took too long")
        let expected = try String(contentsOf: TemplateCorpusFiles.folder.appendingPathComponent(name + ".expected"), encoding: .utf8)
        #expect(result.stderr == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }
}
