/// What a data file's text holds besides its values: comments, blank lines, the key order and
/// how each value was spelled, by path. Read when a text is parsed
/// (`DataNode.parseKeepingLayout`), it lets `DataNode.yaml(kind:replacing:)` write a tree
/// edited in the form back the way the clerk (or `thidua moi`) wrote the file: where nothing
/// changed the text comes back as it was, comments above keys and list items, after values and
/// at the top of the file stay; what the form removed goes with its comments.
///
/// YAML parsers (Yams included) drop comments, so the layout pairs the source lines with the
/// parsed nodes' marks: every key and list dash is an anchor line; each scalar or flow
/// value (`[VT, Ban CSPL]`, `{ tu: …, den: … }`) is scanned to its end (block scalars by
/// indentation, quoted strings to their closing quote, so a `#` inside them or in a URL is
/// text); every other line must be a comment or blank, and belongs above the next anchor.
/// A text the reader cannot place (a tag, an anchor, a flow root such as JSON) has no layout:
/// the tree is then written in the documented format.
public struct YAMLLayout: Sendable, Equatable {
    /// The tree the text was parsed into: an edited tree's nodes are matched against it.
    public internal(set) var tree: DataNode
    /// Lines before the first key (comments, blank lines, `---`), as written.
    var header: [String] = []
    /// Lines after the last value, as written.
    var footer: [String] = []
    /// Comment and blank lines right above a key or a list item's dash (a list item whose
    /// first key is on its dash line has them, not the key).
    var above: [DataPath: [String]] = [:]
    /// The comment at the end of a value's line.
    var trailing: [DataPath: Trailing] = [:]
    /// How each scalar and flow value was written.
    var spellings: [DataPath: [String]] = [:]
    /// The (0-based) column of each key or list dash: a spelling's continuation lines are
    /// kept only where the emitter puts the path at the same column.
    var columns: [DataPath: Int] = [:]
    /// Each key as written, through its colon (`ten:`, `"ten":`).
    var keys: [DataPath: String] = [:]

    /// A comment at the end of a line: its text with the spaces before it ("  # ghi chú"), and
    /// the line of the value's spelling it ends (0: the first).
    struct Trailing: Sendable, Equatable {
        var text: String
        var line: Int
    }

    /// The same layout without the values' spellings: comments and key order only (the
    /// emitter's second try when reusing a spelling did not read back the same).
    var withoutSpellings: YAMLLayout {
        var copy = self
        copy.spellings = [:]
        return copy
    }
}

extension DataNode {
    /// `parse(text:file:)` that also reads the text's layout (nil when the text has none this
    /// reader can follow, see `YAMLLayout`).
    public static func parseKeepingLayout(text: String, file: String) -> (DataNode?, YAMLLayout?, [Diagnostic]) {
        var reader = YAMLReader(file: file)
        guard let root = reader.parse(text) else { return (nil, nil, reader.allDiagnostics) }
        var diagnostics = reader.allDiagnostics
        var marks: [DataPath: SourcePosition]?
        let tree = node(root, at: DataPath(), reader: reader, marks: &marks, diagnostics: &diagnostics)
        let layout = diagnostics.hasErrors ? nil : YAMLLayoutReader.read(lines: reader.lines, root: root, tree: tree)
        return (tree, layout, diagnostics)
    }

    /// The same data as `other`: equal scalars, lists item by item, mappings with the same
    /// keys and values whatever their order (the form's JSON has no order, the file has one).
    func isSameData(as other: DataNode) -> Bool {
        switch (self, other) {
        case (.scalar(let a), .scalar(let b)):
            return a == b
        case (.sequence(let a), .sequence(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isSameData(as: $1) }
        case (.mapping(let a), .mapping(let b)):
            guard a.count == b.count else { return false }
            var rest = b
            for entry in a {
                guard let index = rest.firstIndex(where: { $0.key == entry.key && $0.value.isSameData(as: entry.value) }) else { return false }
                rest.remove(at: index)
            }
            return true
        default:
            return false
        }
    }
}
