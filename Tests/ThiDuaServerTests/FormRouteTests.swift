import Foundation
import TestFixtures
import Testing
@testable import ThiDuaServer
import ThiDuaKit

/// The form's routes: a file as a tree with its schema, a tree checked with each diagnostic
/// placed on its field, a tree saved in the documented format, a new file of a kind.
@Suite struct FormRouteTests {
    /// Examples/ke-hoach-tinh-2025.yaml: a clerk's file with comments and phases.
    static func examplePlan() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("Examples/ke-hoach-tinh-2025.yaml"), encoding: .utf8)
    }

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

    @Test func aFormSaveKeepsTheCommentsOfTheFileItReplaces() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let original = try Self.examplePlan()
        try app.write("kh.yaml", original)
        let (_, opened) = try await app.json("GET", "/api/mo", query: ["ten": "kh.yaml"])
        let hash = try #require((opened as? [String: Any])?.string("dau_van_tay"))
        let (_, read) = try await app.json("POST", "/api/cay", ["ten": "kh.yaml", "noi_dung": original])
        var tree = try #require((read as? [String: Any])?["cay"] as? [String: Any])
        tree["dia_danh"] = "Vĩnh Long"
        let (checked, checkedObject) = try await app.json("POST", "/api/kiem-tra", ["ten": "kh.yaml", "cay": tree, "goc": original])
        #expect(checked == 200)
        let expected = original.replacingOccurrences(of: "dia_danh: Bến Tre\n", with: "dia_danh: Vĩnh Long\n")
        #expect((checkedObject as? [String: Any])?.string("noi_dung") == expected)
        let (status, _) = try await app.json("POST", "/api/luu", ["ten": "kh.yaml", "cay": tree, "goc": original, "dau_van_tay": hash])
        #expect(status == 200)
        #expect(try app.read("kh.yaml") == expected)
        #expect(try app.read("kh.yaml.bak") == original)
        // Without the text it was loaded from (an older page), the schema's comments.
        let (_, plain) = try await app.json("POST", "/api/kiem-tra", ["ten": "kh.yaml", "cay": tree])
        #expect((plain as? [String: Any])?.string("noi_dung")?.contains("# Địa danh: nơi ban hành") == true)
    }

    @Test func changingTheKindDropsWhatTheNewKindDoesNotHaveAndAsksFirst() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let (_, read) = try await app.json("POST", "/api/cay", ["ten": "a.yaml", "noi_dung": try Self.examplePlan()])
        var tree = try #require((read as? [String: Any])?["cay"] as? [String: Any])
        #expect(tree["dot_thi_dua"] != nil)
        tree["loai"] = "bao_cao"
        let (status, object) = try await app.json("POST", "/api/doi-loai", ["cay": tree, "loai": "bao_cao", "loai_cu": "ke_hoach"])
        #expect(status == 200)
        let result = try #require(object as? [String: Any])
        let changed = try #require(result["cay"] as? [String: Any])
        #expect(changed["dot_thi_dua"] == nil && changed.string("loai") == "bao_cao")
        #expect(changed.string("ky_hieu") == "BC-LĐLĐ")
        #expect((result["bo"] as? [String])?.contains("dot_thi_dua") == true)
        #expect(result.string("hoi")?.contains("“Các đợt thi đua”") == true)
        #expect((result["luoc_do"] as? [[String: Any]])?.contains { $0.string("key") == "bao_cao" } == true)
        #expect(try await app.json("POST", "/api/doi-loai", ["cay": tree, "loai": "thu"]).status == 400)
    }
}
