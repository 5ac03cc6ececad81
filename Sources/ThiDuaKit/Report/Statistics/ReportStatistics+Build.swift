import Foundation

extension ReportAccumulator {
    /// Computes the statistics of everything added.
    ///
    /// - Parameters:
    ///   - expectedUnits: the units that should report, in report order. Units on the list
    ///     that sent nothing become `missingUnits` (one warning lists them); units that
    ///     reported but are not on it get a warning each with the nearest missing name, and
    ///     are still counted. The list's group wins over the file's.
    ///   - expectedLabel: names the expected list in diagnostics.
    ///   - previous: the previous phase's figures, for `IndicatorTotals.change`.
    /// - Returns: the statistics and the diagnostics of this step (list mismatches, overflow).
    public func statistics(
        expectedUnits: [ExpectedUnit]? = nil,
        expectedLabel: String = "danh sách đơn vị",
        previous: ReportAccumulator? = nil
    ) -> (ReportStatistics, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let expected = expectedUnits ?? []
        let match = StatisticsBuilder.matchExpected(expected, self, label: expectedLabel, diagnostics: &diagnostics)

        // Names in Vietnamese order once; every later tie-break uses the rank.
        let nameRank = StatisticsBuilder.rankByName(names)

        // Groups: the expected list's spelling and order first, then the files'.
        var groupIndexByFolded: [FoldedKey: Int32] = [:]
        var groupNamesList: [String] = []
        var groupExpectedRank: [Int] = []
        func groupIndex(_ name: String, expectedRank: Int) -> Int32 {
            let folded = FoldedKey(ReportText.folded(name))
            if let g = groupIndexByFolded[folded] { return g }
            let g = Int32(groupNamesList.count)
            groupIndexByFolded[folded] = g
            groupNamesList.append(ReportText.normalizedName(name))
            groupExpectedRank.append(expectedRank)
            return g
        }
        // The files' groups, resolved once per distinct group rather than once per unit.
        var fileGroupIndex: [Int32?] = Array(repeating: nil, count: groupNames.count)
        for (i, e) in expected.enumerated() {
            if let group = e.group, !ReportText.folded(group).isEmpty { _ = groupIndex(group, expectedRank: i) }
        }
        var unitGroup = [Int32](repeating: 0, count: unitCount)
        for unit in 0..<unitCount {
            let m = match.unitExpected[unit]
            if m >= 0, let group = expected[Int(m)].group, !ReportText.folded(group).isEmpty {
                unitGroup[unit] = groupIndex(group, expectedRank: Int(m))
            } else {
                let g = Int(self.unitGroup[unit])
                if g >= 0, let known = fileGroupIndex[g] {
                    unitGroup[unit] = known
                } else {
                    let index = groupIndex(groupName(of: unit) ?? "", expectedRank: Int.max)
                    if g >= 0 { fileGroupIndex[g] = index }
                    unitGroup[unit] = index
                }
            }
        }
        let groupKeys = groupNamesList.map(VietnameseCollation.sortKey)
        let groupOrder = groupNamesList.indices.sorted { a, b in
            let emptyA = groupNamesList[a].isEmpty, emptyB = groupNamesList[b].isEmpty
            if emptyA != emptyB { return emptyB }
            if groupExpectedRank[a] != groupExpectedRank[b] { return groupExpectedRank[a] < groupExpectedRank[b] }
            if groupKeys[a] != groupKeys[b] { return groupKeys[a] < groupKeys[b] }
            return a < b
        }
        var finalIndex = [Int32](repeating: 0, count: groupNamesList.count)
        for (position, g) in groupOrder.enumerated() { finalIndex[g] = Int32(position) }
        unitGroup = unitGroup.map { finalIndex[Int($0)] }
        let orderedGroupNames = groupOrder.map { groupNamesList[$0] }

        // Units within a group: expected-list order, then the rest alphabetically.
        var unitsByGroup = [[Int]](repeating: [], count: orderedGroupNames.count)
        let unitOrder = (0..<unitCount).sorted { a, b in
            let ea = match.unitExpected[a] < 0 ? Int32.max : match.unitExpected[a]
            let eb = match.unitExpected[b] < 0 ? Int32.max : match.unitExpected[b]
            if ea != eb { return ea < eb }
            return nameRank[a] < nameRank[b]
        }
        for unit in unitOrder { unitsByGroup[Int(unitGroup[unit])].append(unit) }

        var (overall, perGroup) = StatisticsBuilder.totals(self, unitGroup: unitGroup, groupCount: orderedGroupNames.count)
        for t in overall where t.overflowed {
            let name = indicators[t.key]?.name ?? t.key
            diagnostics.append(.error("tổng của '\(name)' vượt quá giới hạn tính toán",
                                      hint: "có ô số liệu lớn bất thường; kiểm tra lại cột này"))
        }

        if let previous {
            // The list was already checked against the current files; its findings about the
            // previous phase would only repeat them.
            var ignored: [Diagnostic] = []
            let previousMatch = StatisticsBuilder.matchExpected(expected, previous, label: expectedLabel, diagnostics: &ignored)
            var previousGroup = [Int32](repeating: -1, count: previous.unitCount)
            for unit in 0..<previous.unitCount {
                let m = previousMatch.unitExpected[unit]
                let name = m >= 0 ? (expected[Int(m)].group ?? previous.groupName(of: unit) ?? "") : (previous.groupName(of: unit) ?? "")
                if let g = groupIndexByFolded[FoldedKey(ReportText.folded(name))] { previousGroup[unit] = finalIndex[Int(g)] }
            }
            let (previousOverall, previousPerGroup) = StatisticsBuilder.totals(previous, unitGroup: previousGroup,
                                                                               groupCount: orderedGroupNames.count)
            overall = zip(overall, previousOverall).map { StatisticsBuilder.withChange($0, previous: $1) }
            perGroup = zip(perGroup, previousPerGroup).map { current, old in
                zip(current, old).map { StatisticsBuilder.withChange($0, previous: $1) }
            }
        }

        let groups = orderedGroupNames.indices.map {
            GroupStatistics(name: orderedGroupNames[$0], units: unitsByGroup[$0], totals: perGroup[$0])
        }
        let missing = expected.indices.filter { !match.taken[$0] && !ReportText.folded(expected[$0].name).isEmpty }.map { expected[$0] }
        let unexpected = expected.isEmpty ? [] : unitOrder.filter { match.unitExpected[$0] < 0 }
        if !expected.isEmpty {
            diagnostics += StatisticsBuilder.listDiagnostics(missing: missing, unexpected: unexpected, accumulator: self, label: expectedLabel)
        }

        let statistics = ReportStatistics(
            indicators: indicators, totals: overall, groups: groups,
            orderedUnits: groups.flatMap(\.units), missingUnits: missing, unexpectedUnits: unexpected,
            hasPrevious: previous != nil, storage: self, unitGroupIndex: unitGroup, nameRank: nameRank)
        return (statistics, diagnostics)
    }
}

/// The arithmetic behind `ReportAccumulator.statistics`, kept out of the public types.
enum StatisticsBuilder {
    /// Each unit's position in Vietnamese name order (`VietnameseCollation.sortKey`, ties
    /// in reading order). Sorted on the primary level of the keys, kept in 64 KiB blocks
    /// (a third of the full keys, which for 100,000 names were 17 MB at the moment memory
    /// peaks); names whose primaries are equal are then ordered by their full keys.
    static func rankByName(_ names: NameTable) -> [Int32] {
        let count = names.count
        var primaries = PackedKeys()
        var scratch: [UInt8] = []
        for index in 0..<count {
            scratch.removeAll(keepingCapacity: true)
            CollationKeyBuilder.appendPrimary(of: names[index], to: &scratch)
            primaries.append(scratch)
        }
        var order = Array(0..<count)
        order.sort { l, r in
            let c = primaries.compare(l, r)
            return c != 0 ? c < 0 : l < r
        }
        // Runs of equal primaries (the same letters, differing in tones or case): full keys.
        var start = 0
        while start < count {
            var end = start + 1
            while end < count && primaries.compare(order[start], order[end]) == 0 { end += 1 }
            if end - start > 1 {
                let run = Array(order[start..<end])
                let keys = run.map { VietnameseCollation.sortKey(names[$0]) }
                let sorted = run.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : run[a] < run[b] }
                for (offset, position) in sorted.enumerated() { order[start + offset] = run[position] }
            }
            start = end
        }
        var rank = [Int32](repeating: 0, count: count)
        for (position, unit) in order.enumerated() { rank[unit] = Int32(position) }
        return rank
    }

    struct ExpectedMatch {
        /// Index into the expected list for each unit, -1 when not on it.
        var unitExpected: [Int32]
        /// Whether each expected entry was matched.
        var taken: [Bool]
    }

    /// Matches units to the expected list: by group and name, then by name alone when the
    /// name is unique on the list (the file may lack or misspell the group).
    static func matchExpected(_ expected: [ExpectedUnit], _ accumulator: ReportAccumulator, label: String,
                              diagnostics: inout [Diagnostic]) -> ExpectedMatch {
        var result = ExpectedMatch(unitExpected: Array(repeating: -1, count: accumulator.unitCount),
                                   taken: Array(repeating: false, count: expected.count))
        guard !expected.isEmpty else { return result }
        // Keys are (group number, folded name); only their hashes are kept, and a match is
        // confirmed by folding the list entry again (see HashIndex).
        struct GroupAndName: Hashable {
            var group: Int32
            var name: FoldedKey
        }
        var foldGroup = FoldCache()
        var groupNumbers: [FoldedKey: Int32] = [FoldedKey(""): 0]
        func groupNumber(_ folded: String, adding: Bool) -> Int32? {
            let key = FoldedKey(folded)
            if let n = groupNumbers[key] { return n }
            guard adding else { return nil }
            let n = Int32(groupNumbers.count)
            groupNumbers[key] = n
            return n
        }
        func entryKey(_ i: Int32) -> GroupAndName {
            let e = expected[Int(i)]
            return GroupAndName(group: groupNumber(e.group.map { foldGroup($0) } ?? "", adding: false) ?? -1,
                                name: FoldedKey(ReportText.folded(e.name)))
        }
        func entryName(_ i: Int32) -> FoldedKey { FoldedKey(ReportText.folded(expected[Int(i)].name)) }
        var byKey = HashIndex<GroupAndName>()
        // The list entry with a name; `ambiguous` holds entries whose name is on the list twice.
        var byName = HashIndex<FoldedKey>()
        var ambiguous: Set<Int32> = []
        for (i, e) in expected.enumerated() {
            let name = ReportText.folded(e.name)
            guard !name.isEmpty else { continue }
            let nameKey = FoldedKey(name)
            let key = GroupAndName(group: groupNumber(e.group.map { foldGroup($0) } ?? "", adding: true) ?? 0, name: nameKey)
            if byKey.insertIfAbsent(key, Int32(i), keyOf: entryKey) != nil {
                diagnostics.append(.warning("đơn vị '\(e.name)' ghi hai lần trong danh sách",
                                            at: SourcePosition(file: label), hint: "xoá dòng thừa"))
                // The repeated entry is the same unit: it must not also be reported missing.
                result.taken[i] = true
                continue
            }
            if let first = byName.insertIfAbsent(nameKey, Int32(i), keyOf: entryName) { ambiguous.insert(first) }
        }
        var reportedPairs: Set<FoldedKey> = []
        for unit in 0..<accumulator.unitCount {
            let name = ReportText.folded(accumulator.names[unit])
            let fileGroup = accumulator.groupName(of: unit)
            let foldedGroup = fileGroup.map { foldGroup($0) } ?? ""
            let nameKey = FoldedKey(name)
            var m = groupNumber(foldedGroup, adding: false).flatMap { byKey.find(GroupAndName(group: $0, name: nameKey), keyOf: entryKey) }
                ?? byKey.find(GroupAndName(group: 0, name: nameKey), keyOf: entryKey)
            if m == nil, let only = byName.find(nameKey, keyOf: entryName), !ambiguous.contains(only) { m = only }
            guard let found = m else { continue }
            let index = Int(found)
            guard !result.taken[index] else { continue }
            result.taken[index] = true
            result.unitExpected[unit] = Int32(index)
            if let fileGroup, let listGroup = expected[index].group,
               FoldedKey(foldGroup(listGroup)) != FoldedKey(foldedGroup),
               reportedPairs.insert(FoldedKey(foldedGroup + "\u{1F}" + foldGroup(listGroup))).inserted {
                diagnostics.append(.warning(
                    "đơn vị '\(accumulator.names[unit])' thuộc nhóm '\(fileGroup)' trong tệp nhưng nhóm '\(listGroup)' trong \(label)",
                    at: accumulator.position(of: unit),
                    hint: "báo cáo dùng nhóm trong \(label); sửa tệp nếu danh sách đúng"))
            }
        }
        return result
    }

    static func listDiagnostics(missing: [ExpectedUnit], unexpected: [Int], accumulator: ReportAccumulator,
                                label: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if !missing.isEmpty {
            let shown = missing.prefix(10).map { "'\($0.name)'" }.joined(separator: ", ")
            let more = missing.count > 10 ? " và \(ReportText.grouped(missing.count - 10)) đơn vị khác" : ""
            diagnostics.append(.warning(
                "\(ReportText.grouped(missing.count)) đơn vị trong \(label) chưa gửi số liệu: \(shown)\(more)",
                at: SourcePosition(file: label),
                hint: "nhắc các đơn vị này báo cáo, hoặc ghi rõ trong báo cáo số đơn vị chưa báo cáo"))
        }
        // Suggestions compare against missing names only: a misspelt unit is one the list
        // still waits for. Capped so a wrong list cannot make this quadratic in 100,000.
        let missingNames = missing.count <= 500 ? missing.map(\.name) : []
        for unit in unexpected.prefix(50) {
            let name = accumulator.names[unit]
            var hint = "đơn vị vẫn được tổng hợp; thêm vào \(label) nếu đúng"
            if let guess = nearestName(name, in: missingNames) {
                hint = "có phải là '\(guess)'? Sửa tên cho khớp \(label)"
            }
            diagnostics.append(.warning("đơn vị '\(name)' không có trong \(label)",
                                        at: accumulator.position(of: unit), hint: hint))
        }
        if unexpected.count > 50 {
            diagnostics.append(.warning(
                "và \(ReportText.grouped(unexpected.count - 50)) đơn vị khác không có trong \(label)",
                at: SourcePosition(file: label), hint: "kiểm tra lại danh sách đơn vị"))
        }
        return diagnostics
    }

    private static func nearestName(_ name: String, in candidates: [String]) -> String? {
        let folded = ReportText.folded(name)
        var best: (String, Int)?
        for candidate in candidates {
            let d = ReportText.editDistance(folded, ReportText.folded(candidate))
            if best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        guard let (candidate, distance) = best, distance <= max(2, folded.count / 4) else { return nil }
        return candidate
    }

    /// Running sums for one indicator over one set of units.
    private struct Bucket {
        var total: Int64 = 0
        var denominator: Int64 = 0
        var reporting = 0
        var targetSum: Int64 = 0
        var withTarget = 0
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
                withTarget += 1
                if v != ReportAccumulator.missing && v >= t { reached += 1 }
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
        }
        if let target = t.target { t.ofTarget = ExactRatio(b.total, target) }
        if b.reporting > 0 { t.average = ExactRatio(b.total, Int64(b.reporting)) }
        return t
    }

    /// Adds the change against the previous phase's totals of the same indicator.
    static func withChange(_ current: IndicatorTotals, previous: IndicatorTotals) -> IndicatorTotals {
        var t = current
        var change = IndicatorChange(previousTotal: previous.total)
        if let ratio = current.ratio, let old = previous.ratio {
            change.previousRatio = old
            let (a, o1) = ratio.numerator.multipliedReportingOverflow(by: old.denominator)
            let (b, o2) = old.numerator.multipliedReportingOverflow(by: ratio.denominator)
            let (diff, o3) = a.subtractingReportingOverflow(b)
            let (den, o4) = ratio.denominator.multipliedReportingOverflow(by: old.denominator)
            if !(o1 || o2 || o3 || o4) { change.ratioDifference = ExactRatio(diff, den) }
        } else if current.denominatorTotal != nil {
            change.previousRatio = previous.ratio
        } else {
            let (diff, overflow) = current.total.subtractingReportingOverflow(previous.total)
            if !overflow {
                change.absolute = diff
                change.relative = ExactRatio(diff, previous.total)
            }
        }
        t.change = change
        return t
    }
}

/// Byte strings packed into 64 KiB blocks (a string never spans two), compared like
/// `VietnameseSortKey`: byte-wise, a prefix first.
struct PackedKeys {
    private static let blockSize = 1 << 16
    private var blocks: [[UInt8]] = []
    private var block: [Int32] = []
    private var start: [Int32] = []
    private var length: [Int32] = []

    mutating func append(_ bytes: [UInt8]) {
        if blocks.isEmpty || blocks[blocks.count - 1].count + bytes.count > max(Self.blockSize, bytes.count) {
            var fresh: [UInt8] = []
            fresh.reserveCapacity(max(Self.blockSize, bytes.count))
            blocks.append(fresh)
        }
        let b = blocks.count - 1
        block.append(Int32(b))
        start.append(Int32(blocks[b].count))
        length.append(Int32(bytes.count))
        blocks[b].append(contentsOf: bytes)
    }

    /// Negative, zero or positive as key `a` sorts before, with or after key `b`.
    func compare(_ a: Int, _ b: Int) -> Int {
        blocks[Int(block[a])].withUnsafeBufferPointer { x in
            blocks[Int(block[b])].withUnsafeBufferPointer { y in
                let la = Int(length[a]), lb = Int(length[b])
                let common = min(la, lb)
                if common > 0, let px = x.baseAddress, let py = y.baseAddress {
                    let c = memcmp(px + Int(start[a]), py + Int(start[b]), common)
                    if c != 0 { return Int(c) }
                }
                return la - lb
            }
        }
    }
}
