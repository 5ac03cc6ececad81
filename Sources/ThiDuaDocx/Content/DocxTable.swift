import ThiDuaKit

/// A table of figures as a real Word table: a header row repeated at the top of every
/// page, rows that do not break across pages, figures right-aligned, subtotals and the
/// total in bold, and fixed column widths sized to the content (so Word and LibreOffice
/// need not measure ten thousand rows, and lay the table out alike).
///
/// A table too wide for its page is written as several (`DocxColumns.parts`): each one
/// a `DocxTable` of some of the columns, the later ones under "(tiếp theo)".
struct DocxTable {
    var table: Table
    /// The columns of `table` this Word table shows, in order, and their widths in twips.
    var columns: [Int]
    var widths: [Int]
    /// True for the cell styles of the smaller size (`bang_phu_luc`): annex tables, and a
    /// body table that fits the portrait page only at that size.
    var small: Bool
    var dropped: DroppedCharacters?

    /// Space left and right inside each cell, in twips (1 mm).
    static let cellPadding = 57
    /// The line above each part of a split table but the first, as the plain text has it.
    static let continued = "(tiếp theo)"

    /// `table` in `width` twips at `size` points: one Word table, or the parts of a split.
    static func parts(_ table: Table, width: Int, size: Double, small: Bool, dropped: DroppedCharacters?) -> [DocxTable] {
        DocxColumns.parts(table, available: width, size: size, padding: 2 * cellPadding).map {
            DocxTable(table: table, columns: $0.columns, widths: $0.widths, small: small, dropped: dropped)
        }
    }

    /// A table in the body of a portrait page: at the body table size when it fits the
    /// width, else at the smaller size, split when it does not fit at that size either.
    static func inBody(_ table: Table, layout: DocxLayout, dropped: DroppedCharacters?) -> [DocxTable] {
        let padding = 2 * cellPadding
        let fits = DocxColumns.minimumWidth(table, size: layout.tableSize, padding: padding) <= Double(layout.textWidth)
        return parts(table, width: layout.textWidth, size: fits ? layout.tableSize : layout.annexTableSize,
                     small: !fits, dropped: dropped)
    }

    /// A table of a landscape annex, at the annex size, split when too wide.
    static func inLandscapeAnnex(_ table: Table, layout: DocxLayout, dropped: DroppedCharacters?) -> [DocxTable] {
        parts(table, width: layout.landscapeTextWidth, size: layout.annexTableSize, small: true, dropped: dropped)
    }

    /// The parts one after the other: a small spacer after each, so the text below does not
    /// touch it, and "(tiếp theo)" kept with the part it introduces.
    static func xml(_ parts: [DocxTable], dropped: DroppedCharacters?) -> String {
        var out = ""
        for (number, part) in parts.enumerated() {
            if number > 0 {
                // A body paragraph as any other, first-line indent included (NĐ 30).
                var note = DocxParagraph(style: "ThiDuaBody", runs: DocxRuns.run(continued, italic: true, dropped: dropped))
                note.keepNext = true
                out += note.xml
            }
            out += part.xml + "<w:p><w:pPr><w:pStyle w:val=\"ThiDuaSpacer\"/></w:pPr></w:p>"
        }
        return out
    }

    var xml: String {
        let stylePrefix = small ? "ThiDuaAnnexCell" : "ThiDuaCell"
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"ThiDuaTable\"/>"
        out += "<w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        out += "<w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblCellMar><w:left w:w=\"\(Self.cellPadding)\" w:type=\"dxa\"/><w:right w:w=\"\(Self.cellPadding)\" w:type=\"dxa\"/></w:tblCellMar>"
        out += "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
        out += "</w:tblPr><w:tblGrid>"
        for column in widths { out += "<w:gridCol w:w=\"\(column)\"/>" }
        out += "</w:tblGrid>"
        // The header row: repeated on every page, never split.
        out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for (position, index) in columns.enumerated() {
            let header = index < table.headers.count ? table.headers[index] : ""
            out += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[position])\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
            out += "<w:p><w:pPr><w:pStyle w:val=\"\(stylePrefix)Head\"/></w:pPr>\(DocxRuns.run(header, dropped: dropped))</w:p></w:tc>"
        }
        out += "</w:tr>"
        let styles = columns.map { index -> String in
            let alignment: Table.Alignment = index < table.alignments.count ? table.alignments[index] : .left
            switch alignment {
            case .left: return stylePrefix
            case .right: return stylePrefix + "Right"
            case .center: return stylePrefix + "Center"
            }
        }
        out.reserveCapacity(out.utf8.count + table.rows.count * columns.count * 90)
        for (rowIndex, row) in table.rows.enumerated() {
            let bold = table.emphasized.contains(rowIndex)
            out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (position, index) in columns.enumerated() {
                let text = index < row.count ? row[index] : ""
                // Every cell ends in a paragraph, empty or not (the schema requires one).
                out += "<w:tc><w:p><w:pPr><w:pStyle w:val=\"\(styles[position])\"/></w:pPr>"
                out += DocxRuns.run(text, bold: bold, dropped: dropped)
                out += "</w:p></w:tc>"
            }
            out += "</w:tr>"
        }
        out += "</w:tbl>"
        return out
    }
}
