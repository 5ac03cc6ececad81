import Foundation
import Testing
@testable import ThiDuaKit

/// The render budget of `TemplateObject`: a user's template whose list sections multiply
/// (a section inside a section of the same list finds the list again through the context
/// stack) is refused as a template error instead of rendering for ever; every real template
/// stays far within it.
@Suite("Template render budget")
struct TemplateBudgetTests {
    /// `{{#rows}}` nested `depth` deep around `x`.
    static func nested(_ depth: Int) -> String {
        String(repeating: "{{#rows}}", count: depth) + "x" + String(repeating: "{{/rows}}", count: depth) + "\n"
    }

    /// A view model with a list of three rows.
    static let threeRows = TemplateValue.map([("rows", .list([.map([("v", "a")]), .map([("v", "b")]), .map([("v", "c")])]))])

    @Test func sectionsThatMultiplyTheirListAreRefusedQuickly() throws {
        // 3^40 iterations: without the budget this never ends.
        let templates = try TemplateSet(overrides: ["ke-hoach.md.mustache": Self.nested(40)], overrideFolder: "mau")
        let start = ContinuousClock.now
        do {
            _ = try templates.render(Self.threeRows, kind: .keHoach, format: .md)
            Issue.record("3^40 iterations were rendered")
        } catch let error as ThiDuaError {
            guard case .template(let file, _, _, let message) = error else {
                Issue.record("not a template error: \(error)")
                return
            }
            #expect(file == "mau/ke-hoach.md.mustache")
            #expect(message.contains("quá 100.192 lần") && message.contains("{{#danh_sach}}"), "\(message)")
        }
        // The budget is a few hundred thousand iterations: seconds in a debug build at most.
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test func nestingWithinTheBudgetRendersInFull() throws {
        // 3^8 = 6,561 iterations of the innermost section: a cross of lists is allowed.
        let templates = try TemplateSet(overrides: ["ke-hoach.md.mustache": Self.nested(8)])
        let text = try templates.render(Self.threeRows, kind: .keHoach, format: .md)
        #expect(text == String(repeating: "x", count: 6_561) + "\n")
    }

    @Test func eachRenderOfOneObjectHasTheWholeBudget() throws {
        // Both formats render from one converted object. 300 rows crossed with themselves take
        // 90,300 iterations a render, within the budget of 100,000 + 64 × 300 = 119,200, but
        // not twice: the second render must not inherit what the first used.
        let rows = TemplateValue.map([("rows", .list(Array(repeating: .map([("v", "a")]), count: 300)))])
        #expect(TemplateObject(rows).budget.iterationLimit == 119_200)
        let templates = try TemplateSet(overrides: ["ke-hoach.md.mustache": "{{#rows}}{{#rows}}x{{/rows}}{{/rows}}\n",
                                                    "ke-hoach.txt.mustache": "{{#rows}}{{#rows}}y{{/rows}}{{/rows}}\n"])
        let texts = try templates.render(rows, kind: .keHoach, formats: [.md, .txt])
        #expect(texts == [String(repeating: "x", count: 90_000) + "\n", String(repeating: "y", count: 90_000) + "\n"])
    }

    /// 300 rows: crossed with themselves, 90,000 passes, within the iteration budget.
    static let manyRows = TemplateValue.map([("rows", .list(Array(repeating: .map([("v", "a")]), count: 300))),
                                             ("long", .string(String(repeating: "ư", count: 500_000)))])

    static func refusal(_ templates: TemplateSet, _ context: TemplateValue) -> String? {
        do {
            _ = try templates.render(context, kind: .keHoach, format: .md)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aLongTextInsideALoopIsRefusedBeforeItFillsMemory() throws {
        // 200 KB of text, through a partial, in 90,000 passes: 18 GB.
        let templates = try TemplateSet(overrides: [
            "ke-hoach.md.mustache": "{{#rows}}{{#rows}}{{> long}}{{/rows}}{{/rows}}\n",
            "long.mustache": String(repeating: "chữ ", count: 40_000),
        ], overrideFolder: "mau")
        let start = ContinuousClock.now
        let message = try #require(Self.refusal(templates, Self.manyRows))
        #expect(message.contains("mau/ke-hoach.md.mustache") && message.contains("quá 256 MB chữ"), "\(message)")
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test func aLongValuePrintedInsideALoopIsRefused() throws {
        // A 1 MB value printed in 90,000 passes: 90 GB. (The budget is lowered to 10 MB so
        // that a debug build does not spend its time escaping the first 256 MB.)
        let templates = try TemplateSet(overrides: ["ke-hoach.md.mustache": "{{#rows}}{{#rows}}{{long}}{{/rows}}{{/rows}}\n"])
        let object = TemplateObject(Self.manyRows)
        object.budget.byteLimit = 10_000_000
        do {
            _ = try templates.render(object: object, kind: .keHoach, format: .md)
            Issue.record("90 GB were printed")
        } catch {
            #expect("\(error)".contains("quá 10 MB chữ"), "\(error)")
        }
        // Printed once it is fine, and so are the rows without it.
        let once = try TemplateSet(overrides: ["ke-hoach.md.mustache": "{{long}}{{#rows}}{{#rows}}{{v}}{{/rows}}{{/rows}}\n"])
        let text = try once.render(Self.manyRows, kind: .keHoach, format: .md)
        #expect(text.utf8.count == 1_000_000 + 90_000 + 1)
    }

    @Test func aListOrAMapWrittenAsAVariablePrintsNothing() throws {
        // The engine would print Swift's debugging form of the whole value, in every pass.
        let templates = try TemplateSet(overrides: ["ke-hoach.md.mustache": "[{{rows}}]{{#rows}}[{{.}}]{{/rows}}\n"])
        let context = TemplateValue.map([("rows", .list([.map([("v", "a")]), .map([("v", "b")])]))])
        #expect(try templates.render(context, kind: .keHoach, format: .md) == "[][][]\n")
    }

    @Test func sectionWeightsCountTheBodyAndItsPartials() throws {
        let scan = TemplateScan("ab{{#a.rows}}xyz{{> p}}{{^reversed(rows)}}ư{{/reversed(rows)}}{{/a.rows}}{{#.}}{{/.}}", depthLimit: 10)
        #expect(scan.sections.map(\.key) == ["rows", "rows", ""])
        #expect(scan.sections.map(\.bodyBytes) == [2, 3 + 7 + 19 + 2 + 19, 0])
        let nodes = [try TemplateSet.scan(file: "k.mustache", text: "{{#rows}}xyz{{> p}}{{/rows}}", origin: "k"),
                     try TemplateSet.scan(file: "p.mustache", text: String(repeating: "ư", count: 10), origin: "p")]
        #expect(try TemplateSet.checkStructure(nodes) == ["rows": 3 + 7 + 20])
    }

    @Test func noPathAroundTheBudget() throws {
        // The wrappers' own fields are not reachable by name, and the engine's transforms that
        // make a new sequence (a map's pairs, a reversed string) stay on the budget.
        let pairs = TemplateValue.map((0..<20).map { ("k\($0)", TemplateValue.string("v")) })
        let context = TemplateValue.map([("rows", Self.manyRows["rows"] ?? .list([])), ("m", pairs), ("long", "dài")])
        let probe = try TemplateSet(overrides: ["ke-hoach.md.mustache": "[{{#rows.items}}x{{/rows.items}}][{{long.text}}][{{long.budget}}][{{rows.key}}][{{reversed(long)}}]\n"])
        #expect(try probe.render(context, kind: .keHoach, format: .md) == "[][][][][iàd]\n")
        // 20^6 pairs: refused, not rendered.
        let nested = String(repeating: "{{#enumerated(m)}}", count: 6) + "x" + String(repeating: "{{/enumerated(m)}}", count: 6) + "\n"
        let templates = try TemplateSet(overrides: ["ke-hoach.md.mustache": nested])
        #expect(Self.refusal(templates, context)?.contains("lần khi điền văn bản này") == true)
        let once = try TemplateSet(overrides: ["ke-hoach.md.mustache": "{{#enumerated(m)}}{{#value}}y{{/value}}{{/enumerated(m)}}\n"])
        #expect(try once.render(context, kind: .keHoach, format: .md) == String(repeating: "y", count: 20) + "\n")
    }

    @Test func theEnginesListTransformsStillWork() throws {
        let context = TemplateValue.map([("rows", .list([.map([("v", "a")]), .map([("v", "b")]), .map([("v", "c")])])),
                                         ("none", .list([]))])
        let templates = try TemplateSet(overrides: [
            "ke-hoach.md.mustache": "{{#reversed(rows)}}{{v}}{{/reversed(rows)}} {{count(rows)}} {{#first(rows)}}{{v}}{{/first(rows)}}{{#last(rows)}}{{v}}{{/last(rows)}} {{#empty(none)}}rỗng{{/empty(none)}}{{^none}}không có{{/none}}\n",
        ])
        #expect(try templates.render(context, kind: .keHoach, format: .md) == "cba 3 ac rỗngkhông có\n")
    }

    @Test(arguments: ["ke-hoach-tinh-2025", "ke-hoach-phuong-2025", "huong-dan-tinh-2025", "bao-cao-so-ket-2025"])
    func theBuiltInTemplatesUseAFractionOfTheBudget(_ example: String) throws {
        let document = try #require(try TestSupport.loadExample(example + ".yaml").0)
        let object = TemplateObject(DocumentView(width: 80).context(for: document))
        let templates = try TemplateSet()
        for format in OutputFormat.allCases {
            _ = try templates.render(object: object, kind: document.kind, format: format)
            #expect(object.budget.used * 100 < object.budget.iterationLimit, "\(example).\(format): \(object.budget.used) of \(object.budget.iterationLimit)")
        }
    }
}
