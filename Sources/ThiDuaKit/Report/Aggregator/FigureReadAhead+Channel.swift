import Foundation

/// What a table source told its sink, in order, as a worker passes it on.
enum TableEvent {
    /// A sheet starts; `parsed` when its rows come as outcomes.
    case begin(name: String, isHidden: Bool, parsed: Bool)
    /// Rows as read, for the replay to parse.
    case records([FigureRecord], cells: Int)
    /// Rows parsed by the worker.
    case outcomes([FigureRowOutcome], cells: Int)
    /// The sheet ended: its parser when the worker parsed it, and the reader's findings.
    case end(FigureFileParser?, [Diagnostic])
    /// The file ended, with the findings about the file itself.
    case finished([Diagnostic])

    /// The cells this event holds, which the channel's bound counts.
    var cells: Int {
        switch self {
        case .records(_, let cells), .outcomes(_, let cells): return cells
        default: return 0
        }
    }
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
        put(contentsOf: CollectionOfOne(event))
    }

    /// Adds events at once, one hand-over for all of them, waiting while the channel is
    /// full (never when they hold no cells).
    func put<C: Collection>(contentsOf added: C) where C.Element == TableEvent {
        condition.lock()
        defer { condition.unlock() }
        let count = added.reduce(0) { $0 + $1.cells }
        if count > 0 {
            while !cancelled, cells > 0, cells + count > capacity { condition.wait() }
            cells += count
        }
        guard !cancelled else { return }
        events.append(contentsOf: added)
        condition.broadcast()
    }

    /// The next event, waiting for it.
    func take() -> TableEvent {
        condition.lock()
        defer { condition.unlock() }
        while head == events.count { condition.wait() }
        let event = events[head]
        // A worker ahead of the replay keeps the queue from ever running empty, so a taken
        // event's slot is cleared at once and the taken slots are dropped once they are half
        // the queue: kept until the queue drained, the batches already replayed piled up
        // (up to 50 MB more on a 100,000-row sheet, varying run to run).
        events[head] = .finished([])
        head += 1
        if head == events.count {
            events.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 16, head * 2 >= events.count {
            events.removeFirst(head)
            head = 0
        }
        let count = event.cells
        if count > 0 {
            cells -= count
            condition.broadcast()
        }
        return event
    }

    /// Events held, taken ones included until they are dropped (for tests).
    var storedEvents: Int {
        condition.lock()
        defer { condition.unlock() }
        return events.count
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

/// What a worker gathers before handing it over, counted in cells for the channel's bound.
struct CellBatch<Element> {
    private var items: [Element] = []
    private var cells = 0

    /// Cells sent at once: enough that the hand-over costs little per row.
    static var limit: Int { 4_096 }

    /// Adds a row of `count` cells and its item, if it gave one; true when the batch is full.
    mutating func add(_ item: Element?, cells count: Int) -> Bool {
        if let item { items.append(item) }
        cells += max(count, 1)
        return cells >= Self.limit
    }

    /// What was gathered, and the batch emptied; nil when nothing was.
    mutating func take() -> (items: [Element], cells: Int)? {
        guard cells > 0 else { return nil }
        defer {
            items = []
            cells = 0
        }
        return (items, cells)
    }
}

/// A worker's events for one file, handed to the file's channel together: a form of 50
/// rows was four hand-overs (the sheet's start, its rows, its end, the file's end), each
/// waking the replay's thread, 18 futex calls per workbook. Events are held until they
/// reach a batch of cells (`CellBatch.limit`, so a large sheet still streams in batches and
/// the channel's bound holds) or the file ends.
final class ChannelOutbox {
    private let channel: TableChannel
    private var pending: [TableEvent] = []
    private var cells = 0

    init(channel: TableChannel) {
        self.channel = channel
    }

    /// True once the replay will never read the channel.
    var isCancelled: Bool { channel.isCancelled }

    /// Holds an event; hands over what is held once it reaches a batch.
    func put(_ event: TableEvent) {
        pending.append(event)
        cells += event.cells
        if cells >= CellBatch<TableEvent>.limit { flush() }
    }

    /// Hands over every event held.
    func flush() {
        guard !pending.isEmpty else { return }
        channel.put(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
        cells = 0
    }
}
