import ThiDuaKit

extension SummaryWorkbookInput {
    /// The workbook content of a composed report: its units by group with
    /// their figures and own targets, the units that did not report, and the
    /// account of the rows read.
    ///
    /// Summed decimal indicators (kind ratio, aggregated by sum) have no
    /// column type in the workbook and are listed on the "Nguồn" sheet instead.
    public init(document: Document, result: ReportResult) {
        let stats = result.statistics
        var columns: [IndicatorColumnGroup] = []
        var leftOut: [String] = []
        // An indicator no file has figures for would show totals of 0 that nobody reported.
        for indicator in stats.indicators.indicators where (stats.totals(for: indicator.key)?.reportingUnits ?? 0) > 0 {
            let totals = stats.totals(for: indicator.key)
            // Every indicator with a target, overall (the plan's) or per unit, gets its
            // "Chỉ tiêu" and "% đạt" columns.
            let hasOwnTargets = (totals?.unitsWithOwnTarget ?? 0) > 0 && !indicator.isComputed
            let overall = indicator.target
            switch (indicator.kind, indicator.aggregation) {
            case (_, .ratio(let numerator, let denominator)):
                columns.append(IndicatorColumnGroup(key: indicator.key, name: indicator.name, unit: indicator.unit,
                                                    hasTarget: overall != nil,
                                                    kind: .ratio(numeratorKey: numerator, denominatorKey: denominator),
                                                    overallTarget: overall))
            case (.count, .sum), (.money, .sum):
                columns.append(IndicatorColumnGroup(key: indicator.key, name: indicator.name, unit: indicator.unit,
                                                    hasTarget: hasOwnTargets || overall != nil,
                                                    kind: indicator.kind == .money ? .money : .count,
                                                    overallTarget: overall, hasUnitTargets: hasOwnTargets))
            case (.ratio, .sum):
                leftOut.append(indicator.name)
            }
        }
        let keys = columns.filter { if case .ratio = $0.kind { return false } else { return true } }.map(\.key)
        // Rows read their figures from the statistics' columns, each taken once: nothing is
        // copied per unit, and no figure looks its indicator up.
        let indices = keys.map { stats.indicators.index(of: $0) }
        let actuals = indices.map { $0.map(stats.values(indicatorAt:)) ?? IndicatorColumn() }
        let targets = indices.map { $0.map(stats.targets(indicatorAt:)) ?? IndicatorColumn() }
        let table = UnitColumns(keys: keys, name: { stats.name(ofUnit: $0) }) { key, unit in
            IndicatorValue(actual: actuals[key][unit], target: targets[key][unit])
        }
        let groups = stats.groups.map { group in
            UnitGroup(name: group.name.isEmpty ? "Khác" : group.name, units: group.units.map { unit in
                UnitRow(columns: table, unit: unit)
            })
        }
        let reconciliation = result.reconciliation
        var sources: [SourceEntry] = [
            SourceEntry(label: "Số tệp đã đọc", value: .number(Int64(reconciliation.filesRead))),
            SourceEntry(label: "Số dòng đã đọc", value: .number(Int64(reconciliation.rowsRead))),
            SourceEntry(label: "Số đơn vị tổng hợp", value: .number(Int64(reconciliation.unitsUsed))),
            SourceEntry(label: "Số dòng bỏ qua", value: .number(Int64(reconciliation.skipped.count))),
        ]
        for (category, count) in reconciliation.skippedByCategory {
            sources.append(SourceEntry(label: "Bỏ qua: \(category)", value: .number(Int64(count))))
        }
        for row in reconciliation.skipped {
            sources.append(SourceEntry(label: row.position.description, value: .text(row.reason.description)))
        }
        for name in leftOut {
            sources.append(SourceEntry(label: "Chỉ tiêu không đưa vào bảng", value: .text(name)))
        }
        sources.append(SourceEntry(label: "Tóm tắt", value: .text(reconciliation.summary)))

        let spec = document.report
        let review = spec?.review.words.uppercased() ?? "BÁO CÁO"
        let title = ["BÁO CÁO \(review)", spec?.periodName.map(VietnameseText.uppercased)].compactMap { $0 }.joined(separator: " ")
        var period = ""
        if let p = spec?.period {
            period = "Từ ngày \(p.start.value.short()) đến ngày \(p.end.value.short())"
        }
        self.init(issuingBody: document.header.issuingBody, title: title, period: period, indicators: columns, groups: groups,
                  missingUnits: stats.missingUnits.map { MissingUnit(name: $0.name, group: $0.group ?? "") },
                  sources: sources, author: document.header.issuingBody)
        subject = document.subject
        accompanies = "(\(DocumentView.accompaniesLine(document)))"
        let sign = document.signature
        signature = WorkbookSignature(
            preparer: spec?.preparer,
            placeAndDate: DocumentFormat.placeAndDate(place: document.header.place, date: document.header.date.value),
            authority: sign.authority.map { [$0.rawValue, sign.onBehalfOf].compactMap { $0 }.joined(separator: " ") },
            title: sign.title, signer: sign.signer.value)
        comparison = Self.comparison(stats, words: spec?.previousWords ?? "kỳ trước")
    }

    /// The like-for-like comparison of every indicator, the whole first, then each group.
    static func comparison(_ stats: ReportStatistics, words: String) -> WorkbookComparison? {
        guard let compared = stats.comparison else { return nil }
        func rows(group: String, _ totals: [IndicatorTotals]) -> [ComparisonRow] {
            zip(stats.indicators.indicators, totals).compactMap { indicator, totals in
                guard let change = totals.change else { return nil }
                let figures: ComparisonRow.Figures
                if indicator.isComputed {
                    figures = .ratio(currentNumerator: change.currentTotal, currentDenominator: change.currentDenominator ?? 0,
                                     previousNumerator: change.previousTotal, previousDenominator: change.previousDenominator ?? 0)
                } else if indicator.kind == .ratio {
                    return nil
                } else {
                    figures = .amount(current: change.currentTotal, previous: change.previousTotal)
                }
                return ComparisonRow(group: group, name: indicator.name, unit: indicator.unit, units: change.units, figures: figures)
            }
        }
        var all = rows(group: "", stats.totals)
        for group in stats.groups where stats.groups.count > 1 {
            all += rows(group: group.name.isEmpty ? "Khác" : group.name, group.totals)
        }
        let label = words.prefix(1).uppercased() + words.dropFirst()
        var note = "Tính trên \(ReportDisplayText.integer(Int64(compared.pairedUnits))) đơn vị có số liệu cả hai kỳ"
        if !compared.isComplete { note += "; các đơn vị chỉ có số liệu một kỳ liệt kê ở cuối bảng, không đưa vào so sánh" }
        return WorkbookComparison(
            previousLabel: String(label), note: note + ".", rows: all,
            onlyPrevious: compared.onlyPrevious.map { MissingUnit(name: $0.name, group: $0.group) },
            onlyCurrent: compared.onlyCurrent.map { MissingUnit(name: stats.name(ofUnit: $0), group: stats.group(ofUnit: $0)) })
    }
}
