import Foundation
import TestFixtures
import Testing
@testable import ThiDuaKit

/// What the three starters write for the examples, kept as golden files
/// (`Golden/Expected/starters/`; `THIDUA_RECORD=1` re-records them).
@Suite("Golden files: the starters' outputs")
struct StarterGoldenTests {
    static func check(_ text: String, _ name: String) throws {
        if let mismatch = try GoldenFile.mismatch(text, expectedAt: Golden.folder.appendingPathComponent("starters/\(name)"), name: name) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test("moi", arguments: DocumentKind.allCases.map(\.rawValue))
    func new(kind: String) throws {
        let kind = try #require(DocumentKind(rawValue: kind))
        try Self.check(Starter.fileText(Starter.newDocument(kind), heading: []), "moi-\(kind.templateName).yaml")
    }

    @Test("trien-khai from the provincial plan, from 11/8/2025")
    func derive() throws {
        let (tree, parent) = try StarterTests.parent()
        let derived = Starter.derive(from: tree, parentDocument: parent, citing: "ke-hoach-tinh-2025.yaml",
                                     period: try StarterTests.period("2025-08-11", "2025-12-31"))
        try Self.check(Starter.fileText(derived, heading: []), "trien-khai-ke-hoach-tinh-2025.yaml")
    }

    @Test("nam-sau", arguments: ["ke-hoach-tinh-2025", "ke-hoach-phuong-2025", "huong-dan-tinh-2025"])
    func nextYear(name: String) throws {
        let text = try String(contentsOf: TestSupport.example("\(name).yaml"), encoding: .utf8)
        let tree = try #require(DataNode.parse(text: text, file: "\(name).yaml").0)
        let document = try #require(try TestSupport.readExample("\(name).yaml").0)
        let (moved, _) = Starter.nextYear(tree, document: document)
        try Self.check(Starter.fileText(moved, heading: []), "nam-sau-\(name).yaml")
    }
}
