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
        for indicator in stats.indicators.indicators {
            let totals = stats.totals(for: indicator.key)
            let hasOwnTargets = (totals?.unitsWithOwnTarget ?? 0) > 0
            switch (indicator.kind, indicator.aggregation) {
            case (_, .ratio(let numerator, let denominator)):
                columns.append(IndicatorColumnGroup(key: indicator.key, name: indicator.name, unit: indicator.unit,
                                                    kind: .ratio(numeratorKey: numerator, denominatorKey: denominator)))
            case (.count, .sum):
                columns.append(IndicatorColumnGroup(key: indicator.key, name: indicator.name, unit: indicator.unit,
                                                    hasTarget: hasOwnTargets, kind: .count))
            case (.money, .sum):
                columns.append(IndicatorColumnGroup(key: indicator.key, name: indicator.name, unit: indicator.unit,
                                                    hasTarget: hasOwnTargets, kind: .money))
            case (.ratio, .sum):
                leftOut.append(indicator.name)
            }
        }
        let keys = columns.filter { if case .ratio = $0.kind { return false } else { return true } }.map(\.key)
        // Rows read their figures from the statistics; nothing is copied per unit.
        let indices = keys.map { stats.indicators.index(of: $0) }
        let table = UnitColumns(keys: keys, name: { stats.name(ofUnit: $0) }) { key, unit in
            guard let i = indices[key] else { return IndicatorValue(actual: nil) }
            return IndicatorValue(actual: stats.value(ofUnit: unit, indicatorAt: i), target: stats.target(ofUnit: unit, indicatorAt: i))
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
    }
}
