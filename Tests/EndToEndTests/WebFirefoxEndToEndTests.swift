import Foundation
import Testing

/// The web app in the second browser of issue 14: Debian's firefox-esr, driven over
/// WebDriver BiDi by Scripts/web_judge_firefox.py (Debian has no geckodriver), against the
/// real `thidua serve` on a temporary folder. The test command installs firefox-esr and
/// python3-websockets (scripts/setup.sh --tests), so nothing here is skipped.
@Suite(.serialized) struct WebFirefoxEndToEndTests {
    static let script = Run.packageRoot.appendingPathComponent("Tests/EndToEndTests/Scripts/web_judge_firefox.py").path

    /// The processes of a process group that still run, waiting a little for killed ones to
    /// die. Zombies are dead: they wait for whoever reaps orphans (PID 1), which may be slow.
    static func living(group: Int) -> [String] {
        var living: [String] = []
        let deadline = Date().addingTimeInterval(10)
        repeat {
            living = []
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            for entry in entries where entry.allSatisfy(\.isNumber) {
                guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { continue }
                // After "pid (name)": state, parent, process group.
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                guard fields.count > 2, Int(fields[2]) == group, fields[0] != "Z", fields[0] != "X" else { continue }
                living.append(String(stat[..<close]) + ") " + fields[0])
            }
            if living.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.2)
        } while Date() < deadline
        return living
    }

    @Test func theEditorWorksInFirefox() throws {
        let folder = try Run.tempFolder()
        // The judge's temporary profile goes here, so the test sees it removed.
        let temporary = try Run.tempFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: temporary)
        }
        let served = try ServeEndToEndTests.Served(folder: folder)
        defer { served.stop() }
        #expect(served.address.hasPrefix("http://127.0.0.1:"))
        let run = try Run.program("/usr/bin/python3", [Self.script, served.address], environment: ["TMPDIR": temporary.path])
        let line = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let result = try #require((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                                  "judge: \(run.stdout)\n\(run.stderr)")
        // Firefox is gone, its content processes too, and so is its profile.
        let group = try #require(result["nhom_tien_trinh_firefox"] as? Int)
        #expect(Self.living(group: group).isEmpty, "\(Self.living(group: group))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
        #expect(run.status == 0, "\(result["loi"] ?? run.stderr) \(result)")
        guard run.status == 0 else { return }

        #expect((result["trinh_duyet"] as? String)?.contains("Firefox/") == true, "\(result["trinh_duyet"] ?? "")")
        // The page's JavaScript built the editor form from the server's schema.
        #expect((result["so_o_bieu_mau"] as? Int ?? 0) > 20)
        // The Vietnamese diagnostic of the impossible date appeared next to the date field.
        let note = result["loi_ngay"] as? String ?? ""
        #expect(note.contains("ngày 30/02/2025 không tồn tại"), "\(note)")
        #expect((result["tom_tat"] as? String)?.contains("(0 lỗi") == true, "\(result["tom_tat"] ?? "")")
        #expect((result["trang_thai_luu"] as? String)?.hasPrefix("Đã lưu") == true)
        // No JavaScript error nor console error in the whole session.
        #expect((result["bao_loi_trinh_duyet"] as? [String])?.isEmpty == true, "\(result["bao_loi_trinh_duyet"] ?? "")")
        // Reopened as saved, and the saved file passes `thidua check`.
        #expect(result["ngay_sau_khi_mo_lai"] as? String == "2025-02-20")
        #expect(result["ky_niem_sau_khi_mo_lai"] as? [String] == ["thanh_lap_dang", "giai_phong_mien_nam"])
        let saved = folder.appendingPathComponent("ke-hoach-firefox.yaml")
        let yaml = try String(contentsOf: saved, encoding: .utf8)
        #expect(yaml.contains("ky_niem: [thanh_lap_dang, giai_phong_mien_nam]"))
        #expect(yaml.contains("2025-02-20"), "\(yaml)")
        let check = try Run.thidua(["check", saved.path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// The guidance and the report of the Chromium judges, made the same way in Firefox
    /// (one session, both documents), judged the same way.
    @Test func aGuidanceAndAReportFromNothingInFirefox() throws {
        let folder = try DocumentJudgement.folderWithPlan()
        let downloads = try Run.tempFolder()
        let desk = try DocumentJudgement.desk()
        let temporary = try Run.tempFolder()
        defer {
            for made in [folder, downloads, desk, temporary] { try? FileManager.default.removeItem(at: made) }
        }
        let served = try ServeEndToEndTests.Served(folder: folder)
        defer { served.stop() }
        let files = DocumentJudgement.uploads.map { desk.appendingPathComponent($0).path }
        let run = try Run.program("/usr/bin/python3", [DocumentJudgement.script, "firefox", served.address, downloads.path] + files,
                                  environment: ["TMPDIR": temporary.path])
        let line = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let result = try #require((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                                  "judge: \(run.stdout)\n\(run.stderr)")
        let group = try #require(result["nhom_tien_trinh_firefox"] as? Int)
        #expect(Self.living(group: group).isEmpty, "\(Self.living(group: group))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
        #expect(run.status == 0, "\(result["loi"] ?? run.stderr) \(result)")
        guard run.status == 0 else { return }
        #expect((result["trinh_duyet"] as? String)?.contains("Firefox/") == true, "\(result["trinh_duyet"] ?? "")")
        #expect((result["bao_loi_trinh_duyet"] as? [String])?.isEmpty == true, "\(result["bao_loi_trinh_duyet"] ?? "")")
        let guidance = try #require(result["huong_dan"] as? [String: Any])
        try DocumentJudgement.expectGuidance(guidance, folder: folder, downloads: downloads)
        let report = try #require(result["bao_cao"] as? [String: Any])
        try DocumentJudgement.expectReport(report, folder: folder, downloads: downloads, desk: desk)
    }
}
