import Foundation
import Testing

/// The judge of the web app in a real browser: Debian's chromium driven by Selenium
/// (Scripts/web_judge.py for a plan, Scripts/web_judge_documents.py for a guidance and a
/// report), against the real `thidua serve` on a temporary folder. The test command
/// installs chromium, chromium-driver and python3-selenium (scripts/setup.sh --tests), so
/// nothing here is skipped.
@Suite(.serialized) struct WebBrowserEndToEndTests {
    static let script = Run.packageRoot.appendingPathComponent("Tests/EndToEndTests/Scripts/web_judge.py").path

    @Test func aClerkMakesAPlanFromNothingInTheBrowser() throws {
        let folder = try Run.tempFolder()
        let downloads = try Run.tempFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: downloads)
        }
        let served = try ServeEndToEndTests.Served(folder: folder)
        defer { served.stop() }
        #expect(served.address.hasPrefix("http://127.0.0.1:"))
        // THIDUA_WEB_SCREENSHOTS=docs writes the README's two screenshots.
        var arguments = [Self.script, served.address, downloads.path]
        if let shots = ProcessInfo.processInfo.environment["THIDUA_WEB_SCREENSHOTS"] { arguments.append(shots) }
        let run = try Run.program("/usr/bin/python3", arguments)
        let line = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let result = try #require((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                                  "judge: \(run.stdout)\n\(run.stderr)")
        #expect(run.status == 0, "\(result["loi"] ?? run.stderr)")
        guard run.status == 0 else { return }

        // The Vietnamese diagnostic of the impossible date appeared next to the date field.
        let note = result["loi_ngay"] as? String ?? ""
        #expect(note.contains("ngày 30/02/2025 không tồn tại"), "\(note)")
        // Escaped: the script tag is text in the preview, the formula stays text.
        #expect(result["xem_truoc_co_the_script"] as? Bool == false)
        #expect(result["trang_co_the_script_la"] as? Bool == false)
        #expect(result["xem_truoc_co_cong_thuc"] as? Bool == true)
        #expect((result["bao_loi_trinh_duyet"] as? [String])?.isEmpty == true, "\(result["bao_loi_trinh_duyet"] ?? "")")
        // Saved, reloaded as saved.
        #expect(result["ngay_sau_khi_mo_lai"] as? String == "2025-02-20")
        #expect((result["trich_yeu_sau_khi_mo_lai"] as? String)?.contains("<script>") == true)
        #expect((result["trang_thai"] as? String).map { !$0.contains("loi") } == true)
        let saved = folder.appendingPathComponent("ke-hoach-moi.yaml")
        let yaml = try String(contentsOf: saved, encoding: .utf8)
        #expect(yaml.contains("ky_niem: [thanh_lap_dang, giai_phong_mien_nam]"))
        #expect(yaml.contains("hinh_thuc: TM."))
        let check = try Run.thidua(["check", saved.path])
        #expect(check.status == 0, "\(check.stderr)")

        // The district's plan derived from it cites it.
        #expect((result["cau_thuc_hien"] as? String)?.hasPrefix("Thực hiện Kế hoạch số 15/KH-LĐLĐ ngày 20/02/2025 của Ban Thường vụ Liên đoàn Lao động tỉnh Bến Tre về phát động thi đua") == true,
                "\(result["cau_thuc_hien"] ?? "")")
        let derived = try String(contentsOf: folder.appendingPathComponent("ke-hoach-huyen.yaml"), encoding: .utf8)
        #expect(derived.contains("tep: ke-hoach-moi.yaml"))

        // The downloads are byte for byte what `thidua render` writes for the saved file.
        let out = folder.appendingPathComponent("cli")
        let render = try Run.thidua(["render", saved.path, "--format", "md,docx", "--out", out.path])
        #expect(render.status == 0, "\(render.stderr)")
        for format in ["md", "docx"] {
            let expected = out.appendingPathComponent("15-KH-LDLD-2025.\(format)")
            let got = downloads.appendingPathComponent("15-KH-LDLD-2025.\(format)")
            #expect(try Data(contentsOf: got) == Data(contentsOf: expected), "\(format)")
        }
        let markdown = try String(contentsOf: out.appendingPathComponent("15-KH-LDLD-2025.md"), encoding: .utf8)
        // Markdown escapes the tag so pandoc reads it as text.
        #expect(markdown.contains("\\<script>alert(“x”)\\</script>"))
    }


    @Test func aClerkMakesAGuidanceWithAssignmentsFromNothingInTheBrowser() throws {
        let folder = try DocumentJudgement.folderWithPlan()
        let downloads = try Run.tempFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: downloads)
        }
        let served = try ServeEndToEndTests.Served(folder: folder)
        defer { served.stop() }
        guard let result = try DocumentJudgement.judge(["huong_dan", served.address, downloads.path]) else { return }
        try DocumentJudgement.expectGuidance(result, folder: folder, downloads: downloads)
    }

    @Test func aClerkMakesAReportFromUploadedFiguresInTheBrowser() throws {
        let folder = try DocumentJudgement.folderWithPlan()
        let downloads = try Run.tempFolder()
        let desk = try DocumentJudgement.desk()
        defer {
            for made in [folder, downloads, desk] { try? FileManager.default.removeItem(at: made) }
        }
        let served = try ServeEndToEndTests.Served(folder: folder)
        defer { served.stop() }
        let files = DocumentJudgement.uploads.map { desk.appendingPathComponent($0).path }
        guard let result = try DocumentJudgement.judge(["bao_cao", served.address, downloads.path] + files) else { return }
        try DocumentJudgement.expectReport(result, folder: folder, downloads: downloads, desk: desk)
    }
}
