import Yams

/// Reads a `YAMLLayout` from the lines Yams parsed and its node tree (see `YAMLLayout`).
///
/// Lines and columns are 0-based here (Yams' marks are 1-based, columns in Unicode scalars).
struct YAMLLayoutReader {
    typealias Line = [Unicode.Scalar]

    /// A scalar or flow value still to be scanned to its end, once every anchor is known.
    struct Leaf {
        var path: DataPath
        var node: Node
        /// Just after the key's colon or the item's dash.
        var indicator: (line: Int, column: Int)
        var start: (line: Int, column: Int)
        /// The column of the key or dash: a block scalar's lines are indented further.
        var parentIndent: Int
    }

    let lines: [Line]
    var layout: YAMLLayout
    /// Lines that are part of a key, a dash or a value (the others are comments or blank).
    var claimed: [Bool]
    /// Key and dash lines in document order, with the path that starts there.
    var anchors: [(line: Int, path: DataPath)] = []
    var leaves: [Leaf] = []
    var failed = false

    /// The layout, or nil when the text is not one this reader follows.
    static func read(lines source: [Substring], root: Node, tree: DataNode) -> YAMLLayout? {
        var lines = source.map { Array($0.unicodeScalars) }
        // The split of a text ending with a line break has an empty last piece: no line.
        if lines.last?.isEmpty == true { lines.removeLast() }
        var reader = YAMLLayoutReader(lines: lines, layout: YAMLLayout(tree: tree), claimed: Array(repeating: false, count: lines.count))
        guard case .mapping(let mapping) = root, !reader.isFlow(root) else { return nil }
        reader.walkMapping(mapping, at: DataPath())
        guard !reader.failed else { return nil }
        reader.scanLeaves()
        return reader.finish()
    }

    // MARK: Anchors

    func isFlow(_ node: Node) -> Bool {
        guard let (line, column) = position(node), line < lines.count, column < lines[line].count else { return false }
        return lines[line][column] == "[" || lines[line][column] == "{"
    }

    func position(_ node: Node) -> (Int, Int)? {
        guard let mark = node.mark, mark.line >= 1, mark.column >= 1 else { return nil }
        return (mark.line - 1, mark.column - 1)
    }

    mutating func anchor(_ path: DataPath, line: Int, column: Int) {
        anchors.append((line, path))
        layout.columns[path] = column
        claimed[line] = true
    }

    mutating func walkMapping(_ mapping: Node.Mapping, at path: DataPath) {
        for (keyNode, value) in mapping {
            guard !failed else { return }
            guard case .scalar(let key) = keyNode, let (line, column) = position(keyNode), line < lines.count,
                  let keyEnd = YAMLLayoutScan.keyEnd(lines[line], from: column, key: key),
                  let colon = YAMLLayoutScan.colonEnd(lines[line], from: keyEnd) else {
                failed = true
                return
            }
            let child = path.appending(key.string)
            anchor(child, line: line, column: column)
            layout.keys[child] = String(String.UnicodeScalarView(lines[line][column..<colon]))
            walkValue(value, at: child, indicator: (line, colon), parentIndent: column)
        }
    }

    mutating func walkSequence(_ sequence: Node.Sequence, at path: DataPath) {
        for (index, item) in sequence.enumerated() {
            guard !failed else { return }
            guard let (line, column) = position(item), let dash = dash(before: line, column, empty: item.scalar?.string == "") else {
                failed = true
                return
            }
            let child = path.appending(index)
            anchor(child, line: dash.line, column: dash.column)
            walkValue(item, at: child, indicator: (dash.line, dash.column + 1), parentIndent: dash.column)
        }
    }

    /// A value after its indicator: scalars and flow collections are leaves; a block
    /// collection's key (or dash) line may end with a comment.
    mutating func walkValue(_ node: Node, at path: DataPath, indicator: (line: Int, column: Int), parentIndent: Int) {
        guard let start = position(node) else {
            failed = true
            return
        }
        switch node {
        case .scalar:
            leaves.append(Leaf(path: path, node: node, indicator: indicator, start: start, parentIndent: parentIndent))
        case .mapping where isFlow(node), .sequence where isFlow(node):
            leaves.append(Leaf(path: path, node: node, indicator: indicator, start: start, parentIndent: parentIndent))
        case .mapping(let mapping):
            if start.0 > indicator.line { endOfLine(path, line: indicator.line, column: indicator.column) }
            walkMapping(mapping, at: path)
        case .sequence(let sequence):
            if start.0 > indicator.line { endOfLine(path, line: indicator.line, column: indicator.column) }
            walkSequence(sequence, at: path)
        case .alias:
            failed = true
        }
    }

    /// What follows a block collection's key on its line: nothing, or a comment.
    mutating func endOfLine(_ path: DataPath, line: Int, column: Int) {
        switch YAMLLayoutScan.rest(lines[line], from: column) {
        case .nothing: break
        case .comment(let text): layout.trailing[path] = YAMLLayout.Trailing(text: text, line: 0)
        case .other: failed = true
        }
    }

    /// The dash of a list item whose value starts at (line, column): on the same line before
    /// it, or alone on a line above (`-` then the item's block on the next lines). An empty
    /// item's mark is just after its dash.
    func dash(before line: Int, _ column: Int, empty: Bool) -> (line: Int, column: Int)? {
        guard line < lines.count else { return nil }
        let text = lines[line]
        var index = min(column, text.count) - 1
        if !empty { while index >= 0, text[index] == " " || text[index] == "\t" { index -= 1 } }
        if index >= 0, text[index] == "-", index == 0 || text[index - 1] == " " { return (line, index) }
        guard index < 0 || text[...index].allSatisfy({ $0 == " " }) else { return nil }
        var above = line - 1
        while above >= 0 {
            let trimmed = lines[above].drop { $0 == " " }
            if trimmed.isEmpty || trimmed.first == "#" {
                above -= 1
                continue
            }
            guard trimmed.first == "-", trimmed.count == 1 || trimmed.dropFirst().first == " " || trimmed.dropFirst().first == "\t" else { return nil }
            return (above, lines[above].count - trimmed.count)
        }
        return nil
    }
}

private extension Node {
    var scalar: Node.Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }
}
