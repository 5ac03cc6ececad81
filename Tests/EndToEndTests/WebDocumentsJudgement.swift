import Foundation
import Testing

/// What the judges of a guidance and a report made in a browser (Scripts/web_judge_documents.py,
/// in Chromium and in Firefox) must have seen, and what the saved files and the downloads
/// must be: the same as `thidua render`, `thidua tasks` and `thidua bieu-mau` give for the
/// saved data file.
enum DocumentJudgement {
    static let script = Run.packageRoot.appendingPathComponent("Tests/EndToEndTests/Scripts/web_judge_documents.py").path
    static let examples = Run.packageRoot.appendingPathComponent("Examples")
    static let uploads = ["so-lieu-cac-huyen.csv", "so-lieu-cac-khoi.xlsx", "so-lieu-cung-ky-2024.csv"]

    /// The judge's JSON (its last line), with the run; nil (and a failed expectation) when the
    /// judge failed.
    static func judge(_ arguments: [String]) throws -> [String: Any]? {
        let run = try Run.program("/usr/bin/python3", [script] + arguments)
        let line = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let result = try #require((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                                  "judge: \(run.stdout)\n\(run.stderr)")
        #expect(run.status == 0, "\(result["loi"] ?? run.stderr)")
        #expect((result["bao_loi_trinh_duyet"] as? [String])?.isEmpty == true, "\(result["bao_loi_trinh_duyet"] ?? "")")
        return run.status == 0 ? result : nil
    }

    /// Every sheet's cells of a workbook (as written, and as last computed), read by openpyxl.
    static func cells(_ workbook: URL) throws -> String {
        let run = try Run.program("/usr/bin/python3", [script, "cells", workbook.path])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    /// A folder holding the province's plan, which the clerk's guidance and report cite.
    static func folderWithPlan() throws -> URL {
        let folder = try Run.tempFolder()
        try FileManager.default.copyItem(at: examples.appendingPathComponent("ke-hoach-tinh-2025.yaml"),
                                         to: folder.appendingPathComponent("ke-hoach-tinh-2025.yaml"))
        return folder
    }

    /// The clerk's own disk: two CSVs the units sent, and a workbook one unit typed (openpyxl).
    static func desk() throws -> URL {
        let desk = try Run.tempFolder()
        let sent = examples.appendingPathComponent("bao-cao")
        for name in ["so-lieu-cac-huyen.csv", "so-lieu-cung-ky-2024.csv"] {
            try FileManager.default.copyItem(at: sent.appendingPathComponent(name), to: desk.appendingPathComponent(name))
        }
        let made = try Run.program("/usr/bin/python3", [script, "xlsx", sent.appendingPathComponent("so-lieu-cac-khoi.csv").path,
                                                        desk.appendingPathComponent("so-lieu-cac-khoi.xlsx").path])
        #expect(made.status == 0, "\(made.stderr)")
        return desk
    }

    /// The guidance `huong-dan-moi.yaml` the judge made in `folder`, and its downloads.
    static func expectGuidance(_ result: [String: Any], folder: URL, downloads: URL) throws {
        // The field that cites a data file offers the folder's data files.
        #expect((result["goi_y_tep"] as? [String])?.contains("ke-hoach-tinh-2025.yaml") == true, "\(result["goi_y_tep"] ?? "")")
        // The Vietnamese diagnostics appeared next to the fields she got wrong.
        #expect((result["loi_ky_hieu"] as? String)?.contains("không bắt đầu bằng mã loại `HD` của hướng dẫn") == true,
                "\(result["loi_ky_hieu"] ?? "")")
        #expect((result["loi_han"] as? String)?.contains("ngày 31/4/2025 không tồn tại") == true, "\(result["loi_han"] ?? "")")
        #expect(result["xem_truoc_co_thuc_hien"] as? Bool == true)
        // Moved up and removed with the items' buttons.
        #expect(result["cac_y"] as? [String] == ["Tuyên truyền trên trang thông tin điện tử.", "Pa-nô, áp-phích tại khu công nghiệp."])
        #expect(result["chan_doan"] as? String == "", "\(result["chan_doan"] ?? "")")

        // What she saved is a data file the CLI reads, clean, with what the form made.
        let saved = folder.appendingPathComponent("huong-dan-moi.yaml")
        let check = try Run.thidua(["check", saved.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("1 tệp: 0 lỗi, 0 cảnh báo"), "\(check.stdout)")
        let yaml = try String(contentsOf: saved, encoding: .utf8)
        for line in ["loai: huong_dan", "- tep: ke-hoach-tinh-2025.yaml", "- tieu_muc: Phát triển đoàn viên", "- cac_diem:", "- cac_y:", "- Tuyên truyền trên trang thông tin điện tử.\n              - Pa-nô, áp-phích tại khu công nghiệp.\n",
                     "- giao: Ban Tuyên giáo - Nữ công", "han: 2025-04-15", "han_thang: 2025-05", "muc_dich: để th/hiện"] {
            #expect(yaml.contains(line), "\(line)")
        }
        let tasks = try Run.thidua(["tasks", saved.path])
        #expect(tasks.stdout.contains("1. trước ngày 15/4/2025 - Ban Tuyên giáo - Nữ công (07/HD-LĐLĐ)"), "\(tasks.stdout)")
        #expect(tasks.stdout.contains("2. trong tháng 05 năm 2025 - Công đoàn cơ sở (07/HD-LĐLĐ)"), "\(tasks.stdout)")

        // The downloads are byte for byte what `thidua render` and `thidua tasks` write.
        let out = folder.appendingPathComponent("cli")
        let render = try Run.thidua(["render", saved.path, "--format", "md,docx", "--out", out.path])
        #expect(render.status == 0, "\(render.stderr)")
        let list = try Run.thidua(["tasks", saved.path, "--format", "docx", "--out", out.path])
        #expect(list.status == 0, "\(list.stderr)")
        let names = ["07-HD-LDLD-2025-nhiem-vu.docx", "07-HD-LDLD-2025.docx", "07-HD-LDLD-2025.md"]
        #expect(result["tai_ve"] as? [String] == names)
        for name in names {
            #expect(try Data(contentsOf: downloads.appendingPathComponent(name)) == Data(contentsOf: out.appendingPathComponent(name)), "\(name)")
        }
        let markdown = try String(contentsOf: out.appendingPathComponent("07-HD-LDLD-2025.md"), encoding: .utf8)
        // The plan cited by its file: number, date and body come from it.
        #expect(markdown.contains("Thực hiện Kế hoạch số 12/KH-LĐLĐ ngày 20/02/2025"), "\(markdown)")
    }

    /// The report `bao-cao-moi.yaml` the judge made in `folder` from the files of `desk`, and
    /// its downloads.
    static func expectReport(_ result: [String: Any], folder: URL, downloads: URL, desk: URL) throws {
        let sent = examples.appendingPathComponent("bao-cao")
        #expect((result["loi_ky"] as? String)?.contains("ngày 31/6/2025 không tồn tại") == true, "\(result["loi_ky"] ?? "")")
        // Told the upload worked, and offered the uploaded files in the figure fields at once.
        #expect((result["trang_thai_tai_len"] as? String)?.hasPrefix("Đã tải lên so-lieu-cung-ky-2024.csv") == true,
                "\(result["trang_thai_tai_len"] ?? "")")
        #expect(Set(result["goi_y_so_lieu"] as? [String] ?? []) == Set(uploads), "\(result["goi_y_so_lieu"] ?? "")")
        #expect((result["goi_y_ke_hoach"] as? [String])?.contains("ke-hoach-tinh-2025.yaml") == true, "\(result["goi_y_ke_hoach"] ?? "")")
        #expect(result["xem_truoc_co_so_lieu"] as? Bool == true)
        // The uploads are in the folder as they were on her disk.
        for name in uploads {
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == Data(contentsOf: desk.appendingPathComponent(name)), "\(name)")
        }

        let saved = folder.appendingPathComponent("bao-cao-moi.yaml")
        let check = try Run.thidua(["check", saved.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("đọc 38 dòng từ 2 tệp (1 trang tính); tổng hợp 38 đơn vị"), "\(check.stderr)")
        let yaml = try String(contentsOf: saved, encoding: .utf8)
        for line in ["loai: bao_cao", "tep: ke-hoach-tinh-2025.yaml", "so_lieu: [so-lieu-cac-huyen.csv, so-lieu-cac-khoi.xlsx]",
                     "ky_truoc: [so-lieu-cung-ky-2024.csv]", "- ma: doan_vien_moi", "den: 2025-06-15"] {
            #expect(yaml.contains(line), "\(line)\n\(yaml)")
        }

        // The downloads are what `thidua render` writes: md and docx byte for byte, the
        // workbook cell for cell on every sheet.
        let out = folder.appendingPathComponent("cli")
        let render = try Run.thidua(["render", saved.path, "--format", "md,docx,xlsx", "--out", out.path])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(result["tai_ve"] as? [String] == ["41-BC-LDLD-2025-bieu-mau.xlsx", "41-BC-LDLD-2025.docx", "41-BC-LDLD-2025.md", "41-BC-LDLD-2025.xlsx"])
        for name in ["41-BC-LDLD-2025.md", "41-BC-LDLD-2025.docx"] {
            #expect(try Data(contentsOf: downloads.appendingPathComponent(name)) == Data(contentsOf: out.appendingPathComponent(name)), "\(name)")
        }
        let sheets = try cells(downloads.appendingPathComponent("41-BC-LDLD-2025.xlsx"))
        #expect(sheets.contains("Tổng hợp"))
        #expect(sheets == (try cells(out.appendingPathComponent("41-BC-LDLD-2025.xlsx"))))
        // The units' form, as `thidua bieu-mau` writes it.
        let forms = try Run.thidua(["bieu-mau", saved.path, "--out", out.path])
        #expect(forms.status == 0, "\(forms.stderr)")
        let form = try cells(downloads.appendingPathComponent("41-BC-LDLD-2025-bieu-mau.xlsx"))
        #expect(form.contains("Phát triển đoàn viên"), "\(form)")
        #expect(form == (try cells(out.appendingPathComponent("41-BC-LDLD-2025-bieu-mau.xlsx"))))
        // The figures of the workbook and of the CSV both count: the new members are the
        // sum over both sources, computed apart from thidua.
        let totals = try Run.program("/usr/bin/python3", [Run.packageRoot.appendingPathComponent("Tests/EndToEndTests/Scripts/xlsx_fixtures.py").path,
                                                          "totals", sent.appendingPathComponent("so-lieu-cac-huyen.csv").path,
                                                          sent.appendingPathComponent("so-lieu-cac-khoi.csv").path])
        let sums = try #require(try JSONSerialization.jsonObject(with: Data(totals.stdout.utf8)) as? [String: Int])
        let members = try #require(sums["doan_vien_moi"])
        let markdown = try String(contentsOf: out.appendingPathComponent("41-BC-LDLD-2025.md"), encoding: .utf8)
        #expect(markdown.contains("Phát triển được \(members) đoàn viên mới"), "\(members)")
    }
}
