import Foundation
import Testing
@testable import ThiDuaKit

/// What the static partial check must accept, and that its reading of a template
/// agrees with the engine's (a partial the scanner missed could hide a cycle).
@Suite("Template set structure")
struct TemplateSetStructureTests {
    static func plan() throws -> Document {
        let (document, diagnostics) = Renderer.load(bytes: Array(TestSupport.minimalPlan.utf8), file: "kh.yaml")
        #expect(!diagnostics.hasErrors)
        return try #require(document)
    }

    @Test func aDiamondAndAShallowFanOutAreAcceptedAndRender() throws {
        let templates = try TemplateSet(overrides: [
            "ke-hoach.md.mustache": "{{> a}}{{> b}}\n{{> w}}{{> w}}{{> w}}{{> w}}\n",
            "a.mustache": "A {{> d}} ", "b.mustache": "B {{> d}}", "d.mustache": "D {{{title}}}",
            "w.mustache": "{{> x}}{{> x}}{{> x}}{{> x}}", "x.mustache": "x",
        ])
        let text = try Renderer.render(try Self.plan(), format: .md, templates: templates)
        #expect(text == "A D KẾ HOẠCH B D KẾ HOẠCH\nxxxxxxxxxxxxxxxx\n")
    }

    @Test func aPartialNameInACommentOrBehindChangedDelimitersIsNotAnInclusion() throws {
        let templates = try TemplateSet(overrides: [
            "ke-hoach.md.mustache": "{{! chú thích: {{> ke-hoach.md}}{{=<% %>=}}{{> ke-hoach.md}} <%title%>\n",
        ])
        let text = try Renderer.render(try Self.plan(), format: .md, templates: templates)
        #expect(text == "{{> ke-hoach.md}} KẾ HOẠCH\n")
    }

    @Test func theBuiltInSetIsFarWithinTheLimits() throws {
        // The limits must never refuse a real template: the built-in set, expanded, is small.
        var nodes: [TemplateSet.Node] = []
        for (file, text) in BuiltinTemplates.all {
            nodes.append(try TemplateSet.scan(file: file, text: text, origin: file))
        }
        #expect(nodes.count == BuiltinTemplates.all.count)
        try TemplateSet.checkStructure(nodes)
        let largest = BuiltinTemplates.all.values.map(\.utf8.count).max() ?? 0
        #expect(largest > 0 && largest * 10 < TemplateSet.maximumExpandedBytes)
        let costliest = nodes.map(\.scan.parseCost).max() ?? 0
        #expect(costliest > 0 && costliest * 100 < TemplateSet.maximumParseCost)
    }

    /// The scanner's partials are the ones the engine renders: each partial prints its
    /// name, and the output must hold exactly the names the scanner found.
    @Test(arguments: [
        "{{> a}}{{{x}}}{{> b }}",
        "{{#s}}{{> a}}{{/s}}{{^s}}{{> b}}{{/s}}",
        "{{=<% %>=}}<%> a%><%={{ }}=%>{{>b}}",
        "{{! {{> c}} }}{{> a}}",
        "{{=| |=}}|! x |} |> a| |=<< >>=|<<> b>>",
        "  {{> a}}\n\t{{>b}}\r\n{{& y}}{{> a}}",
        "{{$blk}}{{> a}}{{/blk}}{{> b}}",
    ])
    func scannerFindsThePartialsTheEngineRenders(_ text: String) throws {
        let scan = TemplateScan(text, depthLimit: 100)
        #expect(scan.isComplete)
        let found = Set(scan.references.map(\.name))
        #expect(!found.isEmpty)
        var overrides = ["ke-hoach.md.mustache": text]
        for name in ["a", "b", "c"] { overrides["\(name).mustache"] = "<\(name)>" }
        let templates = try TemplateSet(overrides: overrides)
        let context = TemplateValue.map([("s", .list([.map([])])), ("x", .string("")), ("y", .string(""))])
        let output = try templates.render(context, kind: .keHoach, format: .md)
        let rendered = Set(["a", "b", "c"].filter { output.contains("<\($0)>") })
        #expect(rendered.isSubset(of: found), "\(text): engine rendered \(rendered), scanner found \(found)")
        #expect(!found.contains("c"), "a partial inside a comment is not one")
    }

    @Test func aTagTheScannerCannotFollowIsRefusedEvenIfTheEngineAcceptsIt() throws {
        var nodes = [try TemplateSet.scan(file: "a.mustache", text: "x", origin: "a.mustache")]
        nodes[0].scan.isComplete = false
        #expect(throws: ThiDuaError.self) { try TemplateSet.checkStructure(nodes) }
    }
}
