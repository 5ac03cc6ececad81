#if canImport(Glibc)
import Glibc
#endif

/// One figures file: a label for diagnostics and its bytes, whole or in chunks.
///
/// The library never opens files; the caller reads them (possibly lazily, chunk by chunk,
/// so a large file is never whole in memory) and names them with `label`.
public struct FigureSource {
    /// The file name as the clerk knows it, used in every diagnostic.
    public var label: String
    /// The content as successive byte chunks; boundaries may fall anywhere. Empty for a
    /// source of tables.
    public var chunks: AnySequence<[UInt8]>
    /// A workbook's sheets, when the source is not CSV.
    public var tables: (any FigureTableSource)?
    /// The group of the rows that have none of their own: the `nhom` of the entry of
    /// `so_lieu` that named the file (a district's workbook read at the province).
    public var defaultGroup: String?

    /// A source of tables (a workbook read by ThiDuaXlsxReader).
    public init(label: String, tables: any FigureTableSource) {
        self.label = label
        self.chunks = AnySequence([])
        self.tables = tables
    }

    /// A source given whole as bytes.
    public init(label: String, bytes: [UInt8]) {
        self.label = label
        self.chunks = AnySequence(CollectionOfOne(bytes))
    }

    /// A source given as text (tests, generated data).
    public init(label: String, text: String) {
        self.init(label: label, bytes: Array(text.utf8))
    }

    /// A source read lazily, chunk by chunk (e.g. 64 KiB reads from a file handle).
    public init<S: Sequence>(label: String, chunks: S) where S.Element == [UInt8] {
        self.label = label
        self.chunks = AnySequence(chunks)
    }
}

/// Everything a phase report's statistics are computed from.
public struct ReportInputs {
    /// The indicators (from the data file, or `IndicatorSet.default`).
    public var indicators: IndicatorSet
    /// Where the indicators were defined, for their diagnostics.
    public var indicatorsOrigin: SourcePosition?
    /// One file per submitting body; merged, a unit may appear in only one.
    public var sources: [FigureSource]
    /// The units expected to report, in report order; nil to skip the check.
    public var expectedUnits: [ExpectedUnit]?
    /// Names the expected list in diagnostics.
    public var expectedUnitsLabel: String
    /// The previous phase's files (same format), for comparisons; nil when none.
    public var previous: [FigureSource]?

    /// Creates the inputs.
    public init(
        indicators: IndicatorSet = .default,
        indicatorsOrigin: SourcePosition? = nil,
        sources: [FigureSource],
        expectedUnits: [ExpectedUnit]? = nil,
        expectedUnitsLabel: String = "danh sách đơn vị",
        previous: [FigureSource]? = nil
    ) {
        self.indicators = indicators
        self.indicatorsOrigin = indicatorsOrigin
        self.sources = sources
        self.expectedUnits = expectedUnits
        self.expectedUnitsLabel = expectedUnitsLabel
        self.previous = previous
    }
}

/// The outcome of aggregating a phase's figures.
public struct ReportResult: Sendable {
    /// The statistics; usable for rendering only when `diagnostics.hasErrors` is false.
    public var statistics: ReportStatistics
    /// The account of the current phase's rows.
    public var reconciliation: Reconciliation
    /// The account of the previous phase's rows, when given.
    public var previousReconciliation: Reconciliation?
    /// Every finding: indicator definitions, then each file in order (sorted by line), then
    /// the expected-list check.
    public var diagnostics: [Diagnostic]
}

/// The entry point: read every file, merge, check, compute.
public enum ReportAggregator {
    /// Reads all sources and computes the statistics, the reconciliation and the diagnostics.
    public static func aggregate(_ inputs: ReportInputs) -> ReportResult {
        releaseFreedMemory()
        var diagnostics = inputs.indicators.validate(origin: inputs.indicatorsOrigin)
        var accumulator = ReportAccumulator(indicators: inputs.indicators)
        let (reconciliation, readDiagnostics) = read(inputs.sources, into: &accumulator)
        diagnostics += readDiagnostics

        var previousAccumulator: ReportAccumulator?
        var previousReconciliation: Reconciliation?
        if let previousSources = inputs.previous {
            var previous = ReportAccumulator(indicators: inputs.indicators)
            let (account, previousDiagnostics) = read(previousSources, into: &previous)
            diagnostics += previousDiagnostics
            previousAccumulator = previous
            previousReconciliation = account
        }

        let (statistics, statisticsDiagnostics) = accumulator.statistics(
            expectedUnits: inputs.expectedUnits, expectedLabel: inputs.expectedUnitsLabel, previous: previousAccumulator)
        diagnostics += statisticsDiagnostics
        return ReportResult(statistics: statistics, reconciliation: reconciliation,
                            previousReconciliation: previousReconciliation, diagnostics: diagnostics)
    }

    /// Reads sources into an accumulator, streaming each chunk through the parser, and
    /// accounts for every row. Diagnostics come file by file, each file's sorted by line.
    public static func read(_ sources: [FigureSource], into accumulator: inout ReportAccumulator) -> (Reconciliation, [Diagnostic]) {
        read(sources, into: &accumulator, workers: FigureReadAhead.defaultWorkers)
    }

    /// `read(_:into:)` with `workers` threads reading workbooks ahead (0: all on this thread,
    /// as the tests compare); the result is the same whatever their number.
    static func read(_ sources: [FigureSource], into accumulator: inout ReportAccumulator, workers: Int) -> (Reconciliation, [Diagnostic]) {
        var account = Reconciliation()
        var diagnostics: [Diagnostic] = []
        let matcher = FigureHeaderMatcher(indicators: accumulator.indicators)
        // Workbooks are unzipped and parsed on worker threads while this thread adds up.
        let ahead = FigureReadAhead(sources: sources, indicators: accumulator.indicators, matcher: matcher, workers: workers)
        defer { ahead.finish() }
        for (index, source) in sources.enumerated() {
            account.filesRead += 1
            // The reading owns the accumulator while it runs, so appending never copies it.
            var reading = FigureFileReading(label: source.label, accumulator: accumulator, account: account, matcher: matcher,
                                            defaultGroup: source.defaultGroup)
            accumulator = ReportAccumulator(indicators: reading.accumulator.indicators)
            if let replay = ahead.replay(of: index) {
                reading.readReplay(replay)
            } else if let tables = source.tables {
                reading.readTables(tables)
            } else {
                reading.readCSV(source.chunks)
            }
            diagnostics += reading.finishDiagnostics()
            swap(&reading.accumulator, &accumulator)
            account = reading.account
        }
        accumulator.compact()
        releaseFreedMemory()
        return (account, diagnostics)
    }

    /// Gives the memory freed by a finished phase back to the system (glibc keeps it
    /// otherwise): reading 100,000 rows leaves the per-chunk records and the duplicate
    /// index freed but resident, and the next phase's peak would sit on top of them.
    static func releaseFreedMemory() {
        #if canImport(Glibc)
        // malloc_trim(3) is glibc's, not in the Glibc module's headers: looked up once.
        if let trim = mallocTrim { _ = trim(0) }
        #endif
    }

    #if canImport(Glibc)
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
    #endif
}
