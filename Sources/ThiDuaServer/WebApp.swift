import FlyingFox
import Foundation
import ThiDuaKit
import ThiDuaWorkspace

/// The web app of one working folder: the access gate, then one route per request.
///
/// A thin face like the CLI: loading, checking, rendering are the library's
/// (`DocumentJob`, `TemplateSet`), every file is reached through `WorkingFolder`.
public final class WebApp: HTTPHandler, Sendable {
    let folder: WorkingFolder
    let templates: TemplateSet
    let gate: AccessGate
    let states = StateCache()
    let layouts = LayoutCache()

    /// The app for `folder`, guarded by `token` (and `password`, if any).
    ///
    /// - Parameters:
    ///   - hosts: the `Host` values accepted (nil: any, when a password guards).
    public init(folder: WorkingFolder, templates: TemplateSet, token: String, csrf: String, password: String?,
                hosts: Set<String>?, port: UInt16) {
        self.folder = folder
        self.templates = templates
        self.gate = AccessGate(token: token, csrf: csrf, password: password, hosts: hosts, port: port)
    }

    /// The routes that change something: POST with the CSRF token only.
    static let changing: Set<String> = ["/api/luu", "/api/tai-len", "/api/moi", "/api/trien-khai", "/api/nam-sau"]

    public func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        var response: HTTPResponse
        if let refusal = gate.refusal(of: request, changesState: Self.changing.contains(request.path)) {
            response = refusal
        } else {
            response = await route(request)
        }
        SecurityHeaders.apply(&response)
        return response
    }

    func route(_ request: HTTPRequest) async -> HTTPResponse {
        let post = request.method.rawValue == "POST"
        switch (post, request.path) {
        case (false, "/"), (false, "/index.html"):
            var page = asset("index.html")
            page.headers[.setCookie] = gate.setCookie
            return page
        case (false, let path) where path.hasPrefix("/tai-nguyen/"):
            return asset(String(path.dropFirst("/tai-nguyen/".count)))
        case (false, "/api/phien"): return session()
        case (false, "/api/tep"): return await BlockingWork.run { self.list() }
        case (false, "/api/mo"): return await BlockingWork.run { self.open(request.query["ten"] ?? "") }
        case (false, "/api/tai-ve"):
            let name = request.query["ten"] ?? "", format = request.query["dinh_dang"] ?? ""
            return await BlockingWork.run(convertsToPDF: format == "pdf") { self.download(name, format: format) }
        case (false, "/api/lich"): return calendar(request.query["nam"] ?? "")
        case (false, "/api/luoc-do"): return schema(request.query["loai"] ?? "")
        case (true, "/api/cay"): return await withBody(request) { try self.tree($0) }
        case (true, "/api/doi-loai"): return await withBody(request) { try self.changeKind($0) }
        case (true, "/api/moi"): return await withBody(request) { try self.newDocument($0) }
        case (true, "/api/trien-khai"): return await withBody(request) { try self.start("trien-khai", $0) }
        case (true, "/api/nam-sau"): return await withBody(request) { try self.start("nam-sau", $0) }
        case (true, "/api/kiem-tra"): return await withBody(request) { try self.check($0) }
        case (true, "/api/luu"): return await withBody(request) { try self.save($0) }
        case (true, "/api/tai-len"):
            return await withBody(request, cap: WorkingFolder.uploadCap) { self.upload(request.query["ten"] ?? "", bytes: $0) }
        default:
            return Reply.refusal(.notFound, "không có trang \(request.path)")
        }
    }

    /// An embedded asset of `Web/`.
    func asset(_ name: String) -> HTTPResponse {
        guard let text = WebAssets.all[name] else { return Reply.refusal(.notFound, "không có tệp \(name)") }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: Reply.contentType(of: name)], body: Data(text.utf8))
    }

    /// The request's body, refused past `cap` bytes before it is read.
    func withBody(_ request: HTTPRequest, cap: Int = 4 << 20,
                  _ handle: @escaping @Sendable ([UInt8]) throws -> HTTPResponse) async -> HTTPResponse {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > cap {
            return Reply.refusal(.payloadTooLarge, "nội dung gửi lên quá lớn (\(length >> 20) MB), tối đa \(cap >> 20) MB")
        }
        do {
            let data = try await request.bodyData
            guard data.count <= cap else {
                return Reply.refusal(.payloadTooLarge, "nội dung gửi lên quá lớn, tối đa \(cap >> 20) MB")
            }
            let bytes = [UInt8](data)
            // Decoding, checking and writing block: off the shared pool (`BlockingWork`).
            return await BlockingWork.run { self.handled(bytes, handle) }
        } catch is BodyBudgetExceeded {
            return Reply.refusal(.serviceUnavailable, "máy chủ đang nhận nhiều nội dung cùng lúc; chờ một lát rồi gửi lại")
        } catch {
            return Reply.refusal(.badRequest, "không đọc được yêu cầu")
        }
    }

    /// `handle`'s answer to `bytes`, its errors answered as refusals.
    private func handled(_ bytes: [UInt8], _ handle: @Sendable ([UInt8]) throws -> HTTPResponse) -> HTTPResponse {
        do {
            return try handle(bytes)
        } catch let error as DecodingError {
            return Reply.refusal(.badRequest, "yêu cầu không đúng dạng JSON mong đợi (\(Self.describe(error)))")
        } catch let error as WorkspaceError {
            return Reply.refusal(.badRequest, folder.relativeNames(in: error.description))
        } catch {
            return Reply.refusal(.badRequest, "không đọc được yêu cầu")
        }
    }

    /// What is wrong with a request's JSON, in words a clerk (or the page's author) can act
    /// on; never empty, whatever the shape of the body.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ last: CodingKey? = nil) -> String {
            (context.codingPath + (last.map { [$0] } ?? [])).map { key in
                key.intValue.map { "[\($0)]" } ?? key.stringValue
            }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "thiếu khóa \(path(context, key))"
        case .typeMismatch(let type, let context) where context.codingPath.isEmpty:
            return "nội dung phải là \(kindName(type))"
        case .typeMismatch(let type, let context):
            return "khóa \(path(context)) phải là \(kindName(type))"
        case .valueNotFound(let type, let context) where context.codingPath.isEmpty:
            return "nội dung phải là \(kindName(type))"
        case .valueNotFound(let type, let context):
            return "khóa \(path(context)) trống, cần \(kindName(type))"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "nội dung không phải JSON hợp lệ"
        case .dataCorrupted(let context):
            return "giá trị của khóa \(path(context)) không hợp lệ"
        @unknown default:
            return "sai dạng"
        }
    }

    /// A JSON kind named as the page's author would say it.
    private static func kindName(_ type: Any.Type) -> String {
        if type == String.self { return "một chuỗi" }
        if type == Bool.self { return "true hoặc false" }
        if type == Int.self || type == Double.self || type == Int64.self { return "một số" }
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "một danh sách" }
        return "một đối tượng JSON"
    }

    /// What the page needs once: the CSRF token, the folder's name, the formats.
    func session() -> HTTPResponse {
        struct Session: Encodable {
            var csrf: String
            var thu_muc: String
            var dinh_dang: [String]
            var khong_co: [String: String]
            var hanh_dong: [String]
        }
        var missing: [String: String] = [:]
        for kind in OutputKinds.all { if let reason = kind.unavailable() { missing[kind.id] = reason } }
        return Reply.json(Session(csrf: gate.csrf, thu_muc: (folder.root as NSString).lastPathComponent,
                                  dinh_dang: OutputKinds.all.map(\.id) + WorkingFolder.extraDownloads, khong_co: missing,
                                  hanh_dong: Self.startingActions))
    }
}
