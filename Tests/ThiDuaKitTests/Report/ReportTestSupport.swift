@testable import ThiDuaKit

/// Shared helpers for the report tests.
enum ReportFixture {
    /// Aggregates text files with the default indicators.
    static func aggregate(
        _ files: [(label: String, text: String)],
        indicators: IndicatorSet = .default,
        expected: [ExpectedUnit]? = nil,
        previous: [(label: String, text: String)]? = nil
    ) -> ReportResult {
        ReportAggregator.aggregate(ReportInputs(
            indicators: indicators,
            sources: files.map { FigureSource(label: $0.label, text: $0.text) },
            expectedUnits: expected,
            previous: previous?.map { FigureSource(label: $0.label, text: $0.text) }))
    }

    /// Reads all records of a text in one chunk.
    static func records(_ text: String, file: String = "t.csv") -> ([CSVRecord], [Diagnostic], FigureCSVReader) {
        var reader = FigureCSVReader(file: file)
        let records = reader.feed(Array(text.utf8)) + reader.finish()
        return (records, reader.diagnostics, reader)
    }

    /// Reads all records feeding the bytes in the given chunks.
    static func records(_ bytes: [UInt8], splitAt cuts: [Int], file: String = "t.csv") -> ([CSVRecord], [Diagnostic]) {
        var reader = FigureCSVReader(file: file)
        var out: [CSVRecord] = []
        var start = 0
        for cut in cuts.map({ min(max($0, 0), bytes.count) }).sorted() where cut >= start {
            out += reader.feed(bytes[start..<cut])
            start = cut
        }
        out += reader.feed(bytes[start...])
        out += reader.finish()
        return (out, reader.diagnostics)
    }

    /// Parses one figures file with the default indicators.
    static func parse(_ text: String, file: String = "so-lieu.csv", indicators: IndicatorSet = .default) -> ([FigureRowOutcome], [Diagnostic]) {
        let result = FigureFileParser.parse(Array(text.utf8), file: file, indicators: indicators)
        return (result.outcomes, result.diagnostics)
    }

    static func units(_ outcomes: [FigureRowOutcome]) -> [UnitFigures] {
        outcomes.compactMap { if case .unit(let u) = $0 { return u } else { return nil } }
    }

    static func skipped(_ outcomes: [FigureRowOutcome]) -> [SkippedRow] {
        outcomes.compactMap { if case .skipped(let s) = $0 { return s } else { return nil } }
    }

    static func index(_ key: String) -> Int {
        IndicatorSet.default.index(of: key) ?? -1
    }
}
