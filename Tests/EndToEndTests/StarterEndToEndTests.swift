import Foundation
import TestFixtures
import Testing
import ThiDuaKit

/// `thidua moi`, `trien-khai`, `nam-sau` through the binary: exit codes, the refusal to
/// overwrite, and that what they write is what `check` and `render` read.
@Suite("Starters through the binary")
struct StarterEndToEndTests {
    static func copyExamples(to folder: URL) throws {
        for name in ["ke-hoach-tinh-2025.yaml", "ke-hoach-phuong-2025.yaml"] {
            try FileManager.default.copyItem(at: Run.packageRoot.appendingPathComponent("Examples/\(name)"), to: folder.appendingPathComponent(name))
        }
    }

    /// Fills the blanks of `file` as a clerk would and writes it back.
    static func fill(_ file: URL, kind: DocumentKind) throws {
        let bytes = try [UInt8](Data(contentsOf: file))
        let tree = try #require(DataNode.parse(bytes: bytes, file: file.lastPathComponent).0)
        let filled = StarterFill.fill(tree, with: StarterFill.values(for: kind))
        try filled.yaml(kind: kind, comments: true).text.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test("moi: a file that fails check until filled, then passes; never overwritten", arguments: ["ke-hoach", "huong-dan", "bao-cao"])
    func newFile(kind: String) throws {
        let folder = try Run.tempFolder()
        let made = try Run.thidua(["moi", kind], in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let file = folder.appendingPathComponent("\(kind)-moi.yaml")
        #expect(made.stdout.contains("\(kind)-moi.yaml") && made.stdout.contains("chỗ trống"))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("# ") && text.contains("# Trích yếu: "))

        let unfilled = try Run.thidua(["check", file.path])
        #expect(unfilled.status == 1 && !unfilled.crashed)
        #expect(unfilled.stderr.contains("\(kind)-moi.yaml:") && unfilled.stderr.contains("đang để trống"), "\(unfilled.stderr)")

        let again = try Run.thidua(["moi", kind], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("đã có; thidua không ghi đè"), "\(again.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == text)

        let documentKind = try #require(DocumentKind(rawValue: kind.replacingOccurrences(of: "-", with: "_")))
        if documentKind == .baoCao {
            // The report reviews a filled plan and reads one figures file.
            #expect(try Run.thidua(["moi", "ke-hoach", "ke-hoach.yaml"], in: folder).status == 0)
            try Self.fill(folder.appendingPathComponent("ke-hoach.yaml"), kind: .keHoach)
            try FileManager.default.copyItem(at: Run.packageRoot.appendingPathComponent("Examples/bao-cao/so-lieu-cac-khoi.csv"),
                                             to: folder.appendingPathComponent("so-lieu.csv"))
        }
        try Self.fill(file, kind: documentKind)
        let filled = try Run.thidua(["check", file.path])
        #expect(filled.status == 0, "\(filled.stderr)")
        #expect(!filled.stderr.contains("lỗi:"), "\(filled.stderr)")
    }

    @Test("moi: usage errors exit 2 in Vietnamese")
    func usage() throws {
        let folder = try Run.tempFolder()
        let badKind = try Run.thidua(["moi", "cong-van"], in: folder)
        #expect(badKind.status == 2 && badKind.stderr.contains("chọn ke-hoach, huong-dan hoặc bao-cao"), "\(badKind.stderr)")
        let noFolder = try Run.thidua(["moi", "ke-hoach", "khong-co/kh.yaml"], in: folder)
        #expect(noFolder.status == 2 && noFolder.stderr.contains("không có"), "\(noFolder.stderr)")
        let outside = try Run.thidua(["moi", "ke-hoach", "/tmp/ngoai-\(UUID().uuidString).yaml", "--root", folder.path], in: folder)
        #expect(outside.status == 2 && outside.stderr.contains("nằm ngoài thư mục làm việc"), "\(outside.stderr)")
        let help = try Run.thidua(["moi", "--help"])
        #expect(help.stdout.contains("Tạo tệp dữ liệu mới") && help.stdout.contains("CÁCH DÙNG"))
    }

    @Test("trien-khai: the district plan cites the province's file; check compares them")
    func derive() throws {
        let folder = try Run.tempFolder()
        try Self.copyExamples(to: folder)
        let sub = folder.appendingPathComponent("phuong")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let made = try Run.thidua(["trien-khai", "ke-hoach-tinh-2025.yaml", "phuong/kh.yaml", "--tu", "11/8/2025"], in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let file = sub.appendingPathComponent("kh.yaml")
        let tree = try #require(DataNode.parse(bytes: try [UInt8](Data(contentsOf: file)), file: "kh.yaml").0)
        #expect(tree["can_cu"]?.items?.first?["tep"]?.text == "../ke-hoach-tinh-2025.yaml")
        #expect(tree["dot_thi_dua"]?.items?.first?["tu"]?.text == "2025-08-11")
        let unfilled = try Run.thidua(["check", file.path])
        #expect(unfilled.status == 1 && unfilled.stderr.contains("cơ quan ban hành đang để trống"), "\(unfilled.stderr)")

        var header = tree
        for (key, value) in [("co_quan_chu_quan", "Liên đoàn Lao động tỉnh Vĩnh Long"), ("co_quan_ban_hanh", "Công đoàn phường An Hội"), ("so", "3"),
                             ("ky_hieu", "KH-CĐP"), ("dia_danh", "Bến Tre"), ("ngay", "2025-08-11")] {
            header[key] = .scalar(value)
        }
        header["mo_dau"] = .sequence([.scalar("Ban Chấp hành Công đoàn phường xây dựng Kế hoạch như sau:")])
        header["noi_nhan"] = .sequence([.scalar("LĐLĐ tỉnh"), .scalar("Các CĐCS trực thuộc")])
        header["chu_ky"] = .mapping([DataEntry(key: "hinh_thuc", value: .scalar("TM.")), DataEntry(key: "thay_mat", value: .scalar("Ban Chấp hành")),
                                     DataEntry(key: "chuc_vu", value: .scalar("Chủ tịch")), DataEntry(key: "ho_ten", value: .scalar("Trần Văn Bình"))])
        try header.yaml(kind: .keHoach, comments: false).text.write(to: file, atomically: true, encoding: .utf8)
        // The plan in the folder above is read only with --root (the command said so).
        #expect(made.stdout.contains("--root"), "\(made.stdout)")
        #expect(try Run.thidua(["check", file.path]).stderr.contains("nằm ngoài thư mục được phép đọc"))
        let checked = try Run.thidua(["check", file.path, "--root", folder.path])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stderr.contains("còn chép nguyên văn từ Kế hoạch số 12/KH-LĐLĐ"), "\(checked.stderr)")
        let out = folder.appendingPathComponent("out")
        let render = try Run.thidua(["render", file.path, "--format", "md", "--out", out.path, "--root", folder.path])
        #expect(render.status == 0, "\(render.stderr)")
        let md = try String(contentsOf: out.appendingPathComponent("03-KH-CDP-2025.md"), encoding: .utf8)
        #expect(md.contains("Thực hiện Kế hoạch số 12/KH-LĐLĐ ngày 20/02/2025 của Ban Thường vụ Liên đoàn Lao động tỉnh Bến Tre về"), "\(md.prefix(1200))")

        let again = try Run.thidua(["trien-khai", "ke-hoach-tinh-2025.yaml", "phuong/kh.yaml"], in: folder)
        #expect(again.status == 2)
        let missing = try Run.thidua(["trien-khai", "khong-co.yaml"], in: folder)
        #expect(missing.status == 2 && !missing.crashed, "\(missing.stderr)")
        let badDate = try Run.thidua(["trien-khai", "ke-hoach-tinh-2025.yaml", "x.yaml", "--tu", "31/02/2025"], in: folder)
        #expect(badDate.status == 2 && badDate.stderr.contains("--tu/--den phải là ngày"), "\(badDate.stderr)")
    }

    @Test("nam-sau: next year's file, its old references flagged by check")
    func nextYear() throws {
        let folder = try Run.tempFolder()
        try Self.copyExamples(to: folder)
        let made = try Run.thidua(["nam-sau", "ke-hoach-tinh-2025.yaml"], in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("ke-hoach-tinh-2026.yaml") && made.stdout.contains("tong_tuyen_cu (80 năm"), "\(made.stdout)")
        let checked = try Run.thidua(["check", folder.appendingPathComponent("ke-hoach-tinh-2026.yaml").path])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stderr.contains("căn cứ Kế hoạch số 05/KH-TLĐ là văn bản của năm 2025, văn bản này cho năm 2026"), "\(checked.stderr)")
        let district = try Run.thidua(["nam-sau", "ke-hoach-phuong-2025.yaml"], in: folder)
        #expect(district.status == 0, "\(district.stderr)")
        let districtCheck = try Run.thidua(["check", folder.appendingPathComponent("ke-hoach-phuong-2026.yaml").path])
        #expect(districtCheck.stderr.contains("là kế hoạch năm 2025, văn bản này cho năm 2026"), "\(districtCheck.stderr)")
        let report = try Run.thidua(["nam-sau", Run.packageRoot.appendingPathComponent("Examples/bao-cao-so-ket-2025.yaml").path, folder.appendingPathComponent("bc.yaml").path])
        #expect(report.status == 1 && report.stderr.contains("không cho báo cáo"), "\(report.stderr)")
    }
}
