import FlyingFox
import Foundation
import ThiDuaKit
import ThiDuaWorkspace

/// Responses of the web app: JSON with Vietnamese keys and messages, files, pages.
enum Reply {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A JSON body.
    static func json<T: Encodable>(_ value: T, status: HTTPStatusCode = .ok) -> HTTPResponse {
        let body = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return HTTPResponse(statusCode: status, headers: [.contentType: "application/json; charset=utf-8"], body: body)
    }

    /// A refusal or failure: `{"thong_diep": "…"}`.
    static func refusal(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        json(["thong_diep": message], status: status)
    }

    /// A file to download, named as `thidua render` names it.
    static func download(_ file: Download) -> HTTPResponse {
        var ascii = ""
        for scalar in file.name.unicodeScalars {
            let plain = scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\"
            ascii.unicodeScalars.append(plain ? scalar : "_")
        }
        let encoded = file.name.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics) ?? ascii
        return HTTPResponse(statusCode: .ok, headers: [
            .contentType: contentType(of: file.name),
            .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
        ], body: Data(file.bytes))
    }

    /// The media type by extension (never sniffed: `nosniff` is on).
    static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "json": return "application/json; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}

/// A diagnostic as the page shows it, next to the field at its line.
struct DiagnosticJSON: Codable, Equatable {
    /// "lỗi" or "cảnh báo".
    var muc: String
    var tep: String?
    var dong: Int?
    var cot: Int?
    var thong_diep: String
    var goi_y: String?
    /// The whole line as `thidua check` prints it.
    var day_du: String
    /// The data path of the field it concerns (`dot[0].tu_ngay`), when known.
    var truong: String?

    init(_ diagnostic: Diagnostic) {
        muc = diagnostic.severity.rawValue
        tep = diagnostic.position?.file
        dong = diagnostic.position.map(\.line).flatMap { $0 > 0 ? $0 : nil }
        cot = diagnostic.position.map(\.column).flatMap { $0 > 0 ? $0 : nil }
        thong_diep = diagnostic.message
        goi_y = diagnostic.hint
        day_du = diagnostic.description
    }
}
