import Foundation
import TestFixtures
import Testing
import ThiDuaKit
@testable import ThiDuaDocx

/// Golden files of the generated XML parts: each example's document.xml and core.xml, and
/// the parts every document shares (styles, settings, headers, content types,
/// relationships). `THIDUA_RECORD=1 swift test` writes them anew; read the diff first.
enum GoldenParts {
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let mismatch = try GoldenFile.mismatch(actual, expectedAt: DocxTestSupport.expected.appendingPathComponent(name), name: name) {
            Issue.record(Comment(rawValue: mismatch), sourceLocation: sourceLocation)
        }
    }
}

@Suite("Golden files: Word parts")
struct GoldenPartsTests {
    static let shared = ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "word/_rels/document.xml.rels",
                         "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml"]

    @Test("document.xml and core.xml of each example", arguments: DocxTestSupport.examples)
    func parts(name: String) throws {
        let output = try DocxTestSupport.docx(name)
        #expect(output.warnings.isEmpty)
        let parts = try DocxTestSupport.parts(output.bytes)
        try GoldenParts.check(try #require(parts["word/document.xml"]), against: "\(name)/document.xml")
        try GoldenParts.check(try #require(parts["docProps/core.xml"]), against: "\(name)/core.xml")
    }

    @Test("The parts every document shares")
    func sharedParts() throws {
        let parts = try DocxTestSupport.parts(try DocxTestSupport.docx("ke-hoach-tinh-2025").bytes)
        #expect(Set(parts.keys) == Set(Self.shared + ["word/document.xml", "docProps/core.xml"]))
        for name in Self.shared {
            try GoldenParts.check(try #require(parts[name]), against: "shared/\(name.replacingOccurrences(of: "/", with: "_"))")
        }
        // The same for every kind of document.
        for example in DocxTestSupport.examples.dropFirst() {
            let other = try DocxTestSupport.parts(try DocxTestSupport.docx(example).bytes)
            for name in Self.shared where name != "docProps/app.xml" {
                #expect(other[name] == parts[name], "\(example): \(name)")
            }
        }
    }

    @Test("The task list of the guidance")
    func taskList() throws {
        let guidance = try DocxTestSupport.loadExample("huong-dan-tinh-2025")
        let output = try DocxWriter(templates: TemplateSet()).write(TaskList(documents: [guidance]), documents: [guidance])
        let parts = try DocxTestSupport.parts(output.bytes)
        try GoldenParts.check(try #require(parts["word/document.xml"]), against: "huong-dan-tinh-2025/tasks-document.xml")
    }

    @Test("The same document gives the same bytes")
    func deterministic() throws {
        let first = try DocxTestSupport.docx("bao-cao-so-ket-2025").bytes
        let second = try DocxTestSupport.docx("bao-cao-so-ket-2025").bytes
        #expect(first == second)
    }
}
