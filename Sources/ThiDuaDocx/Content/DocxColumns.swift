import ThiDuaKit

/// Column widths from the content, as a browser sizes an automatic table: every column
/// gets at least its minimum (its longest word; a figure is one word), the rest of the
/// width goes to the columns in proportion to how much their longest cell still needs.
///
/// A table whose minimums do not fit the width, the names given a fifth of it when their
/// text is that long (`nameShare`), is split, as the plain text is
/// (`TableLayout.plain`): into narrower tables that each repeat the leading columns that
/// name the row (STT and Đơn vị, Nội dung and ĐVT) and take as many of the others as fit
/// at their minimum width, the columns spread evenly over the parts. Shrinking all the
/// columns instead breaks words letter by letter and makes a table of eleven rows fill
/// four pages.
enum DocxColumns {
    /// What each column needs, in twips with the cell padding.
    struct Needs: Equatable {
        /// The narrowest width that breaks no word.
        var minimum: [Double]
        /// The width that sets the longest cell on one line (a header on two).
        var preferred: [Double]
    }

    /// One of the tables a wide table is written as: the indices of its columns, in
    /// order, and their widths in twips (summing to the width to fill).
    struct Part: Equatable {
        var columns: [Int]
        var widths: [Int]
    }

    /// The share of the width the row's name (Đơn vị, Nội dung) keeps at the least in each
    /// part of a split table, when its text is that long: a name set one word a line is as
    /// unreadable as a broken word, and a part has room to spare for it.
    static let nameShare = 0.2

    /// Widths in twips summing to `available` (or to the minimum when that is wider
    /// than `available`, scaled down to fit).
    static func widths(_ table: Table, available: Int, size: Double, padding: Int) -> [Int] {
        widths(needs(table, size: size, padding: padding), available: available)
    }

    /// Widths for `needs`, summing to `available`.
    static func widths(_ needs: Needs, available: Int) -> [Int] {
        let (minimum, preferred) = (needs.minimum, needs.preferred)
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
            // Not even one value column beside the names fits (see `parts`): shrink them
            // all alike, the last resort.
            let scale = Double(available) / minTotal
            widths = minimum.map { $0 * scale }
        }
        var result = widths.map { Int($0.rounded(.down)) }
        result[columns - 1] += available - result.reduce(0, +)
        return result
    }

    /// The tables `table` is written as at `size` in `available` twips: one with every
    /// column when their minimums fit, else parts that each repeat the leading
    /// `headerColumns` and fit every column at its minimum width or wider.
    static func parts(_ table: Table, available: Int, size: Double, padding: Int) -> [Part] {
        parts(needs(table, size: size, padding: padding), keys: table.headerColumns, alignments: table.alignments,
              available: available)
    }

    /// The parts for columns that need `needs`, the first `keys` repeated in each.
    static func parts(_ needs: Needs, keys: Int, alignments: [Table.Alignment], available: Int) -> [Part] {
        let columns = needs.minimum.count
        let room = Double(available)
        let keyCount = min(max(keys, 0), max(columns - 1, 0))
        let keyColumns = Array(0..<keyCount)
        let values = Array(keyCount..<columns)
        func part(_ indices: [Int], _ needs: Needs) -> Part {
            Part(columns: indices, widths: widths(Needs(minimum: indices.map { needs.minimum[$0] },
                                                        preferred: indices.map { needs.preferred[$0] }), available: available))
        }
        func fitsBesideNames(_ needs: Needs) -> Bool {
            let widestValue = values.map { needs.minimum[$0] }.max() ?? 0
            return keyColumns.reduce(0) { $0 + needs.minimum[$1] } + widestValue <= room
        }
        // The names get room to breathe: a fifth of the width when their text is that long.
        // Shared by need alone, a table of nine columns left "Nội dung" 1,4 cm beside
        // figures of 2,2 cm, "Kinh phí Mái ấm Công đoàn" on five lines; such a table is
        // split, as the plain text splits it, rather than squeeze the names.
        var roomy = needs
        for index in keyColumns where index >= alignments.count || alignments[index] == .left {
            roomy.minimum[index] = max(needs.minimum[index], min(needs.preferred[index], room * nameShare))
        }
        let all = Array(0..<columns)
        if roomy.minimum.reduce(0, +) <= room { return [part(all, roomy)] }
        let split: Needs
        if values.count >= 2, fitsBesideNames(roomy) {
            split = roomy
        } else if needs.minimum.reduce(0, +) <= room {
            return [part(all, needs)]
        } else if values.count >= 2, fitsBesideNames(needs) {
            split = needs
        } else {
            // Not even the names and one other column fit: shrinking is the last resort.
            return [part(all, needs)]
        }
        return chunks(split, keys: keyColumns, values: values, room: room).map { part(keyColumns + $0, split) }
    }

    /// The value columns of each part: greedily as many as fit beside the names, then
    /// spread evenly over that many parts.
    static func chunks(_ needs: Needs, keys keyColumns: [Int], values: [Int], room: Double) -> [[Int]] {
        let keyWidth = keyColumns.reduce(0) { $0 + needs.minimum[$1] }
        func split(cap: Int) -> [[Int]] {
            var chunks: [[Int]] = []
            var chunk: [Int] = []
            var used = keyWidth
            for index in values {
                if !chunk.isEmpty && (used + needs.minimum[index] > room || chunk.count >= cap) {
                    chunks.append(chunk)
                    chunk = []
                    used = keyWidth
                }
                used += needs.minimum[index]
                chunk.append(index)
            }
            if !chunk.isEmpty { chunks.append(chunk) }
            return chunks
        }
        // As many parts as the greedy split needs, the columns spread evenly over them
        // (not a full first part and a last one of a single column), as the text does.
        let greedy = split(cap: .max)
        let even = split(cap: (values.count + greedy.count - 1) / max(greedy.count, 1))
        return even.count == greedy.count ? even : greedy
    }

    /// The smallest width a table can take at `size` without breaking a word.
    static func minimumWidth(_ table: Table, size: Double, padding: Int) -> Double {
        needs(table, size: size, padding: padding).minimum.reduce(0, +)
    }

    /// Per column, the longest word and the longest cell, in twips with the padding.
    static func needs(_ table: Table, size: Double, padding: Int) -> Needs {
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
        return Needs(minimum: minimum.map { $0 + pad }, preferred: preferred.map { $0 + pad })
    }

    static func longestWord(_ text: String, size: Double, weight: FontMetrics.Weight) -> Double {
        var longest = 0.0
        for word in text.split(separator: " ") {
            longest = max(longest, FontMetrics.width(String(word), size: size, weight: weight))
        }
        return longest
    }
}
