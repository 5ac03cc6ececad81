import FlyingFox
import Foundation
import ThiDuaKit
import ThiDuaWorkspace

/// Starting from what exists, as `thidua trien-khai` and `thidua nam-sau` do: the library's
/// `StarterJob` writes the new data file (never over an existing one) inside the folder, and
/// the editor then opens it.
extension WebApp {
    /// The actions the list offers besides "Văn bản mới", by route name.
    static let startingActions = ["trien-khai", "nam-sau"]

    /// The request: the source file chosen in the list, the new file's name (empty: the
    /// job's default name), and for a derived plan its own period (empty: the parent's).
    struct Starting: Decodable {
        var nguon: String
        var ten: String?
        var tu: String?
        var den: String?
    }

    func start(_ action: String, _ body: [UInt8]) throws -> HTTPResponse {
        struct Started: Encodable {
            var ten: String
            var ghi_chu: [String]
            var chan_doan: [DiagnosticJSON]
        }
        struct Failed: Encodable {
            var thong_diep: String
            var chan_doan: [DiagnosticJSON]
        }
        let request = try JSONDecoder().decode(Starting.self, from: Data(body))
        let source = try folder.resolve(request.nguon)
        let wanted = (request.ten ?? "").trimmingCharacters(in: .whitespaces)
        let target = wanted.isEmpty ? nil : try folder.resolve(wanted, writing: true)
        let job = StarterJob(workspace: folder.workspace)
        let blank: (String?) -> String? = { text in text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        let result = action == "trien-khai"
            ? job.derive(from: source, to: target ?? Self.beside(source), periodFrom: blank(request.tu), to: blank(request.den))
            : job.nextYear(from: source, to: target)
        let diagnostics = folder.relative(result.diagnostics).map(DiagnosticJSON.init)
        guard let written = result.written.first, result.error == nil, !result.diagnostics.hasErrors else {
            let message = result.error.map { folder.relativeNames(in: $0.description) } ?? "tệp nguồn có lỗi; sửa rồi làm lại"
            return Reply.json(Failed(thong_diep: folder.relativeNames(in: message), chan_doan: diagnostics), status: .badRequest)
        }
        return Reply.json(Started(ten: folder.relative(written), ghi_chu: result.notes, chan_doan: diagnostics))
    }

    /// The derived plan's default name, beside its parent: `<tên>-trien-khai.yaml`.
    static func beside(_ source: String) -> String {
        let name = ((source as NSString).lastPathComponent as NSString).deletingPathExtension
        return (source as NSString).deletingLastPathComponent + "/" + name + "-trien-khai.yaml"
    }
}
