import Foundation
import TestFixtures
import Testing
@testable import ThiDuaServer
import ThiDuaKit

/// The form's routes: a file as a tree with its schema, a tree checked with each diagnostic
/// placed on its field, a tree saved in the documented format, a new file of a kind.
@Suite struct FormRouteTests {
    @Test func aFileBecomesATreeWithTheSchemaOfItsKind() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let (status, object) = try await app.json("POST", "/api/cay", ["ten": "a.yaml", "noi_dung": SampleData.plan()])
        #expect(status == 200)
        let result = try #require(object as? [String: Any])
        #expect(result.string("loai") == "ke_hoach")
        let tree = try #require(result["cay"] as? [String: Any])
        #expect(tree.string("ky_hieu") == "KH-LĐLĐ")
        let schema = try #require(result["luoc_do"] as? [[String: Any]])
        #expect(schema.first?.string("key") == "loai")
        #expect(schema.contains { $0.string("key") == "dot_thi_dua" })
        let broken = try await app.json("POST", "/api/cay", ["ten": "a.yaml", "noi_dung": "loai: [ke_hoach\n"])
        #expect(broken.status == 422)
    }

    @Test func aCheckedTreeHasEachDiagnosticOnItsField() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let (_, opened) = try await app.json("POST", "/api/cay", ["ten": "a.yaml", "noi_dung": SampleData.plan()])
        var tree = try #require((opened as? [String: Any])?["cay"] as? [String: Any])
        tree["ngay"] = "2025-02-30"
        var signature = try #require(tree["chu_ky"] as? [String: Any])
        signature["ho_ten"] = ""
        tree["chu_ky"] = signature
        let (status, object) = try await app.json("POST", "/api/kiem-tra", ["ten": "a.yaml", "cay": tree])
        #expect(status == 200)
        let result = try #require(object as? [String: Any])
        let diagnostics = try #require(result["chan_doan"] as? [[String: Any]])
        let date = try #require(diagnostics.first { $0.string("truong") == "ngay" }, "\(diagnostics)")
        #expect(date.string("muc") == "lỗi")
        #expect(date.string("thong_diep")?.contains("30/02/2025 không tồn tại") == true)
        // The text checked is what a save writes: the documented format, with comments.
        let text = try #require(result.string("noi_dung"))
        #expect(text.contains("ngay: 2025-02-30"))
        #expect(text.contains("# "))
    }

    @Test func aSavedTreeIsTheDocumentedYAMLTheCLIReads() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let (_, opened) = try await app.json("POST", "/api/cay", ["ten": "a.yaml", "noi_dung": SampleData.plan()])
        let tree = try #require((opened as? [String: Any])?["cay"] as? [String: Any])
        let (status, object) = try await app.json("POST", "/api/luu", ["ten": "luu.yaml", "cay": tree])
        #expect(status == 200)
        let written = try app.read("luu.yaml")
        #expect((object as? [String: Any])?.string("noi_dung") == written)
        let (parsed, diagnostics) = DataNode.parse(bytes: Array(written.utf8), file: "luu.yaml")
        #expect(diagnostics.isEmpty)
        #expect(parsed?["ky_hieu"]?.text == "KH-LĐLĐ")
        let listing = try await app.json("GET", "/api/tep")
        let files = try #require((listing.object as? [String: Any])?["tep"] as? [[String: Any]])
        #expect(files.first { $0.string("ten") == "luu.yaml" }?.string("trang_thai") == "san_sang")
    }

    @Test func aNewFileHasItsKindAndRefusesAnExistingName() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let (status, object) = try await app.json("POST", "/api/moi", ["loai": "bao_cao", "ten": "bc.yaml"])
        #expect(status == 200)
        let text = try #require((object as? [String: Any])?.string("noi_dung"))
        #expect(text.contains("loai: bao_cao"))
        try app.write("co-roi.yaml", "loai: ke_hoach\n")
        #expect(try await app.json("POST", "/api/moi", ["loai": "ke_hoach", "ten": "co-roi.yaml"]).status == 409)
        #expect(try await app.json("POST", "/api/moi", ["loai": "thu", "ten": "x.yaml"]).status == 400)
        #expect(try await app.json("POST", "/api/moi", ["loai": "ke_hoach", "ten": "../x.yaml"]).status == 400)
        let schema = try await app.json("GET", "/api/luoc-do", query: ["loai": "bao_cao"])
        #expect((schema.object as? [[String: Any]])?.contains { $0.string("key") == "bao_cao" } == true)
    }
}
