import Foundation

/// Totals per indicator, overall and per group.
extension StatisticsBuilder {
    /// Running sums for one indicator over one set of units.
    private struct Bucket {
        var total: Int64 = 0
        var denominator: Int64 = 0
        var reporting = 0
        var targetSum: Int64 = 0
        /// Σ of the figures of the units that have their own target.
        var targetedTotal: Int64 = 0
        var withTarget = 0
        /// Units that gave a figure but have no target of their own.
        var reportingWithoutTarget = 0
        var reached = 0
        var overflow = false

        mutating func addRatio(_ n: Int64, _ d: Int64, reached unitReached: Bool?) {
            let (s, o1) = total.addingReportingOverflow(n)
            let (t, o2) = denominator.addingReportingOverflow(d)
            total = s
            denominator = t
            if o1 || o2 { overflow = true }
            reporting += 1
            if let unitReached {
                withTarget += 1
                if unitReached { reached += 1 }
            }
        }

        mutating func addValue(_ v: Int64, target t: Int64) {
            if v != ReportAccumulator.missing {
                let (s, o) = total.addingReportingOverflow(v)
                total = s
                if o { overflow = true }
                reporting += 1
            }
            if t != ReportAccumulator.missing {
                let (s, o) = targetSum.addingReportingOverflow(t)
                targetSum = s
                if o { overflow = true }
            }
            // A target of 0 assigns nothing: such a unit is not among those "được giao chỉ
            // tiêu", else it would count as having met it whatever it did (0 ≥ 0), and its
            // figures would swell the like-for-like total against targets that hold none of it.
            if t != ReportAccumulator.missing, t > 0 {
                withTarget += 1
                if v != ReportAccumulator.missing {
                    let (s, o) = targetedTotal.addingReportingOverflow(v)
                    targetedTotal = s
                    if o { overflow = true }
                    if v >= t { reached += 1 }
                }
            } else if v != ReportAccumulator.missing {
                reportingWithoutTarget += 1
            }
        }
    }

    /// Totals overall and per group. `unitGroup[u]` < 0 counts the unit overall only.
    static func totals(_ acc: ReportAccumulator, unitGroup: [Int32], groupCount: Int) -> ([IndicatorTotals], [[IndicatorTotals]]) {
        var perGroup = [[IndicatorTotals]](repeating: [], count: groupCount)
        var overall: [IndicatorTotals] = []
        for (i, indicator) in acc.indicators.indicators.enumerated() {
            var buckets = [Bucket](repeating: Bucket(), count: groupCount + 1)
            let overallIndex = groupCount
            if case .ratio(let nk, let dk) = indicator.aggregation {
                if let n = acc.indicators.index(of: nk), let d = acc.indicators.index(of: dk),
                   !acc.indicators.indicators[n].isComputed, !acc.indicators.indicators[d].isComputed {
                    let numerators = acc.values[n], denominators = acc.values[d]
                    for unit in 0..<acc.unitCount {
                        let nv = numerators[unit], dv = denominators[unit]
                        guard nv != ReportAccumulator.missing, dv != ReportAccumulator.missing else { continue }
                        let reached = indicator.target.map { reachesPercent(nv, dv, $0) }
                        let g = Int(unitGroup[unit])
                        if g >= 0 { buckets[g].addRatio(nv, dv, reached: reached) }
                        buckets[overallIndex].addRatio(nv, dv, reached: reached)
                    }
                }
            } else {
                let values = acc.values[i], targets = acc.targets[i]
                for unit in 0..<acc.unitCount {
                    let v = values[unit]
                    let t = targets.isEmpty ? ReportAccumulator.missing : targets[unit]
                    let g = Int(unitGroup[unit])
                    if g >= 0 { buckets[g].addValue(v, target: t) }
                    buckets[overallIndex].addValue(v, target: t)
                }
            }
            for g in 0..<groupCount { perGroup[g].append(finish(buckets[g], indicator, isOverall: false)) }
            overall.append(finish(buckets[overallIndex], indicator, isOverall: true))
        }
        return (overall, perGroup)
    }

    /// True when n/d ≥ target percent, i.e. n × 100 ≥ target × d, compared in 128 bits.
    private static func reachesPercent(_ n: Int64, _ d: Int64, _ target: Int64) -> Bool {
        let l = n.multipliedFullWidth(by: 100)
        let r = target.multipliedFullWidth(by: d)
        return (l.high, l.low) >= (r.high, r.low)
    }

    private static func finish(_ b: Bucket, _ indicator: Indicator, isOverall: Bool) -> IndicatorTotals {
        var t = IndicatorTotals(key: indicator.key, total: b.total, reportingUnits: b.reporting,
                                unitsWithOwnTarget: b.withTarget, unitsReachingOwnTarget: b.reached,
                                overflowed: b.overflow)
        if indicator.isComputed {
            t.denominatorTotal = b.denominator
            t.ratio = ExactRatio(b.total, b.denominator)
            if let target = indicator.target {
                // A percentage target applies to every group as well as to the whole.
                t.target = target
                t.targetSource = .overall
                let (n, o1) = b.total.multipliedReportingOverflow(by: 100)
                let (d, o2) = b.denominator.multipliedReportingOverflow(by: target)
                if !o1 && !o2 { t.ofTarget = ExactRatio(n, d) }
            }
            return t
        }
        if isOverall, let target = indicator.target {
            t.target = target
            t.targetSource = .overall
        } else if b.withTarget > 0 {
            t.target = b.targetSum
            t.targetSource = .sumOfUnitTargets
            // Like for like: the sum of the units' targets is set against the figures of
            // those units only, never against figures of units given no target.
            if b.reportingWithoutTarget > 0 {
                t.targetedTotal = b.targetedTotal
                t.reportingWithoutTarget = b.reportingWithoutTarget
            }
        }
        if let target = t.target { t.ofTarget = ExactRatio(t.targetedTotal ?? b.total, target) }
        if b.reporting > 0 { t.average = ExactRatio(b.total, Int64(b.reporting)) }
        return t
    }
}
