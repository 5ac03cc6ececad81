extension ReportWorkbook {
    /// The block under the table, as under a signed annex: "NGƯỜI LẬP BIỂU" and the
    /// preparer's name in the left half; the place and date, the authority ("TM. BAN THƯỜNG
    /// VỤ"), the title and, after room for the signature and seal, the signer's name in the
    /// right half. Registers its styles in `plan`.
    static func signatureRows(_ signature: WorkbookSignature, layout: SummaryLayout, plan: inout XlsxSheetPlan) -> [XlsxSheetPlan.Row] {
        let line = plan.style(ReportStyles.signatureLine)
        let bold = plan.style(ReportStyles.signatureBold)
        let italic = plan.style(ReportStyles.signaturePlaceDate)
        let last = layout.lastColumn
        // Left: STT and the unit's name (and more when the table is wide); right: the rest.
        let leftEnd = max(SummaryLayout.nameColumn, last / 2 - 1)
        let left = SummaryLayout.serialColumn ... min(leftEnd, max(last - 1, SummaryLayout.serialColumn))
        let right = min(left.upperBound + 1, last) ... last

        var rows: [XlsxSheetPlan.Row] = []
        func add(_ offset: Int, left leftText: String?, _ leftStyle: Int, right rightText: String?, _ rightStyle: Int) {
            let index = layout.signatureRow + offset
            var row = XlsxSheetPlan.Row(index: index)
            for (range, text, style) in [(left, leftText, leftStyle), (right, rightText, rightStyle)] {
                guard let text, !text.isEmpty else { continue }
                if range.count == 1 {
                    row.cells.append(.init(column: range.lowerBound, value: .text(text), style: style))
                } else {
                    row.merges.append(.init(range: XlsxRange(firstRow: index, firstColumn: range.lowerBound, lastRow: index,
                                                             lastColumn: range.upperBound), text: text, style: style))
                }
            }
            rows.append(row)
        }
        add(0, left: "NGƯỜI LẬP BIỂU", bold, right: signature.placeAndDate, italic)
        var offset = 1
        if let authority = signature.authority {
            add(offset, left: nil, line, right: authority, bold)
            offset += 1
        }
        add(offset, left: nil, line, right: signature.title, bold)
        // Three empty rows for the signature and the seal.
        add(offset + 4, left: signature.preparer, bold, right: signature.signer, bold)
        return rows
    }
}
