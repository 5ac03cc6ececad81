/// What the emitter takes from a source's layout: the key order, which source item each list
/// item is, the comment lines above a path, a value's spelling.
extension YAMLEmitter {
    /// `entries` in the source's order of `sourceKeys`; a key the source did not have goes
    /// before the first entry the schema puts after it (unknown keys at the end).
    static func entries(_ entries: [DataEntry], following sourceKeys: [String], fields: [SchemaField]) -> [DataEntry] {
        var sourceIndex: [String: Int] = [:]
        for (index, key) in sourceKeys.enumerated() where sourceIndex[key] == nil { sourceIndex[key] = index }
        var rank: [String: Int] = [:]
        for (index, field) in fields.enumerated() where rank[field.key] == nil { rank[field.key] = index }
        var ordered = entries.enumerated().filter { sourceIndex[$0.element.key] != nil }
            .sorted { a, b in
                let ia = sourceIndex[a.element.key] ?? 0, ib = sourceIndex[b.element.key] ?? 0
                return ia != ib ? ia < ib : a.offset < b.offset
            }.map(\.element)
        for entry in DataNode.sortedEntries(entries.filter { sourceIndex[$0.key] == nil }, by: fields) {
            if let own = rank[entry.key], let at = ordered.firstIndex(where: { rank[$0.key].map { $0 > own } ?? false }) {
                ordered.insert(entry, at: at)
            } else {
                ordered.append(entry)
            }
        }
        return ordered
    }

    /// For each item, the index of the source item it is (nil for a new one): the longest
    /// run of unchanged items in order, then unchanged items that moved, then the changed
    /// ones paired in order between those.
    static func pair(_ items: [DataNode], with source: [DataNode]) -> [Int?] {
        let n = items.count, m = source.count
        var pairs = [Int?](repeating: nil, count: n)
        guard n > 0, m > 0 else { return pairs }
        var taken = [Bool](repeating: false, count: m)
        if n * m <= 250_000 {
            // Longest common subsequence of equal items, by dynamic programming from the ends.
            var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = items[i].isSameData(as: source[j]) ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n, j < m {
                if items[i].isSameData(as: source[j]), table[i][j] == table[i + 1][j + 1] + 1 {
                    pairs[i] = j
                    taken[j] = true
                    i += 1
                    j += 1
                } else if table[i + 1][j] >= table[i][j + 1] {
                    i += 1
                } else {
                    j += 1
                }
            }
            for i in 0..<n where pairs[i] == nil {
                if let j = (0..<m).first(where: { !taken[$0] && items[i].isSameData(as: source[$0]) }) {
                    pairs[i] = j
                    taken[j] = true
                }
            }
        }
        // Between two paired items, the new ones take the free source items in order.
        var i = 0
        while i < n {
            guard pairs[i] == nil else {
                i += 1
                continue
            }
            var end = i
            while end < n, pairs[end] == nil { end += 1 }
            let low = (0..<i).reversed().lazy.compactMap { pairs[$0] }.first ?? -1
            let high = (end..<n).lazy.compactMap { pairs[$0] }.first ?? m
            var free = (0..<m).filter { !taken[$0] && $0 > low && $0 < high }.makeIterator()
            for k in i..<end {
                guard let j = free.next() else { break }
                pairs[k] = j
                taken[j] = true
            }
            i = end
        }
        return pairs
    }

    /// The source's comment and blank lines above `old`; a comment indented deeper than
    /// `indent` comes back at `indent` (deeper, it could read as part of a block scalar
    /// written just before it).
    mutating func above(_ old: DataPath, indent: Int) {
        for line in layout?.above[old] ?? [] {
            let leading = line.prefix { $0 == " " }.count
            if leading > indent, line.dropFirst(leading).first == "#" {
                lines.append(String(repeating: " ", count: indent) + line.dropFirst(leading))
            } else {
                lines.append(line)
            }
        }
    }

    /// The source's spelling of `value` when the value is the source's at `old` and its key
    /// or dash is at the same column (its other lines keep their indentation).
    func spelling(of value: DataNode, old: DataPath?, column: Int) -> [String]? {
        guard let old, let layout, let spelling = layout.spellings[old], !spelling.isEmpty,
              layout.columns[old] == column, let before = layout.tree[old], before.isSameData(as: value) else { return nil }
        return spelling
    }
}

extension YAMLLayout {
    /// Whether the source carries the schema's comments (made by `thidua moi` or the form's
    /// "Văn bản mới"): some top-level key has exactly the schema's comment above it.
    func hasSchemaComments(type: SchemaType?) -> Bool {
        guard let fields = type?.fields, let entries = tree.entries else { return false }
        for (index, entry) in entries.enumerated() {
            guard let field = fields.first(where: { $0.key == entry.key }) else { continue }
            let lines = index == 0 ? header : above[DataPath([.key(entry.key)])] ?? []
            // The comment starts with the label's first word: most keys of a hand-written
            // file have none, and need not have the schema's comment folded to know it.
            let firstWord = field.label.split(separator: " ").first.map(String.init) ?? field.label
            guard lines.contains(where: { $0.hasPrefix("# " + firstWord) }) else { continue }
            let expected = YAMLEmitter.commentLines(field, indent: 0)
            if lines.count >= expected.count, Array(lines.suffix(expected.count)) == expected { return true }
        }
        return false
    }
}
