import Foundation
import Testing

/// A form save over a clerk's commented file, and a change of kind, in a real browser
/// (Scripts/web_judge_layout.py, chromium driven by Selenium, like WebBrowserEndToEndTests).
@Suite(.serialized) struct WebLayoutEndToEndTests {
    static let script = Run.packageRoot.appendingPathComponent("Tests/EndToEndTests/Scripts/web_judge_layout.py").path

    @Test func aFormSaveKeepsTheClerksCommentsAndAKindChangeAsksFirst() throws {
        let folder = try Run.tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "ke-hoach-tinh-2025.yaml"
        let original = try String(contentsOf: Run.packageRoot.appendingPathComponent("Examples/\(name)"), encoding: .utf8)
        try Data(original.utf8).write(to: folder.appendingPathComponent(name))
        let served = try ServeEndToEndTests.Served(folder: folder)
        defer { served.stop() }
        let run = try Run.program("/usr/bin/python3", [Self.script, served.address, name])
        let line = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let result = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                                  "judge: \(run.stdout)\n\(run.stderr)")
        #expect(run.status == 0, "\(result["loi"] ?? run.stderr)")
        guard run.status == 0 else { return }

        // The first save: the clerk's file with one line changed, every comment kept.
        let expected = original.replacingOccurrences(of: "dia_danh: Bến Tre\n", with: "dia_danh: Vĩnh Long\n")
        #expect(result["luu_lan_1"] as? String == expected)
        #expect(try String(contentsOf: folder.appendingPathComponent(name + ".bak"), encoding: .utf8) == expected)

        // The kind: asked in Vietnamese, cancelled, then accepted.
        let question = result["cau_hoi"] as? String ?? ""
        #expect(question.hasPrefix("Đổi loại văn bản sang báo cáo?") && question.contains("“Các đợt thi đua”"), "\(question)")
        #expect(result["sau_huy_loai"] as? String == "ke_hoach")
        #expect(result["sau_huy_co_dot"] as? Bool == true)
        #expect(result["sau_doi_co_dot"] as? Bool == false)
        #expect(result["sau_doi_ky_hieu"] as? String == "BC-LĐLĐ")
        #expect((result["sau_doi_trang_thai"] as? String)?.contains("Ký hiệu đổi thành BC-LĐLĐ.") == true, "\(result["sau_doi_trang_thai"] ?? "")")
        #expect((result["bao_loi_trinh_duyet"] as? [String])?.isEmpty == true, "\(result["bao_loi_trinh_duyet"] ?? "")")

        // Saved as a report: no phase left, the comments of what stayed kept; `thidua check`
        // only asks for the report's own block.
        let report = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        #expect(report.contains("loai: bao_cao\n") && !report.contains("dot_thi_dua") && !report.contains("thoi_gian"))
        #expect(report.hasPrefix("# Kế hoạch của một LĐLĐ tỉnh phát động thi đua năm 2025, hai đợt.\n"))
        #expect(report.contains("          # Số năm kỷ niệm trong đoạn văn cũng do thidua tính"))
        let check = try Run.thidua(["check", folder.appendingPathComponent(name).path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("cần khối `bao_cao`") && !check.stderr.contains("cảnh báo:"), "\(check.stderr)")
    }
}
