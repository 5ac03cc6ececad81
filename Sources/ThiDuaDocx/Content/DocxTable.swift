import ThiDuaKit

/// A table of figures as a real Word table: a header row repeated at the top of every
/// page, rows that do not break across pages, figures right-aligned, subtotals and the
/// total in bold, and fixed column widths sized to the content (so Word and LibreOffice
/// need not measure ten thousand rows, and lay the table out alike).
struct DocxTable {
    var table: Table
    /// The width to fill, in twips.
    var width: Int
    /// Type size of the cells, in points (the styles hold the same figure).
    var size: Double
    /// True for the cell styles of the smaller size (`bang_phu_luc`): annex tables, and a
    /// body table that fits the portrait page only at that size.
    var small: Bool
    var dropped: DroppedCharacters?

    /// Space left and right inside each cell, in twips (1 mm).
    static let cellPadding = 57

    var columns: Int { table.headers.count }

    /// A table in the body of a portrait page: at the body table size when it fits the
    /// width, else at the smaller size.
    static func inBody(_ table: Table, layout: DocxLayout, dropped: DroppedCharacters?) -> DocxTable {
        let padding = 2 * cellPadding
        let fits = DocxColumns.minimumWidth(table, size: layout.tableSize, padding: padding) <= Double(layout.textWidth)
        return DocxTable(table: table, width: layout.textWidth, size: fits ? layout.tableSize : layout.annexTableSize,
                         small: !fits, dropped: dropped)
    }

    var xml: String {
        let widths = DocxColumns.widths(table, available: width, size: size, padding: 2 * Self.cellPadding)
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
        for (index, header) in table.headers.enumerated() {
            out += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[index])\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
            out += "<w:p><w:pPr><w:pStyle w:val=\"\(stylePrefix)Head\"/></w:pPr>\(DocxRuns.run(header, dropped: dropped))</w:p></w:tc>"
        }
        out += "</w:tr>"
        let styles = (0..<columns).map { index -> String in
            let alignment: Table.Alignment = index < table.alignments.count ? table.alignments[index] : .left
            switch alignment {
            case .left: return stylePrefix
            case .right: return stylePrefix + "Right"
            case .center: return stylePrefix + "Center"
            }
        }
        out.reserveCapacity(out.utf8.count + table.rows.count * columns * 90)
        for (rowIndex, row) in table.rows.enumerated() {
            let bold = table.emphasized.contains(rowIndex)
            out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for index in 0..<columns {
                let text = index < row.count ? row[index] : ""
                // Every cell ends in a paragraph, empty or not (the schema requires one).
                out += "<w:tc><w:p><w:pPr><w:pStyle w:val=\"\(styles[index])\"/></w:pPr>"
                out += DocxRuns.run(text, bold: bold, dropped: dropped)
                out += "</w:p></w:tc>"
            }
            out += "</w:tr>"
        }
        out += "</w:tbl>"
        return out
    }
}

/// Column widths from the content, as a browser sizes an automatic table: every column
/// gets at least its longest word (a figure is one word), the rest of the width goes to
/// the columns in proportion to how much their longest cell still needs.
enum DocxColumns {
    /// Widths in twips summing to `available` (or to the minimum when that is wider
    /// than `available`, scaled down to fit).
    static func widths(_ table: Table, available: Int, size: Double, padding: Int) -> [Int] {
        let (minimum, preferred) = needs(table, size: size, padding: padding)
        let columns = minimum.count
        guard columns > 0 else { return [] }
        let minTotal = minimum.reduce(0, +), prefTotal = preferred.reduce(0, +)
        var widths: [Double]
        if prefTotal <= Double(available) {
            // Everything fits on one line: share the spare width in proportion.
            let scale = Double(available) / max(prefTotal, 1)
            widths = preferred.map { $0 * scale }
        } else if minTotal <= Double(available) {
            let spare = Double(available) - minTotal
            let wanted = zip(preferred, minimum).map { $0 - $1 }
            let wantedTotal = max(wanted.reduce(0, +), 1)
            widths = zip(minimum, wanted).map { $0 + spare * $1 / wantedTotal }
        } else {
            // Too many columns: shrink them all alike (words then break inside cells).
            let scale = Double(available) / minTotal
            widths = minimum.map { $0 * scale }
        }
        var result = widths.map { Int($0.rounded(.down)) }
        result[columns - 1] += available - result.reduce(0, +)
        return result
    }

    /// The smallest width a table can take at `size` without breaking a word.
    static func minimumWidth(_ table: Table, size: Double, padding: Int) -> Double {
        needs(table, size: size, padding: padding).minimum.reduce(0, +)
    }

    /// Per column, the longest word and the longest cell, in twips with the padding.
    static func needs(_ table: Table, size: Double, padding: Int) -> (minimum: [Double], preferred: [Double]) {
        let columns = table.headers.count
        var minimum = [Double](repeating: 0, count: columns)
        var preferred = [Double](repeating: 0, count: columns)
        for (index, header) in table.headers.enumerated() {
            // A header wraps at its spaces: its longest word must fit, and two lines of it
            // are what it would like.
            minimum[index] = longestWord(header, size: size, weight: .bold)
            preferred[index] = max(minimum[index], FontMetrics.width(header, size: size, weight: .bold) / 2)
        }
        let alignments = table.alignments
        for (rowIndex, row) in table.rows.enumerated() {
            let weight: FontMetrics.Weight = table.emphasized.contains(rowIndex) ? .bold : .regular
            for index in 0..<min(columns, row.count) {
                let cell = row[index]
                guard !cell.isEmpty else { continue }
                let full = FontMetrics.width(cell, size: size, weight: weight)
                preferred[index] = max(preferred[index], full)
                // Figures are never broken; text may wrap at its spaces.
                let isFigure = index < alignments.count && alignments[index] == .right
                minimum[index] = max(minimum[index], isFigure ? full : longestWord(cell, size: size, weight: weight))
            }
        }
        let pad = Double(padding) + 20 // a point of slack against rounding in the renderers
        return (minimum.map { $0 + pad }, preferred.map { $0 + pad })
    }

    static func longestWord(_ text: String, size: Double, weight: FontMetrics.Weight) -> Double {
        var longest = 0.0
        for word in text.split(separator: " ") {
            longest = max(longest, FontMetrics.width(String(word), size: size, weight: weight))
        }
        return longest
    }
}
