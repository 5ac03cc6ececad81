/// The tables of a report: results by group in the text, every unit in the annex; and
/// the leading units.
extension ReportComposer {
    /// Indicators down, groups across, then the total and, where an indicator has a target,
    /// the target and the percentage reached: with eight or more indicators this stays
    /// narrower than the other way round.
    func groupTable() -> Table {
        let groups = stats.groups
        let indicators = reported
        let anyTarget = indicators.contains { stats.totals(for: $0.key)?.target != nil }
        var headers = ["Nội dung", "ĐVT"]
        headers += groups.map { $0.name.isEmpty ? "Khác" : $0.name }
        headers += ["Tổng cộng"]
        if anyTarget { headers += ["Chỉ tiêu", "% chỉ tiêu"] }
        var rows: [[String]] = []
        for indicator in indicators {
            guard let totals = stats.totals(for: indicator.key) else { continue }
            var row = [indicator.name, indicator.unit]
            for group in groups {
                row.append(Self.cell(indicator, group.totals(for: indicator.key)))
            }
            row.append(Self.cell(indicator, totals))
            if anyTarget {
                let target = totals.target.map { indicator.isComputed ? "\(VietnameseNumber.integer($0))%" : ReportFigureText.number($0, of: indicator) }
                row.append(target ?? "")
                row.append(totals.target == nil ? "" : ReportFigureText.percent(totals.ofTarget) ?? "")
            }
            rows.append(row)
        }
        let alignments: [Table.Alignment] = [.left, .left] + Array(repeating: .right, count: headers.count - 2)
        return Table(headers: headers, rows: rows, alignments: alignments, headerColumns: 2)
    }

    /// What the table's "% chỉ tiêu" of an indicator is computed on when some reporting
    /// units were given no target of their own: "Tổng cộng" holds every unit's figure, the
    /// percentage only those of the units given a target.
    func groupTableTargetNote() -> String? {
        let notes = reported.compactMap { indicator -> String? in
            guard let totals = stats.totals(for: indicator.key), let targeted = totals.targetedTotal else { return nil }
            return "\(indicator.name): \(ReportFigureText.number(targeted, of: indicator)) của \(VietnameseNumber.integer(totals.unitsWithOwnTarget)) đơn vị được giao chỉ tiêu"
        }
        guard !notes.isEmpty else { return nil }
        return "*% chỉ tiêu tính trên các đơn vị được giao chỉ tiêu (\(notes.joined(separator: "; "))).*"
    }

    static func cell(_ indicator: Indicator, _ totals: IndicatorTotals?) -> String {
        guard let totals else { return "" }
        if indicator.isComputed { return ReportFigureText.percent(totals.ratio) ?? "" }
        return ReportFigureText.number(totals.total, of: indicator)
    }

    /// One row per unit, grouped, with a subtotal row per group and the grand total
    /// (emphasized).
    func unitTable() -> Table {
        let indicators = reported
        var rows: [[String]] = []
        var emphasized: Set<Int> = []
        var serial = 0
        for group in stats.groups {
            for unit in group.units {
                serial += 1
                var row = [String(serial), stats.name(ofUnit: unit)]
                for indicator in indicators {
                    if indicator.isComputed {
                        row.append(ReportFigureText.percent(stats.ratio(ofUnit: unit, key: indicator.key)) ?? "")
                    } else {
                        row.append(stats.value(ofUnit: unit, key: indicator.key).map { ReportFigureText.number($0, of: indicator) } ?? "")
                    }
                }
                rows.append(row)
            }
            // One group of units without a group: its subtotal would only repeat the total.
            if stats.groups.count == 1, group.name.isEmpty { continue }
            emphasized.insert(rows.count)
            rows.append(["", "Cộng \(group.name.isEmpty ? "khác" : group.name)"] + indicators.map { Self.cell($0, group.totals(for: $0.key)) })
        }
        emphasized.insert(rows.count)
        rows.append(["", "TỔNG CỘNG"] + indicators.map { Self.cell($0, stats.totals(for: $0.key)) })
        let headers = ["STT", "Đơn vị"] + indicators.map { $0.name }
        return Table(headers: headers, rows: rows, alignments: [.right, .left] + Array(repeating: .right, count: indicators.count),
                     emphasized: emphasized, headerColumns: 2)
    }

    /// "Giá trị làm lợi: A (450,6 triệu đồng), B (413,9 triệu đồng), C (308,8 triệu đồng)".
    ///
    /// What units achieve is ranked (targets, money), not their size. Never chosen among
    /// equals: with a tie at the cut the list names the units ahead of it and says "và 5
    /// đơn vị khác cùng đạt 1 CĐCS"; when every leader is in the tie the indicator is left out.
    func leaderBullets() -> [Block] {
        guard spec.topCount > 0 else { return [] }
        var bullets: [Block] = []
        let ranked = reported.filter { !$0.isComputed && (hasTarget($0) || $0.kind == .money) }
        for indicator in ranked {
            let leaders = stats.leaders(spec.topCount, by: indicator.key)
            guard !leaders.listed.isEmpty else { continue }
            var text = "\(indicator.name): " + leaders.listed.map { "\(Abbreviation.protected($0.name)) (\(ReportFigureText.value($0.value, of: indicator)))" }
                .joined(separator: ", ")
            if let tie = leaders.tie {
                text += " và \(VietnameseNumber.integer(tie.count)) đơn vị khác cùng đạt \(ReportFigureText.value(tie.value, of: indicator))"
            }
            bullets.append(.bullet(text, blocks: [], origin))
            if bullets.count >= 5 { break }
        }
        return Self.punctuated(bullets)
    }
}
