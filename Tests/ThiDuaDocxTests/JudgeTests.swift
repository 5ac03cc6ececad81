import Foundation
import Testing
import ThiDuaKit
@testable import ThiDuaDocx

/// Outside programs judge the Word files: python-docx reads the layout back, a structural
/// check applies the rules of ECMA-376 that Word enforces, pandoc reads each file as a
/// third consumer, LibreOffice converts each to PDF, whose text must say everything the
/// plain-text output says. The examples are written and converted once per run.
@Suite("Judges of the .docx files")
struct JudgeTests {
    /// The example files, written once for all the judges.
    static let examples: Result<(folder: URL, files: [URL]), Error> = Result { try DocxTestSupport.writeExamples() }

    /// LibreOffice's PDF of every example, converted in one soffice run.
    static let pdfs: Result<[URL], Error> = Result {
        let (folder, files) = try examples.get()
        let soffice = try #require(Tools.which("soffice"), "cần LibreOffice (scripts/test.sh cài libreoffice-writer-nogui)")
        let out = folder.appendingPathComponent("pdf")
        // A profile of its own: another LibreOffice running on the machine must not matter.
        let profile = folder.appendingPathComponent("lo-profile")
        let result = try Tools.run(soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless",
                                             "--convert-to", "pdf", "--outdir", out.path] + files.map(\.path))
        #expect(result.status == 0, "soffice: \(result.stderr)")
        return files.map { out.appendingPathComponent($0.deletingPathExtension().lastPathComponent + ".pdf") }
    }

    @Test("ECMA-376 structure of every part")
    func structure() throws {
        let files = try Self.examples.get().files
        let result = try Tools.python(script: "check_structure.py", files.map(\.path))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("python-docx reads back the layout of Nghị định 30")
    func pythonDocx() throws {
        let (folder, files) = try Self.examples.get()
        var expectations: [[String: Any]] = []
        for (name, file) in zip(DocxTestSupport.examples, files) {
            let document = try DocxTestSupport.loadExample(name)
            expectations.append([
                "file": file.path, "kind": "document",
                "title": InlineMarkup.plain(document.subject), "author": document.header.issuingBody,
                "annexes": document.annexes.map(\.landscape), "signer": document.signature.signer.value,
                "number": DocumentFormat.numberAndSymbol(number: document.header.number, symbol: document.header.symbol.value),
            ])
        }
        let guidance = try DocxTestSupport.loadExample("huong-dan-tinh-2025")
        expectations.append(["file": files[files.count - 1].path, "kind": "tasks", "title": TaskList.title,
                             "rows": TaskList(documents: [guidance]).rows.count])
        let json = folder.appendingPathComponent("expectations.json")
        try JSONSerialization.data(withJSONObject: expectations).write(to: json)
        let result = try Tools.python(script: "judge_docx.py", [json.path], module: "docx")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("The report's table of every unit is sized for its landscape annex")
    func reportAnnex() throws {
        let document = try DocxTestSupport.loadExample("bao-cao-so-ket-2025")
        #expect(document.annexes.contains { $0.landscape })
        let plan = DocxAnnexPlan(document: document)
        #expect(!plan.landscapeTables.isEmpty)
        let xml = try #require(try DocxTestSupport.parts(DocxTestSupport.docx("bao-cao-so-ket-2025").bytes)["word/document.xml"])
        // The grid of a landscape annex table fills the landscape text width exactly.
        #expect(xml.contains("<w:tblW w:w=\"\(DocxLayout().landscapeTextWidth)\" w:type=\"dxa\"/>"))
    }

    @Test("pandoc reads every file: headings, tables, the whole text")
    func pandoc() throws {
        let pandoc = try #require(Tools.which("pandoc"), "cần pandoc (scripts/test.sh cài gói pandoc)")
        let files = try Self.examples.get().files
        for (name, file) in zip(DocxTestSupport.examples, files) {
            let result = try Tools.run(pandoc, ["-f", "docx", "-t", "plain", "--wrap=none", file.path])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let document = try DocxTestSupport.loadExample(name)
            let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains(InlineMarkup.plain(document.subject)), "\(name): pandoc không thấy trích yếu")
            #expect(result.stdout.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "\(name)")
            #expect(result.stdout.contains(document.signature.signer.value), "\(name)")
            let json = try Tools.run(pandoc, ["-f", "docx", "-t", "json", file.path])
            let tables = json.stdout.components(separatedBy: "\"t\":\"Table\"").count - 1
            // The letterhead and the closing block are tables, and so is every table of figures.
            #expect(tables >= 2, "\(name): pandoc thấy \(tables) bảng")
        }
    }

    @Test("LibreOffice converts every file to PDF with the text of the plain-text output")
    func libreOffice() throws {
        let (folder, _) = try Self.examples.get()
        let pdfs = try Self.pdfs.get()
        var arguments: [String] = []
        for (name, pdf) in zip(DocxTestSupport.examples, pdfs) {
            #expect(FileManager.default.fileExists(atPath: pdf.path), "\(name): LibreOffice không tạo được PDF")
            let document = try DocxTestSupport.loadExample(name)
            let txt = folder.appendingPathComponent("\(name).txt")
            try Renderer.render(document, format: .txt, templates: TemplateSet()).write(to: txt, atomically: true, encoding: .utf8)
            arguments += [txt.path, pdf.path]
        }
        let result = try Tools.python(script: "compare_pdf_text.py", arguments)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("The plan's last page holds the closing paragraph with the signature, not the signature alone")
    func closingKeptWithSignature() throws {
        let pdftotext = try #require(Tools.which("pdftotext"), "cần pdftotext (scripts/test.sh cài poppler-utils)")
        let pdfinfo = try #require(Tools.which("pdfinfo"), "cần pdfinfo (scripts/test.sh cài poppler-utils)")
        let plan = try Self.pdfs.get()[0]
        let info = try Tools.run(pdfinfo, [plan.path]).stdout
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) })
        let last = try Tools.run(pdftotext, ["-f", "\(pages)", "-l", "\(pages)", plan.path, "-"]).stdout
        #expect(last.contains("Nơi nhận:") && last.contains("Lê Thị Thu Hà"))
        // The end of "Trên đây là Kế hoạch … để tổng hợp./." stands above the signature.
        #expect(last.contains("hợp./."), "trang \(pages) chỉ có phần ký:\n\(last)")
    }

    @Test("pdftoppm renders page 1 of the plan and of the report")
    func pageImages() throws {
        let pdftoppm = try #require(Tools.which("pdftoppm"), "cần pdftoppm (scripts/test.sh cài poppler-utils)")
        let (folder, _) = try Self.examples.get()
        let pdfs = try Self.pdfs.get()
        for pdf in [pdfs[0], pdfs[3]] {
            let prefix = folder.appendingPathComponent(pdf.deletingPathExtension().lastPathComponent).path
            let result = try Tools.run(pdftoppm, ["-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", pdf.path, prefix])
            #expect(result.status == 0, "\(result.stderr)")
            let size = (try? FileManager.default.attributesOfItem(atPath: prefix + ".png")[.size] as? Int) ?? 0
            #expect((size ?? 0) > 1000, "ảnh trang 1 của \(pdf.lastPathComponent) rỗng")
        }
    }
}
