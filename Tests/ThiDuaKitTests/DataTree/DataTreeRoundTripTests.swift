import Foundation
import Testing
@testable import ThiDuaKit

/// Every data file that loads reads the same after parse → emit: same view model, same
/// Markdown, same diagnostics (their texts; lines move when the file is rewritten), and the
/// emitted file parses back to the same tree.
@Suite("Data tree: round trip of the examples and the corpus")
struct DataTreeRoundTripTests {
    /// The examples, and every YAML file under Tests/ that loads without error.
    static let files: [URL] = {
        let fm = FileManager.default
        var urls = (try? fm.contentsOfDirectory(at: TestSupport.packageRoot.appendingPathComponent("Examples"), includingPropertiesForKeys: nil)) ?? []
        urls = urls.filter { $0.pathExtension == "yaml" }
        let tests = TestSupport.packageRoot.appendingPathComponent("Tests")
        if let walker = fm.enumerator(at: tests, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "yaml" && url.lastPathComponent != "context.yaml" {
                guard let bytes = try? [UInt8](Data(contentsOf: url)) else { continue }
                let (document, diagnostics) = Renderer.read(bytes: bytes, file: url.lastPathComponent)
                if document != nil, !diagnostics.hasErrors { urls.append(url) }
            }
        }
        return urls.sorted { $0.path < $1.path }
    }()

    @Test("There are files to go round")
    func corpusIsThere() {
        #expect(Self.files.count >= 8)
    }

    @Test("read(emit(parse(x))) is read(x); parse(emit(t)) is t", arguments: files.map(\.lastPathComponent))
    func roundTrip(name: String) throws {
        let url = try #require(Self.files.first { $0.lastPathComponent == name })
        let bytes = try [UInt8](Data(contentsOf: url))
        let (tree, parseDiagnostics) = DataNode.parse(bytes: bytes, file: name)
        #expect(!parseDiagnostics.hasErrors, "\(parseDiagnostics)")
        let parsed = try #require(tree)
        for comments in [false, true] {
            let emitted = parsed.yaml(kind: parsed.documentKind, comments: comments).text
            let (again, _) = DataNode.parse(bytes: Array(emitted.utf8), file: name)
            #expect(again == parsed.ordered(for: parsed.documentKind ?? .keHoach), "emit → parse changed the tree of \(name):\n\(emitted)")
            try Self.expectSameDocument(original: bytes, rewritten: Array(emitted.utf8), name: name, folder: url.deletingLastPathComponent())
        }
    }

    /// The same view model, Markdown and diagnostic texts for both files (documents they cite
    /// by `tep:` read from the original's folder). With `noNewWarnings` false, the rewritten
    /// file may keep a warning the original does not have (a comment kept where the original
    /// is a rewrite without comments).
    static func expectSameDocument(original: [UInt8], rewritten: [UInt8], name: String, folder: URL, noNewWarnings: Bool = true) throws {
        func outcome(_ bytes: [UInt8]) throws -> (context: String, md: String, messages: [String]) {
            let (read, readDiagnostics) = Renderer.read(bytes: bytes, file: name)
            let document = try #require(read)
            var linked: [String: Document] = [:]
            for link in document.dataFileLinks {
                if let data = try? [UInt8](Data(contentsOf: folder.appendingPathComponent(link.value))),
                   let cited = Renderer.read(bytes: data, file: link.value).0 {
                    linked[link.value] = cited
                }
            }
            let (checked, checkDiagnostics) = Renderer.check(document, linked: LinkedDocuments(linked))
            let context = try DocumentView(width: 80).context(for: checked).yaml()
            let md = try Renderer.render(checked, format: .md, templates: try TemplateSet())
            let messages = (readDiagnostics + checkDiagnostics).map { "\($0.severity): \($0.message)" }.sorted()
            return (context, md, messages)
        }
        let a = try outcome(original), b = try outcome(rewritten)
        #expect(a.context == b.context, "view model differs for \(name)")
        #expect(a.md == b.md, "Markdown differs for \(name)")
        // The same errors; warnings about what the reader already cleaned (special spaces, a
        // comment cut from a value) do not come back from the rewritten file, which is clean.
        #expect(a.messages.filter { $0.hasPrefix("\(Diagnostic.Severity.error)") } == b.messages.filter { $0.hasPrefix("\(Diagnostic.Severity.error)") }, "errors differ for \(name)")
        #expect(!noNewWarnings || Set(b.messages).isSubset(of: Set(a.messages)), "new diagnostics for \(name): \(Set(b.messages).subtracting(a.messages))")
    }

    @Test("Positions point at the keys of the emitted text")
    func positions() throws {
        let bytes = try [UInt8](Data(contentsOf: TestSupport.example("ke-hoach-phuong-2025.yaml")))
        let tree = try #require(DataNode.parse(bytes: bytes, file: "k.yaml").0)
        let (text, positions) = tree.yaml(kind: .keHoach, comments: true)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (path, position) in positions {
            let line = lines[position.line - 1]
            let rest = line.dropFirst(position.column - 1)
            if case .key(let key)? = path.components.last {
                #expect(rest.hasPrefix(key + ":"), "\(path) at \(position.line):\(position.column): \(line)")
            } else {
                #expect(rest.hasPrefix("-"), "\(path) at \(position.line):\(position.column): \(line)")
            }
            #expect(DataNode.path(at: position.line, in: positions).map { $0.components.count >= path.components.count } == true)
        }
        let themePath = try #require(DataPath("dot_thi_dua[1].chu_de"))
        let phaseLine = try #require(positions[themePath]).line
        #expect(DataNode.path(at: phaseLine, in: positions)?.description == "dot_thi_dua[1].chu_de")
    }
}
