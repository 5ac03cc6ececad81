/// The exact statistics of a phase report: totals overall and per group, achievement against
/// targets, averages, rankings and change against the previous phase.
///
/// Pure and exact: every figure is an `Int64` or an `ExactRatio`; nothing is formatted here.
/// Groups and units are in report order: the expected-units list order when one was given
/// (units not on it follow, alphabetically), otherwise Vietnamese alphabetical order; units
/// without a group come last in a group named "".
public struct ReportStatistics: Sendable {
    /// The indicators, in report order.
    public let indicators: IndicatorSet
    /// Totals over all units, one per indicator, in indicator order.
    public let totals: [IndicatorTotals]
    /// Groups in report order.
    public let groups: [GroupStatistics]
    /// Every unit index, group by group, in report order.
    public let orderedUnits: [Int]
    /// Units on the expected list that sent no figures, in list order.
    public let missingUnits: [ExpectedUnit]
    /// Units that reported but are not on the expected list, in report order.
    public let unexpectedUnits: [Int]
    /// The units the comparison with the previous phase is over, when previous figures
    /// were given (`IndicatorTotals.change` is then filled, like for like).
    public let comparison: PeriodComparison?

    /// True when previous-phase figures were given.
    public var hasPrevious: Bool { comparison != nil }

    let storage: ReportAccumulator
    /// Index into `groups` for each unit.
    let unitGroupIndex: [Int32]
    /// Position of each unit in Vietnamese name order, to break ties.
    let nameRank: [Int32]

    /// Number of units used.
    public var unitCount: Int {
        storage.unitCount
    }

    /// Overall totals of one indicator.
    public func totals(for key: String) -> IndicatorTotals? {
        indicators.index(of: key).map { totals[$0] }
    }

    /// The group with this name (compared after normalization and case folding).
    public func group(named name: String) -> GroupStatistics? {
        let folded = ReportText.folded(name)
        return groups.first { ReportText.folded($0.name) == folded }
    }

    /// A unit's name as normalized for display.
    public func name(ofUnit unit: Int) -> String {
        storage.names[unit]
    }

    /// A unit's group in the report ("" when none).
    public func group(ofUnit unit: Int) -> String {
        groups[Int(unitGroupIndex[unit])].name
    }

    /// Where a unit's row was read.
    public func position(ofUnit unit: Int) -> SourcePosition {
        storage.position(of: unit)
    }

    /// A unit's figure for a summed indicator (scaled), nil if empty or unknown key.
    public func value(ofUnit unit: Int, key: String) -> Int64? {
        guard let i = indicators.index(of: key) else { return nil }
        return storage.value(i, unit)
    }

    /// A unit's figure for the summed indicator at `index` in `indicators` (scaled), nil
    /// if empty; `value(ofUnit:key:)` without looking the key up.
    public func value(ofUnit unit: Int, indicatorAt index: Int) -> Int64? {
        guard indicators.indicators.indices.contains(index), (0..<unitCount).contains(unit) else { return nil }
        return storage.value(index, unit)
    }

    /// A unit's own target for the indicator at `index` in `indicators`, nil if not given.
    public func target(ofUnit unit: Int, indicatorAt index: Int) -> Int64? {
        guard indicators.indicators.indices.contains(index), (0..<unitCount).contains(unit) else { return nil }
        return storage.target(index, unit)
    }

    /// A unit's own target for an indicator, nil if not given.
    public func target(ofUnit unit: Int, key: String) -> Int64? {
        guard let i = indicators.index(of: key) else { return nil }
        return storage.target(i, unit)
    }

    /// A unit's ratio for a ratio indicator, nil if a figure is missing or the denominator is 0.
    public func ratio(ofUnit unit: Int, key: String) -> ExactRatio? {
        guard let i = indicators.index(of: key) else { return nil }
        return unitRatio(i, unit)
    }

    /// The `n` units with the highest figures for an indicator (ratio indicators: highest
    /// ratio), optionally within one group. Ties are broken by Vietnamese name order; units
    /// without a figure are left out.
    public func top(_ n: Int, by key: String, inGroup group: String? = nil) -> [RankedUnit] {
        ranked(n, by: key, inGroup: group, descending: true)
    }

    /// The `n` units with the lowest figures, ties broken by Vietnamese name order.
    public func bottom(_ n: Int, by key: String, inGroup group: String? = nil) -> [RankedUnit] {
        ranked(n, by: key, inGroup: group, descending: false)
    }

    // MARK: - Internals

    func unitRatio(_ indicator: Int, _ unit: Int) -> ExactRatio? {
        guard case .ratio(let nk, let dk) = indicators.indicators[indicator].aggregation,
              let n = indicators.index(of: nk), let d = indicators.index(of: dk),
              let nv = storage.value(n, unit), let dv = storage.value(d, unit) else { return nil }
        return ExactRatio(nv, dv)
    }

    private func ranked(_ n: Int, by key: String, inGroup group: String?, descending: Bool) -> [RankedUnit] {
        guard n > 0, let i = indicators.index(of: key) else { return [] }
        let candidates: [Int]
        if let group {
            candidates = self.group(named: group)?.units ?? []
        } else {
            candidates = Array(0..<unitCount)
        }
        let isRatio = indicators.indicators[i].isComputed
        let rank = nameRank
        // The order is total (ties go to the name rank, unique per unit), so keeping the
        // best n while scanning gives exactly the first n of a full sort, without sorting
        // (or naming) 100,000 entries.
        typealias Entry = (unit: Int, value: Int64, ratio: ExactRatio?)
        func before(_ a: Entry, _ b: Entry) -> Bool {
            if isRatio, let ra = a.ratio, let rb = b.ratio, ra != rb { return descending ? ra > rb : ra < rb }
            if !isRatio && a.value != b.value { return descending ? a.value > b.value : a.value < b.value }
            return rank[a.unit] < rank[b.unit]
        }
        var best: [Entry] = []
        best.reserveCapacity(n + 1)
        for unit in candidates {
            let entry: Entry
            if isRatio {
                guard let r = unitRatio(i, unit) else { continue }
                entry = (unit, r.numerator, r)
            } else if let v = storage.value(i, unit) {
                entry = (unit, v, nil)
            } else {
                continue
            }
            if best.count == n, let last = best.last, !before(entry, last) { continue }
            let position = best.firstIndex { before(entry, $0) } ?? best.count
            best.insert(entry, at: position)
            if best.count > n { best.removeLast() }
        }
        return best.map {
            RankedUnit(unit: $0.unit, name: storage.names[$0.unit], group: self.group(ofUnit: $0.unit), value: $0.value, ratio: $0.ratio)
        }
    }
}
