/// The like-for-like comparison with the previous phase (conventions.md, "Phase reports"):
/// a change is computed over the units that have figures in both periods, never by setting
/// this phase's total against the whole previous file, where a unit that has not reported
/// yet would read as a fall and a new unit as a rise.
extension StatisticsBuilder {
    /// Which previous unit is the same unit as each current one.
    struct Pairing {
        /// Per current unit, the previous unit's index, or -1 when it has no previous row.
        var previousOf: [Int32]
        /// Previous units no current unit matched, in the previous files' reading order.
        var unmatchedPrevious: [Int]
    }

    /// Pairs units by group and name (both folded), then by name alone when the name occurs
    /// once in each period (a unit that moved between groups, or a file without groups).
    ///
    /// Only hashes are indexed (`HashIndex`); a candidate's key is folded again to confirm
    /// it, so 100,000 units cost a few megabytes, not a copy of every name.
    ///
    /// - Parameters:
    ///   - currentGroup: the number of the (folded) group each current unit is reported under.
    ///   - previousGroup: the same numbers for the previous units (-1: a group not seen now).
    static func pair(current: ReportAccumulator, currentGroup: [Int32], previous: ReportAccumulator,
                     previousGroup: [Int32]) -> Pairing {
        struct GroupAndName: Hashable {
            var group: Int32
            var name: FoldedKey
        }
        func previousName(_ unit: Int32) -> FoldedKey { FoldedKey(ReportText.folded(previous.names[Int(unit)])) }
        func previousKey(_ unit: Int32) -> GroupAndName { GroupAndName(group: previousGroup[Int(unit)], name: previousName(unit)) }
        var byKey = HashIndex<GroupAndName>()
        var byName = HashIndex<FoldedKey>()
        var repeatedNames: Set<Int32> = []
        for unit in 0..<previous.unitCount {
            let name = FoldedKey(ReportText.folded(previous.names[unit]))
            _ = byKey.insertIfAbsent(GroupAndName(group: previousGroup[unit], name: name), Int32(unit), keyOf: previousKey)
            if let first = byName.insertIfAbsent(name, Int32(unit), keyOf: previousName) { repeatedNames.insert(first) }
        }
        var previousOf = [Int32](repeating: -1, count: current.unitCount)
        var taken = [Bool](repeating: false, count: previous.unitCount)
        var unpaired: [Int] = []
        for unit in 0..<current.unitCount {
            let name = FoldedKey(ReportText.folded(current.names[unit]))
            if let found = byKey.find(GroupAndName(group: currentGroup[unit], name: name), keyOf: previousKey), !taken[Int(found)] {
                previousOf[unit] = found
                taken[Int(found)] = true
            } else {
                unpaired.append(unit)
            }
        }
        // Every current unit paired: the previous units left over still have to be named
        // ("không so sánh 3 đơn vị chỉ có số liệu cùng kỳ"), or the comparison would hide them.
        guard !unpaired.isEmpty else { return Pairing(previousOf: previousOf, unmatchedPrevious: taken.indices.filter { !taken[$0] }) }
        // Second pass by name alone, only where the name is unambiguous in both periods.
        func currentName(_ unit: Int32) -> FoldedKey { FoldedKey(ReportText.folded(current.names[Int(unit)])) }
        var currentByName = HashIndex<FoldedKey>()
        var repeatedNow: Set<Int32> = []
        for unit in 0..<current.unitCount {
            if let first = currentByName.insertIfAbsent(currentName(Int32(unit)), Int32(unit), keyOf: currentName) { repeatedNow.insert(first) }
        }
        for unit in unpaired {
            let name = currentName(Int32(unit))
            guard let only = currentByName.find(name, keyOf: currentName), !repeatedNow.contains(only),
                  let found = byName.find(name, keyOf: previousName),
                  !repeatedNames.contains(found), !taken[Int(found)] else { continue }
            previousOf[unit] = found
            taken[Int(found)] = true
        }
        return Pairing(previousOf: previousOf, unmatchedPrevious: taken.indices.filter { !taken[$0] })
    }

    /// Running like-for-like sums of one indicator over one set of paired units.
    private struct ChangeBucket {
        var current: Int64 = 0
        var previous: Int64 = 0
        var currentDenominator: Int64 = 0
        var previousDenominator: Int64 = 0
        var units = 0
        var overflow = false

        mutating func add(_ c: Int64, _ p: Int64) {
            let (s, o1) = current.addingReportingOverflow(c)
            let (t, o2) = previous.addingReportingOverflow(p)
            current = s
            previous = t
            units += 1
            if o1 || o2 { overflow = true }
        }

        mutating func add(_ cn: Int64, _ cd: Int64, _ pn: Int64, _ pd: Int64) {
            add(cn, pn)
            let (a, o1) = currentDenominator.addingReportingOverflow(cd)
            let (b, o2) = previousDenominator.addingReportingOverflow(pd)
            currentDenominator = a
            previousDenominator = b
            if o1 || o2 { overflow = true }
        }
    }

    /// The change of every indicator, overall and per group, over the paired units that have
    /// the indicator's figures (for a ratio: both of its figures) in both periods.
    ///
    /// - Returns: per indicator the overall change, and per group (index as in `unitGroup`)
    ///   per indicator the group's change.
    static func changes(current: ReportAccumulator, previous: ReportAccumulator, pairing: Pairing,
                        unitGroup: [Int32], groupCount: Int) -> ([IndicatorChange?], [[IndicatorChange?]]) {
        var overall: [IndicatorChange?] = []
        var perGroup = [[IndicatorChange?]](repeating: [], count: groupCount)
        let indicators = current.indicators
        for indicator in indicators.indicators {
            var buckets = [ChangeBucket](repeating: ChangeBucket(), count: groupCount + 1)
            let all = groupCount
            if case .ratio(let nk, let dk) = indicator.aggregation {
                if let n = indicators.index(of: nk), let d = indicators.index(of: dk),
                   !indicators.indicators[n].isComputed, !indicators.indicators[d].isComputed {
                    for unit in 0..<current.unitCount {
                        let p = Int(pairing.previousOf[unit])
                        guard p >= 0, let cn = current.value(n, unit), let cd = current.value(d, unit),
                              let pn = previous.value(n, p), let pd = previous.value(d, p) else { continue }
                        buckets[Int(unitGroup[unit])].add(cn, cd, pn, pd)
                        buckets[all].add(cn, cd, pn, pd)
                    }
                }
            } else if let i = indicators.index(of: indicator.key) {
                for unit in 0..<current.unitCount {
                    let p = Int(pairing.previousOf[unit])
                    guard p >= 0, let c = current.value(i, unit), let old = previous.value(i, p) else { continue }
                    buckets[Int(unitGroup[unit])].add(c, old)
                    buckets[all].add(c, old)
                }
            }
            for g in 0..<groupCount { perGroup[g].append(change(buckets[g], isRatio: indicator.isComputed)) }
            overall.append(change(buckets[all], isRatio: indicator.isComputed))
        }
        return (overall, perGroup)
    }

    private static func change(_ b: ChangeBucket, isRatio: Bool) -> IndicatorChange? {
        guard b.units > 0, !b.overflow else { return nil }
        var change = IndicatorChange(previousTotal: b.previous, currentTotal: b.current, units: b.units)
        if isRatio {
            let now = ExactRatio(b.current, b.currentDenominator)
            let before = ExactRatio(b.previous, b.previousDenominator)
            change.currentRatio = now
            change.previousRatio = before
            change.currentDenominator = b.currentDenominator
            change.previousDenominator = b.previousDenominator
            if let now, let before {
                let (x, o1) = now.numerator.multipliedReportingOverflow(by: before.denominator)
                let (y, o2) = before.numerator.multipliedReportingOverflow(by: now.denominator)
                let (diff, o3) = x.subtractingReportingOverflow(y)
                let (den, o4) = now.denominator.multipliedReportingOverflow(by: before.denominator)
                if !(o1 || o2 || o3 || o4) { change.ratioDifference = ExactRatio(diff, den) }
            }
            return change
        }
        let (diff, overflow) = b.current.subtractingReportingOverflow(b.previous)
        if !overflow {
            change.absolute = diff
            change.relative = ExactRatio(diff, b.previous)
        }
        return change
    }
}

extension StatisticsBuilder {
    /// Pairs the previous phase's units with the current ones and fills every total's
    /// `change`, overall and per group.
    ///
    /// A previous unit is taken to be in the group the expected list gives it, or else the
    /// group of its own file; a current unit in the group it is reported under.
    static func compare(_ current: ReportAccumulator, previous: ReportAccumulator, expected: [ExpectedUnit], expectedLabel: String,
                        unitGroup: [Int32], groupIndexByFolded: [FoldedKey: Int32],
                        finalIndex: [Int32], unitOrder: [Int], overall: [IndicatorTotals], perGroup: [[IndicatorTotals]])
        -> (PeriodComparison, [IndicatorTotals], [[IndicatorTotals]]) {
        // The list was already checked against the current files; its findings about the
        // previous phase would only repeat them.
        var ignored: [Diagnostic] = []
        let previousMatch = matchExpected(expected, previous, label: expectedLabel, diagnostics: &ignored)
        var foldGroup = FoldCache()
        func resolvedGroup(_ match: ExpectedMatch, _ accumulator: ReportAccumulator, _ unit: Int) -> String {
            let m = match.unitExpected[unit]
            if m >= 0, let group = expected[Int(m)].group, !ReportText.folded(group).isEmpty { return group }
            return accumulator.groupName(of: unit) ?? ""
        }
        // Groups as numbers: the current units' report groups; a previous unit's group by its
        // folded name (-1 when no current unit is in it).
        let previousGroups = (0..<previous.unitCount).map { unit -> Int32 in
            let folded = FoldedKey(foldGroup(resolvedGroup(previousMatch, previous, unit)))
            return groupIndexByFolded[folded].map { finalIndex[Int($0)] } ?? -1
        }
        let pairing = pair(current: current, currentGroup: unitGroup, previous: previous, previousGroup: previousGroups)
        let (overallChanges, groupChanges) = changes(current: current, previous: previous, pairing: pairing,
                                                     unitGroup: unitGroup, groupCount: perGroup.count)
        var overall = overall
        var perGroup = perGroup
        for i in overall.indices { overall[i].change = overallChanges[i] }
        for g in perGroup.indices {
            for i in perGroup[g].indices { perGroup[g][i].change = groupChanges[g][i] }
        }
        let onlyCurrent = unitOrder.filter { pairing.previousOf[$0] < 0 }
        let onlyPrevious = pairing.unmatchedPrevious.map {
            PreviousUnit(name: previous.names[$0], group: resolvedGroup(previousMatch, previous, $0))
        }
        let comparison = PeriodComparison(pairedUnits: current.unitCount - onlyCurrent.count, previousUnitCount: previous.unitCount,
                                          onlyCurrent: onlyCurrent, onlyPrevious: onlyPrevious)
        return (comparison, overall, perGroup)
    }
}
