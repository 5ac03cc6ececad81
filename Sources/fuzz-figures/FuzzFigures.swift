import Foundation
import FuzzDriver
import ThiDuaKit

/// The figures pipeline on arbitrary bytes: stream them through the CSV
/// reader (split in two chunks at a point chosen by the input, so chunk
/// boundaries are fuzzed too), aggregate, compose the report text and
/// check that every row read is either used or reported.
enum FiguresHarness {
    static let templates: TemplateSet? = try? TemplateSet()

    /// A minimal report document the figures are composed into.
    static let document: Document? = Document.load(text: FuzzSamples.report(figures: "a.csv"), file: "fuzz.yaml").0

    static func run(_ bytes: [UInt8]) {
        let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        let chunks = [Array(bytes[..<cut]), Array(bytes[cut...])]
        let previous = FigureSource(label: "truoc.csv", bytes: bytes)
        let expected = ExpectedUnit.parseList(bytes, file: "ds.csv").0
        let inputs = ReportInputs(sources: [FigureSource(label: "a.csv", chunks: chunks)],
                                  expectedUnits: expected, previous: [previous])
        let result = ReportAggregator.aggregate(inputs)
        for diagnostic in result.diagnostics { _ = diagnostic.description }
        // Nothing silently lost: every row is used or reported.
        // The harness must crash for libFuzzer to record the input.
        if !result.reconciliation.isBalanced {
            FileHandle.standardError.write(Data("mất dòng: \(result.reconciliation)\n".utf8))
            abort()
        }
        guard let document, let templates else { return }
        let composed = ReportComposer.compose(document, result: result)
        for format in OutputFormat.allCases {
            _ = try? Renderer.render(composed, format: format, templates: templates, width: 80)
        }
    }
}

@main
enum FuzzFigures {
    static func main() {
        FuzzDriver.run(harness: FiguresHarness.run)
    }
}
