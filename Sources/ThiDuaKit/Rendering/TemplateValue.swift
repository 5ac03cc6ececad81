import Yams

/// The view model handed to templates: strings already formatted, lists,
/// flags and ordered maps. It is plain data so it can be written out as YAML
/// (the "context" stage of the golden tests) and read back.
public indirect enum TemplateValue: Equatable, Sendable {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case map([(String, TemplateValue)])

    public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case let (.list(a), .list(b)): return a == b
        case let (.map(a), .map(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Looks up a key of a map.
    public subscript(key: String) -> TemplateValue? {
        if case .map(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    /// A Yams node with keys in their given order, for writing YAML.
    public var node: Node {
        switch self {
        case .string(let s):
            return Node(s, Tag(.str), s.contains("\n") ? .literal : .doubleQuoted)
        case .bool(let b): return Node(b ? "true" : "false", Tag(.bool))
        case .list(let items): return Node(items.map(\.node))
        case .map(let pairs): return Node(pairs.map { (Node($0.0), $0.1.node) })
        }
    }

    /// YAML text of the value (stable: ordered keys, quoted strings).
    public func yaml() throws -> String {
        try Yams.serialize(node: node, allowUnicode: true, lineBreak: .ln)
    }

    /// Reads a value back from a node written by `node`.
    public init(node: Node) {
        switch node {
        case .scalar(let scalar):
            if scalar.tag.rawValue == Tag.Name.bool.rawValue || (scalar.style == .plain && (scalar.string == "true" || scalar.string == "false")) {
                self = .bool(scalar.string == "true")
            } else {
                self = .string(scalar.string)
            }
        case .sequence(let sequence): self = .list(sequence.map(TemplateValue.init(node:)))
        case .mapping(let mapping): self = .map(mapping.map { ($0.key.string ?? "", TemplateValue(node: $0.value)) })
        case .alias: self = .string("")
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
