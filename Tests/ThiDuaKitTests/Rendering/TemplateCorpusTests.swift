import Foundation
import Testing
import TestFixtures
@testable import ThiDuaKit

/// The hostile template sets of `TemplateCorpus/`: each folder is a `--templates`
/// folder, refused by `TemplateSet` with the exact message of `<case>.expected`.
/// `THIDUA_RECORD=1 swift test --filter TemplateCorpus` rewrites them; review each.
enum TemplateCorpus {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/ThiDuaKitTests/TemplateCorpus")

    /// Cases too big to commit, made at test time (shared with the binary's test).
    static let generated = HostileTemplateSets.generated

    static var names: [String] { HostileTemplateSets.names(in: folder) }

    /// File name → text of the case's templates.
    static func files(_ name: String) throws -> [String: String] {
        if let make = generated[name] { return make() }
        let caseFolder = folder.appendingPathComponent(name)
        var files: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: caseFolder.path) where file.hasSuffix(".mustache") {
            files[file] = try String(contentsOf: caseFolder.appendingPathComponent(file), encoding: .utf8)
        }
        return files
    }

    static func expectedURL(_ name: String) -> URL { folder.appendingPathComponent(name + ".expected") }
}

@Suite("Hostile template sets")
struct TemplateCorpusTests {
    @Test(arguments: TemplateCorpus.names)
    func setIsRefusedWithTheRecordedMessage(_ name: String) throws {
        let files = try TemplateCorpus.files(name)
        let start = ContinuousClock.now
        var message = ""
        do {
            _ = try TemplateSet(overrides: files, overrideFolder: name)
            Issue.record("\(name): the set was accepted")
        } catch let error as ThiDuaError {
            guard case .template = error else {
                Issue.record("\(name): not a template error: \(error)")
                return
            }
            message = error.description + "\n"
        }
        // Refusing is a static check: no rendering, so no case may take long.
        #expect(ContinuousClock.now - start < .seconds(20), "\(name) took too long")
        #expect(message.hasPrefix("\(name)/"), "the message names the case's file: \(message)")
        let url = TemplateCorpus.expectedURL(name)
        if Corpus.recording {
            try message.write(to: url, atomically: true, encoding: .utf8)
        } else {
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(message == expected, "\(name): run THIDUA_RECORD=1 swift test --filter TemplateCorpus to re-record, then review")
        }
    }
}
