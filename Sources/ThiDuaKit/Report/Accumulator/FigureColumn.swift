/// A column of figures kept in blocks of 8,192: growing never copies what is stored (an
/// array doubles, holding old and new buffers at once) and leaves at most one block
/// partly filled, where a grown array keeps up to half its size spare.
///
/// The block being filled is held apart (`tail`), so an append touches one array, not an
/// element of the array of blocks: 1.2 million appends of a 100,000-row sheet.
struct FigureColumn {
    private static let shift = 13
    private static let blockSize = 1 << shift
    /// Full blocks of `blockSize` figures each.
    private var blocks: [[Int64]] = []
    /// The figures after the full blocks, fewer than `blockSize`.
    private var tail: [Int64] = []
    /// Number of figures.
    private(set) var count = 0

    init() {}

    /// `count` copies of `value`.
    init(repeating value: Int64, count: Int) {
        for _ in 0..<count { append(value) }
    }

    var isEmpty: Bool { count == 0 }

    mutating func append(_ value: Int64) {
        if tail.isEmpty { tail.reserveCapacity(Self.blockSize) }
        tail.append(value)
        count += 1
        if tail.count == Self.blockSize {
            blocks.append(tail)
            tail = []
        }
    }

    subscript(index: Int) -> Int64 {
        let block = index >> Self.shift
        // Past the full blocks, the tail is indexed from its start: an index beyond the
        // column traps, as an array's would.
        return block < blocks.count ? blocks[block][index & (Self.blockSize - 1)] : tail[index - blocks.count << Self.shift]
    }
}
