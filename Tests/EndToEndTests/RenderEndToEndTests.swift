import Foundation
import Testing

@Suite("thidua render / check / calendar / tasks (binary)")
struct RenderEndToEndTests {
    @Test func rendersTheProvincialPlanIntoBothFormats() throws {
        let out = try Run.tempFolder()
        let result = try Run.thidua(["render", "Examples/ke-hoach-tinh-2025.yaml", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("12-KH-LDLD-2025.md"))
        let txt = try String(contentsOf: out.appendingPathComponent("12-KH-LDLD-2025.txt"), encoding: .utf8)
        #expect(txt.contains("Số: 12/KH-LĐLĐ"))
        #expect(txt.contains("kỷ niệm 95 năm".capitalizedFirst))
        let md = try String(contentsOf: out.appendingPathComponent("12-KH-LDLD-2025.md"), encoding: .utf8)
        #expect(md.contains("# KẾ HOẠCH"))
    }

    @Test func rendersFromAnotherDirectoryWithBuiltInTemplates() throws {
        let out = try Run.tempFolder()
        let example = Run.packageRoot.appendingPathComponent("Examples/huong-dan-tinh-2025.yaml").path
        let result = try Run.thidua(["render", example, "--format", "txt", "--out", "out"], in: out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("out/03-HD-LDLD-2025.txt").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("out/03-HD-LDLD-2025.md").path))
    }

    @Test func widthOptionChangesWrapping() throws {
        func widest(_ width: Int) throws -> (widest: Int, lines: Int) {
            let out = try Run.tempFolder()
            let result = try Run.thidua(["render", "Examples/ke-hoach-tinh-2025.yaml", "--format", "txt", "--width", "\(width)", "--out", out.path])
            #expect(result.status == 0, "\(result.stderr)")
            let txt = try String(contentsOf: out.appendingPathComponent("12-KH-LDLD-2025.txt"), encoding: .utf8)
            let lines = txt.split(separator: "\n")
            return (lines.map(\.count).max() ?? 0, lines.count)
        }
        let narrow = try widest(60), wide = try widest(80)
        // Paragraphs fill the width they are given: not wider, and not much narrower.
        #expect(narrow.widest <= 60 && narrow.widest >= 55, "\(narrow)")
        #expect(wide.widest <= 80 && wide.widest > 60, "\(wide)")
        #expect(narrow.lines > wide.lines)
    }

    @Test func checkReportsABrokenFileWithPositionAndExitsOne() throws {
        let folder = try Run.tempFolder()
        let file = folder.appendingPathComponent("hỏng.yaml")
        let text = try String(contentsOf: Run.packageRoot.appendingPathComponent("Examples/ke-hoach-tinh-2025.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "dia_danh: Bến Tre", with: "dia_dan: Bến Tre")
            .replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2025-02-31")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try Run.thidua(["check", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("hỏng.yaml:10:1: lỗi: khóa `dia_dan` không có trong tệp văn bản — có phải ý bạn là `dia_danh`?"), "\(result.stderr)")
        #expect(result.stderr.contains("hỏng.yaml:11:7: lỗi: ngày ban hành"), "\(result.stderr)")
        // render refuses the same data and writes nothing.
        let out = folder.appendingPathComponent("out")
        let render = try Run.thidua(["render", file.path, "--out", out.path])
        #expect(render.status == 1)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true)
    }

    @Test func checkPassesTheExamples() throws {
        let result = try Run.thidua(["check", "Examples/ke-hoach-tinh-2025.yaml", "Examples/ke-hoach-phuong-2025.yaml", "Examples/huong-dan-tinh-2025.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 lỗi"))
    }

    @Test func calendarListsAnniversariesWithRoundMarks() throws {
        let result = try Run.thidua(["calendar", "2025"])
        #expect(result.status == 0)
        // Each line shows the code a data file uses.
        #expect(result.stdout.contains("03/02  thanh_lap_dang             95 năm  Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)  [năm lẻ 5]"))
        #expect(result.stdout.contains("30/04  giai_phong_mien_nam        50 năm  Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025)  [năm tròn]"))
        #expect(result.stdout.contains("19/08  cach_mang_thang_tam"))
        // Names bring no brackets of their own.
        #expect(!result.stdout.contains(") ("))
    }

    @Test func usageErrorsExitTwoInVietnamese() throws {
        let missing = try Run.thidua(["render", "khong-co.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("không tìm thấy tệp khong-co.yaml"))
        let badWidth = try Run.thidua(["render", "Examples/ke-hoach-tinh-2025.yaml", "--width", "5"])
        #expect(badWidth.status == 2)
        let unknown = try Run.thidua(["render", "--khong-co"])
        #expect(unknown.status == 2)
        let help = try Run.thidua(["render", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("CÁCH DÙNG:"))
        #expect(help.stdout.contains("Thư mục ghi kết quả."))
    }

    @Test func templatesCanBeOverriddenFromAFolder() throws {
        let folder = try Run.tempFolder()
        try "{{% CONTENT_TYPE: TEXT }}RIÊNG {{{title}}} {{{header.number_line}}}\n{{> footer.txt}}\n"
            .write(to: folder.appendingPathComponent("ke-hoach.txt.mustache"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try Run.thidua(["render", "Examples/ke-hoach-tinh-2025.yaml", "--templates", folder.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let txt = try String(contentsOf: out.appendingPathComponent("12-KH-LDLD-2025.txt"), encoding: .utf8)
        #expect(txt.hasPrefix("RIÊNG KẾ HOẠCH Số: 12/KH-LĐLĐ"))
        #expect(txt.contains("Lưu: VT, Ban CSPL."))
        // The Markdown template was not overridden: the built-in one is used.
        let md = try String(contentsOf: out.appendingPathComponent("12-KH-LDLD-2025.md"), encoding: .utf8)
        #expect(md.contains("# KẾ HOẠCH"))
    }

    @Test func aBrokenTemplateIsReportedWithFileLineAndColumn() throws {
        let folder = try Run.tempFolder()
        try "dòng 1\n{{#sections}}\n{{title}}\n"
            .write(to: folder.appendingPathComponent("ke-hoach.md.mustache"), atomically: true, encoding: .utf8)
        try "{{> ../../etc/passwd}}\n".write(to: folder.appendingPathComponent("ke-hoach.txt.mustache"), atomically: true, encoding: .utf8)
        let result = try Run.thidua(["render", "Examples/ke-hoach-tinh-2025.yaml", "--templates", folder.path, "--out", folder.appendingPathComponent("o").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("ke-hoach.") && result.stderr.contains("lỗi: mẫu văn bản sai"), "\(result.stderr)")
    }

    @Test func tasksListsAssignmentsByDeadlineAsCSV() throws {
        let out = try Run.tempFolder()
        let result = try Run.thidua(["tasks", "Examples/huong-dan-tinh-2025.yaml", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("03-HD-LDLD-2025-nhiem-vu.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.count == 8)
        #expect(lines[1].hasPrefix("1,2025-10-15,,\"Công đoàn các xã, phường\""))
        #expect(lines[7].hasPrefix("7,2025-12-05,,Ban Chính sách - Pháp luật"))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
