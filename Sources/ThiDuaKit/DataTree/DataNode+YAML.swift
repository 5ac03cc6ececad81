import Foundation

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

    /// The data file for this tree written over `source`, the text it was edited from (the
    /// form's tree over the file it opened), keeping the layout of `source` (`YAMLLayout`): its
    /// comments, blank lines and key order, and the spelling of every value that did not
    /// change, so an unchanged tree gives `source` back line for line. Keys `source` does not
    /// have come in the schema's order, with the schema's comment when `source` carries the
    /// schema's comments (a file of `thidua moi` or of "Văn bản mới"), without one otherwise;
    /// a removed key or list item takes the comments above it away. List items are matched to
    /// the source's by content, so a moved item keeps its comments.
    ///
    /// The text always reads back as this tree: a spelling that would not is dropped (the value
    /// is written in the documented format), and with no source, or one this reader cannot
    /// follow (a flow root such as JSON), this is `yaml(kind:comments: true)`.
    public func yaml(kind: DocumentKind?, replacing source: String?) -> (text: String, positions: [DataPath: SourcePosition]) {
        yaml(kind: kind, over: source.flatMap(Self.layout(of:)))
    }

    /// The layout of a data file's text that `yaml(kind:replacing:)` keeps, or nil when this
    /// reader cannot follow it. A caller writing many trees over one text (the web editor's
    /// checks while a clerk types) reads it once.
    public static func layout(of source: String) -> YAMLLayout? {
        guard case .success(let text) = InputText.decode(Array(source.utf8), file: "") else { return nil }
        return DataNode.parseKeepingLayout(text: text, file: "").1
    }

    /// `yaml(kind:replacing:)` over a layout already read (`layout(of:)`); nil writes the
    /// documented format with the schema's comments.
    public func yaml(kind: DocumentKind?, over layout: YAMLLayout?) -> (text: String, positions: [DataPath: SourcePosition]) {
        guard let layout else { return yaml(kind: kind, comments: true) }
        let type: SchemaType? = kind.map { .group(DocumentSchema.fields(for: $0)) }
        for attempt in [layout, layout.withoutSpellings] {
            var emitter = YAMLEmitter(comments: attempt.hasSchemaComments(type: type), layout: attempt)
            emitter.emitRoot(self, type: type)
            let written = emitter.lines.joined(separator: "\n") + "\n"
            if let back = DataNode.parse(text: written, file: "").0, back.isSameData(as: self) {
                return (written, emitter.positions)
            }
        }
        return yaml(kind: kind, comments: true)
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

/// Writes a tree line by line, keeping where each path starts; over a source's layout, each
/// node is written with what the source had at its path there (`old`: the path of the same
/// node in `layout.tree`, nil for a node the source did not have).
struct YAMLEmitter {
    static let width = 90
    /// Whether keys get the schema's comment (with a layout: keys the source did not have).
    let comments: Bool
    let layout: YAMLLayout?
    var lines: [String] = []
    var positions: [DataPath: SourcePosition] = [:]

    init(comments: Bool, layout: YAMLLayout? = nil) {
        self.comments = comments
        self.layout = layout
    }

    mutating func emitRoot(_ node: DataNode, type: SchemaType?) {
        let old: DataPath? = layout == nil ? nil : DataPath()
        lines += layout?.header ?? []
        switch node {
        case .mapping(let entries) where !entries.isEmpty:
            emitMapping(entries, type: type?.resolved(for: node), indent: 0, lead: nil, path: DataPath(), old: old)
        case .sequence(let items) where !items.isEmpty:
            emitSequence(items, itemType: type?.itemType, indent: 0, lead: nil, path: DataPath(), old: old)
        default:
            lines.append(inlineValue(node, column: 0) ?? "")
        }
        lines += layout?.footer ?? []
    }

    /// Entries at `indent`; the first goes after `lead` (a list item's "- ") when there is one.
    /// The comment of the first entry is already written when `firstCommented` (a list item
    /// writes it above its dash, before its own position is taken).
    mutating func emitMapping(_ entries: [DataEntry], type: SchemaType?, indent: Int, lead: String?, path: DataPath,
                              old: DataPath?, firstCommented: Bool = false) {
        let fields = type?.fields ?? []
        let sourceKeys = old.flatMap { layout?.tree[$0]?.entries }.map { $0.map(\.key) }
        let ordered = sourceKeys.map { Self.entries(entries, following: $0, fields: fields) } ?? DataNode.sortedEntries(entries, by: fields)
        var lead = lead
        for (index, entry) in ordered.enumerated() {
            let field = fields.first { $0.key == entry.key }
            let oldChild = sourceKeys?.contains(entry.key) == true ? old?.appending(entry.key) : nil
            let commentIndent = lead.map { $0.count - 2 } ?? indent
            if let oldChild {
                above(oldChild, indent: commentIndent)
            } else if comments, let field, !(index == 0 && firstCommented) {
                comment(field, indent: commentIndent)
            }
            let prefix = lead ?? String(repeating: " ", count: indent)
            lead = nil
            let plainKey = YAMLScalarStyle.isPlainSafe(entry.key, allowingWords: field != nil) && !entry.key.contains(":")
            let key = oldChild.flatMap { layout?.keys[$0] } ?? ((plainKey ? entry.key : YAMLScalarStyle.doubleQuoted(entry.key)) + ":")
            let childPath = path.appending(entry.key)
            positions[childPath] = SourcePosition(file: "", line: lines.count + 1, column: prefix.count + 1)
            emitValue(entry.value, type: field?.type, after: prefix + key, indent: indent, path: childPath, old: oldChild, column: prefix.count)
        }
    }

    /// Items at `indent`, each `- `; the first goes after `lead` when there is one.
    mutating func emitSequence(_ items: [DataNode], itemType: SchemaType?, indent: Int, lead: String?, path: DataPath, old: DataPath?) {
        let sourceItems = old.flatMap { layout?.tree[$0]?.items }
        let pairing = sourceItems.map { Self.pair(items, with: $0) } ?? Array(repeating: nil, count: items.count)
        var lead = lead
        for (index, item) in items.enumerated() {
            let prefix = (lead ?? String(repeating: " ", count: indent))
            lead = nil
            let itemPath = path.appending(index)
            let oldItem = pairing[index].flatMap { old?.appending($0) }
            let resolved = itemType?.resolved(for: item)
            let spelled = spelling(of: item, old: oldItem, column: prefix.count) != nil
            let block: Bool
            switch item {
            case .mapping(let entries): block = !spelled && !entries.isEmpty
            case .sequence(let nested): block = !spelled && !nested.isEmpty && flow(nested) == nil
            case .scalar: block = false
            }
            var commented = false
            if let oldItem {
                above(oldItem, indent: prefix.count)
                // "-  # …" over a block: the comment goes above the dash, which now has content.
                if block, let trailing = layout?.trailing[oldItem] {
                    lines.append(String(repeating: " ", count: prefix.count) + trailing.text.drop { $0 == " " || $0 == "\t" })
                }
            } else if comments, case .mapping(let entries) = item, let fields = resolved?.fields,
                      let first = DataNode.sortedEntries(entries, by: fields).first, let field = fields.first(where: { $0.key == first.key }) {
                comment(field, indent: prefix.count)
                commented = true
            }
            positions[itemPath] = SourcePosition(file: "", line: lines.count + 1, column: prefix.count + 1)
            switch item {
            case .mapping(let entries) where block:
                emitMapping(entries, type: resolved, indent: indent + 2, lead: prefix + "- ", path: itemPath, old: oldItem, firstCommented: commented)
            case .sequence(let nested) where block:
                emitSequence(nested, itemType: resolved?.itemType, indent: indent + 2, lead: prefix + "- ", path: itemPath, old: oldItem)
            default:
                emitValue(item, type: resolved, after: prefix + "-", indent: indent, path: itemPath, old: oldItem, column: prefix.count)
            }
        }
    }

    /// The value of a key (or a scalar item) whose line so far is `head`, its key or dash at
    /// `column`; nested blocks at `indent + 2`. The source's spelling when the value did not
    /// change; its end-of-line comment either way.
    mutating func emitValue(_ value: DataNode, type: SchemaType?, after head: String, indent: Int, path: DataPath,
                            old: DataPath? = nil, column: Int = 0) {
        let trailing = old.flatMap { layout?.trailing[$0] }
        if let spelling = spelling(of: value, old: old, column: column) {
            for (index, piece) in spelling.enumerated() {
                let text = (index == 0 ? head : "") + piece
                lines.append(index == trailing?.line ? text + (trailing?.text ?? "") : text)
            }
            return
        }
        let first = lines.count
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
                emitSequence(items, itemType: resolved?.itemType, indent: indent + 2, lead: nil, path: path, old: old)
            }
        case .mapping(let entries):
            if entries.isEmpty {
                lines.append(head + " {}")
            } else {
                lines.append(head)
                emitMapping(entries, type: resolved, indent: indent + 2, lead: nil, path: path, old: old)
            }
        }
        if let trailing, lines.indices.contains(first) {
            lines[first] += trailing.text.first == " " || trailing.text.first == "\t" ? trailing.text : " " + trailing.text
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
        lines += Self.commentLines(field, indent: indent)
    }

    static func commentLines(_ field: SchemaField, indent: Int) -> [String] {
        let text = field.help.isEmpty ? field.label : "\(field.label): \(field.help)"
        return commentCache.value(for: "\(indent) \(text)") {
            let pad = String(repeating: " ", count: max(0, indent))
            return YAMLScalarStyle.fold(text.replacingOccurrences(of: "\n", with: " "), width: max(40, Self.width - indent - 2))
                .map { pad + "# " + $0 }
        }
    }

    /// The schema's comments folded once: the web editor writes a starter's file (a comment on
    /// every key) on each check as the clerk types, and folding them cost several percent of each check.
    static let commentCache = BoundedCache<[String]>(capacity: 4096)
}
