import Yams

extension YAMLLayoutReader {
    /// Where a leaf's text ends, and where a comment may follow it on its line.
    struct Extent {
        var endLine: Int
        var endColumn: Int
        /// A block scalar's comment is on its header line, any other value's after its end.
        var commentLine: Int
        var commentColumn: Int
    }

    /// Scans every leaf to its end (up to the next anchor line), claiming its lines and
    /// keeping its spelling and end-of-line comment. A leaf that cannot be scanned (a tag or
    /// an anchor before the value, an indentation indicator) claims every line up to the next
    /// anchor: its comments are lost, never read as something else.
    mutating func scanLeaves() {
        let anchorLines = anchors.map(\.line)
        var next = 0
        for leaf in leaves {
            while next < anchorLines.count, anchorLines[next] <= leaf.start.line { next += 1 }
            let bound = next < anchorLines.count ? anchorLines[next] : lines.count
            guard let extent = extent(of: leaf, bound: bound), extent.endLine < bound else {
                for line in leaf.start.line..<max(leaf.start.line + 1, bound) where line < lines.count { claimed[line] = true }
                continue
            }
            var comment: String?
            switch YAMLLayoutScan.rest(lines[extent.commentLine], from: extent.commentColumn) {
            case .nothing: break
            case .comment(let text): comment = text
            case .other:
                for line in leaf.start.line..<max(leaf.start.line + 1, bound) where line < lines.count { claimed[line] = true }
                continue
            }
            let first = leaf.indicator.line
            var spelling: [String] = []
            for line in first...max(first, extent.endLine) {
                let text = lines[line]
                let from = line == first ? min(leaf.indicator.column, text.count) : 0
                var to = line == extent.endLine ? extent.endColumn : text.count
                if line == extent.commentLine { to = min(to, extent.commentColumn) }
                spelling.append(String(String.UnicodeScalarView(text[from..<max(from, min(to, text.count))])))
                claimed[line] = true
            }
            layout.spellings[leaf.path] = spelling
            if let comment { layout.trailing[leaf.path] = YAMLLayout.Trailing(text: comment, line: extent.commentLine - first) }
        }
    }

    func extent(of leaf: Leaf, bound: Int) -> Extent? {
        let (line, column) = leaf.start
        guard line < lines.count else { return nil }
        func simple(_ end: (Int, Int)?) -> Extent? {
            end.map { Extent(endLine: $0.0, endColumn: $0.1, commentLine: $0.0, commentColumn: $0.1) }
        }
        switch leaf.node {
        case .scalar(let scalar):
            switch scalar.style {
            case .doubleQuoted, .singleQuoted:
                let quote: Unicode.Scalar = scalar.style == .doubleQuoted ? "\"" : "'"
                guard column < lines[line].count, lines[line][column] == quote else { return nil }
                return simple(YAMLLayoutScan.quotedEnd(lines, line: line, column: column, bound: bound))
            case .literal, .folded:
                return YAMLLayoutScan.blockEnd(lines, line: line, column: column, parentIndent: leaf.parentIndent, bound: bound)
                    .map { Extent(endLine: $0.lastLine, endColumn: lines[$0.lastLine].count, commentLine: line, commentColumn: $0.headerEnd) }
            default:
                if scalar.string.isEmpty, scalar.style == .plain || scalar.style == .any {
                    return Extent(endLine: line, endColumn: column, commentLine: line, commentColumn: column)
                }
                return simple(YAMLLayoutScan.plainEnd(lines, line: line, column: column, text: scalar.string,
                                                      parentIndent: leaf.parentIndent, bound: bound))
            }
        default:
            return simple(YAMLLayoutScan.flowEnd(lines, line: line, column: column, bound: bound))
        }
    }

    /// Checks that every line left is a comment or blank (`---`, `%` directives and `...`
    /// before and after the data), and gives each anchor the lines right above it.
    mutating func finish() -> YAMLLayout? {
        guard let first = claimed.firstIndex(of: true), let last = claimed.lastIndex(of: true) else { return nil }
        for (index, line) in lines.enumerated() where !claimed[index] {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            let text = String(String.UnicodeScalarView(trimmed))
            if index < first, text.hasPrefix("---") || text.hasPrefix("%") { continue }
            if index > last, text.hasPrefix("...") { continue }
            return nil
        }
        let string = { (line: Line) in String(String.UnicodeScalarView(line)) }
        layout.header = lines[..<first].map(string)
        layout.footer = lines[(last + 1)...].map(string)
        var previous = -1
        for (line, path) in anchors where line != previous {
            previous = line
            guard line > first else { continue }
            var start = line
            while start > 0, !claimed[start - 1] { start -= 1 }
            if start < line { layout.above[path] = lines[start..<line].map(string) }
        }
        return layout
    }
}

/// The scanners of `YAMLLayoutReader`: where keys, quoted strings, block scalars, plain
/// scalars and flow collections end on their lines.
enum YAMLLayoutScan {
    typealias Line = [Unicode.Scalar]

    /// What follows a column on a line.
    enum Rest: Equatable {
        case nothing
        /// Spaces and a `#` comment: the text from the column, spaces included.
        case comment(String)
        case other
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    static func rest(_ line: Line, from column: Int) -> Rest {
        var index = column
        while index < line.count, isSpace(line[index]) { index += 1 }
        guard index < line.count else { return .nothing }
        // A comment starts a line or follows a space: "a#b" is text.
        guard line[index] == "#", index > column || column == 0 || isSpace(line[column - 1]) else { return .other }
        return .comment(String(String.UnicodeScalarView(line[column...])))
    }

    /// The end of a key starting at `column`: plain as its text, or quoted.
    static func keyEnd(_ line: Line, from column: Int, key: Node.Scalar) -> Int? {
        switch key.style {
        case .doubleQuoted, .singleQuoted:
            guard let (endLine, end) = quotedEnd([line], line: 0, column: column, bound: 1), endLine == 0 else { return nil }
            return end
        default:
            let text = Array(key.string.unicodeScalars)
            guard column + text.count <= line.count, Array(line[column..<column + text.count]) == text else { return nil }
            return column + text.count
        }
    }

    /// Just after the `:` that follows a key (spaces may come between).
    static func colonEnd(_ line: Line, from column: Int) -> Int? {
        var index = column
        while index < line.count, isSpace(line[index]) { index += 1 }
        return index < line.count && line[index] == ":" ? index + 1 : nil
    }

    /// Just after the closing quote of a string opened at (line, column), on that line or a
    /// later one before `bound`: `\"` is a quote inside double quotes, `''` inside single ones.
    static func quotedEnd(_ lines: [Line], line: Int, column: Int, bound: Int) -> (Int, Int)? {
        let quote = lines[line][column]
        var row = line, index = column + 1
        while row < min(bound, lines.count) {
            let text = lines[row]
            while index < text.count {
                let scalar = text[index]
                if quote == "\"", scalar == "\\" {
                    index += 2
                    continue
                }
                if scalar == quote {
                    if quote == "'", index + 1 < text.count, text[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    return (row, index + 1)
                }
                index += 1
            }
            row += 1
            index = 0
        }
        return nil
    }

    /// A block scalar (`|`, `>-`, …) at (line, column): where its header ends and its last
    /// content line (the header's line when it is empty). Content is every line indented as
    /// much as its first non-blank line, which is deeper than `parentIndent`.
    static func blockEnd(_ lines: [Line], line: Int, column: Int, parentIndent: Int, bound: Int) -> (headerEnd: Int, lastLine: Int)? {
        let header = lines[line]
        guard column < header.count, header[column] == "|" || header[column] == ">" else { return nil }
        var end = column + 1
        for _ in 0..<2 where end < header.count && (header[end] == "+" || header[end] == "-") {
            end += 1
        }
        // An indentation indicator (`|2`) sets the content's indentation: not followed here.
        if end < header.count, header[end].properties.numericType != nil { return nil }
        var last = line
        var indent: Int?
        var row = line + 1
        while row < min(bound, lines.count) {
            let text = lines[row]
            let leading = text.prefix { $0 == " " }.count
            if leading == text.count {
                row += 1
                continue
            }
            if let indent {
                guard leading >= indent else { break }
            } else {
                guard leading > parentIndent else { break }
                indent = leading
            }
            last = row
            row += 1
        }
        return (end, last)
    }

    /// A plain scalar of `text` starting at (line, column), on one line or folded over the
    /// next ones (indented deeper than `parentIndent`); a ` #` ends it.
    static func plainEnd(_ lines: [Line], line: Int, column: Int, text: String, parentIndent: Int, bound: Int) -> (Int, Int)? {
        func content(_ row: Line, from start: Int) -> (text: [Unicode.Scalar], commented: Bool) {
            var end = row.count
            var commented = false
            for index in min(start, row.count)..<row.count where row[index] == "#" && index > start && isSpace(row[index - 1]) {
                end = index
                commented = true
                break
            }
            var piece = Array(row[min(start, row.count)..<end])
            while let last = piece.last, isSpace(last) { piece.removeLast() }
            return (piece, commented)
        }
        let wanted = Array(text.unicodeScalars)
        let (firstPiece, firstCommented) = content(lines[line], from: column)
        var folded = firstPiece
        var end = (line, column + firstPiece.count)
        if folded == wanted { return end }
        guard !firstCommented, wanted.starts(with: folded) else { return nil }
        var blanks = 0
        var row = line + 1
        while row < min(bound, lines.count), folded.count < wanted.count {
            let current = lines[row]
            let leading = current.prefix { $0 == " " }.count
            if leading == current.count {
                blanks += 1
                row += 1
                continue
            }
            guard leading > parentIndent, current[leading] != "#" else { break }
            let (piece, commented) = content(current, from: leading)
            folded += blanks == 0 ? [" "] : Array(repeating: "\n", count: blanks)
            folded += piece
            end = (row, leading + piece.count)
            blanks = 0
            if commented { break }
            row += 1
        }
        return folded == wanted ? end : nil
    }

    /// Just after the bracket closing a flow collection (`[…]`, `{…}`) opened at (line,
    /// column), skipping quoted strings and comments.
    static func flowEnd(_ lines: [Line], line: Int, column: Int, bound: Int) -> (Int, Int)? {
        var depth = 0
        var row = line, index = column
        // The last character that is not a space: a quote opens a string only after one of
        // these, where a flow scalar starts.
        var previous: Unicode.Scalar = "["
        let limit = min(bound, lines.count)
        while row < limit {
            let text = lines[row]
            guard index < text.count else {
                row += 1
                index = 0
                continue
            }
            let scalar = text[index]
            if (scalar == "\"" || scalar == "'") && "[{,:".unicodeScalars.contains(previous) {
                guard let (endRow, end) = quotedEnd(lines, line: row, column: index, bound: bound) else { return nil }
                (row, index) = (endRow, end)
                previous = scalar
                continue
            }
            if scalar == "#", index > 0, isSpace(text[index - 1]) {
                row += 1
                index = 0
                continue
            }
            if scalar == "[" || scalar == "{" { depth += 1 }
            if scalar == "]" || scalar == "}" {
                depth -= 1
                if depth == 0 { return (row, index + 1) }
            }
            if !isSpace(scalar) { previous = scalar }
            index += 1
        }
        return nil
    }
}
