import Foundation

/// Reads a phase's workbooks ahead of the accumulation, on worker threads: unzipping and
/// parsing the sheet XML into `FigureRecord`s is most of the time of a report's figures and
/// depends on nothing but the file, while accumulating (duplicates across files, group
/// numbers, sums) must see the rows in file order. So the workers turn workbooks into
/// records, and the caller's thread replays them, file by file in the given order, into the
/// same `FigureFileReading` as before: diagnostics, their order and every figure are exactly
/// those of a sequential read.
///
/// The one thing a table source learns from its sink while it reads is when to stop a
/// sheet that holds no figures table (`FigureTableSink.read` returning false). That answer
/// depends only on the sheet's own rows, so each worker finds it with a `FigureFileParser`
/// of its own, fed only until the header is found (a header, once found, never makes the
/// parser give up the sheet): the worker stops exactly where the sequential reader did,
/// and the diagnostics of a damaged sheet beyond that point never depend on timing.
///
/// Memory stays bounded whatever the input: a worker takes a file only while it is at most
/// `lookahead` files ahead of the replay, and waits when a file's unread records reach
/// `maxBufferedCells`.
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
    func tables(of index: Int) -> (any FigureTableSource)? {
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
            var sink = RecordingSink(channel: channel, file: sources[index].label, indicators: indicators, matcher: matcher)
            let diagnostics = tables.readTables(into: &sink)
            sink.flush()
            channel.put(.finished(diagnostics))
        }
    }
}

/// What a table source told its sink, in order.
enum TableEvent {
    case begin(name: String, isHidden: Bool)
    case records([FigureRecord], cells: Int)
    case end([Diagnostic])
    case finished([Diagnostic])
}

/// A bounded queue of one file's events, from its worker to the replay.
final class TableChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var events: [TableEvent] = []
    private var head = 0
    private var cells = 0
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds an event, waiting while the channel is full (never for the closing events).
    func put(_ event: TableEvent) {
        condition.lock()
        defer { condition.unlock() }
        if case .records(_, let count) = event {
            while !cancelled, cells > 0, cells + count > capacity { condition.wait() }
            cells += count
        }
        guard !cancelled else { return }
        events.append(event)
        condition.broadcast()
    }

    /// The next event, waiting for it.
    func take() -> TableEvent {
        condition.lock()
        defer { condition.unlock() }
        while head == events.count { condition.wait() }
        let event = events[head]
        head += 1
        if head == events.count {
            events.removeAll(keepingCapacity: true)
            head = 0
        }
        if case .records(_, let count) = event {
            cells -= count
            condition.broadcast()
        }
        return event
    }

    /// True once the replay will never read this channel: its worker may stop reading.
    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Frees a worker waiting on a full channel that will not be read.
    func cancel() {
        condition.lock()
        cancelled = true
        events.removeAll()
        head = 0
        condition.broadcast()
        condition.unlock()
    }
}

/// The sink a worker reads a table source into: records go to the channel in batches, and
/// a sheet is stopped where the replayed reading will stop it (see `FigureReadAhead`).
struct RecordingSink: FigureTableSink {
    let channel: TableChannel
    let file: String
    let indicators: IndicatorSet
    let matcher: FigureHeaderMatcher
    private var batch: [FigureRecord] = []
    private var batchCells = 0
    /// The sheet's header search; nil once the header is found.
    private var search: FigureFileParser?

    /// Records sent at once: enough that the hand-over costs little per row.
    static let batchCells = 4_096

    init(channel: TableChannel, file: String, indicators: IndicatorSet, matcher: FigureHeaderMatcher) {
        self.channel = channel
        self.file = file
        self.indicators = indicators
        self.matcher = matcher
    }

    mutating func beginTable(named name: String, isHidden: Bool) {
        flush()
        channel.put(.begin(name: name, isHidden: isHidden))
        search = FigureFileParser(file: file, sheet: name, indicators: indicators, matcher: matcher)
    }

    mutating func read(_ record: FigureRecord) -> Bool {
        batch.append(record)
        batchCells += max(record.cells.count, 1)
        if batchCells >= Self.batchCells {
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
        channel.put(.end(diagnostics))
    }

    /// Sends the records not yet sent.
    mutating func flush() {
        guard !batch.isEmpty else { return }
        channel.put(.records(batch, cells: batchCells))
        batch = []
        batchCells = 0
    }
}

/// A file's tables as its worker read them, replayed into the reading's sink.
struct ReplayedTables: FigureTableSource {
    let channel: TableChannel
    let done: () -> Void

    func readTables<Sink: FigureTableSink>(into sink: inout Sink) -> [Diagnostic] {
        defer { done() }
        var wanted = true
        while true {
            switch channel.take() {
            case .begin(let name, let isHidden):
                wanted = true
                sink.beginTable(named: name, isHidden: isHidden)
            case .records(let records, _):
                for record in records where wanted {
                    wanted = sink.read(record)
                }
            case .end(let diagnostics):
                sink.endTable(diagnostics: diagnostics)
            case .finished(let diagnostics):
                return diagnostics
            }
        }
    }
}
