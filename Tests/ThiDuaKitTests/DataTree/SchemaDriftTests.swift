import Foundation
import Testing
@testable import ThiDuaKit

/// The schema and the loader accept the same keys: every schema key loads without an
/// "unknown key" diagnostic, every mapping the loader reads (in a file holding every schema
/// key, and in every example) accepts exactly the keys the schema has at that place, and the
/// examples use no key the schema lacks.
@Suite("Schema: equal to what the loader accepts")
struct SchemaDriftTests {
    /// A value of `type` holding every key the schema describes (one item per variant in lists).
    static func sample(_ type: SchemaType, key: String) -> DataNode {
        switch type {
        case .text: return .scalar(key == "ma" ? "doan_vien_moi" : "Chữ mẫu")
        case .multiline: return .scalar("Một đoạn văn mẫu.")
        case .date: return .scalar("2025-03-01")
        case .number: return .scalar("5")
        case .boolean: return .scalar("true")
        case .choice(let values): return .scalar(values.first ?? "")
        case .group(let fields): return .mapping(fields.map { DataEntry(key: $0.key, value: sample($0.type, key: $0.key)) })
        case .list(let item):
            if case .oneOf(let variants) = item { return .sequence(variants.map { sample($0.type, key: key) }) }
            return .sequence([sample(item, key: key)])
        case .oneOf(let variants):
            let group = variants.first { !$0.type.fields.isEmpty } ?? variants.first
            return group.map { sample($0.type, key: key) } ?? .blank
        }
    }

    static func fullTree(_ kind: DocumentKind) -> DataNode {
        var tree = sample(.group(DocumentSchema.fields(for: kind)), key: "")
        tree["loai"] = .scalar(kind.rawValue)
        return tree
    }

    static let unknownKeyMarks = ["không có trong", "bị YAML hiểu là khóa"]

    @Test("Every schema key is one the loader knows", arguments: DocumentKind.allCases.map(\.rawValue))
    func schemaKeysLoad(kind: String) throws {
        let kind = try #require(DocumentKind(rawValue: kind))
        let text = Self.fullTree(kind).yaml(kind: kind, comments: true).text
        let (diagnostics, _) = Document.loadRecordingKeySets(text: text, file: "đủ.yaml")
        let unknown = diagnostics.filter { d in Self.unknownKeyMarks.contains { d.message.contains($0) } }
        #expect(unknown.isEmpty, "\(unknown)")
    }

    /// Each mapping the loader read in `text` against the schema's keys at its path.
    static func expectLoaderKeysEqualSchema(_ text: String, kind: DocumentKind, name: String) throws -> Int {
        var marks: [DataPath: SourcePosition]? = [:]
        let tree = try #require(DataNode.parse(text: text, file: name, marks: &marks).0)
        var pathAt: [SourcePosition: DataPath] = [:]
        for (path, mark) in marks ?? [:] where tree[path]?.entries != nil { pathAt[mark] = path }
        let (_, keySets) = Document.loadRecordingKeySets(text: text, file: name)
        let everyTopKey = Set(DocumentKind.allCases.flatMap { DocumentSchema.fields(for: $0).map(\.key) })
        var compared = 0
        for (position, allowed) in keySets {
            let path = try #require(pathAt[position], "no path for the mapping at \(position) in \(name)")
            let schemaKeys: Set<String>
            if path.components.isEmpty {
                schemaKeys = everyTopKey
                #expect(Set(DocumentSchema.fields(for: kind).map(\.key)).isSubset(of: Set(allowed)))
            } else {
                let type = try #require(DocumentSchema.type(at: path, kind: kind, in: tree), "the schema has nothing at \(path) (\(name))")
                schemaKeys = Set(type.fields.map(\.key))
            }
            #expect(Set(allowed) == schemaKeys, "\(name) \(path): loader \(allowed.sorted()) schema \(schemaKeys.sorted())")
            compared += 1
        }
        return compared
    }

    @Test("The loader's keys at every place equal the schema's (file with every key)", arguments: DocumentKind.allCases.map(\.rawValue))
    func loaderKeysOfFullTree(kind: String) throws {
        let kind = try #require(DocumentKind(rawValue: kind))
        let text = Self.fullTree(kind).yaml(kind: kind, comments: false).text
        let compared = try Self.expectLoaderKeysEqualSchema(text, kind: kind, name: "đủ.yaml")
        #expect(compared >= 10)
    }

    @Test("The loader's keys in the examples equal the schema's, and the examples use only schema keys",
          arguments: ["ke-hoach-tinh-2025.yaml", "ke-hoach-phuong-2025.yaml", "huong-dan-tinh-2025.yaml", "bao-cao-so-ket-2025.yaml"])
    func examples(name: String) throws {
        let text = try String(contentsOf: TestSupport.example(name), encoding: .utf8)
        let tree = try #require(DataNode.parse(text: text, file: name).0)
        let kind = try #require(tree.documentKind)
        _ = try Self.expectLoaderKeysEqualSchema(text, kind: kind, name: name)
        func walk(_ node: DataNode, _ path: DataPath) {
            switch node {
            case .scalar: break
            case .sequence(let items):
                for (i, item) in items.enumerated() { walk(item, path.appending(i)) }
            case .mapping(let entries):
                for entry in entries {
                    let child = path.appending(entry.key)
                    #expect(DocumentSchema.field(at: child, kind: kind, in: tree) != nil, "\(name): \(child) is not in the schema")
                    walk(entry.value, child)
                }
            }
        }
        walk(tree, DataPath())
    }

    @Test("Every field has a Vietnamese label and help")
    func labels() {
        func check(_ fields: [SchemaField], depth: Int) {
            guard depth < 4 else { return }
            for field in fields {
                #expect(!field.label.isEmpty && !field.help.isEmpty, "\(field.key)")
                check(field.type.allFields, depth: depth + 1)
            }
        }
        for kind in DocumentKind.allCases { check(DocumentSchema.fields(for: kind), depth: 0) }
    }
}

extension SchemaType {
    /// The fields of every group inside this type (through lists and variants).
    var allFields: [SchemaField] {
        switch self {
        case .group(let fields): return fields
        case .list(let item): return item.allFields
        case .oneOf(let variants): return variants.flatMap(\.type.allFields)
        default: return []
        }
    }
}
