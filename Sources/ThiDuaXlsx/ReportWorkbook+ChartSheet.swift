extension ReportWorkbook {
    /// The "Biểu đồ" sheet: a small table of "% đạt" per group (formulas reading the
    /// subtotal rows of "Tổng hợp", with cached values) and a column chart over it.
    ///
    /// The chart reads cells of its own sheet rather than the scattered subtotal rows, so
    /// its series are plain contiguous ranges.
    static func chartPlan(input: SummaryWorkbookInput, layout: SummaryLayout, totals: ReportTotals) -> XlsxSheetPlan {
        var plan = XlsxSheetPlan(name: chartSheetName)
        let slots = layout.targetSlots
        let titleStyle = plan.style(ReportStyles.title)
        let headerStyle = plan.style(ReportStyles.header)
        let nameStyle = plan.style(ReportStyles.unit.name)
        let percentStyle = plan.style(ReportStyles.unit.percent)
        let noteStyle = plan.style(ReportStyles.note)
        let title = "TỶ LỆ % ĐẠT CHỈ TIÊU THEO KHỐI, CỤM"
        let lastColumn = slots.count
        let firstDataRow = 2

        var widths: [Int: Double] = [0: XlsxColumnWidth.width(for: "Khối/Cụm", bold: true)]
        for group in input.groups {
            widths[0] = max(widths[0] ?? 0, XlsxColumnWidth.width(for: group.name))
        }
        for (index, slot) in slots.enumerated() {
            widths[index + 1] = max(XlsxColumnWidth.width(for: slot.indicator.name, bold: true), 12)
        }
        plan.columnWidths = widths

        plan.produceRows = { emit in
            var titleRow = XlsxSheetPlan.Row(index: 0)
            if lastColumn > 0 {
                titleRow.merges = [.init(range: XlsxRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: lastColumn), text: title, style: titleStyle)]
            } else {
                titleRow.cells = [.init(column: 0, value: .text(title), style: titleStyle)]
            }
            try emit(titleRow)
            guard !slots.isEmpty, !input.groups.isEmpty else {
                let note = slots.isEmpty
                    ? "Không có chỉ tiêu nào có kế hoạch (chỉ tiêu) nên không vẽ biểu đồ."
                    : "Chưa có khối, cụm nào nên không vẽ biểu đồ."
                try emit(XlsxSheetPlan.Row(index: 2, cells: [.init(column: 0, value: .text(note), style: noteStyle)]))
                return
            }
            var header = XlsxSheetPlan.Row(index: 1, height: 2 * ReportStyles.lineHeight)
            header.cells.append(.init(column: 0, value: .text("Khối/Cụm"), style: headerStyle))
            for (index, slot) in slots.enumerated() {
                header.cells.append(.init(column: index + 1, value: .text(slot.indicator.name), style: headerStyle))
            }
            try emit(header)
            for (g, group) in input.groups.enumerated() {
                var row = XlsxSheetPlan.Row(index: firstDataRow + g)
                row.cells.append(.init(column: 0, value: .text(group.name), style: nameStyle))
                for (index, slot) in slots.enumerated() {
                    guard let percent = slot.percent else { continue }
                    let source = XlsxCellReference.sheetCell(sheet: summarySheetName, row: layout.subtotalRows[g], column: percent)
                    row.cells.append(.init(column: index + 1, value: .formula(source, cachedValue: groupPercent(slot, group: g, totals: totals)), style: percentStyle))
                }
                try emit(row)
            }
        }

        if !slots.isEmpty && !input.groups.isEmpty {
            let lastDataRow = firstDataRow + input.groups.count - 1
            let categories = XlsxRange(firstRow: firstDataRow, firstColumn: 0, lastRow: lastDataRow, lastColumn: 0)
            let series = slots.enumerated().map { index, slot in
                XlsxColumnChart.Series(
                    name: slot.indicator.name, sheet: chartSheetName, categories: categories,
                    values: XlsxRange(firstRow: firstDataRow, firstColumn: index + 1, lastRow: lastDataRow, lastColumn: index + 1),
                    cachedValues: input.groups.indices.map { groupPercent(slot, group: $0, totals: totals).number })
            }
            let chart = XlsxColumnChart(
                title: "Tỷ lệ % đạt chỉ tiêu", categoryAxisTitle: "Khối, cụm", valueAxisTitle: "% đạt",
                valueNumberFormat: "0%", showDataLabels: true, series: series)
            plan.charts = [.init(chart: chart, row: lastDataRow + 2, column: 0)]
        }
        plan.pageSetup = XlsxPageSetup(
            orientation: .landscape, paperSize: XlsxPageSetup.paperA4, fitToPagesWide: 1, fitToPagesTall: 0,
            footer: XlsxPageSetup.pageNumberFooter, margins: reportMargins)
        return plan
    }

    /// "% đạt" of one group, as the subtotal row of "Tổng hợp" computes it: the group's
    /// figure over the sum of its units' targets, or a rate over its target percentage.
    static func groupPercent(_ slot: SummaryLayout.Slot, group: Int, totals: ReportTotals) -> XlsxFormulaResult {
        if slot.ratio != nil {
            guard let figures = slot.ratioFigures, let target = slot.indicator.overallTarget, target != 0,
                  case .number(let rate) = ReportFigures.quotient(totals.groups[group][figures.numerator].actual,
                                                                  totals.groups[group][figures.denominator].actual) else { return .text("") }
            return .number(rate / (Double(target) / 100))
        }
        let pair = slot.figure.map { totals.groups[group][$0] } ?? ReportFigures.Pair()
        return ReportFigures.quotient(pair.actual, pair.target)
    }
}

extension XlsxFormulaResult {
    /// The number, or nil for text (an empty result).
    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}
