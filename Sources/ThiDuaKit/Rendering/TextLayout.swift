/// Plain-text layout of the parts of a document: wrapped paragraphs with
/// hanging indents, the two-column header, the centred title, and the
/// recipients beside the signature. Widths count grapheme clusters.
enum TextLayout {
    /// First-line indent of body paragraphs.
    static let paragraphIndent = "    "

    /// Wraps `text` with `marker` on the first line and a hanging indent of
    /// its width on the others.
    static func wrap(_ text: String, width: Int, hanging marker: String) -> String {
        let rest = String(repeating: " ", count: VietnameseText.displayWidth(marker))
        return wrap(text, width: width, first: marker, rest: rest)
    }

    static func wrap(_ text: String, width: Int, first: String, rest: String) -> String {
        VietnameseText.wrap(text, width: width, firstIndent: first, restIndent: rest).joined(separator: "\n")
    }

    /// Each line wrapped to `width` and centred within `within` columns.
    static func centeredBlock(_ lines: [String], width: Int, within: Int? = nil) -> String {
        let total = within ?? width
        return lines.flatMap { VietnameseText.wrap($0, width: width) }
            .map { VietnameseText.center($0, width: total) }
            .joined(separator: "\n")
    }

    /// The official header: bodies on the left, the national title on the
    /// right, each centred in its half, with short rules under the issuing
    /// body and the motto; then the number and the place-and-date line on
    /// one row.
    static func header(left: [String], right: [String], number: String, placeDate: String, width: Int) -> String {
        let half = width / 2
        let leftRule = VietnameseText.rule(min(half - 4, 12))
        let motto = right.last ?? ""
        let rightRule = VietnameseText.rule(min(half - 2, VietnameseText.displayWidth(motto)))
        let top = VietnameseText.twoColumns(left: left + [leftRule], right: right + [rightRule], totalWidth: width)
        let bottom = VietnameseText.twoColumns(left: [number], right: [placeDate], totalWidth: width)
        return (top + [""] + bottom).joined(separator: "\n")
    }

    /// "Nơi nhận:" and its lines on the left (left-aligned, wrapped to the
    /// left half) beside the signature block centred in the right half.
    static func footer(recipients: [String], signature: [String], width: Int) -> String {
        let half = width / 2
        var left: [String] = recipients.isEmpty ? [] : ["Nơi nhận:"]
        for line in recipients {
            left += VietnameseText.wrap(line, width: half - 2, firstIndent: "", restIndent: "  ")
        }
        let right = signature.flatMap { $0.isEmpty ? [""] : VietnameseText.wrap($0, width: half) }
            .map { VietnameseText.center($0, width: half) }
        let rows = max(left.count, right.count)
        var lines: [String] = []
        for row in 0..<rows {
            let l = row < left.count ? left[row] : ""
            let r = row < right.count ? right[row] : ""
            let line = r.isEmpty ? l : VietnameseText.padRight(l, width: half) + r
            lines.append(VietnameseText.trimmingTrailingSpaces(line))
        }
        return lines.joined(separator: "\n")
    }
}

/// Tables as GFM Markdown and as aligned plain text.
enum TableLayout {
    static func markdown(_ table: Table) -> String {
        func cell(_ text: String) -> String {
            DocumentView.escapingPipes(text)
        }
        func row(_ cells: [String], bold: Bool) -> String {
            "| " + cells.map { bold && !$0.isEmpty ? "**\(cell($0))**" : cell($0) }.joined(separator: " | ") + " |"
        }
        var lines = [row(table.headers, bold: false)]
        lines.append("|" + table.headers.indices.map { index -> String in
            switch alignment(table, index) {
            case .left: return ":---"
            case .right: return "---:"
            case .center: return ":---:"
            }
        }.joined(separator: "|") + "|")
        for (index, cells) in table.rows.enumerated() {
            lines.append(row(cells, bold: table.emphasized.contains(index)))
        }
        return lines.joined(separator: "\n")
    }

    static func alignment(_ table: Table, _ index: Int) -> Table.Alignment {
        index < table.alignments.count ? table.alignments[index] : .left
    }

    /// Columns padded to their widest cell (by grapheme clusters), separated
    /// by two spaces, with a rule under the header and above emphasized rows.
    static func plain(_ table: Table, width: Int) -> String {
        let columns = table.headers.count
        var widths = table.headers.map(VietnameseText.displayWidth)
        for row in table.rows {
            for (index, cell) in row.enumerated() where index < columns {
                widths[index] = max(widths[index], VietnameseText.displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for index in 0..<columns {
                let text = index < cells.count ? cells[index] : ""
                switch alignment(table, index) {
                case .right: parts.append(VietnameseText.padLeft(text, width: widths[index]))
                case .left: parts.append(VietnameseText.padRight(text, width: widths[index]))
                case .center:
                    let centred = VietnameseText.center(text, width: widths[index])
                    parts.append(VietnameseText.padRight(centred, width: widths[index]))
                }
            }
            return VietnameseText.trimmingTrailingSpaces(parts.joined(separator: "  "))
        }
        let total = widths.reduce(0, +) + 2 * max(0, columns - 1)
        let rule = VietnameseText.rule(total)
        var lines = [line(table.headers), rule]
        for (index, row) in table.rows.enumerated() {
            if table.emphasized.contains(index), index > 0, !table.emphasized.contains(index - 1) { lines.append(rule) }
            lines.append(line(row))
        }
        return lines.joined(separator: "\n")
    }
}
