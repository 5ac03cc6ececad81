import ThiDuaKit

/// Group subtotals and the grand total, computed from the unit rows.
struct ReportTotals {
    var groups: [ReportFigures]
    var grand: ReportFigures

    init(input: SummaryWorkbookInput, layout: SummaryLayout) throws {
        let keys = layout.figureKeys
        var reader = FigureReader()
        var groups: [ReportFigures] = []
        for group in input.groups {
            // Units are read one at a time, never all held.
            let units = group.units.lazy.map { ReportFigures(unit: $0, keys: keys, reader: &reader).pairs }
            groups.append(try ReportFigures.sum(units, keys: keys, context: group.name))
        }
        self.groups = groups
        grand = try ReportFigures.sum(groups.map(\.pairs), keys: keys, context: "tổng cộng")
    }
}

extension ReportWorkbook {
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
            if lines > 1 { row.height = Double(lines) * lineHeight }
            row.merges = [.init(range: XlsxRange(firstRow: index, firstColumn: 0, lastRow: index, lastColumn: lastColumn), text: text, style: style)]
            return row
        }

        // Two header rows: indicator names merged over their columns, then the sub-headers.
        var header = XlsxSheetPlan.Row(index: SummaryLayout.headerRow)
        var subHeader = XlsxSheetPlan.Row(index: SummaryLayout.subHeaderRow)
        header.merges.append(.init(range: XlsxRange(firstRow: SummaryLayout.headerRow, firstColumn: SummaryLayout.serialColumn, lastRow: SummaryLayout.subHeaderRow, lastColumn: SummaryLayout.serialColumn), text: "STT", style: headerStyle))
        header.merges.append(.init(range: XlsxRange(firstRow: SummaryLayout.headerRow, firstColumn: SummaryLayout.nameColumn, lastRow: SummaryLayout.subHeaderRow, lastColumn: SummaryLayout.nameColumn), text: "Đơn vị", style: headerStyle))
        var headerLines = 1
        for slot in layout.slots {
            let name = headerText(slot.indicator)
            if slot.firstColumn == slot.lastColumn {
                header.cells.append(.init(column: slot.firstColumn, value: .text(name), style: headerStyle))
            } else {
                header.merges.append(.init(range: XlsxRange(firstRow: SummaryLayout.headerRow, firstColumn: slot.firstColumn, lastRow: SummaryLayout.headerRow, lastColumn: slot.lastColumn), text: name, style: headerStyle))
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

        plan.produceRows = { emit in
            try emit(titleRow(SummaryLayout.issuingBodyRow, input.issuingBody, style: issuingBodyStyle, fontScale: 1, lineHeight: ReportStyles.lineHeight))
            try emit(titleRow(SummaryLayout.titleRow, input.title, style: titleStyle, fontScale: 14.0 / 12.0, lineHeight: ReportStyles.titleLineHeight))
            try emit(titleRow(SummaryLayout.periodRow, input.period, style: periodStyle, fontScale: 1, lineHeight: ReportStyles.lineHeight))
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
                    if lines > 1 { row.height = Double(lines) * ReportStyles.lineHeight }
                    appendFigures(to: &row, layout: layout, figures: ReportFigures(unit: unit, keys: layout.figureKeys, reader: &reader), styles: (unitStyles.integer, unitStyles.percent, unitStyles.blank)) { _ in nil }
                case .subtotal(let g, let first, let last):
                    row.cells.append(.init(column: SummaryLayout.serialColumn, value: .blank, style: subtotalStyles.serial))
                    row.cells.append(.init(column: SummaryLayout.nameColumn, value: .text("Cộng \(input.groups[g].name)"), style: subtotalStyles.name))
                    appendFigures(to: &row, layout: layout, figures: totals.groups[g], styles: (subtotalStyles.integer, subtotalStyles.percent, subtotalStyles.blank)) { column in
                        "SUM(\(XlsxCellReference.range(firstRow: first, firstColumn: column, lastRow: last, lastColumn: column)))"
                    }
                case .grandTotal:
                    row.cells.append(.init(column: SummaryLayout.serialColumn, value: .blank, style: totalStyles.serial))
                    row.cells.append(.init(column: SummaryLayout.nameColumn, value: .text("TỔNG CỘNG"), style: totalStyles.name))
                    appendFigures(to: &row, layout: layout, figures: totals.grand, styles: (totalStyles.integer, totalStyles.percent, totalStyles.blank)) { column in
                        // The grand total adds the subtotal rows, so it never double-counts units.
                        guard !layout.subtotalRows.isEmpty else { return "0" }
                        return layout.subtotalRows.map { XlsxCellReference.a1(row: $0, column: column) }.joined(separator: "+")
                    }
                }
                try emit(row)
            }
        }

        plan.freeze = (SummaryLayout.firstDataRow, SummaryLayout.firstIndicatorColumn)
        plan.autofilter = XlsxRange(firstRow: SummaryLayout.subHeaderRow, firstColumn: 0, lastRow: max(layout.grandTotalRow - 1, SummaryLayout.subHeaderRow + 1), lastColumn: lastColumn)
        plan.pageSetup = XlsxPageSetup(
            orientation: .landscape, paperSize: XlsxPageSetup.paperA4, fitToPagesWide: 1, fitToPagesTall: 0,
            repeatRows: SummaryLayout.headerRow ... SummaryLayout.subHeaderRow,
            footer: XlsxPageSetup.pageNumberFooter, margins: reportMargins, centerHorizontally: true)
        return plan
    }

    /// Margins for printed tables: 15 mm left, 10 mm right, 20 mm top and bottom (a
    /// landscape table needs the width more than the 30 mm binding margin of letters).
    static let reportMargins = XlsxPageSetup.Margins(left: 15, right: 10, top: 20, bottom: 20)

    /// "Phát triển đoàn viên (người)".
    static func headerText(_ indicator: IndicatorColumnGroup) -> String {
        indicator.unit.isEmpty ? indicator.name : "\(indicator.name) (\(indicator.unit))"
    }

    /// The second header row of an indicator.
    static func subHeaders(_ slot: SummaryLayout.Slot) -> [(Int, String)] {
        var result: [(Int, String)] = []
        if let column = slot.target { result.append((column, "Chỉ tiêu")) }
        if let column = slot.actual { result.append((column, "Thực hiện")) }
        if let column = slot.percent { result.append((column, "% đạt")) }
        if let ratio = slot.ratio { result.append((ratio.column, "Tỷ lệ")) }
        return result
    }

    /// Appends the indicator cells of one row.
    ///
    /// - Parameter sumFormula: for subtotal and total rows, the formula adding up a
    ///   target or actual column; `nil` for unit rows, which hold the figures themselves.
    static func appendFigures(
        to row: inout XlsxSheetPlan.Row, layout: SummaryLayout, figures: ReportFigures,
        styles: (integer: Int, percent: Int, blank: Int), sumFormula: (Int) -> String?
    ) {
        let r = row.index
        func figure(_ column: Int, _ value: Int64?) {
            if let formula = sumFormula(column) {
                row.cells.append(.init(column: column, value: .formula(formula, cachedValue: .number(Double(value ?? 0))), style: styles.integer))
            } else if let value {
                row.cells.append(.init(column: column, value: .integer(value), style: styles.integer))
            } else {
                row.cells.append(.init(column: column, value: .blank, style: styles.integer))
            }
        }
        func quotient(_ column: Int, numerator: Int, denominator: Int, cached: XlsxFormulaResult) {
            let top = XlsxCellReference.a1(row: r, column: numerator)
            let bottom = XlsxCellReference.a1(row: r, column: denominator)
            // A blank or zero divisor shows an empty cell instead of #DIV/0!.
            let formula = "IF(\(bottom)=0,\"\",\(top)/\(bottom))"
            row.cells.append(.init(column: column, value: .formula(formula, cachedValue: cached), style: styles.percent))
        }
        for slot in layout.slots {
            let pair = slot.figure.map { figures[$0] } ?? ReportFigures.Pair()
            if let column = slot.target { figure(column, pair.target) }
            if let column = slot.actual { figure(column, pair.actual) }
            if let column = slot.percent, let target = slot.target, let actual = slot.actual {
                quotient(column, numerator: actual, denominator: target, cached: ReportFigures.quotient(pair.actual, pair.target))
            }
            if let ratio = slot.ratio {
                let operands = slot.ratioFigures.map { (figures[$0.numerator].actual, figures[$0.denominator].actual) } ?? (nil, nil)
                let cached = ReportFigures.quotient(operands.0, operands.1)
                quotient(ratio.column, numerator: ratio.numerator, denominator: ratio.denominator, cached: cached)
            }
        }
    }

    /// Column widths fitted to the content with ``XlsxColumnWidth``.
    ///
    /// Numbers are measured by their largest magnitude only (the widest text of a
    /// column of integers is the one with most digits), so the pass over tens of
    /// thousands of units formats no strings.
    static func summaryColumnWidths(input: SummaryWorkbookInput, layout: SummaryLayout, totals: ReportTotals) -> [Int: Double] {
        var widths: [Int: Double] = [:]
        func note(_ column: Int, _ width: Double) { widths[column] = max(widths[column] ?? 0, width) }
        let unitCount = input.groups.reduce(0) { $0 + $1.units.count }
        note(SummaryLayout.serialColumn, XlsxColumnWidth.width(for: "STT", bold: true))
        note(SummaryLayout.serialColumn, XlsxColumnWidth.width(for: ReportDisplayText.integer(Int64(unitCount))))
        note(SummaryLayout.nameColumn, XlsxColumnWidth.width(for: "Đơn vị", bold: true))
        note(SummaryLayout.nameColumn, XlsxColumnWidth.width(for: "TỔNG CỘNG", bold: true))
        for (g, group) in input.groups.enumerated() {
            note(SummaryLayout.serialColumn, XlsxColumnWidth.width(for: romanNumeral(g + 1), bold: true))
            note(SummaryLayout.nameColumn, XlsxColumnWidth.width(for: group.name, bold: true))
            note(SummaryLayout.nameColumn, XlsxColumnWidth.width(for: "Cộng \(group.name)", bold: true))
            for unit in group.units {
                note(SummaryLayout.nameColumn, XlsxColumnWidth.width(for: unit.name))
            }
        }
        for slot in layout.slots {
            for (column, text) in subHeaders(slot) {
                note(column, XlsxColumnWidth.width(for: text, bold: true))
            }
            let key = slot.indicator.key
            // Totals are the largest magnitudes unless negative figures occur.
            var extreme = Swift.max(totals.grand[key].target ?? 0, totals.grand[key].actual ?? 0)
            for group in input.groups {
                for unit in group.units {
                    let value = unit.value(forKey: key)
                    for figure in [value?.target, value?.actual].compactMap({ $0 }) where figure.magnitude > extreme.magnitude {
                        extreme = figure
                    }
                }
            }
            for column in [slot.target, slot.actual].compactMap({ $0 }) {
                note(column, XlsxColumnWidth.width(for: ReportDisplayText.integer(extreme), bold: true))
            }
            // Percentages are shown with one decimal; allow for "1.234,5%".
            for column in [slot.percent, slot.ratio?.column].compactMap({ $0 }) {
                note(column, XlsxColumnWidth.width(for: "1.234,5%", bold: true))
            }
        }
        return widths
    }

    /// How many lines a text of `width` needs in `available` column units.
    static func lineCount(_ width: Double, available: Double) -> Int {
        guard available > 0 else { return 1 }
        let text = width - XlsxColumnWidth.padding
        return max(1, Int((text / (available - XlsxColumnWidth.padding / 2)).rounded(.up)))
    }

    /// Group numbers in Roman numerals, as Vietnamese tables number sections.
    static func romanNumeral(_ number: Int) -> String {
        RomanNumeral.string(number) ?? String(number)
    }
}
