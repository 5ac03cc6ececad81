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
        // A sum past the workbook's limit was already reported at the cell that crossed it.
        let reported = Set(sumGuard.crossed.map { indicators.indicators[$0].key })
        for t in overall where t.overflowed && !reported.contains(t.key) {
            let name = indicators[t.key]?.name ?? t.key
            diagnostics.append(.error("tổng của '\(name)' vượt quá giới hạn tính toán",
                                      hint: "có ô số liệu lớn bất thường; kiểm tra lại cột này"))
        }

        var comparison: PeriodComparison?
        if let previous {
            (comparison, overall, perGroup) = StatisticsBuilder.compare(
                self, previous: previous, expected: expected, expectedLabel: expectedLabel, unitGroup: unitGroup,
                groupIndexByFolded: groupIndexByFolded, finalIndex: finalIndex, unitOrder: unitOrder,
                overall: overall, perGroup: perGroup)
        }

        let groups = orderedGroupNames.indices.map {
            GroupStatistics(name: orderedGroupNames[$0], units: unitsByGroup[$0], totals: perGroup[$0])
        }
        // Listed by name in Vietnamese order (conventions.md), not in the order of the
        // list's file: the text names them in one run, without their groups.
        let groupRank = Dictionary(orderedGroupNames.enumerated().map { (ReportText.folded($0.element), $0.offset) },
                                   uniquingKeysWith: { first, _ in first })
        let missing = expected.indices
            .filter { !match.taken[$0] && !ReportText.folded(expected[$0].name).isEmpty }
            .map { (unit: expected[$0], key: VietnameseCollation.sortKey(expected[$0].name),
                    group: groupRank[ReportText.folded(expected[$0].group ?? "")] ?? Int.max) }
            .sorted { ($0.key, $0.group) < ($1.key, $1.group) }
            .map(\.unit)
        let unexpected = expected.isEmpty ? [] : unitOrder.filter { match.unitExpected[$0] < 0 }
        if !expected.isEmpty {
            diagnostics += StatisticsBuilder.listDiagnostics(missing: missing, unexpected: unexpected, accumulator: self, label: expectedLabel)
        }

        let statistics = ReportStatistics(
            indicators: indicators, totals: overall, groups: groups,
            orderedUnits: groups.flatMap(\.units), missingUnits: missing, unexpectedUnits: unexpected,
            comparison: comparison, storage: self, unitGroupIndex: unitGroup, nameRank: nameRank)
        return (statistics, diagnostics)
    }
}
