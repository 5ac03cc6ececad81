import FlyingFox
import Foundation
import TestFixtures
import ThiDuaKit
import ThiDuaServer
import ThiDuaWorkspace

/// A web app over a fresh temporary folder, called in process (no socket).
struct TestApp {
    static let token = "0123456789abcdef0123456789abcdef"
    static let csrf = "fedcba9876543210fedcba9876543210"
    static let port: UInt16 = 41_000
    static let host = "127.0.0.1:\(port)"
    static let templates: TemplateSet = {
        do { return try TemplateSet() } catch { preconditionFailure("built-in templates: \(error)") }
    }()

    let folder: URL
    let app: WebApp

    init(password: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-serve-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        app = WebApp(folder: try WorkingFolder(path: folder.path), templates: Self.templates, token: Self.token, csrf: Self.csrf,
                     password: password, hosts: password == nil ? [Self.host, "localhost:\(Self.port)"] : nil, port: Self.port)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func write(_ name: String, _ text: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// A request as the page's own script sends it (token in the cookie, CSRF header on POST).
    func request(_ method: String, _ path: String, query: [String: String] = [:], body: Data = Data(),
                 headers: [String: String]? = nil, token: Bool = true, csrf: Bool = true) async throws -> (status: Int, headers: HTTPHeaders, body: Data) {
        var all: [HTTPHeader: String] = [.host: Self.host]
        if token { all[.cookie] = "thidua_\(Self.port)=\(Self.token)" }
        if csrf && method == "POST" { all[HTTPHeader("X-ThiDua-CSRF")] = Self.csrf }
        for (name, value) in headers ?? [:] { all[HTTPHeader(name)] = value }
        let request = HTTPRequest(method: HTTPMethod(method), version: .http11, path: path,
                                  query: query.sorted { $0.key < $1.key }.map { HTTPRequest.QueryItem(name: $0.key, value: $0.value) },
                                  headers: all, body: body)
        let response = try await app.handleRequest(request)
        return (response.statusCode.code, response.headers, try await response.bodyData)
    }

    func json(_ method: String, _ path: String, query: [String: String] = [:], _ value: [String: Any]? = nil) async throws -> (status: Int, object: Any) {
        let body = try value.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let (status, _, data) = try await request(method, path, query: query, body: body)
        return (status, try JSONSerialization.jsonObject(with: data))
    }
}

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? { self[key] as? String }
}
