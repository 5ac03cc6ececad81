import ThiDuaKit

extension ReportWorkbook {
    /// Name of the comparison sheet.
    public static let comparisonSheetName = "So sánh"

    /// The "So sánh" sheet: every indicator over the units that have figures in both
    /// periods, this period, the previous one, the change (a formula) and its rate; the
    /// whole, then each group; then the units left out because they have figures for one
    /// period only.
    static func comparisonPlan(_ comparison: WorkbookComparison) -> XlsxSheetPlan {
        var plan = XlsxSheetPlan(name: comparisonSheetName)
        let titleStyle = plan.style(ReportStyles.title)
        let noteStyle = plan.style(ReportStyles.period)
        let headerStyle = plan.style(ReportStyles.header)
        let serialStyle = plan.style(ReportStyles.unit.serial)
        let textStyle = plan.style(ReportStyles.unit.name)
        let integerStyle = plan.style(ReportStyles.unit.integer)
        let percentStyle = plan.style(ReportStyles.unit.percent)
        let blankStyle = plan.style(ReportStyles.unit.blank)
        let groupStyle = plan.style(ReportStyles.group.name)
        let groupSerialStyle = plan.style(ReportStyles.group.serial)
        let previous = comparison.previousLabel
        let headers = ["STT", "Nội dung", "ĐVT", "Số đơn vị", "Kỳ này", previous, "Tăng, giảm", "Tỷ lệ tăng, giảm"]
        let lastColumn = headers.count - 1
        let headerRow = 3

        var widths: [Int: Double] = [:]
        for (column, header) in headers.enumerated() { widths[column] = max(XlsxColumnWidth.width(for: header, bold: true), 12) }
        for row in comparison.rows { widths[1] = max(widths[1] ?? 0, XlsxColumnWidth.width(for: row.name)) }
        for unit in comparison.onlyPrevious + comparison.onlyCurrent {
            widths[1] = max(widths[1] ?? 0, XlsxColumnWidth.width(for: unit.name))
            widths[2] = max(widths[2] ?? 0, XlsxColumnWidth.width(for: unit.group))
        }
        plan.columnWidths = widths

        plan.produceRows = { emit in
            func merged(_ index: Int, _ text: String, _ style: Int) throws {
                try emit(XlsxSheetPlan.Row(index: index, merges: [.init(
                    range: XlsxRange(firstRow: index, firstColumn: 0, lastRow: index, lastColumn: lastColumn), text: text, style: style)]))
            }
            try merged(0, "SO SÁNH VỚI \(VietnameseText.uppercased(previous))", titleStyle)
            try merged(1, comparison.note, noteStyle)
            try emit(XlsxSheetPlan.Row(index: headerRow, height: 2 * ReportStyles.lineHeight,
                                       cells: headers.enumerated().map { .init(column: $0.offset, value: .text($0.element), style: headerStyle) }))
            var index = headerRow + 1
            var group: String?
            var serial = 0
            var groupNumber = 0
            for row in comparison.rows {
                if row.group != (group ?? "") || group == nil {
                    group = row.group
                    serial = 0
                    if !row.group.isEmpty {
                        groupNumber += 1
                        try emit(XlsxSheetPlan.Row(index: index, cells: [
                            .init(column: 0, value: .text(romanNumeral(groupNumber)), style: groupSerialStyle),
                            .init(column: 1, value: .text(row.group), style: groupStyle),
                        ] + (2 ... lastColumn).map { .init(column: $0, value: .blank, style: blankStyle) }))
                        index += 1
                    }
                }
                serial += 1
                try emit(figuresRow(row, index: index, serial: serial, styles: (serialStyle, textStyle, integerStyle, percentStyle, blankStyle)))
                index += 1
            }
            for (title, units) in [("Đơn vị chỉ có số liệu \(previous.lowercased()) (không so sánh)", comparison.onlyPrevious),
                                   ("Đơn vị chỉ có số liệu kỳ này (không so sánh)", comparison.onlyCurrent)] where !units.isEmpty {
                index += 1
                try merged(index, title, groupStyle)
                index += 1
                for (n, unit) in units.enumerated() {
                    try emit(XlsxSheetPlan.Row(index: index, cells: [
                        .init(column: 0, value: .integer(Int64(n + 1)), style: serialStyle),
                        .init(column: 1, value: .text(unit.name), style: textStyle),
                        .init(column: 2, value: .text(unit.group), style: textStyle),
                    ]))
                    index += 1
                }
            }
        }
        plan.freeze = (headerRow + 1, 2)
        plan.pageSetup = XlsxPageSetup(
            orientation: .landscape, paperSize: XlsxPageSetup.paperA4, fitToPagesWide: 1, fitToPagesTall: 0,
            repeatRows: headerRow ... headerRow, footer: XlsxPageSetup.pageNumberFooter, margins: reportMargins)
        return plan
    }

    /// One compared indicator: units, the two figures, their difference and its rate as
    /// formulas with the exact results cached. A rate's difference is in percentage points.
    static func figuresRow(_ row: ComparisonRow, index: Int, serial: Int,
                           styles: (serial: Int, text: Int, integer: Int, percent: Int, blank: Int)) -> XlsxSheetPlan.Row {
        let now = XlsxCellReference.a1(row: index, column: 4)
        let then = XlsxCellReference.a1(row: index, column: 5)
        let change = XlsxCellReference.a1(row: index, column: 6)
        var cells: [XlsxSheetPlan.Cell] = [
            .init(column: 0, value: .integer(Int64(serial)), style: styles.serial),
            .init(column: 1, value: .text(row.name), style: styles.text),
            .init(column: 2, value: .text(row.unit), style: styles.text),
            .init(column: 3, value: .integer(Int64(row.units)), style: styles.integer),
        ]
        switch row.figures {
        case .amount(let current, let previous):
            cells += [
                .init(column: 4, value: .integer(current), style: styles.integer),
                .init(column: 5, value: .integer(previous), style: styles.integer),
                .init(column: 6, value: .formula("\(now)-\(then)", cachedValue: .number(Double(current - previous))), style: styles.integer),
                .init(column: 7, value: .formula(XlsxPercent.changeFormula(change, then),
                                                 cachedValue: ReportFigures.changeQuotient(current - previous, previous)), style: styles.percent),
            ]
        case .ratio(let cn, let cd, let pn, let pd):
            let current = ReportFigures.quotient(cn, cd), previous = ReportFigures.quotient(pn, pd)
            func cell(_ result: XlsxFormulaResult) -> XlsxCellValue { result.number.map { .number($0) } ?? .blank }
            let difference: XlsxFormulaResult = current.number.flatMap { c in previous.number.map { .number(c - $0) } } ?? .text("")
            cells += [
                .init(column: 4, value: cell(current), style: styles.percent),
                .init(column: 5, value: cell(previous), style: styles.percent),
                .init(column: 6, value: difference.number == nil ? .blank : .formula("\(now)-\(then)", cachedValue: difference), style: styles.percent),
                .init(column: 7, value: .blank, style: styles.blank),
            ]
        }
        return XlsxSheetPlan.Row(index: index, cells: cells)
    }
}
