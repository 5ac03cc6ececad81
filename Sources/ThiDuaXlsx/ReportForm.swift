import ThiDuaKit

/// Writes the figures form the units fill in: a "Số liệu" sheet whose figure cells are
/// the only ones a clerk can type in (the sheet is protected without a password), each
/// with a validation rule and a Vietnamese prompt, and a "Hướng dẫn" sheet saying how.
///
/// The headers are the indicators' names with their units, which the reader matches back;
/// the title rows hold one cell each, so the reader passes over them; the instructions
/// sheet has no table, so it is passed over too. A form read back unfilled yields no unit.
public enum ReportForm {
    /// The sheet of figures.
    public static let sheetName = "Số liệu"
    /// The instructions sheet.
    public static let instructionsSheetName = "Hướng dẫn"
    /// Row (0-based) of the header.
    static let headerRow = 5
    static let serialColumn = 0, nameColumn = 1, groupColumn = 2, firstFigureColumn = 3

    static let fill: UInt32 = 0xFFF2CC
    static let body = ReportStyles.body
    static let header = ReportStyles.header
    static let locked = body.with { $0.border = .thin; $0.wrapText = true }
    static let serial = locked.with { $0.horizontalAlignment = .center }
    static let open = body.with { $0.border = .thin; $0.unlocked = true; $0.backgroundColor = fill; $0.wrapText = true }
    static let wholeFigure = open.with { $0.numberFormat = ReportStyles.integerFormat; $0.horizontalAlignment = .right }
    static let decimalFigure = open.with { $0.numberFormat = "General"; $0.horizontalAlignment = .right }

    /// Writes the form to `path` (atomically: a temporary file renamed into place).
    public static func write(_ input: ReportFormInput, to path: String) throws {
        let workbook = try XlsxWorkbook(path: path)
        try workbook.setProperties(XlsxDocumentProperties(title: input.title, author: input.issuingBody,
                                                          comments: "Biểu mẫu số liệu do thidua tạo"))
        let sheet = try workbook.addWorksheet(named: sheetName)
        try writeFigures(input, into: sheet)
        let instructions = try workbook.addWorksheet(named: instructionsSheetName)
        try writeInstructions(input, into: instructions)
        try sheet.activate()
        try workbook.close()
    }

    static func writeFigures(_ input: ReportFormInput, into sheet: XlsxWorksheet) throws {
        let lastColumn = firstFigureColumn + max(input.columns.count, 1) - 1
        try sheet.setColumnWidth(6, columns: serialColumn ... serialColumn)
        try sheet.setColumnWidth(40, columns: nameColumn ... nameColumn)
        try sheet.setColumnWidth(24, columns: groupColumn ... groupColumn)
        if !input.columns.isEmpty {
            try sheet.setColumnWidth(16, columns: firstFigureColumn ... lastColumn)
        }
        // Title rows: one merged cell each (the reader takes them for titles).
        var titles = [VietnameseText.uppercased(input.issuingBody), input.title]
        if !input.period.isEmpty { titles.append(input.period) }
        if let unit = input.forUnit { titles.append("Đơn vị báo cáo: \(unit)") }
        if let deadline = input.deadline { titles.append("Hạn gửi số liệu: ngày \(deadline.short())") }
        for (row, text) in titles.prefix(headerRow).enumerated() {
            let style = row < 2 ? ReportStyles.title : ReportStyles.period
            try sheet.merge(XlsxRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: lastColumn), text: text, style: style)
        }

        try sheet.setRowHeight(64, row: headerRow)
        try sheet.writeString("STT", row: headerRow, column: serialColumn, style: header)
        try sheet.writeString("Đơn vị", row: headerRow, column: nameColumn, style: header)
        try sheet.writeString("Khối/Cụm", row: headerRow, column: groupColumn, style: header)
        for (i, column) in input.columns.enumerated() {
            try sheet.writeString(column.header, row: headerRow, column: firstFigureColumn + i, style: header)
        }
        try sheet.freezePanes(row: headerRow + 1, column: groupColumn + 1)
        // Printed for the unit's records: A4 landscape, every column on one page wide, the
        // header row on every page, page numbers.
        try sheet.setPageSetup(XlsxPageSetup(orientation: .landscape, fitToPagesWide: 1, fitToPagesTall: 0,
                                             repeatRows: headerRow ... headerRow, footer: XlsxPageSetup.pageNumberFooter,
                                             centerHorizontally: true))

        let firstRow = headerRow + 1
        let prefilled = !input.units.isEmpty
        let rowCount = prefilled ? input.units.count : input.blankRows
        // Names of prefilled units are locked; a blank form lets the clerk type them.
        let nameStyle = prefilled ? locked : open
        for offset in 0..<rowCount {
            let row = firstRow + offset
            if prefilled {
                let unit = input.units[offset]
                try sheet.write(.integer(Int64(offset + 1)), row: row, column: serialColumn, style: serial)
                try sheet.writeString(unit.name, row: row, column: nameColumn, style: nameStyle)
                if let group = unit.group {
                    try sheet.writeString(group, row: row, column: groupColumn, style: nameStyle)
                } else {
                    try sheet.writeBlank(row: row, column: groupColumn, style: nameStyle)
                }
            } else {
                try sheet.writeBlank(row: row, column: serialColumn, style: serial)
                try sheet.writeBlank(row: row, column: nameColumn, style: nameStyle)
                try sheet.writeBlank(row: row, column: groupColumn, style: nameStyle)
            }
            for (i, column) in input.columns.enumerated() {
                try sheet.writeBlank(row: row, column: firstFigureColumn + i, style: column.isWhole ? wholeFigure : decimalFigure)
            }
        }
        let lastRow = firstRow + rowCount - 1
        for (i, column) in input.columns.enumerated() {
            let range = XlsxRange(firstRow: firstRow, firstColumn: firstFigureColumn + i, lastRow: lastRow, lastColumn: firstFigureColumn + i)
            try sheet.addValidation(validation(for: column, firstRow: firstRow), range: range)
        }
        try sheet.protect()
    }

    /// The rule and messages of one figure column.
    static func validation(for column: ReportFormInput.Column, firstRow: Int) -> XlsxValidation {
        let unit = column.unit.isEmpty ? "" : " (\(column.unit))"
        if let limit = column.atMost, let limitColumn = column.atMostColumn {
            let reference = "$" + SourcePosition.columnLetters(firstFigureColumn + limitColumn + 1) + "\(firstRow + 1)"
            return XlsxValidation(
                rule: .wholeNumberUpTo(formula: reference),
                inputTitle: column.name, inputMessage: "Ghi số nguyên từ 0 đến \(limit)\(unit). Để trống nếu không có số liệu.",
                errorTitle: "Số liệu không hợp lệ",
                errorMessage: "\(column.name) phải là số nguyên không âm và không lớn hơn \(limit).")
        }
        if column.isWhole {
            return XlsxValidation(
                rule: .wholeNumber(minimum: 0),
                inputTitle: column.name, inputMessage: "Ghi số nguyên không âm\(unit), chỉ ghi số. Để trống nếu không có số liệu, ghi 0 nếu bằng không.",
                errorTitle: "Số liệu không hợp lệ",
                errorMessage: "\(column.name) phải là số nguyên không âm (không ghi chữ, đơn vị hay phần thập phân).")
        }
        return XlsxValidation(
            rule: .decimal(minimum: 0),
            inputTitle: column.name, inputMessage: "Ghi số không âm\(unit), có thể có phần thập phân (tối đa 4 chữ số). Để trống nếu không có số liệu.",
            errorTitle: "Số liệu không hợp lệ",
            errorMessage: "\(column.name) phải là số không âm (không ghi chữ hay đơn vị).")
    }
}
