/// A place in a data tree: "bao_cao.chi_tieu[2].ten", "dot_thi_dua[0].tu".
///
/// Keys are written as they are and joined by `.`, list positions (0-based) in brackets; the
/// data model's keys are `snake_case` words, so a key never holds `.`, `[` or `]`.
public struct DataPath: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    /// One step: an entry of a mapping or an item of a list.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the root.
    public var components: [Component]

    /// The path of the given steps (the root when empty).
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// Parses "muc[1].noi_dung[0].diem"; nil for text that is not a path. The empty text is the root.
    public init?(_ text: String) {
        var components: [Component] = []
        var rest = Substring(text)
        // A key starts the path or follows a dot; an index follows anything but a dot.
        var expectKey = true
        var afterDot = false
        while let first = rest.first {
            if first == "[" {
                guard !afterDot, let close = rest.firstIndex(of: "]") else { return nil }
                let digits = rest[rest.index(after: rest.startIndex)..<close]
                guard let index = Int(digits), index >= 0, String(index) == digits else { return nil }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
                expectKey = false
            } else if first == "." {
                guard !components.isEmpty, !afterDot else { return nil }
                rest = rest.dropFirst()
                afterDot = true
                expectKey = true
                continue
            } else {
                guard expectKey else { return nil }
                let key = rest.prefix { $0 != "." && $0 != "[" && $0 != "]" }
                guard !key.isEmpty else { return nil }
                components.append(.key(String(key)))
                rest = rest.dropFirst(key.count)
                expectKey = false
            }
            afterDot = false
        }
        guard !afterDot else { return nil }
        self.components = components
    }

    /// "bao_cao.chi_tieu[2].ten".
    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case .key(let key): out += out.isEmpty ? key : ".\(key)"
            case .index(let index): out += "[\(index)]"
            }
        }
        return out
    }

    /// This path, one entry deeper.
    public func appending(_ key: String) -> DataPath { DataPath(components + [.key(key)]) }

    /// This path, one list item deeper.
    public func appending(_ index: Int) -> DataPath { DataPath(components + [.index(index)]) }

    /// The path without its last step (the root's parent is the root).
    public var parent: DataPath { DataPath(Array(components.dropLast())) }

    /// Paths order by their text; used to list positions stably.
    public static func < (lhs: DataPath, rhs: DataPath) -> Bool { lhs.description < rhs.description }

    /// Encoded as its text.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let path = DataPath(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "đường dẫn dữ liệu không hợp lệ: \(text)"))
        }
        self = path
    }

    /// Encoded as its text.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
