import Foundation

/// Inflates one large part (`XlsxReadLimits.inflateAheadBytes`) on a thread of its own while libxml2 parses the chunks already
/// inflated: for a big sheet read alone, inflating is an eighth of the parsing thread's
/// time, and another core is there to do it.
///
/// The chunks come in order through a few buffers that go round (inflated, handed to the
/// parser, given back when it asks for the next), so memory is `chunks` × 256 KB whatever
/// the part. Each chunk is held to the zip-bomb limits on the parsing thread, as it is
/// handed over (`Part.account`), and a damaged entry's failure comes in its place after the
/// chunks before it: the parser meets the same bytes, the same error at the same point,
/// and the workbook's running total the same count, as when it inflated itself (chunks
/// inflated ahead of a parse that stopped early are never counted). A parse that stops
/// early (a sheet not wanted, malformed XML) stops the inflating with `close()`.
final class XlsxInflateAhead {
    /// Buffers going round: enough that neither thread waits on the other's small delays.
    static let chunks = 4

    private let part: XlsxPackage.Part
    private let condition = NSCondition()
    private var spare: [UnsafeMutableRawBufferPointer]
    private var filled: [(buffer: UnsafeMutableRawBufferPointer, count: Int)] = []
    private var handedOut: UnsafeMutableRawBufferPointer?
    private var ended = false
    private var failure: Error?
    private var cancelled = false
    private let stopped = DispatchSemaphore(value: 0)
    private var filler = ChunkFiller()

    /// Starts inflating `part`, which nobody else reads until `close()`.
    init(part: XlsxPackage.Part) {
        self.part = part
        spare = (0..<Self.chunks).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: XlsxPackage.Part.chunkSize, alignment: 16)
        }
        let thread = Thread { [self] in
            inflateAll()
            stopped.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Copies `count` inflated bytes into `buffer`, as `Part.read` does (fewer only at the
    /// end, 0 there); throws what inflating the part threw, where it threw it.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        try filler.fill(buffer, count) { try next() }
    }

    /// Stops the inflating thread, waits for it and frees the buffers. Called once, when
    /// the parse is over.
    func close() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        stopped.wait()
        for buffer in spare { buffer.deallocate() }
        for chunk in filled { chunk.buffer.deallocate() }
        handedOut?.deallocate()
        spare = []
        filled = []
        handedOut = nil
    }

    /// The next chunk, once inflated; the one handed out before goes back to be refilled.
    private func next() throws -> UnsafeRawBufferPointer? {
        condition.lock()
        defer { condition.unlock() }
        if let previous = handedOut {
            spare.append(previous)
            handedOut = nil
            condition.broadcast()
        }
        while filled.isEmpty && !ended { condition.wait() }
        if !filled.isEmpty {
            let chunk = filled.removeFirst()
            handedOut = chunk.buffer
            // Only this thread counts: the inflating one never touches the limits.
            try part.account(chunk.count)
            return UnsafeRawBufferPointer(rebasing: chunk.buffer[..<chunk.count])
        }
        if let failure { throw failure }
        return nil
    }

    /// The inflating thread: fills spare buffers in order until the end, a failure or `close()`.
    private func inflateAll() {
        while true {
            condition.lock()
            while spare.isEmpty && !cancelled { condition.wait() }
            guard !cancelled, let buffer = spare.popLast() else {
                condition.unlock()
                return
            }
            condition.unlock()
            let count: Int
            var thrown: Error?
            do {
                count = try part.inflateUncounted(into: buffer)
            } catch {
                count = 0
                thrown = error
            }
            condition.lock()
            if count > 0 {
                filled.append((buffer, count))
            } else {
                spare.append(buffer)
                ended = true
                failure = thrown
            }
            condition.broadcast()
            condition.unlock()
            if count == 0 { return }
        }
    }
}
