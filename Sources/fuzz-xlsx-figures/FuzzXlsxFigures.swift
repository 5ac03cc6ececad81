import Foundation
import FuzzDriver
import ThiDuaKit
import ThiDuaXlsxReader

/// Workbooks (.xlsx) as figures files, from arbitrary bytes: the zip container, the XML
/// parts, shared strings and cells are all fuzzed. The workbook is read as the current
/// phase's only file (and as the previous phase's), aggregated, composed into the report
/// text; every row read must be used or reported, and nothing may crash, hang or grow
/// without bound (libFuzzer's -timeout and -rss_limit_mb).
enum XlsxFiguresHarness {
    static let yaml = Array(FuzzSamples.report(figures: "a.xlsx").utf8)

    static func run(_ bytes: [UInt8]) {
        let current = FigureSource(label: "a.xlsx", tables: XlsxFigureSource(bytes: bytes, file: "a.xlsx"))
        let previous = FigureSource(label: "truoc.xlsx", tables: XlsxFigureSource(bytes: bytes, file: "truoc.xlsx"))
        let result = ReportAggregator.aggregate(ReportInputs(sources: [current], previous: [previous]))
        for diagnostic in result.diagnostics { _ = diagnostic.description }
        // The harness must crash for libFuzzer to record the input.
        if !result.reconciliation.isBalanced {
            FileHandle.standardError.write(Data("mất dòng: \(result.reconciliation)\n".utf8))
            abort()
        }
        // A document loaded per input: one kept in a global is reported by LeakSanitizer.
        let (document, diagnostics) = Renderer.load(bytes: yaml, file: "fuzz.yaml")
        guard let document, !diagnostics.hasErrors, let templates = try? TemplateSet() else { return }
        let composed = ReportComposer.compose(document, result: result)
        _ = try? Renderer.render(composed, formats: OutputFormat.allCases, templates: templates, width: 80)
    }
}

@main
enum FuzzXlsxFigures {
    static func main() {
        FuzzDriver.run(harness: XlsxFiguresHarness.run)
    }
}
