import Foundation

/// Reads a phase's workbooks ahead of the accumulation, on worker threads: unzipping and
/// parsing the sheet XML is most of the time of a report's figures and depends on nothing
/// but the file, while accumulating (duplicates across files, group numbers, sums) must
/// see the rows in file order. So the workers read workbooks, and the caller's thread
/// replays what they read, file by file in the given order, into the same
/// `FigureFileReading` as before: diagnostics, their order and every figure are exactly
/// those of a sequential read.
///
/// How the work is split depends on the phase. With several workbooks, each worker reads
/// whole files, through the same `FigureFileParser` per sheet as the sequential reading,
/// and sends the rows' outcomes: the replay only adds up, which keeps the one serial part
/// small. With a single workbook a second file cannot share the work, so the worker only
/// maps its XML to records and the replay parses them: two stages of one stream, on two
/// cores.
///
/// The one thing a table source learns from its sink while it reads is when to stop a
/// sheet that holds no figures table (`FigureTableSink.read` returning false). That answer
/// depends only on the sheet's own rows, and the worker's parser gives it exactly where
/// the sequential reading did (when the worker sends records, a parser of its own is fed
/// only until the header is found: a header, once found, never makes the parser give up
/// the sheet), so the diagnostics of a damaged sheet beyond that point never depend on timing.
///
/// Memory stays bounded whatever the input: a worker takes a file only while it is at most
/// `lookahead` files ahead of the replay, and waits when a file's unread rows reach
/// `maxBufferedCells` cells.
final class FigureReadAhead: @unchecked Sendable {
    private let sources: [FigureSource]
    private let indicators: IndicatorSet
    private let matcher: FigureHeaderMatcher
    private var channels: [Int: TableChannel] = [:]
    /// The table sources, in order: what the workers take, one file at a time.
    private let order: [Int]
    private let state = NSCondition()
    private var claimed = 0
    private var replayed = 0
    private var cancelled = false
    private let finished = DispatchGroup()
    /// True when workers parse the rows too (several workbooks), false when they send records.
    private let parsesOnWorkers: Bool

    /// How many files a worker may read ahead of the replay.
    static let lookahead = 8
    /// Cells a file's channel holds before its worker waits for the replay.
    static let maxBufferedCells = 1 << 16

    /// Worker threads for `sources`: none when fewer than one workbook is worth a thread.
    init(sources: [FigureSource], indicators: IndicatorSet, matcher: FigureHeaderMatcher,
         workers: Int = FigureReadAhead.defaultWorkers) {
        self.sources = sources
        self.indicators = indicators
        self.matcher = matcher
        order = workers > 0 ? sources.indices.filter { sources[$0].tables != nil } : []
        parsesOnWorkers = order.count > 1
        for index in order { channels[index] = TableChannel(capacity: Self.maxBufferedCells) }
        for _ in 0..<min(workers, order.count) {
            finished.enter()
            let thread = Thread { [self] in
                work()
                finished.leave()
            }
            // Deep enough for libxml2's recursion on nested elements, as a main thread's.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// One worker per core, at most four (beyond that the replay is the limit).
    static var defaultWorkers: Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
    }

    /// The replay of source `index`'s tables, or nil when it has none (a CSV source).
    func replay(of index: Int) -> ReplayedTables? {
        channels[index].map { ReplayedTables(channel: $0, done: { [self] in advance() }) }
    }

    /// Stops the workers and waits for them; what they read and nobody replayed is dropped.
    func finish() {
        state.lock()
        cancelled = true
        state.broadcast()
        state.unlock()
        for channel in channels.values { channel.cancel() }
        finished.wait()
    }

    private func advance() {
        state.lock()
        replayed += 1
        state.broadcast()
        state.unlock()
    }

    /// The next file to read, once it is within `lookahead` of the replay; nil when none is left.
    private func claim() -> Int? {
        state.lock()
        defer { state.unlock() }
        while !cancelled, claimed < order.count, claimed - replayed >= Self.lookahead { state.wait() }
        guard !cancelled, claimed < order.count else { return nil }
        claimed += 1
        return order[claimed - 1]
    }

    private func work() {
        while let index = claim(), let tables = sources[index].tables, let channel = channels[index] {
            let outbox = ChannelOutbox(channel: channel)
            let file = WorkerFile(outbox: outbox, label: sources[index].label, indicators: indicators, matcher: matcher)
            let diagnostics: [Diagnostic]
            if parsesOnWorkers {
                var sink = ParsingSink(file: file)
                diagnostics = tables.readTables(into: &sink)
                sink.flush()
            } else {
                var sink = RecordingSink(file: file)
                diagnostics = tables.readTables(into: &sink)
                sink.flush()
            }
            outbox.put(.finished(diagnostics))
            outbox.flush()
        }
    }
}

/// The file a worker reads, as both of its sinks see it.
struct WorkerFile {
    let outbox: ChannelOutbox
    let label: String
    let indicators: IndicatorSet
    let matcher: FigureHeaderMatcher

    /// Tells the replay a sheet starts, and gives the sheet's parser, as `FigureFileReading` makes it.
    func begin(sheet name: String, isHidden: Bool, parsed: Bool) -> FigureFileParser {
        outbox.put(.begin(name: name, isHidden: isHidden, parsed: parsed))
        return FigureFileParser(file: label, sheet: name, indicators: indicators, matcher: matcher)
    }
}

/// The sink a worker reads a table source into: records go to the channel in batches, and
/// a sheet is stopped where the replayed reading will stop it (see `FigureReadAhead`).
struct RecordingSink: FigureTableSink {
    let file: WorkerFile
    private var channel: ChannelOutbox { file.outbox }
    private var batch = CellBatch<FigureRecord>()
    /// The sheet's header search; nil once the header is found.
    private var search: FigureFileParser?
    /// True between `beginTable` and `endTable`: rows outside a table are not wanted, as
    /// `FigureFileReading` says.
    private var inTable = false

    init(file: WorkerFile) {
        self.file = file
    }

    mutating func beginTable(named name: String, isHidden: Bool) {
        flush()
        search = file.begin(sheet: name, isHidden: isHidden, parsed: false)
        inTable = true
    }

    mutating func read(_ record: FigureRecord) -> Bool {
        guard inTable else { return false }
        if batch.add(record, cells: record.cells.count) {
            flush()
            // Nobody will replay the file (the reading stopped): the rest of the sheet is not read.
            if channel.isCancelled { return false }
        }
        guard search != nil else { return true }
        _ = search?.read(record)
        if search?.gaveUpOnSheet ?? false { return false }
        if search?.foundTable ?? false { search = nil }
        return true
    }

    mutating func endTable(diagnostics: [Diagnostic]) {
        flush()
        search = nil
        inTable = false
        channel.put(.end(nil, diagnostics))
    }

    /// Sends the records not yet sent.
    mutating func flush() {
        if let (records, cells) = batch.take() { channel.put(.records(records, cells: cells)) }
    }
}

/// The sink a worker parses a workbook into, when workers parse: one `FigureFileParser` per
/// sheet, as `FigureFileReading` makes, whose outcomes go to the channel in batches and
/// which itself goes at the sheet's end, with everything it found.
struct ParsingSink: FigureTableSink {
    let file: WorkerFile
    private var channel: ChannelOutbox { file.outbox }
    private var parser: FigureFileParser?
    private var batch = CellBatch<FigureRowOutcome>()

    init(file: WorkerFile) {
        self.file = file
    }

    mutating func beginTable(named name: String, isHidden: Bool) {
        flush()
        parser = file.begin(sheet: name, isHidden: isHidden, parsed: true)
    }

    mutating func read(_ record: FigureRecord) -> Bool {
        // As `FigureFileReading.read`: in place through optional chaining, never copied.
        guard parser != nil else { return false }
        if batch.add(parser?.read(record), cells: record.cells.count) {
            flush()
            if channel.isCancelled { return false }
        }
        return !(parser?.gaveUpOnSheet ?? true)
    }

    mutating func endTable(diagnostics: [Diagnostic]) {
        // As `FigureFileReading.endTable`: a sheet never begun (a file refused) ends nothing.
        guard var current = parser else { return }
        parser = nil
        for outcome in current.finish() { _ = batch.add(outcome, cells: 0) }
        flush()
        channel.put(.end(current, diagnostics))
    }

    /// Sends the outcomes not yet sent.
    mutating func flush() {
        if let (outcomes, cells) = batch.take() { channel.put(.outcomes(outcomes, cells: cells)) }
    }
}

/// A file's tables as its worker read them, replayed into the file's reading.
struct ReplayedTables {
    let channel: TableChannel
    let done: () -> Void

    /// Delivers the sheets to `reading` as the sequential reading would; returns the
    /// findings about the file itself.
    func replay(into reading: inout FigureFileReading) -> [Diagnostic] {
        defer { done() }
        var wanted = true
        while true {
            switch channel.take() {
            case .begin(let name, let isHidden, let parsed):
                wanted = true
                if parsed {
                    reading.beginParsedTable(named: name, isHidden: isHidden)
                } else {
                    reading.beginTable(named: name, isHidden: isHidden)
                }
            case .records(let records, _):
                for record in records where wanted {
                    wanted = reading.read(record)
                }
            case .outcomes(let outcomes, _):
                reading.read(outcomes: outcomes)
            case .end(let parser?, let diagnostics):
                reading.endTable(parsedBy: parser, diagnostics: diagnostics)
            case .end(nil, let diagnostics):
                reading.endTable(diagnostics: diagnostics)
            case .finished(let diagnostics):
                return diagnostics
            }
        }
    }
}
