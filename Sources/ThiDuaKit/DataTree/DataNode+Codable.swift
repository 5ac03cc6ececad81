/// JSON form of a tree, for the web editor: a scalar is a JSON string, a list a JSON array, a
/// mapping a JSON object.
///
/// A JSON object has no order its decoder must keep, so a decoded data file (a root mapping
/// with `loai`) is put back in the schema's order for its kind (`DataNode.ordered(for:)`); keys
/// the schema does not know keep the order the decoder gave. JSON null is the blank text;
/// numbers and booleans, which the editor should not send, are kept as their text.
extension DataNode: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes a scalar, list or mapping (see the type's documentation for the order).
    public init(from decoder: Decoder) throws {
        // Leaves first: most nodes of a data file are strings, and each failed attempt at a
        // container costs the decoder an error with its coding path and message.
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .blank
        } else if let text = try? single.decode(String.self) {
            self = .scalar(text)
        } else if let container = try? decoder.container(keyedBy: Key.self) {
            var entries: [DataEntry] = []
            for key in container.allKeys {
                entries.append(DataEntry(key: key.stringValue, value: try container.decode(DataNode.self, forKey: key)))
            }
            self = .mapping(entries)
        } else if var container = try? decoder.unkeyedContainer() {
            var items: [DataNode] = []
            while !container.isAtEnd {
                items.append(try container.decode(DataNode.self))
            }
            self = .sequence(items)
        } else if let flag = try? single.decode(Bool.self) {
            self = .scalar(flag ? "true" : "false")
        } else if let number = try? single.decode(Int64.self) {
            self = .scalar(String(number))
        } else {
            self = .scalar(String(try single.decode(Double.self)))
        }
        if decoder.codingPath.isEmpty, let kind = documentKind {
            self = ordered(for: kind)
        }
    }

    /// Encodes a scalar as a string, a list as an array, a mapping as an object.
    public func encode(to encoder: Encoder) throws {
        switch self {
        case .scalar(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .sequence(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .mapping(let entries):
            var container = encoder.container(keyedBy: Key.self)
            for entry in entries { try container.encode(entry.value, forKey: Key(stringValue: entry.key)) }
        }
    }
}

extension DataNode {
    /// The tree with every mapping's keys in the schema's order for `kind` (unknown keys after
    /// the known ones, in their order); lists keep their order.
    public func ordered(for kind: DocumentKind) -> DataNode {
        ordered(as: .group(DocumentSchema.fields(for: kind)))
    }

    func ordered(as type: SchemaType?) -> DataNode {
        switch self {
        case .scalar:
            return self
        case .sequence(let items):
            let itemType = type?.itemType
            return .sequence(items.map { item in item.ordered(as: itemType?.resolved(for: item)) })
        case .mapping(let entries):
            let fields = type?.resolved(for: self)?.fields ?? []
            return .mapping(DataNode.sortedEntries(entries, by: fields).map { entry in
                DataEntry(key: entry.key, value: entry.value.ordered(as: fields.first { $0.key == entry.key }?.type))
            })
        }
    }

    /// Entries in the order of `fields`, then the others in their order.
    static func sortedEntries(_ entries: [DataEntry], by fields: [SchemaField]) -> [DataEntry] {
        guard !fields.isEmpty else { return entries }
        var rank: [String: Int] = [:]
        for (index, field) in fields.enumerated() where rank[field.key] == nil { rank[field.key] = index }
        return entries.enumerated().sorted { a, b in
            let ra = rank[a.element.key] ?? Int.max, rb = rank[b.element.key] ?? Int.max
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }
}
