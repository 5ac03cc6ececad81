import FlyingFox
import Foundation

/// Who may talk to the server, decided before any route runs.
///
/// 1. The `Host` header must name this server (on loopback: `127.0.0.1:PORT` or
///    `localhost:PORT`), so a page of another site cannot reach it by renaming itself
///    (DNS rebinding).
/// 2. With a password (required off loopback), HTTP Basic authentication carries it.
/// 3. The token printed with the address, per start, random: in the query (`?t=`) of the
///    first request, then in a cookie of this port (`HttpOnly`, `SameSite=Strict`, so
///    another site's page never sends it).
/// 4. A request that changes anything is a POST carrying the CSRF token (`X-ThiDua-CSRF`,
///    handed to the page's own script by `/api/phien`); an `Origin` saying another site
///    is refused too, and any request whose `Sec-Fetch-Site` says another site or another
///    port ("same-site"), reads included.
struct AccessGate: Sendable {
    let token: String
    let csrf: String
    let password: String?
    /// `Host` values accepted; nil accepts any (listening on another address, where the
    /// password stands guard).
    let hosts: Set<String>?
    let port: UInt16

    /// The cookie of this server: its name has the port, so two servers do not share it.
    var cookieName: String { "thidua_\(port)" }

    /// 128 random bits as 32 hexadecimal digits, from the system's generator.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = String(UInt32.random(in: .min ... .max, using: &generator), radix: 16)
            return String(repeating: "0", count: 8 - word.count) + word
        }.joined()
    }

    /// Equal, in a time that does not depend on where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    /// Why the request is refused, as the response to send; nil lets it through.
    func refusal(of request: HTTPRequest, changesState: Bool) -> HTTPResponse? {
        let host = request.headers[.host] ?? ""
        if let hosts, !hosts.contains(host.lowercased()) {
            return Reply.refusal(.misdirectedRequest, "địa chỉ \"\(host)\" không phải của máy chủ thidua này; mở đúng địa chỉ đã in khi chạy thidua serve")
        }
        if let password, !hasPassword(request, password) {
            var response = Reply.refusal(.unauthorized, "cần mật khẩu (--mat-khau) của máy chủ thidua này")
            response.headers[HTTPHeader("WWW-Authenticate")] = "Basic realm=\"thidua\", charset=\"UTF-8\""
            return response
        }
        guard hasToken(request) else {
            return Reply.refusal(.forbidden, "thiếu mã truy cập hoặc mã đã cũ: mở đúng địa chỉ (có ?t=…) mà thidua serve in ra khi chạy")
        }
        let method = request.method.rawValue
        guard method == "GET" || method == "POST" || method == "HEAD" else {
            return Reply.refusal(.methodNotAllowed, "phương thức \(method) không được dùng")
        }
        if changesState {
            guard method == "POST" else {
                return Reply.refusal(.methodNotAllowed, "thao tác này chỉ nhận POST")
            }
            guard let sent = request.headers[HTTPHeader("X-ThiDua-CSRF")], Self.same(sent, csrf) else {
                return Reply.refusal(.forbidden, "yêu cầu thiếu mã chống giả mạo (CSRF); tải lại trang rồi làm lại")
            }
        }
        // "null" is what the page's own POSTs carry: under its `Referrer-Policy: no-referrer`
        // the Fetch standard serialises the origin of a non-GET request as null. A null from
        // elsewhere (a sandboxed frame, a file) is stopped by the CSRF token above, which only
        // the page's script can read, and by `Sec-Fetch-Site` below.
        if method == "POST", let origin = request.headers[HTTPHeader("Origin")], origin != "null",
           origin.lowercased() != "http://\(host.lowercased())" {
            return Reply.refusal(.forbidden, "yêu cầu đến từ trang khác (\(origin)); thidua chỉ nhận thao tác từ trang của chính nó")
        }
        // Reads too: browsers count another port of 127.0.0.1 as the same site, so the
        // cookie alone would let any local page there start downloads and PDF conversions
        // (GET). The page's own requests say "same-origin"; an address typed or opened
        // from another program says "none".
        if let site = request.headers[HTTPHeader("Sec-Fetch-Site")], site != "same-origin", site != "none" {
            return Reply.refusal(.forbidden, "yêu cầu đến từ trang khác; thidua chỉ nhận thao tác từ trang của chính nó")
        }
        return nil
    }

    func hasToken(_ request: HTTPRequest) -> Bool {
        if let given = request.query["t"], Self.same(given, token) { return true }
        return cookie(named: cookieName, in: request).map { Self.same($0, token) } ?? false
    }

    func hasPassword(_ request: HTTPRequest, _ password: String) -> Bool {
        guard let header = request.headers[.authorization], header.hasPrefix("Basic "),
              let decoded = Data(base64Encoded: String(header.dropFirst(6))),
              let text = String(data: decoded, encoding: .utf8),
              let colon = text.firstIndex(of: ":") else { return false }
        return Self.same(String(text[text.index(after: colon)...]), password)
    }

    /// The value of cookie `name`.
    func cookie(named name: String, in request: HTTPRequest) -> String? {
        guard let line = request.headers[.cookie] else { return nil }
        for pair in line.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The cookie that keeps the token for the page's later requests.
    var setCookie: String { "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict" }
}

/// Headers on every response: a strict Content-Security-Policy (only this server's own
/// script and style, no inline script, no frames, no form posting elsewhere), no MIME
/// sniffing, no framing, no referrer, no caching of documents.
enum SecurityHeaders {
    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func apply(_ response: inout HTTPResponse) {
        response.headers[HTTPHeader("Content-Security-Policy")] = policy
        response.headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        response.headers[HTTPHeader("X-Frame-Options")] = "DENY"
        response.headers[HTTPHeader("Referrer-Policy")] = "no-referrer"
        response.headers[HTTPHeader("Cross-Origin-Opener-Policy")] = "same-origin"
        response.headers[HTTPHeader("Cross-Origin-Resource-Policy")] = "same-origin"
        response.headers[.cacheControl] = "no-store"
    }
}
