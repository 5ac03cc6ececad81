import Foundation
import Testing

/// Word and PDF through the binary: `--format docx|pdf|all`, the task list, PDF without
/// LibreOffice, and `check` refusing what `render` would refuse in the Word layout.
@Suite("thidua render --format docx / pdf (binary)")
struct WordEndToEndTests {
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    @Test func allWritesTheWordFileNextToTheText() throws {
        let out = try Run.tempFolder()
        let result = try Run.thidua(["render", "Examples/ke-hoach-tinh-2025.yaml", "Examples/bao-cao-so-ket-2025.yaml", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["12-KH-LDLD-2025", "41-BC-LDLD-2025"] {
            let bytes = try [UInt8](Data(contentsOf: out.appendingPathComponent("\(name).docx")))
            #expect(Array(bytes.prefix(4)) == Self.zipMagic, "\(name).docx không phải tệp zip")
            #expect(result.stdout.contains("\(name).docx"))
        }
        // PDF needs LibreOffice and takes seconds: only when asked for.
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("12-KH-LDLD-2025.pdf").path))
    }

    @Test func docxAloneWritesOnlyTheWordFile() throws {
        let out = try Run.tempFolder()
        let result = try Run.thidua(["render", "Examples/huong-dan-tinh-2025.yaml", "--format", "docx", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["03-HD-LDLD-2025.docx"])
        // The same bytes as in a full set: a Word-only run builds no Markdown or text blocks,
        // and its Word parts are parsed on another thread; neither may change the file.
        let all = try Run.tempFolder()
        #expect(try Run.thidua(["render", "Examples/huong-dan-tinh-2025.yaml", "--format", "all", "--out", all.path]).status == 0)
        #expect(try Data(contentsOf: out.appendingPathComponent("03-HD-LDLD-2025.docx"))
                == Data(contentsOf: all.appendingPathComponent("03-HD-LDLD-2025.docx")))
    }

    @Test func pdfWithoutLibreOfficeSaysWhatToInstallAndWritesNothing() throws {
        let out = try Run.tempFolder().appendingPathComponent("ra")
        let empty = try Run.tempFolder()
        let result = try Run.thidua(["render", "Examples/ke-hoach-tinh-2025.yaml", "--format", "docx,pdf", "--out", out.path],
                                    environment: ["PATH": empty.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("libreoffice-writer-nogui"), "\(result.stderr)")
        #expect(result.stderr.contains("cài gói"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func pdfWithLibreOfficeWritesTheSetTogether() throws {
        guard Run.which("soffice") != nil else {
            Issue.record("cần LibreOffice (scripts/test.sh cài libreoffice-writer-nogui)")
            return
        }
        let out = try Run.tempFolder()
        let result = try Run.thidua(["render", "Examples/ke-hoach-phuong-2025.yaml", "--format", "pdf,docx", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = try [UInt8](Data(contentsOf: out.appendingPathComponent("07-KH-CDP-2025.pdf")))
        #expect(Array(pdf.prefix(4)) == Array("%PDF".utf8))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("07-KH-CDP-2025.docx").path))
        // No temporary file of the conversion is left in the output folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["07-KH-CDP-2025.docx", "07-KH-CDP-2025.pdf"])
    }

    @Test func taskListAsWord() throws {
        let out = try Run.tempFolder()
        let result = try Run.thidua(["tasks", "Examples/huong-dan-tinh-2025.yaml", "--format", "docx", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try [UInt8](Data(contentsOf: out.appendingPathComponent("03-HD-LDLD-2025-nhiem-vu.docx")))
        #expect(Array(bytes.prefix(4)) == Self.zipMagic)
    }

    /// `check` makes no Word file (rendering the parts and zipping cannot fail on data), but
    /// it still parses the Word parts: a broken one is refused with the same message.
    @Test func checkRefusesABrokenWordPartAsRenderDoes() throws {
        let folder = try Run.tempFolder()
        let templates = folder.appendingPathComponent("mau")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{#word.blocks}}<w:p/>\n".write(to: templates.appendingPathComponent("body.docx.mustache"), atomically: true, encoding: .utf8)
        let check = try Run.thidua(["check", "Examples/ke-hoach-tinh-2025.yaml", "--templates", templates.path])
        let out = folder.appendingPathComponent("ra")
        let render = try Run.thidua(["render", "Examples/ke-hoach-tinh-2025.yaml", "--templates", templates.path, "--out", out.path])
        #expect(check.status != 0 && check.status == render.status, "\(check.stderr)\n\(render.stderr)")
        #expect(check.stderr.contains("body.docx.mustache"), "\(check.stderr)")
        let message = { (text: String) in text.split(separator: "\n").filter { $0.contains("body.docx.mustache") } }
        #expect(message(check.stderr) == message(render.stderr), "\(check.stderr)\n\(render.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty)
        // Markdown alone does not read the Word parts.
        #expect(try Run.thidua(["render", "Examples/ke-hoach-tinh-2025.yaml", "--templates", templates.path, "--format", "md",
                                "--out", out.path]).status == 0)
    }

    @Test func checkRefusesABrokenWordLayoutAsRenderDoes() throws {
        let folder = try Run.tempFolder()
        let templates = folder.appendingPathComponent("mau")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "trang:\n  le_trai: 35\n  le_phia: 15\n".write(to: templates.appendingPathComponent("layout.docx.mustache"), atomically: true, encoding: .utf8)
        let check = try Run.thidua(["check", "Examples/ke-hoach-tinh-2025.yaml", "--templates", templates.path])
        // A template is an option, not data: exit 2, as for a template refused at the start.
        #expect(check.status == 2)
        #expect(check.stderr.contains("layout.docx.mustache:3:3") && check.stderr.contains("le_phai"), "\(check.stderr)")
        let out = folder.appendingPathComponent("ra")
        let render = try Run.thidua(["render", "Examples/ke-hoach-tinh-2025.yaml", "--templates", templates.path, "--out", out.path])
        #expect(render.status == 2)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty)
        // A good override changes the Word file only.
        try "trang:\n  le_trai: 35\n".write(to: templates.appendingPathComponent("layout.docx.mustache"), atomically: true, encoding: .utf8)
        #expect(try Run.thidua(["render", "Examples/ke-hoach-tinh-2025.yaml", "--templates", templates.path, "--out", out.path]).status == 0)
    }
}
