import ThiDuaKit

extension ReportWorkbook {
    /// Margins for printed sheets by the layout rules for administrative documents
    /// (Nghị định 30/2020/NĐ-CP, Phụ lục I; conventions.md): left 30 mm (the binding edge),
    /// right 15 mm, top and bottom 20 mm.
    static let reportMargins = XlsxPageSetup.Margins(left: 30, right: 15, top: 20, bottom: 20)

    /// "Phát triển đoàn viên (người)"; the unit is left out when the name already says it
    /// ("Số CĐCS", "Sáng kiến", "Tỷ lệ CĐCS phát động").
    static func headerText(_ indicator: IndicatorColumnGroup) -> String {
        // The cells of money hold đồng whatever unit the text shows it in ("1,5 triệu
        // đồng"): the header says so, or the workbook read back (a district's by the
        // province) would be scaled by "(triệu đồng)" a million times.
        let unit = indicator.kind == .money ? "đồng" : indicator.unit.trimmingSpaces
        guard !unit.isEmpty else { return indicator.name }
        let name = ReportDisplayText.words(indicator.name)
        let unitWords = ReportDisplayText.words(String(unit))
        if unit == "%" && name.first == "tỷ" { return indicator.name }
        if !unitWords.isEmpty, name.count >= unitWords.count,
           (0 ... name.count - unitWords.count).contains(where: { Array(name[$0 ..< $0 + unitWords.count]) == unitWords }) {
            return indicator.name
        }
        return "\(indicator.name) (\(unit))"
    }

    /// The second header row of an indicator.
    static func subHeaders(_ slot: SummaryLayout.Slot) -> [(Int, String)] {
        var result: [(Int, String)] = []
        if let column = slot.target { result.append((column, "Chỉ tiêu")) }
        if let column = slot.actual { result.append((column, "Thực hiện")) }
        if let ratio = slot.ratio { result.append((ratio.column, "Tỷ lệ")) }
        if let column = slot.percent { result.append((column, "% đạt")) }
        return result
    }

    /// Which kind of table row figures are written for.
    enum FigureRow {
        case unit, subtotal, grandTotal
    }

    /// Appends the indicator cells of one row.
    ///
    /// - Parameter sumFormula: for subtotal and total rows, the formula adding up a
    ///   target or actual column; `nil` for unit rows, which hold the figures themselves.
    ///   A target column of the grand total holds the indicator's overall target instead
    ///   when it has one, and targets the units do not carry are left blank.
    /// - Parameter unitRows: for subtotal and total rows, the first and last row holding
    ///   the units they add up: where some units have a figure and no target of their own,
    ///   "% đạt" sets the sum of the targets against those units' figures only (SUMIFS).
    static func appendFigures(
        to row: inout XlsxSheetPlan.Row, layout: SummaryLayout, figures: ReportFigures,
        styles: (integer: Int, percent: Int, blank: Int), role: FigureRow, unitRows: ClosedRange<Int>? = nil,
        sumFormula: (Int) -> String?
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
            let formula = XlsxPercent.formula(top, bottom)
            row.cells.append(.init(column: column, value: .formula(formula, cachedValue: cached), style: styles.percent))
        }
        for slot in layout.slots {
            let pair = slot.figure.map { figures[$0] } ?? ReportFigures.Pair()
            let indicator = slot.indicator
            if let ratio = slot.ratio {
                let operands = slot.ratioFigures.map { (figures[$0.numerator].actual, figures[$0.denominator].actual) } ?? (nil, nil)
                let cached = ReportFigures.quotient(operands.0, operands.1)
                if let column = slot.target {
                    // A rate's target is one percentage for every row.
                    let target = Double(indicator.overallTarget ?? 0) / 100
                    row.cells.append(.init(column: column, value: .number(target), style: styles.percent))
                }
                quotient(ratio.column, numerator: ratio.numerator, denominator: ratio.denominator, cached: cached)
                if let column = slot.percent, let target = slot.target {
                    let rate: Double? = if case .number(let value) = cached { value } else { nil }
                    let percent: XlsxFormulaResult = rate.flatMap { value in
                        indicator.overallTarget.flatMap { $0 == 0 ? nil : XlsxFormulaResult.number(XlsxPercent.shown(value / (Double($0) / 100))) }
                    } ?? .text("")
                    quotient(column, numerator: ratio.column, denominator: target, cached: percent)
                }
                continue
            }
            var target = pair.target
            if let column = slot.target {
                switch role {
                case .grandTotal where indicator.overallTarget != nil:
                    target = indicator.overallTarget
                    row.cells.append(.init(column: column, value: .integer(target ?? 0), style: styles.integer))
                case .subtotal where !indicator.hasUnitTargets, .grandTotal where !indicator.hasUnitTargets:
                    target = nil
                    row.cells.append(.init(column: column, value: .blank, style: styles.integer))
                default:
                    figure(column, pair.target)
                }
            }
            if let column = slot.actual { figure(column, pair.actual) }
            if let column = slot.percent, let targetColumn = slot.target, let actual = slot.actual {
                let againstUnitTargets = !(role == .grandTotal && indicator.overallTarget != nil)
                if againstUnitTargets, let targeted = pair.targetedActual, targeted != pair.actual, let unitRows {
                    // Σ actual of the unit rows (a numeric serial) with a target above 0 (a
                    // blank or 0 target assigns nothing: `IndicatorTotals.targetedTotal`).
                    let actuals = XlsxCellReference.range(firstRow: unitRows.lowerBound, firstColumn: actual, lastRow: unitRows.upperBound, lastColumn: actual)
                    let targets = XlsxCellReference.range(firstRow: unitRows.lowerBound, firstColumn: targetColumn, lastRow: unitRows.upperBound, lastColumn: targetColumn)
                    let serials = XlsxCellReference.range(firstRow: unitRows.lowerBound, firstColumn: SummaryLayout.serialColumn,
                                                          lastRow: unitRows.upperBound, lastColumn: SummaryLayout.serialColumn)
                    let top = "SUMIFS(\(actuals),\(targets),\">0\",\(serials),\">0\")"
                    let bottom = XlsxCellReference.a1(row: r, column: targetColumn)
                    row.cells.append(.init(column: column, value: .formula(XlsxPercent.formula(top, bottom), cachedValue: ReportFigures.quotient(targeted, target)),
                                           style: styles.percent))
                } else {
                    quotient(column, numerator: actual, denominator: targetColumn, cached: ReportFigures.quotient(pair.actual, target))
                }
            }
        }
    }

    /// Column widths fitted to the content with ``XlsxColumnWidth``.
    ///
    /// Numbers are measured by their largest magnitude only (``ReportTotals/extremes``,
    /// found while adding up), so the pass over tens of thousands of units formats no
    /// strings.
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
            // The widest name of the group, noted once (not a dictionary update per unit).
            note(SummaryLayout.nameColumn, group.units.reduce(0) { Swift.max($0, XlsxColumnWidth.width(for: $1.name)) })
        }
        for slot in layout.slots {
            for (column, text) in subHeaders(slot) {
                note(column, XlsxColumnWidth.width(for: text, bold: true))
            }
            // A ratio slot has no column of integers.
            var extreme = slot.figure.map { totals.extremes[$0] } ?? 0
            if let overall = slot.indicator.overallTarget, overall.magnitude > extreme.magnitude { extreme = overall }
            let isRatio = slot.ratio != nil
            for column in [isRatio ? nil : slot.target, slot.actual].compactMap({ $0 }) {
                note(column, XlsxColumnWidth.width(for: ReportDisplayText.integer(extreme), bold: true))
            }
            // Percentages are shown with one decimal; allow for "1.234,5%".
            for column in [slot.percent, slot.ratio?.column, isRatio ? slot.target : nil].compactMap({ $0 }) {
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
