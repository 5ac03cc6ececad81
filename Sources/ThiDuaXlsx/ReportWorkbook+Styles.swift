/// The looks used by the report sheets.
///
/// Times New Roman as in the administrative-document rules (Nghị định 30/2020);
/// 12 pt in the table so a landscape A4 page holds a useful number of columns.
/// Number formats are Excel's invariant codes; a Vietnamese Excel shows `#,##0` as
/// `1.234` and `0.0%` as `98,5%`, which is the convention for displayed numbers.
enum ReportStyles {
    static let fontName = "Times New Roman"
    static let integerFormat = "#,##0"
    static let percentFormat = "0.0%"
    static let headerFill: UInt32 = 0xD9E1F2
    static let groupFill: UInt32 = 0xF2F2F2
    static let totalFill: UInt32 = 0xFCE4D6
    /// Row height in points for one line of 12 pt text.
    static let lineHeight = 15.75
    /// Row height in points for one line of the 14 pt title.
    static let titleLineHeight = 18.75

    static let body = CellStyle(fontName: fontName, fontSize: 12, verticalAlignment: .center)
    static let issuingBody = body.with { $0.bold = true; $0.horizontalAlignment = .center; $0.wrapText = true }
    static let title = body.with { $0.bold = true; $0.fontSize = 14; $0.horizontalAlignment = .center; $0.wrapText = true }
    static let period = body.with { $0.italic = true; $0.horizontalAlignment = .center; $0.wrapText = true }
    static let subject = body.with { $0.bold = true; $0.horizontalAlignment = .center; $0.wrapText = true }
    /// The signature block under the table: plain centred lines, bold for titles and names.
    static let signatureLine = body.with { $0.horizontalAlignment = .center }
    static let signatureBold = signatureLine.with { $0.bold = true }
    static let signaturePlaceDate = signatureLine.with { $0.italic = true }
    static let header = body.with {
        $0.bold = true; $0.horizontalAlignment = .center; $0.wrapText = true; $0.border = .thin; $0.backgroundColor = headerFill
    }

    /// Styles of one kind of table row (unit, group header, subtotal, grand total).
    struct RowStyles {
        var serial: CellStyle
        var name: CellStyle
        var integer: CellStyle
        var percent: CellStyle
        var blank: CellStyle
    }

    static func rowStyles(bold: Bool, italic: Bool = false, fill: UInt32?) -> RowStyles {
        let cell = body.with { $0.border = .thin; $0.bold = bold; $0.italic = italic; $0.backgroundColor = fill }
        return RowStyles(
            serial: cell.with { $0.horizontalAlignment = .center },
            name: cell.with { $0.wrapText = true },
            integer: cell.with { $0.numberFormat = integerFormat },
            percent: cell.with { $0.numberFormat = percentFormat },
            blank: cell)
    }

    static let unit = rowStyles(bold: false, fill: nil)
    static let group = rowStyles(bold: true, fill: groupFill)
    static let subtotal = rowStyles(bold: true, italic: true, fill: groupFill)
    static let total = rowStyles(bold: true, fill: totalFill)
    static let note = body.with { $0.italic = true }
}
