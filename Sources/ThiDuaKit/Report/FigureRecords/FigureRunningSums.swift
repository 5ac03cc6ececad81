/// The sums of the unit rows read so far, to find a total row whatever its label: a row
/// whose every figure is the sum of the rows just above it (since the last heading or
/// subtotal) or of all the units above it is a subtotal or a total, typed "Khối A" or left
/// unnamed in a hand-made table. Counted as a unit it would add those units a second time,
/// and the report would state false totals.
///
/// The test needs at least two rows summed and three figures that are not zero, and no
/// number in the STT column (units are numbered, totals are not), so that a unit is never
/// taken for a total by chance: a unit equal to the sum of one row above, a row of zeros
/// under rows of zeros, a CĐCS reporting 2 and 2 under two that reported 1 and 1. Even
/// then only a row named for a group is left out (`TotalRowLabel.namesAGroup`); one named
/// as a unit is counted and warned about.
struct FigureRunningSums: Sendable {
    private var sinceBreak: [Int64]
    private var rowsSinceBreak = 0
    private var all: [Int64]
    private var rowsAll = 0
    private var overflowed = false

    init(indicators: Int) {
        sinceBreak = Array(repeating: 0, count: indicators)
        all = sinceBreak
    }

    /// The sums of every unit so far, when there is one and none overflowed.
    var allSums: [Int64]? { rowsAll > 0 && !overflowed ? all : nil }
    /// The sums since the last heading or total row, when there is a unit since.
    var sumsSinceBreak: [Int64]? { rowsSinceBreak > 0 && !overflowed ? sinceBreak : nil }

    /// A heading, a subtotal or a total row was met: the rows above it are summed up.
    mutating func noteBreak() {
        for i in sinceBreak.indices { sinceBreak[i] = 0 }
        rowsSinceBreak = 0
    }

    /// How many rows `values` sums, if it is the sum of the rows above it; nil for a unit.
    func summedRows(_ values: [Int64?]) -> Int? {
        guard !overflowed else { return nil }
        if rowsSinceBreak >= 2, Self.equal(values, sinceBreak) { return rowsSinceBreak }
        if rowsAll >= 2, rowsAll != rowsSinceBreak, Self.equal(values, all) { return rowsAll }
        return nil
    }

    /// The group of the last unit added, as written, for a subtotal named after it (folded
    /// only then: a sum row is rare, a unit row is every row).
    private(set) var lastGroup: String?

    /// Adds a unit's figures.
    mutating func add(_ values: [Int64?], group: String? = nil) {
        lastGroup = group
        for (i, value) in values.enumerated() {
            guard let value, i < all.count else { continue }
            let (a, o1) = all[i].addingReportingOverflow(value)
            let (b, o2) = sinceBreak[i].addingReportingOverflow(value)
            if o1 || o2 { overflowed = true }
            all[i] = a
            sinceBreak[i] = b
        }
        rowsAll += 1
        rowsSinceBreak += 1
    }

    /// Every figure the row has equals the sum, and at least two of them are not zero.
    static func equal(_ values: [Int64?], _ sums: [Int64]) -> Bool {
        var nonZero = 0
        for (i, value) in values.enumerated() {
            guard let value else { continue }
            guard i < sums.count, value == sums[i] else { return false }
            if value != 0 { nonZero += 1 }
        }
        return nonZero >= 3
    }
}
