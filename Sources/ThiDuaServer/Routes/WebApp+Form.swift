import FlyingFox
import Foundation
import ThiDuaKit
import ThiDuaWorkspace

/// The layouts of the texts the clerks' forms were read from, by text: the form sends the
/// same text with every check while she types, and reading its layout took a sixth of each check.
struct LayoutCache: Sendable {
    /// Texts kept: one per open editor is enough.
    static let capacity = 32
    /// Larger texts are read each time, so the cache stays within a few megabytes whatever
    /// a client sends (a data file is tens of kilobytes).
    static let largestCached = 256 * 1024
    private let cache = BoundedCache<YAMLLayout?>(capacity: capacity)

    func layout(of source: String) -> YAMLLayout? {
        guard source.utf8.count <= Self.largestCached else { return DataNode.layout(of: source) }
        return cache.value(for: source) { DataNode.layout(of: source) }
    }
}

/// The form's side of the editor: a data file as a tree (`DataNode`) with the schema of its
/// kind (`DocumentSchema`), and the tree written back in the documented format.
extension WebApp {
    /// The text an edit stands for: the form's tree written over the text it was loaded from
    /// (`DataNode.yaml(kind:replacing:)`: that file's comments, key order and unchanged values
    /// kept; the schema's Vietnamese comments when there is none), as it will be saved, with
    /// where each field's key is; or the YAML tab's text as typed.
    func text(of edited: Edited) throws -> (text: String, positions: [DataPath: SourcePosition]?) {
        if let tree = edited.cay {
            let written = tree.yaml(kind: tree.documentKind, over: edited.goc.flatMap(layouts.layout(of:)))
            return (written.text, written.positions)
        }
        guard let text = edited.noi_dung else { throw WorkspaceError.usage("yêu cầu thiếu nội dung (noi_dung hoặc cay)") }
        return (text, nil)
    }

    /// The field each diagnostic of the data file itself concerns, by its line.
    func fields(of diagnostics: [Diagnostic], file: String, positions: [DataPath: SourcePosition]?) -> [DiagnosticJSON] {
        diagnostics.map { diagnostic in
            var json = DiagnosticJSON(diagnostic)
            if let positions, let position = diagnostic.position, position.file == file, position.line > 0 {
                json.truong = DataNode.path(at: position.line, in: positions)?.description
            }
            return json
        }
    }

    /// A data file's text as a tree for the form, and the schema of its kind.
    func tree(_ body: [UInt8]) throws -> HTTPResponse {
        struct Tree: Encodable {
            var cay: DataNode?
            var loai: String
            var luoc_do: [SchemaField]
            var chan_doan: [DiagnosticJSON]
            var thong_diep: String?
        }
        let edited = try JSONDecoder().decode(Edited.self, from: Data(body))
        _ = try folder.resolve(edited.ten, writing: true)
        let (tree, diagnostics) = DataNode.parse(bytes: Array((edited.noi_dung ?? "").utf8), file: edited.ten)
        let kind = tree?.documentKind ?? .keHoach
        let usable: DataNode? = tree.flatMap { node in node.entries == nil ? nil : node }
        return Reply.json(Tree(cay: usable, loai: kind.rawValue, luoc_do: DocumentSchema.fields(for: kind),
                               chan_doan: diagnostics.map(DiagnosticJSON.init),
                               thong_diep: usable == nil ? (diagnostics.first?.description ?? "tệp không phải một bảng khóa YAML") : nil),
                          status: usable == nil ? .unprocessableContent : .ok)
    }

    /// The form's tree made a data file of another kind (`DocumentSchema.changingKind`): the
    /// tree without the fields the new kind does not have, that kind's schema, and the
    /// question to ask the clerk first when a filled field would go.
    func changeKind(_ body: [UInt8]) throws -> HTTPResponse {
        struct Request: Decodable {
            var cay: DataNode
            var loai: String
            var loai_cu: String?
        }
        struct Changed: Encodable {
            var cay: DataNode
            var loai: String
            var luoc_do: [SchemaField]
            /// The fields dropped ("dot_thi_dua"), blank ones included.
            var bo: [String]
            var hoi: String?
            var ghi_chu: [String]
        }
        let request = try JSONDecoder().decode(Request.self, from: Data(body))
        guard let kind = DocumentKind(rawValue: request.loai) else {
            return Reply.refusal(.badRequest, "loại văn bản phải là ke_hoach, huong_dan hoặc bao_cao")
        }
        let change = DocumentSchema.changingKind(of: request.cay, from: request.loai_cu.flatMap(DocumentKind.init(rawValue:)), to: kind)
        return Reply.json(Changed(cay: change.tree, loai: kind.rawValue, luoc_do: DocumentSchema.fields(for: kind),
                                  bo: change.dropped.map(\.path.description), hoi: change.question, ghi_chu: change.notes))
    }

    /// The schema of a kind, for a form started from nothing.
    func schema(_ text: String) -> HTTPResponse {
        guard let kind = DocumentKind(rawValue: text) else {
            return Reply.refusal(.badRequest, "loại văn bản phải là ke_hoach, huong_dan hoặc bao_cao")
        }
        return Reply.json(DocumentSchema.fields(for: kind))
    }
}

extension WebApp {
    /// The request of "Văn bản mới": the kind and the name the clerk chose.
    struct NewDocument: Decodable {
        var loai: String
        var ten: String
    }

    /// A new data file of a kind, not yet saved: the tree `{loai: …}` written in the
    /// documented format with the schema's comments; the form then shows every field.
    func newDocument(_ body: [UInt8]) throws -> HTTPResponse {
        let request = try JSONDecoder().decode(NewDocument.self, from: Data(body))
        guard let kind = DocumentKind(rawValue: request.loai) else {
            return Reply.refusal(.badRequest, "loại văn bản phải là ke_hoach, huong_dan hoặc bao_cao")
        }
        guard WorkingFolder.dataExtensions.contains((request.ten as NSString).pathExtension.lowercased()) else {
            return Reply.refusal(.badRequest, "tên tệp dữ liệu phải kết thúc bằng .yaml, .yml hoặc .json")
        }
        _ = try folder.resolve(request.ten, writing: true)
        if (try? folder.resolve(request.ten)) != nil {
            return Reply.refusal(.conflict, "đã có tệp \(request.ten) trong thư mục; chọn tên khác")
        }
        let tree = DataNode.mapping([DataEntry(key: "loai", value: .scalar(kind.rawValue))])
        return Reply.json(["ten": request.ten, "noi_dung": tree.yaml(kind: kind, comments: true).text])
    }
}
