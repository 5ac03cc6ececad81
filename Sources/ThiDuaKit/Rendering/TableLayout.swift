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

    /// Columns padded to their widest cell (by grapheme clusters), separated by two spaces,
    /// with a rule under the header and above emphasized rows; no line wider than `width`.
    ///
    /// A table too wide is fitted in steps: headers wrap inside their cells; the widest
    /// text column among the leading `headerColumns` (the unit's name) wraps to about a third
    /// of the line; and if the columns still do not fit, the table is split into narrower
    /// tables of as many columns as fit, each repeating the leading columns, the later ones
    /// under "(tiếp theo)". A cell longer than its column wraps, a word longer than the
    /// column is cut between characters.
    static func plain(_ table: Table, width: Int) -> String {
        let columns = table.headers.count
        guard columns > 0 else { return "" }
        let gap = 2
        let keyCount = min(max(table.headerColumns, 0), columns - 1)
        var body = [Int](repeating: 0, count: columns)
        for row in table.rows {
            for (index, cell) in row.enumerated() where index < columns {
                body[index] = max(body[index], VietnameseText.displayWidth(cell))
            }
        }
        let headerFull = table.headers.map(VietnameseText.displayWidth)
        let headerWord = table.headers.map(longestWord)
        let natural = (0..<columns).map { max(body[$0], headerFull[$0], 1) }
        func total(_ widths: [Int], _ indices: [Int]) -> Int {
            indices.reduce(0) { $0 + widths[$1] } + gap * max(0, indices.count - 1)
        }
        let all = Array(0..<columns)
        if total(natural, all) <= width {
            return render(table, columns: all, widths: natural, width: width)
        }
        // Headers wrap at words: a column is as wide as its widest cell or header word.
        var widths = (0..<columns).map { max(body[$0], headerWord[$0], 2) }
        // The row's name wraps too when it would take more than about a third of the line.
        if let name = (0..<keyCount).filter({ alignment(table, $0) == .left }).max(by: { widths[$0] < widths[$1] }) {
            let cap = max(12, width / 3)
            if widths[name] > cap { widths[name] = max(cap, headerWord[name], 2) }
        }
        for index in all { widths[index] = min(widths[index], max(2, width)) }
        let keys = Array(0..<keyCount)
        if total(widths, all) <= width {
            return render(table, columns: all, widths: grow(widths, toward: natural, columns: all, width: width), width: width)
        }
        // Split: the leading columns and as many others as fit, again and again.
        var keyWidths = widths
        var room = width - total(keyWidths, keys) - (keys.isEmpty ? 0 : gap)
        let widestValue = ((keyCount)..<columns).map { widths[$0] }.max() ?? 0
        if room < widestValue {
            // Not even one column beside the names: narrow the leading text columns.
            for index in keys where alignment(table, index) == .left {
                let spare = widestValue - room
                keyWidths[index] = max(4, keyWidths[index] - spare)
                room = width - total(keyWidths, keys) - (keys.isEmpty ? 0 : gap)
            }
        }
        func split(cap: Int) -> [[Int]] {
            var chunks: [[Int]] = []
            var chunk: [Int] = []
            var used = 0
            for index in keyCount..<columns {
                let needed = widths[index] + (chunk.isEmpty ? 0 : gap)
                if !chunk.isEmpty && (used + needed > room || chunk.count >= cap) {
                    chunks.append(chunk)
                    chunk = []
                    used = 0
                }
                used += widths[index] + (chunk.isEmpty ? 0 : gap)
                chunk.append(index)
            }
            if !chunk.isEmpty { chunks.append(chunk) }
            return chunks
        }
        // As many tables as the greedy split needs, with the columns spread evenly over them
        // (not a full first table and a last one of one column).
        var chunks = split(cap: .max)
        let even = split(cap: (columns - keyCount + chunks.count - 1) / max(chunks.count, 1))
        if even.count == chunks.count { chunks = even }
        var parts: [String] = []
        for (number, values) in chunks.enumerated() {
            let shown = keys + values
            var chunkWidths = keyWidths
            for index in values { chunkWidths[index] = min(widths[index], max(2, room)) }
            chunkWidths = grow(chunkWidths, toward: natural, columns: shown, width: width)
            let text = render(table, columns: shown, widths: chunkWidths, width: width)
            parts.append(number == 0 ? text : "(tiếp theo)\n\n" + text)
        }
        return parts.joined(separator: "\n\n")
    }

    /// Widens columns back toward their natural width while the line has room, narrowest
    /// need first (so a header that wraps to two lines gets its room before a long name).
    static func grow(_ widths: [Int], toward natural: [Int], columns: [Int], width: Int) -> [Int] {
        var result = widths
        var spare = width - (columns.reduce(0) { $0 + result[$1] } + 2 * max(0, columns.count - 1))
        for index in columns.sorted(by: { natural[$0] - result[$0] < natural[$1] - result[$1] }) where spare > 0 {
            let want = natural[index] - result[index]
            guard want > 0 else { continue }
            let add = min(want, spare)
            result[index] += add
            spare -= add
        }
        return result
    }

    /// The widest word of a text.
    static func longestWord(_ text: String) -> Int {
        VietnameseText.words(of: text).map { VietnameseText.displayWidth($0) }.max() ?? 0
    }

    /// The rows of `columns` at `widths`, every cell wrapped inside its column.
    static func render(_ table: Table, columns: [Int], widths: [Int], width: Int) -> String {
        func lines(_ cells: [String]) -> [String] {
            let wrapped: [[String]] = columns.map { index in
                let text = index < cells.count ? cells[index] : ""
                return VietnameseText.wrap(text, width: widths[index])
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                let parts = zip(columns, wrapped).map { index, cellLines -> String in
                    let text = line < cellLines.count ? cellLines[line] : ""
                    switch alignment(table, index) {
                    case .right: return VietnameseText.padLeft(text, width: widths[index])
                    case .left: return VietnameseText.padRight(text, width: widths[index])
                    case .center: return VietnameseText.padRight(VietnameseText.center(text, width: widths[index]), width: widths[index])
                    }
                }
                return VietnameseText.trimmingTrailingSpaces(parts.joined(separator: "  "))
            }
        }
        let total = columns.reduce(0) { $0 + widths[$1] } + 2 * max(0, columns.count - 1)
        let rule = VietnameseText.rule(min(total, width))
        var output = lines(table.headers) + [rule]
        for (index, row) in table.rows.enumerated() {
            if table.emphasized.contains(index), index > 0, !table.emphasized.contains(index - 1) { output.append(rule) }
            output += lines(row)
        }
        return output.joined(separator: "\n")
    }
}
