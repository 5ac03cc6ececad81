import FlyingFox
import Foundation
import TestFixtures
import Testing
@testable import ThiDuaServer
import ThiDuaWorkspace

/// The routes over the folder: list, open, check + preview, save, upload, download, and
/// the confinement of every name the browser sends.
@Suite struct DocumentRouteTests {
    @Test func listShowsKindNumberDateAndState() async throws {
        let app = try TestApp()
        defer { app.remove() }
        try app.write("ke-hoach.yaml", SampleData.plan())
        try app.write("hong/ke-hoach-sai.yaml", SampleData.plan().replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2025-02-30"))
        try app.write("ghi-chu.txt", "không phải tệp dữ liệu")
        let (status, object) = try await app.json("GET", "/api/tep")
        #expect(status == 200)
        let files = try #require((object as? [String: Any])?["tep"] as? [[String: Any]])
        #expect(files.map { $0.string("ten") } == ["hong/ke-hoach-sai.yaml", "ke-hoach.yaml"])
        let good = files[1], bad = files[0]
        #expect(good.string("loai") == "ke_hoach")
        #expect(good.string("so") == "Số: 05/KH-LĐLĐ")
        #expect(good.string("ngay") == "20/02/2025")
        #expect(good.string("trang_thai") == "san_sang")
        #expect(bad.string("trang_thai") == "loi")
    }

    @Test func checkGivesTheDiagnosticsOfThiduaCheckAndAPreview() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let bad = SampleData.plan().replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2025-02-30")
        let (_, object) = try await app.json("POST", "/api/kiem-tra", ["ten": "moi.yaml", "noi_dung": bad])
        let result = try #require(object as? [String: Any])
        let diagnostics = try #require(result["chan_doan"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        #expect(first.string("muc") == "lỗi")
        #expect(first.string("tep") == "moi.yaml")
        #expect(first["dong"] as? Int == 7)
        #expect(first.string("day_du")?.hasPrefix("moi.yaml:7:") == true)
        let (_, fixed) = try await app.json("POST", "/api/kiem-tra", ["ten": "moi.yaml", "noi_dung": SampleData.plan()])
        let preview = try #require((fixed as? [String: Any])?.string("xem_truoc"))
        #expect(preview.contains("<article class=\"van-ban\">"))
        #expect(preview.contains("KẾ HOẠCH"))
        #expect(preview.contains("Phát động thi đua năm 2025"))
    }

    @Test func scriptAndFormulaTypedIntoEveryTextFieldComeOutEscaped() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let hostile = "<script>alert(1)</script> =HYPERLINK(\"http://x\",\"y\") & \"q\" <img src=x onerror=alert(1)>"
        let quoted = "'" + hostile.replacingOccurrences(of: "'", with: "''") + "'"
        // Every text a clerk types in the plan's form: bodies, place, subject, section title and
        // paragraph, recipient and purpose, signature.
        var text = SampleData.plan(subject: quoted)
        for (field, value) in [("co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam", "co_quan_chu_quan: "),
                               ("co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre", "co_quan_ban_hanh: Liên đoàn Lao động tỉnh "),
                               ("dia_danh: Bến Tre", "dia_danh: "), ("- ten: Mục đích, yêu cầu", "- ten: "),
                               ("- ten: LĐLĐ các huyện", "- ten: "), ("muc_dich: để th/hiện", "muc_dich: "),
                               ("thay_mat: Ban Thường vụ", "thay_mat: "), ("chuc_vu: Chủ tịch", "chuc_vu: "),
                               ("ho_ten: Nguyễn Văn A", "ho_ten: ")] {
            text = text.replacingOccurrences(of: field, with: value + quoted)
        }
        text = text.replacingOccurrences(of: "      - Đoạn 1 ", with: "      - \(quoted)\n      - Đoạn 1 ")
        let (_, object) = try await app.json("POST", "/api/kiem-tra", ["ten": "moi.yaml", "noi_dung": text])
        let result = try #require(object as? [String: Any])
        // Bodies, authority and title print in capitals: compare in lower case.
        let preview = try #require(result.string("xem_truoc"), "\(result["chan_doan"] ?? "")").lowercased()
        #expect(!preview.contains("<script"))
        #expect(!preview.contains("<img"))
        #expect(preview.components(separatedBy: "&lt;script&gt;alert(1)&lt;/script&gt;").count - 1 >= 10)
        #expect(preview.contains("=hyperlink("))
    }

    @Test func saveWritesAtomicallyKeepsABackupAndRefusesAStaleVersion() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let first = try await app.json("POST", "/api/luu", ["ten": "a.yaml", "noi_dung": "loai: ke_hoach\n"])
        #expect(first.status == 200)
        let hash = try #require((first.object as? [String: Any])?.string("dau_van_tay"))
        // A new file where one exists: conflict.
        let again = try await app.json("POST", "/api/luu", ["ten": "a.yaml", "noi_dung": "x\n"])
        #expect(again.status == 409)
        let second = try await app.json("POST", "/api/luu", ["ten": "a.yaml", "noi_dung": "loai: huong_dan\n", "dau_van_tay": hash])
        #expect(second.status == 200)
        #expect(try app.read("a.yaml") == "loai: huong_dan\n")
        #expect(try app.read("a.yaml.bak") == "loai: ke_hoach\n")
        // Changed on disk (another tab, another program) since it was opened with `hash`.
        let stale = try await app.json("POST", "/api/luu", ["ten": "a.yaml", "noi_dung": "loai: bao_cao\n", "dau_van_tay": hash])
        #expect(stale.status == 409)
        #expect((stale.object as? [String: Any])?.string("thong_diep")?.contains("đã được sửa ở nơi khác") == true)
        #expect(try app.read("a.yaml") == "loai: huong_dan\n")
        // The clerk chose to overwrite.
        let forced = try await app.json("POST", "/api/luu", ["ten": "a.yaml", "noi_dung": "loai: bao_cao\n", "dau_van_tay": hash, "ghi_de": true])
        #expect(forced.status == 200)
        #expect(try app.read("a.yaml") == "loai: bao_cao\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: app.folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func concurrentSavesOfOneVersionLetExactlyOneThrough() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let created = try await app.json("POST", "/api/luu", ["ten": "chung.yaml", "noi_dung": "loai: ke_hoach\n"])
        let hash = try #require((created.object as? [String: Any])?.string("dau_van_tay"))
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    try await app.json("POST", "/api/luu", ["ten": "chung.yaml", "noi_dung": "# tab \(index)\nloai: ke_hoach\n", "dau_van_tay": hash]).status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 200 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == 15)
        #expect(try app.read("chung.yaml").hasPrefix("# tab "))
    }

    @Test func pathsOutsideTheFolderAreRefusedForEveryRoute() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-ngoai-\(UUID().uuidString).yaml")
        try Data(SampleData.plan().utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: app.folder.appendingPathComponent("lien-ket.yaml").path, withDestinationPath: outside.path)
        try FileManager.default.createDirectory(at: app.folder.appendingPathComponent("con"), withIntermediateDirectories: true)
        let names = ["../x.yaml", "con/../../x.yaml", outside.path, "lien-ket.yaml", ".an.yaml", "-x.yaml", "a\u{1}.yaml",
                     "con//a.yaml", "a\\b.yaml", "con/", "", "a.yaml ", "con/.."]
        for name in names {
            let opened = try await app.request("GET", "/api/mo", query: ["ten": name])
            // A name the rule refuses is a request given wrongly (400); one that passes the rule
            // but leads out of the folder (a link) is not found there (404).
            #expect(opened.status == (WorkingFolder.refusal(of: name, writing: false) == nil ? 404 : 400), "mở \(name): \(opened.status)")
            let saved = try await app.json("POST", "/api/luu", ["ten": name, "noi_dung": "loai: ke_hoach\n"])
            #expect(saved.status == 400 || saved.status == 409, "lưu \(name): \(saved.status)")
            let downloaded = try await app.request("GET", "/api/tai-ve", query: ["ten": name, "dinh_dang": "md"])
            #expect(downloaded.status == 400, "tải về \(name)")
            let checked = try await app.json("POST", "/api/kiem-tra", ["ten": name, "noi_dung": "loai: ke_hoach\n"])
            #expect(checked.status == 400, "kiểm tra \(name)")
        }
        try FileManager.default.createSymbolicLink(atPath: app.folder.appendingPathComponent("lien-ket.csv").path, withDestinationPath: outside.path)
        for name in ["../x.csv", "con/../../x.csv", outside.path + ".csv", "lien-ket.csv", ".an.csv", "-x.csv", "a\u{1}.csv",
                     "con//a.csv", "a\\b.csv", "", "khong-co/a.csv"] {
            let uploaded = try await app.request("POST", "/api/tai-len", query: ["ten": name], body: Data("a;b\n".utf8))
            #expect(uploaded.status == 400, "tải lên \(name)")
        }
        // The link's target is untouched.
        #expect(try String(contentsOf: outside, encoding: .utf8) == SampleData.plan())
        #expect(!FileManager.default.fileExists(atPath: app.folder.deletingLastPathComponent().appendingPathComponent("x.yaml").path))
    }

    @Test func uploadTakesOnlyFigureFilesUnderTheLimit() async throws {
        let app = try TestApp()
        defer { app.remove() }
        #expect(try await app.request("POST", "/api/tai-len", query: ["ten": "so-lieu.csv"], body: Data(SampleData.figures.utf8)).status == 200)
        #expect(try app.read("so-lieu.csv") == SampleData.figures)
        // By name.
        #expect(try await app.request("POST", "/api/tai-len", query: ["ten": "x.exe"], body: Data("MZ".utf8)).status == 400)
        #expect(try await app.request("POST", "/api/tai-len", query: ["ten": "x.yaml"], body: Data("a: b".utf8)).status == 400)
        // By content: a PDF named .csv, text named .xlsx.
        #expect(try await app.request("POST", "/api/tai-len", query: ["ten": "gia.csv"], body: Data("%PDF-1.4\n".utf8)).status == 400)
        #expect(try await app.request("POST", "/api/tai-len", query: ["ten": "gia.xlsx"], body: Data("a;b\n".utf8)).status == 400)
        // By size, refused from the declared length before the body is read.
        let big = try await app.request("POST", "/api/tai-len", query: ["ten": "lon.csv"], body: Data(),
                                        headers: ["Content-Length": String(WorkingFolder.uploadCap + 1)])
        #expect(big.status == 413)
        #expect(!FileManager.default.fileExists(atPath: app.folder.appendingPathComponent("gia.csv").path))
    }

    @Test func downloadGivesTheBytesOfRender() async throws {
        let app = try TestApp()
        defer { app.remove() }
        try app.write("ke-hoach.yaml", SampleData.plan())
        let (status, headers, body) = try await app.request("GET", "/api/tai-ve", query: ["ten": "ke-hoach.yaml", "dinh_dang": "md"])
        #expect(status == 200)
        #expect(headers[.contentDisposition]?.contains("05-KH-LDLD-2025.md") == true)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("# KẾ HOẠCH"))
        let docx = try await app.request("GET", "/api/tai-ve", query: ["ten": "ke-hoach.yaml", "dinh_dang": "docx"])
        #expect(docx.status == 200)
        #expect(docx.body.prefix(2) == Data("PK".utf8))
        let unknown = try await app.request("GET", "/api/tai-ve", query: ["ten": "ke-hoach.yaml", "dinh_dang": "exe"])
        #expect(unknown.status == 400)
    }

    @Test func calendarListsTheYearsCommemorations() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let (status, object) = try await app.json("GET", "/api/lich", query: ["nam": "2025"])
        #expect(status == 200)
        let days = try #require(object as? [[String: Any]])
        #expect(days.count > 5)
        #expect(days.contains { ($0["so_nam"] as? Int) == 50 && $0.string("loai") == "nam_tron" })
        #expect(try await app.json("GET", "/api/lich", query: ["nam": "x"]).status == 400)
    }
}
