import FlyingFox
import Foundation
import Testing
@testable import ThiDuaServer

/// The gate before every route: token, Host, password, CSRF, cross-site POST, headers.
@Suite struct AccessGateTests {
    @Test func requestWithoutTokenIsRefused() async throws {
        let app = try TestApp()
        defer { app.remove() }
        for path in ["/", "/api/tep", "/api/phien", "/tai-nguyen/app.js"] {
            let (status, _, body) = try await app.request("GET", path, token: false)
            #expect(status == 403, "\(path)")
            #expect(String(decoding: body, as: UTF8.self).contains("thiếu mã truy cập"))
        }
        let wrong = try await app.request("GET", "/api/tep", query: ["t": "00000000000000000000000000000000"], token: false)
        #expect(wrong.status == 403)
    }

    @Test func tokenInTheAddressOpensThePageAndSetsTheCookie() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let (status, headers, body) = try await app.request("GET", "/", query: ["t": TestApp.token], token: false)
        #expect(status == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("<html lang=\"vi\">"))
        let cookie = try #require(headers[.setCookie])
        #expect(cookie.contains("thidua_\(TestApp.port)=\(TestApp.token)"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let app = try TestApp()
        defer { app.remove() }
        for (path, token) in [("/", true), ("/api/tep", true), ("/khong-co", true), ("/api/tep", false)] {
            let (_, headers, _) = try await app.request("GET", path, token: token)
            let policy = try #require(headers[HTTPHeader("Content-Security-Policy")])
            #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(headers[HTTPHeader("X-Content-Type-Options")] == "nosniff")
            #expect(headers[HTTPHeader("X-Frame-Options")] == "DENY")
        }
    }

    @Test func anotherHostNameIsRefused() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let (status, _, _) = try await app.request("GET", "/api/tep", headers: ["Host": "evil.example:\(TestApp.port)"])
        #expect(status == 421)
    }

    @Test func postWithoutCSRFTokenIsRefused() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let body = try JSONSerialization.data(withJSONObject: ["ten": "a.yaml", "noi_dung": "loai: ke_hoach\n"])
        let (status, _, data) = try await app.request("POST", "/api/luu", body: body, csrf: false)
        #expect(status == 403)
        #expect(String(decoding: data, as: UTF8.self).contains("CSRF"))
        #expect(!FileManager.default.fileExists(atPath: app.folder.appendingPathComponent("a.yaml").path))
    }

    @Test func crossSitePostIsRefusedEvenWithTheTokens() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let body = try JSONSerialization.data(withJSONObject: ["ten": "a.yaml", "noi_dung": "loai: ke_hoach\n"])
        let fromOrigin = try await app.request("POST", "/api/luu", body: body, headers: ["Origin": "http://evil.example"])
        #expect(fromOrigin.status == 403)
        let fromSite = try await app.request("POST", "/api/luu", body: body, headers: ["Sec-Fetch-Site": "cross-site"])
        #expect(fromSite.status == 403)
        #expect(!FileManager.default.fileExists(atPath: app.folder.appendingPathComponent("a.yaml").path))
        let sameOrigin = try await app.request("POST", "/api/luu", body: body, headers: ["Origin": "http://\(TestApp.host)", "Sec-Fetch-Site": "same-origin"])
        #expect(sameOrigin.status == 200)
    }

    /// Another port of 127.0.0.1 is the same site to a browser, which sends the cookie with
    /// a page's `<img src>` there: reads are refused too, unless the browser says the request
    /// is the page's own ("same-origin") or typed by the clerk ("none").
    @Test func readsFromAnotherPortOrSiteAreRefused() async throws {
        let app = try TestApp()
        defer { app.remove() }
        try app.write("ke-hoach.yaml", "loai: ke_hoach\n")
        for site in ["same-site", "cross-site"] {
            let (status, _, data) = try await app.request("GET", "/api/tai-ve", query: ["ten": "ke-hoach.yaml", "dinh_dang": "md"],
                                                          headers: ["Sec-Fetch-Site": site])
            #expect(status == 403, "\(site)")
            #expect(String(decoding: data, as: UTF8.self).contains("yêu cầu đến từ trang khác"))
        }
        for site in ["same-origin", "none"] {
            let (status, _, _) = try await app.request("GET", "/api/tep", headers: ["Sec-Fetch-Site": site])
            #expect(status == 200, "\(site)")
        }
        #expect(try await app.request("GET", "/api/tep").status == 200)
    }

    @Test func savingIsPostOnly() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let (status, _, _) = try await app.request("GET", "/api/luu", query: ["ten": "a.yaml"])
        #expect(status == 405)
        let put = try await app.request("PUT", "/api/tep")
        #expect(put.status == 405)
    }

    @Test func passwordIsAskedWhenSet() async throws {
        let app = try TestApp(password: "mật khẩu dài")
        defer { app.remove() }
        let without = try await app.request("GET", "/api/tep")
        #expect(without.status == 401)
        #expect(without.headers[HTTPHeader("WWW-Authenticate")]?.hasPrefix("Basic") == true)
        let wrong = Data("x:sai".utf8).base64EncodedString()
        #expect(try await app.request("GET", "/api/tep", headers: ["Authorization": "Basic \(wrong)"]).status == 401)
        let right = Data("thu-ky:mật khẩu dài".utf8).base64EncodedString()
        #expect(try await app.request("GET", "/api/tep", headers: ["Authorization": "Basic \(right)"]).status == 200)
    }

    @Test func anotherAddressNeedsAPassword() async throws {
        let folder = FileManager.default.temporaryDirectory.path
        await #expect(throws: (any Error).self) {
            _ = try await WebServer.start(ServeOptions(folder: folder, host: "0.0.0.0", port: 0))
        }
    }

    @Test func tokensAreRandomAndLong() {
        let tokens = Set((0..<50).map { _ in AccessGate.randomToken() })
        #expect(tokens.count == 50)
        #expect(tokens.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
    }
}
