/// One data file as a tree, order kept: what the editor edits and what `thidua moi`,
/// `trien-khai` and `nam-sau` produce. Every scalar is kept as its text.
///
/// A YAML null (`so:` with nothing after it, `~`) is the empty text: in a data file both
/// mean "left blank", and the emitter writes the empty text back as a bare `key:`.
public indirect enum DataNode: Sendable, Equatable {
    /// A value as text ("2025-02-20", "12", "Phát động …").
    case scalar(String)
    /// A list, in order.
    case sequence([DataNode])
    /// A block of `key: value` entries, in the order written.
    case mapping([DataEntry])
}

/// One `key: value` entry of a mapping.
public struct DataEntry: Sendable, Equatable, Codable {
    /// The key as written ("trich_yeu").
    public var key: String
    /// Its value.
    public var value: DataNode

    /// Creates an entry.
    public init(key: String, value: DataNode) {
        self.key = key
        self.value = value
    }
}

extension DataNode {
    /// The blank value a clerk fills in.
    public static let blank = DataNode.scalar("")

    /// The text of a scalar; nil for a list or a mapping.
    public var text: String? {
        if case .scalar(let text) = self { return text }
        return nil
    }

    /// The items of a list; nil for anything else.
    public var items: [DataNode]? {
        if case .sequence(let items) = self { return items }
        return nil
    }

    /// The entries of a mapping; nil for anything else.
    public var entries: [DataEntry]? {
        if case .mapping(let entries) = self { return entries }
        return nil
    }

    /// True for a blank scalar (the empty text).
    public var isBlank: Bool {
        if case .scalar(let text) = self { return text.isEmpty }
        return false
    }

    /// The value of the first entry named `key` of a mapping.
    public subscript(key: String) -> DataNode? {
        get { entries?.first(where: { $0.key == key })?.value }
        set {
            guard case .mapping(var entries) = self else { return }
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.remove(at: index)
                }
            } else if let newValue {
                entries.append(DataEntry(key: key, value: newValue))
            }
            self = .mapping(entries)
        }
    }

    /// The node at `path`, if the tree has one there.
    public subscript(path: DataPath) -> DataNode? {
        var node: DataNode? = self
        for component in path.components {
            switch component {
            case .key(let key): node = node?[key]
            case .index(let index):
                guard let items = node?.items, items.indices.contains(index) else { return nil }
                node = items[index]
            }
        }
        return node
    }

    /// This tree with the node at `path` replaced by `value` (entries and items that do not
    /// exist yet are not created: the tree is returned unchanged then).
    public func setting(_ path: DataPath, to value: DataNode) -> DataNode {
        guard let first = path.components.first else { return value }
        let rest = DataPath(Array(path.components.dropFirst()))
        switch (first, self) {
        case (.key(let key), .mapping(var entries)):
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return self }
            entries[index].value = entries[index].value.setting(rest, to: value)
            return .mapping(entries)
        case (.index(let index), .sequence(var items)):
            guard items.indices.contains(index) else { return self }
            items[index] = items[index].setting(rest, to: value)
            return .sequence(items)
        default:
            return self
        }
    }

    /// The document kind written in `loai`, when the tree is a data file that has one.
    public var documentKind: DocumentKind? {
        self["loai"]?.text.flatMap { DocumentKind(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
    }
}
