import Dispatch
import ThiDuaKit

/// Group subtotals and the grand total, computed from the unit rows, and the widest
/// figure of each column, found in the same single pass over the units.
struct ReportTotals {
    var groups: [ReportFigures]
    var grand: ReportFigures
    /// Per key of the layout's figure keys: the figure of largest magnitude, the grand
    /// total's target or actual (the larger) unless a unit's target or actual has a larger
    /// magnitude (then the first such, units in order, target before actual). The widest
    /// text of a column of integers is the one with most digits, so the column widths
    /// are measured on this figure alone.
    var extremes: [Int64]

    init(input: SummaryWorkbookInput, layout: SummaryLayout) throws {
        let keys = layout.figureKeys
        // Each group is summed on its own (on every core when the units are many: this pass
        // was half of `check`'s last serial step on 50,000 units), then the groups are taken
        // in order, so the first failing sum and the first widest figure are those of one pass.
        let groupsIn = input.groups
        var parts = [GroupPass?](repeating: nil, count: groupsIn.count)
        let units = groupsIn.reduce(0) { $0 + $1.units.count }
        parts.withUnsafeMutableBufferPointer { slots in
            let results = slots
            if units >= Self.parallelUnits, groupsIn.count > 1 {
                DispatchQueue.concurrentPerform(iterations: groupsIn.count) { g in
                    results[g] = GroupPass(groupsIn[g], keys: keys)
                }
            } else {
                for g in groupsIn.indices { results[g] = GroupPass(groupsIn[g], keys: keys) }
            }
        }
        var widest = [Int64?](repeating: nil, count: keys.count)
        var groups: [ReportFigures] = []
        for (group, part) in zip(groupsIn, parts) {
            guard let part else { continue }
            for (k, figure) in part.widest.enumerated() {
                if let figure, figure.magnitude > (widest[k]?.magnitude ?? 0) { widest[k] = figure }
            }
            groups.append(try part.sums.figures(keys: keys, context: group.name))
        }
        self.groups = groups
        let grand = try ReportFigures.sum(groups.map(\.pairs), keys: keys, context: "tổng cộng")
        self.grand = grand
        extremes = keys.indices.map { k in
            let total = Swift.max(grand[k].target ?? 0, grand[k].actual ?? 0)
            guard let unit = widest[k], unit.magnitude > total.magnitude else { return total }
            return unit
        }
    }

    /// Units at or above which the groups are summed on several cores.
    static let parallelUnits = 8_192

    /// One group's sums and the widest figure of each column, units in order, target before actual.
    private struct GroupPass {
        var sums: ReportFigures.Sums
        var widest: [Int64?]

        init(_ group: UnitGroup, keys: [String]) {
            var reader = FigureReader()
            // One buffer for every unit: units are read one at a time, never all held.
            var pairs: [ReportFigures.Pair] = []
            sums = ReportFigures.Sums(count: keys.count)
            widest = [Int64?](repeating: nil, count: keys.count)
            for unit in group.units {
                unit.pairs(forKeys: keys, reader: &reader, into: &pairs)
                sums.add(pairs)
                for (k, pair) in pairs.enumerated() {
                    if let target = pair.target, target.magnitude > (widest[k]?.magnitude ?? 0) { widest[k] = target }
                    if let actual = pair.actual, actual.magnitude > (widest[k]?.magnitude ?? 0) { widest[k] = actual }
                }
            }
        }
    }
}

extension ReportWorkbook {
    /// The longest grand-total formula written as the sum of the subtotal cells; beyond it
    /// the formula would pass Excel's limit of 8,192 characters with the rest of the cell.
    static let longestAddedSubtotals = 4_000

    /// The "Tổng hợp" sheet.
    static func summaryPlan(input: SummaryWorkbookInput, layout: SummaryLayout, totals: ReportTotals) throws -> XlsxSheetPlan {
        var plan = XlsxSheetPlan(name: summarySheetName)
        let lastColumn = layout.lastColumn
        let widths = summaryColumnWidths(input: input, layout: layout, totals: totals)
        plan.columnWidths = widths
        let tableWidth = widths.values.reduce(0, +)

        // Styles are registered once; rows refer to them by index.
        let issuingBodyStyle = plan.style(ReportStyles.issuingBody)
        let titleStyle = plan.style(ReportStyles.title)
        let periodStyle = plan.style(ReportStyles.period)
        let subjectStyle = plan.style(ReportStyles.subject)
        let headerStyle = plan.style(ReportStyles.header)
        struct RowStyleIndices { var serial, name, integer, percent, blank: Int }
        func register(_ styles: ReportStyles.RowStyles) -> RowStyleIndices {
            RowStyleIndices(
                serial: plan.style(styles.serial), name: plan.style(styles.name), integer: plan.style(styles.integer),
                percent: plan.style(styles.percent), blank: plan.style(styles.blank))
        }
        let unitStyles = register(ReportStyles.unit)
        let groupStyles = register(ReportStyles.group)
        let subtotalStyles = register(ReportStyles.subtotal)
        let totalStyles = register(ReportStyles.total)

        // Title rows are merged over the whole table; taller when the text must wrap.
        func titleRow(_ index: Int, _ text: String, style: Int, fontScale: Double, lineHeight: Double) -> XlsxSheetPlan.Row {
            var row = XlsxSheetPlan.Row(index: index)
            let lines = lineCount(XlsxColumnWidth.unclampedWidth(for: text, bold: true) * fontScale, available: tableWidth)
            if lines > 1 { row.height = min(Double(lines) * lineHeight, XlsxWorksheet.maximumRowHeight) }
            row.merges = [.init(range: XlsxRange(firstRow: index, firstColumn: 0, lastRow: index, lastColumn: lastColumn), text: text, style: style)]
            return row
        }

        // Two header rows: indicator names merged over their columns, then the sub-headers.
        var header = XlsxSheetPlan.Row(index: layout.headerRow)
        var subHeader = XlsxSheetPlan.Row(index: layout.subHeaderRow)
        header.merges.append(.init(range: XlsxRange(firstRow: layout.headerRow, firstColumn: SummaryLayout.serialColumn, lastRow: layout.subHeaderRow, lastColumn: SummaryLayout.serialColumn), text: "STT", style: headerStyle))
        header.merges.append(.init(range: XlsxRange(firstRow: layout.headerRow, firstColumn: SummaryLayout.nameColumn, lastRow: layout.subHeaderRow, lastColumn: SummaryLayout.nameColumn), text: "Đơn vị", style: headerStyle))
        var headerLines = 1
        for slot in layout.slots {
            let name = headerText(slot.indicator)
            if slot.firstColumn == slot.lastColumn {
                header.cells.append(.init(column: slot.firstColumn, value: .text(name), style: headerStyle))
            } else {
                header.merges.append(.init(range: XlsxRange(firstRow: layout.headerRow, firstColumn: slot.firstColumn, lastRow: layout.headerRow, lastColumn: slot.lastColumn), text: name, style: headerStyle))
            }
            let available = (slot.firstColumn ... slot.lastColumn).reduce(0) { $0 + (widths[$1] ?? 0) }
            headerLines = max(headerLines, lineCount(XlsxColumnWidth.unclampedWidth(for: name, bold: true), available: available))
            for (column, text) in subHeaders(slot) {
                subHeader.cells.append(.init(column: column, value: .text(text), style: headerStyle))
            }
        }
        header.height = Double(min(headerLines, 6)) * ReportStyles.lineHeight + 4

        let nameWidth = widths[SummaryLayout.nameColumn] ?? XlsxColumnWidth.maximum
        var reader = FigureReader()
        let signature = input.signature.map { signatureRows($0, layout: layout, plan: &plan) } ?? []

        plan.produceRows = { emit in
            for (line, index) in layout.titleLines {
                switch line {
                case .issuingBody:
                    try emit(titleRow(index, input.issuingBody, style: issuingBodyStyle, fontScale: 1, lineHeight: ReportStyles.lineHeight))
                case .title:
                    try emit(titleRow(index, input.title, style: titleStyle, fontScale: 14.0 / 12.0, lineHeight: ReportStyles.titleLineHeight))
                case .subject:
                    try emit(titleRow(index, input.subject, style: subjectStyle, fontScale: 1, lineHeight: ReportStyles.lineHeight))
                case .period:
                    try emit(titleRow(index, input.period, style: periodStyle, fontScale: 1, lineHeight: ReportStyles.lineHeight))
                case .accompanies:
                    try emit(titleRow(index, input.accompanies, style: periodStyle, fontScale: 1, lineHeight: ReportStyles.lineHeight))
                }
            }
            try emit(header)
            try emit(subHeader)
            try layout.forEachRow(of: input) { index, kind in
                var row = XlsxSheetPlan.Row(index: index)
                row.cells.reserveCapacity(lastColumn + 1)
                switch kind {
                case .groupHeader(let g):
                    row.cells.append(.init(column: SummaryLayout.serialColumn, value: .text(romanNumeral(g + 1)), style: groupStyles.serial))
                    row.cells.append(.init(column: SummaryLayout.nameColumn, value: .text(input.groups[g].name), style: groupStyles.name))
                    for column in SummaryLayout.firstIndicatorColumn ..< (lastColumn + 1) {
                        row.cells.append(.init(column: column, value: .blank, style: groupStyles.blank))
                    }
                case .unit(let g, let u, let serial):
                    let unit = input.groups[g].units[u]
                    row.cells.append(.init(column: SummaryLayout.serialColumn, value: .integer(Int64(serial)), style: unitStyles.serial))
                    // A unit name is data from the clerk's files: always a string cell.
                    row.cells.append(.init(column: SummaryLayout.nameColumn, value: .text(unit.name), style: unitStyles.name))
                    let lines = lineCount(XlsxColumnWidth.unclampedWidth(for: unit.name), available: nameWidth)
                    // A very long name gets Excel's tallest row, not an invalid height.
                    if lines > 1 { row.height = min(Double(lines) * ReportStyles.lineHeight, XlsxWorksheet.maximumRowHeight) }
                    appendFigures(to: &row, layout: layout, figures: ReportFigures(unit: unit, keys: layout.figureKeys, reader: &reader), styles: (unitStyles.integer, unitStyles.percent, unitStyles.blank), role: .unit) { _ in nil }
                case .subtotal(let g, let first, let last):
                    row.cells.append(.init(column: SummaryLayout.serialColumn, value: .blank, style: subtotalStyles.serial))
                    row.cells.append(.init(column: SummaryLayout.nameColumn, value: .text("Cộng \(input.groups[g].name)"), style: subtotalStyles.name))
                    appendFigures(to: &row, layout: layout, figures: totals.groups[g], styles: (subtotalStyles.integer, subtotalStyles.percent, subtotalStyles.blank), role: .subtotal, unitRows: first ... last) { column in
                        "SUM(\(XlsxCellReference.range(firstRow: first, firstColumn: column, lastRow: last, lastColumn: column)))"
                    }
                case .grandTotal:
                    row.cells.append(.init(column: SummaryLayout.serialColumn, value: .blank, style: totalStyles.serial))
                    row.cells.append(.init(column: SummaryLayout.nameColumn, value: .text("TỔNG CỘNG"), style: totalStyles.name))
                    appendFigures(to: &row, layout: layout, figures: totals.grand, styles: (totalStyles.integer, totalStyles.percent, totalStyles.blank), role: .grandTotal, unitRows: layout.firstDataRow ... max(layout.firstDataRow, layout.grandTotalRow - 1)) { column in
                        // The grand total adds the subtotal rows, so it never double-counts units.
                        guard !layout.subtotalRows.isEmpty else { return "0" }
                        let added = layout.subtotalRows.map { XlsxCellReference.a1(row: $0, column: column) }.joined(separator: "+")
                        guard added.utf8.count > Self.longestAddedSubtotals else { return added }
                        // Too many groups for one formula (Excel's 8,192 characters): the unit
                        // rows, those with a numeric STT, summed directly instead.
                        let last = max(layout.firstDataRow, layout.grandTotalRow - 1)
                        let values = XlsxCellReference.range(firstRow: layout.firstDataRow, firstColumn: column, lastRow: last, lastColumn: column)
                        let serials = XlsxCellReference.range(firstRow: layout.firstDataRow, firstColumn: SummaryLayout.serialColumn,
                                                              lastRow: last, lastColumn: SummaryLayout.serialColumn)
                        return "SUMIFS(\(values),\(serials),\">0\")"
                    }
                }
                try emit(row)
            }
            for row in signature { try emit(row) }
        }

        plan.freeze = (layout.firstDataRow, SummaryLayout.firstIndicatorColumn)
        plan.autofilter = XlsxRange(firstRow: layout.subHeaderRow, firstColumn: 0, lastRow: max(layout.grandTotalRow - 1, layout.subHeaderRow + 1), lastColumn: lastColumn)
        plan.pageSetup = XlsxPageSetup(
            orientation: .landscape, paperSize: XlsxPageSetup.paperA4, fitToPagesWide: 1, fitToPagesTall: 0,
            repeatRows: layout.headerRow ... layout.subHeaderRow,
            footer: XlsxPageSetup.pageNumberFooter, margins: reportMargins, centerHorizontally: true)
        return plan
    }
}
