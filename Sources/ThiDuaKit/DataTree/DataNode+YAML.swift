extension DataNode {
    /// The data file in the documented format: keys in the schema's order for `kind`,
    /// quoting only where YAML would misread, block scalars for multi-line text,
    /// optional Vietnamese comments (the schema's help) above each key.
    /// Returns the text and where each path's key starts (line/column, 1-based), so a
    /// diagnostic at a line can be put next to the form field it concerns.
    ///
    /// Layout: 2-space indentation, `- ` items, a mapping item's first key on the dash line,
    /// short lists of simple words in brackets (`luu: [VT]`), long one-line text folded (`>-`)
    /// at 90 columns. A list item's position is its dash. The file name of every position is empty.
    public func yaml(kind: DocumentKind?, comments: Bool) -> (text: String, positions: [DataPath: SourcePosition]) {
        var emitter = YAMLEmitter(comments: comments)
        let type: SchemaType? = kind.map { .group(DocumentSchema.fields(for: $0)) }
        emitter.emitRoot(self, type: type)
        return (emitter.lines.joined(separator: "\n") + "\n", emitter.positions)
    }

    /// The path whose entry covers `line` (the deepest one starting at or before it).
    public static func path(at line: Int, in positions: [DataPath: SourcePosition]) -> DataPath? {
        var best: (path: DataPath, position: SourcePosition)?
        for (path, position) in positions where position.line <= line && position.line > 0 {
            guard let current = best else {
                best = (path, position)
                continue
            }
            if position.line > current.position.line
                || (position.line == current.position.line && path.components.count > current.path.components.count) {
                best = (path, position)
            }
        }
        return best?.path
    }
}

/// Writes a tree line by line, keeping where each path starts.
struct YAMLEmitter {
    static let width = 90
    let comments: Bool
    var lines: [String] = []
    var positions: [DataPath: SourcePosition] = [:]

    init(comments: Bool) {
        self.comments = comments
    }

    mutating func emitRoot(_ node: DataNode, type: SchemaType?) {
        switch node {
        case .mapping(let entries) where !entries.isEmpty:
            emitMapping(entries, type: type?.resolved(for: node), indent: 0, lead: nil, path: DataPath())
        case .sequence(let items) where !items.isEmpty:
            emitSequence(items, itemType: type?.itemType, indent: 0, lead: nil, path: DataPath())
        default:
            lines.append(inlineValue(node, column: 0) ?? "")
        }
    }

    /// Entries at `indent`; the first goes after `lead` (a list item's "- ") when there is one.
    /// The comment of the first entry is already written when `firstCommented` (a list item
    /// writes it above its dash, before its own position is taken).
    mutating func emitMapping(_ entries: [DataEntry], type: SchemaType?, indent: Int, lead: String?, path: DataPath,
                              firstCommented: Bool = false) {
        let fields = type?.fields ?? []
        var lead = lead
        for (index, entry) in DataNode.sortedEntries(entries, by: fields).enumerated() {
            let field = fields.first { $0.key == entry.key }
            if comments, let field, !(index == 0 && firstCommented) {
                comment(field, indent: lead.map { $0.count - 2 } ?? indent)
            }
            let prefix = lead ?? String(repeating: " ", count: indent)
            lead = nil
            let plainKey = YAMLScalarStyle.isPlainSafe(entry.key, allowingWords: field != nil) && !entry.key.contains(":")
            let key = plainKey ? entry.key : YAMLScalarStyle.doubleQuoted(entry.key)
            let childPath = path.appending(entry.key)
            positions[childPath] = SourcePosition(file: "", line: lines.count + 1, column: prefix.count + 1)
            emitValue(entry.value, type: field?.type, after: prefix + key + ":", indent: indent, path: childPath)
        }
    }

    /// Items at `indent`, each `- `; the first goes after `lead` when there is one.
    mutating func emitSequence(_ items: [DataNode], itemType: SchemaType?, indent: Int, lead: String?, path: DataPath) {
        var lead = lead
        for (index, item) in items.enumerated() {
            let prefix = (lead ?? String(repeating: " ", count: indent))
            lead = nil
            let itemPath = path.appending(index)
            let resolved = itemType?.resolved(for: item)
            var commented = false
            if comments, case .mapping(let entries) = item, let fields = resolved?.fields,
               let first = DataNode.sortedEntries(entries, by: fields).first, let field = fields.first(where: { $0.key == first.key }) {
                comment(field, indent: prefix.count)
                commented = true
            }
            positions[itemPath] = SourcePosition(file: "", line: lines.count + 1, column: prefix.count + 1)
            switch item {
            case .mapping(let entries) where !entries.isEmpty:
                emitMapping(entries, type: resolved, indent: indent + 2, lead: prefix + "- ", path: itemPath, firstCommented: commented)
            case .sequence(let nested) where !nested.isEmpty && flow(nested) == nil:
                emitSequence(nested, itemType: resolved?.itemType, indent: indent + 2, lead: prefix + "- ", path: itemPath)
            default:
                emitValue(item, type: resolved, after: prefix + "-", indent: indent, path: itemPath)
            }
        }
    }

    /// The value of a key (or a scalar item) whose line so far is `head`; nested blocks at `indent + 2`.
    mutating func emitValue(_ value: DataNode, type: SchemaType?, after head: String, indent: Int, path: DataPath) {
        let resolved = type?.resolved(for: value)
        switch value {
        case .scalar(let text):
            emitScalar(text, head: head, indent: indent + 2, type: resolved)
        case .sequence(let items):
            if items.isEmpty {
                lines.append(head + " []")
            } else if let flow = flow(items), head.count + 1 + flow.count <= Self.width {
                lines.append(head + " " + flow)
            } else {
                lines.append(head)
                emitSequence(items, itemType: resolved?.itemType, indent: indent + 2, lead: nil, path: path)
            }
        case .mapping(let entries):
            if entries.isEmpty {
                lines.append(head + " {}")
            } else {
                lines.append(head)
                emitMapping(entries, type: resolved, indent: indent + 2, lead: nil, path: path)
            }
        }
    }

    /// A scalar; a `true`/`false` where the schema wants a boolean stays plain (as text it
    /// would be quoted, since other YAML readers take it for a boolean).
    mutating func emitScalar(_ text: String, head: String, indent: Int, type: SchemaType? = nil) {
        let pad = String(repeating: " ", count: indent)
        if type == .boolean, text == "true" || text == "false" {
            lines.append(head + " " + text)
            return
        }
        switch YAMLScalarStyle.of(text, column: head.count + 1, width: Self.width) {
        case .empty:
            lines.append(head)
        case .plain:
            lines.append(head + " " + text)
        case .doubleQuoted:
            lines.append(head + " " + YAMLScalarStyle.doubleQuoted(text))
        case .folded:
            lines.append(head + " >-")
            for line in YAMLScalarStyle.fold(text, width: max(40, Self.width - indent)) { lines.append(pad + line) }
        case .literal(let keepsFinalBreak):
            lines.append(head + (keepsFinalBreak ? " |" : " |-"))
            var body = text.split(separator: "\n", omittingEmptySubsequences: false)
            if keepsFinalBreak { body.removeLast() }
            for line in body { lines.append(line.isEmpty ? "" : pad + line) }
        }
    }

    /// `[a, b]` for a list of short plain words (codes, file names, `VT`), nil otherwise.
    func flow(_ items: [DataNode]) -> String? {
        var texts: [String] = []
        for item in items {
            guard let text = item.text, !text.isEmpty, YAMLScalarStyle.isPlainSafe(text),
                  text.allSatisfy({ $0.isLetter || $0.isNumber || "_-./".contains($0) }) else { return nil }
            texts.append(text)
        }
        let flow = "[" + texts.joined(separator: ", ") + "]"
        return flow.count <= 60 ? flow : nil
    }

    func inlineValue(_ node: DataNode, column: Int) -> String? {
        guard let text = node.text else { return nil }
        return YAMLScalarStyle.isPlainSafe(text) ? text : YAMLScalarStyle.doubleQuoted(text)
    }

    /// The field's help as `#` lines above its key, wrapped.
    mutating func comment(_ field: SchemaField, indent: Int) {
        let text = field.help.isEmpty ? field.label : "\(field.label): \(field.help)"
        let pad = String(repeating: " ", count: max(0, indent))
        for line in YAMLScalarStyle.fold(text.replacingOccurrences(of: "\n", with: " "), width: max(40, Self.width - indent - 2)) {
            lines.append(pad + "# " + line)
        }
    }
}
