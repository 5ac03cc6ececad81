import Foundation
import TestFixtures
import Testing
@testable import ThiDuaServer

/// Derive and next year from the list: the library's StarterJob writes the new file in the
/// folder, never over an existing one, never outside.
@Suite struct StarterRouteTests {
    @Test func deriveWritesTheLowerLevelsPlanCitingTheParent() async throws {
        let app = try TestApp()
        defer { app.remove() }
        try app.write("tinh/ke-hoach.yaml", SampleData.plan())
        let (status, object) = try await app.json("POST", "/api/trien-khai", ["nguon": "tinh/ke-hoach.yaml", "ten": "tinh/huyen.yaml"])
        #expect(status == 200, "\(object)")
        #expect((object as? [String: Any])?.string("ten") == "tinh/huyen.yaml")
        let text = try app.read("tinh/huyen.yaml")
        #expect(text.contains("tep: ke-hoach.yaml"))
        // Not over an existing file, not outside the folder, only from a file of the folder.
        #expect(try await app.json("POST", "/api/trien-khai", ["nguon": "tinh/ke-hoach.yaml", "ten": "tinh/huyen.yaml"]).status == 400)
        #expect(try await app.json("POST", "/api/trien-khai", ["nguon": "tinh/ke-hoach.yaml", "ten": "../huyen.yaml"]).status == 400)
        #expect(try await app.json("POST", "/api/trien-khai", ["nguon": "../ke-hoach.yaml", "ten": "b.yaml"]).status == 400)
        // The list shows it; the session offers the action.
        let session = try await app.json("GET", "/api/phien")
        #expect(((session.object as? [String: Any])?["hanh_dong"] as? [String]) == ["trien-khai", "nam-sau"])
    }

    @Test func nextYearMovesTheYearInTheName() async throws {
        let app = try TestApp()
        defer { app.remove() }
        try app.write("ke-hoach-2025.yaml", SampleData.plan())
        let (status, object) = try await app.json("POST", "/api/nam-sau", ["nguon": "ke-hoach-2025.yaml"])
        #expect(status == 200, "\(object)")
        #expect((object as? [String: Any])?.string("ten") == "ke-hoach-2026.yaml")
        #expect(try app.read("ke-hoach-2026.yaml").contains("du_thao: true"))
    }

    @Test func startingNeedsTheCSRFToken() async throws {
        let app = try TestApp()
        defer { app.remove() }
        try app.write("ke-hoach-2025.yaml", SampleData.plan())
        let body = try JSONSerialization.data(withJSONObject: ["nguon": "ke-hoach-2025.yaml"])
        #expect(try await app.request("POST", "/api/nam-sau", body: body, csrf: false).status == 403)
        #expect(!FileManager.default.fileExists(atPath: app.folder.appendingPathComponent("ke-hoach-2026.yaml").path))
    }
}
