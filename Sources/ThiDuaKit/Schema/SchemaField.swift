/// One key of a data file as the loader accepts it: what the editor's form shows, the
/// comments of `thidua moi`, and the order the emitter writes keys in.
public struct SchemaField: Sendable, Codable, Equatable {
    /// The YAML key ("trich_yeu").
    public var key: String
    /// Vietnamese label for the form ("Trích yếu").
    public var label: String
    /// Vietnamese help, also the comment above the key in a new data file.
    public var help: String
    /// What the value is.
    public var type: SchemaType
    /// Whether the loader refuses the file without it.
    public var required: Bool

    /// Creates a field.
    public init(key: String, label: String, help: String, type: SchemaType, required: Bool = false) {
        self.key = key
        self.label = label
        self.help = help
        self.type = type
        self.required = required
    }
}

/// The kind of value a key holds.
public indirect enum SchemaType: Sendable, Codable, Equatable {
    /// One line of text.
    case text
    /// A paragraph (folded or kept lines).
    case multiline
    /// A date ("2025-02-20" or "20/02/2025").
    case date
    /// A whole number.
    case number
    /// `true` or `false`.
    case boolean
    /// One of fixed values (e.g. `kieu`, `loai`).
    case choice([String])
    /// A mapping of the given fields.
    case group([SchemaField])
    /// A list of items of one type.
    case list(SchemaType)
    /// An item that is one of several shapes (text or a mapping, e.g. a content block).
    case oneOf([SchemaVariant])
}

/// One shape of a `oneOf` item.
public struct SchemaVariant: Sendable, Codable, Equatable {
    /// A short name ("doan", "khoi").
    public var name: String
    /// Vietnamese label for the form's choice.
    public var label: String
    /// The shape.
    public var type: SchemaType

    /// Creates a variant.
    public init(name: String, label: String, type: SchemaType) {
        self.name = name
        self.label = label
        self.type = type
    }
}

extension SchemaType {
    /// The fields of a group; empty for anything else.
    public var fields: [SchemaField] {
        if case .group(let fields) = self { return fields }
        return []
    }

    /// The type of a list's items; nil for anything else.
    public var itemType: SchemaType? {
        if case .list(let item) = self { return item }
        return nil
    }

    /// Whether a value of this type is written as one scalar.
    public var isScalar: Bool {
        switch self {
        case .text, .multiline, .date, .number, .boolean, .choice: return true
        case .group, .list, .oneOf: return false
        }
    }

    /// The type `node` has under this one: for `oneOf`, the variant of the node's shape (for a
    /// mapping, the group that knows most of its keys); otherwise this type itself.
    public func resolved(for node: DataNode) -> SchemaType? {
        guard case .oneOf(let variants) = self else { return self }
        let types = variants.map(\.type)
        switch node {
        case .scalar:
            return types.first { $0.isScalar }
        case .sequence:
            return types.first { $0.itemType != nil }
        case .mapping(let entries):
            let keys = Set(entries.map(\.key))
            return types.filter { !$0.fields.isEmpty }
                .max { a, b in keys.intersection(a.fields.map(\.key)).count < keys.intersection(b.fields.map(\.key)).count }
        }
    }

    /// The field named `key` of this type's group, once resolved for `node`.
    func field(_ key: String, in node: DataNode) -> SchemaField? {
        resolved(for: node)?.fields.first { $0.key == key }
    }
}
