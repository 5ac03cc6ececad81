import Foundation
import Testing
import ThiDuaKit
@testable import ThiDuaDocx

/// The writer as a whole: layout figures from the template set, overrides, annexes,
/// warnings, documents without the optional parts.
@Suite("Word writer")
struct DocxWriterTests {
    static let plan = """
    loai: ke_hoach
    co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
    co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre
    ky_hieu: KH-LĐLĐ
    dia_danh: Bến Tre
    ngay: 2025-02-20
    trich_yeu: Phát động thi đua "Lao động giỏi" năm 2025
    muc:
      - ten: Mục đích, yêu cầu
        noi_dung:
          - Động viên đoàn viên **thi đua** lao động sản xuất & tiết kiệm <5%>.
    chu_ky:
      chuc_vu: Chủ tịch
      ho_ten: Nguyễn Văn A

    """

    static func document(_ yaml: String = plan) throws -> Document {
        let (document, diagnostics) = Renderer.load(bytes: Array(yaml.utf8), file: "tệp.yaml")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return try #require(document)
    }

    static func documentXML(_ document: Document, templates: TemplateSet? = nil) throws -> String {
        let writer = try DocxWriter(templates: templates ?? TemplateSet())
        return try #require(try DocxTestSupport.parts(writer.write(document).bytes)["word/document.xml"])
    }

    @Test func blankNumberNoRecipientsNoAuthority() throws {
        let xml = try Self.documentXML(try Self.document())
        #expect(xml.contains("<w:t xml:space=\"preserve\">Số:      /KH-LĐLĐ</w:t>"))
        #expect(!xml.contains("Nơi nhận"))
        #expect(xml.contains("<w:t>CHỦ TỊCH</w:t>"))
        #expect(xml.contains("tiết kiệm &lt;5%&gt;.") && xml.contains("sản xuất &amp; tiết"))
        #expect(xml.contains("<w:rPr><w:b/></w:rPr><w:t>thi đua</w:t>"))
        #expect(xml.contains("“Lao động giỏi”"))
    }

    @Test func controlCharactersAreDroppedWithAWarning() throws {
        var document = try Self.document()
        document.sections[0].blocks.append(.paragraph("chuông\u{7} báo", SourcePosition(file: "tệp.yaml", line: 3)))
        let output = try DocxWriter(templates: TemplateSet()).write(document)
        let xml = try #require(try DocxTestSupport.parts(output.bytes)["word/document.xml"])
        #expect(xml.contains("<w:t>chuông báo</w:t>"))
        #expect(output.warnings.count == 1)
        #expect(output.warnings.first?.description.contains("U+0007") == true)
        #expect(output.warnings.first?.severity == .warning)
    }

    @Test func layoutFiguresComeFromTheTemplateAndMayBeOverridden() throws {
        let layout = try DocxLayout(templates: TemplateSet())
        #expect(layout == DocxLayout())
        let yaml = "trang:\n  le_trai: 35\nco_chu:\n  noi_dung: 13\n"
        let templates = try TemplateSet(overrides: ["layout.docx.mustache": yaml], overrideFolder: "mau")
        let writer = try DocxWriter(templates: templates)
        #expect(writer.layout.marginLeft == 35 && writer.layout.bodySize == 13 && writer.layout.marginRight == 15)
        let parts = try DocxTestSupport.parts(writer.write(try Self.document()).bytes)
        #expect(parts["word/document.xml"]?.contains("w:left=\"1984\"") == true)
        #expect(parts["word/styles.xml"]?.contains("<w:sz w:val=\"26\"/>") == true)
    }

    @Test("A wrong layout file is an error at its line and column, with the nearest key",
          arguments: [
              ("trang:\n  le_trai: 35\n  le_phia: 15\n", "mau/layout.docx.mustache:3:3", "le_phai"),
              ("trang:\n  le_trai: ba mươi\n", "mau/layout.docx.mustache:2:12", "phải là một số"),
              ("co_chu:\n  noi_dung: 200\n", "mau/layout.docx.mustache:2:13", "phải từ 6 đến 36 pt"),
              ("trang:\n  kho_rong: 150\n  le_trai: 40\n  le_phai: 40\n", "mau/layout.docx.mustache", "lề quá rộng"),
              ("co_chuu:\n  noi_dung: 13\n", "mau/layout.docx.mustache:1:1", "co_chu"),
              // Past what an integer holds: the message printed the number with Int(_:), which trapped.
              ("trang:\n  le_trai: 1e19\n", "mau/layout.docx.mustache:2:12", "phải từ"),
              ("co_chu:\n  noi_dung: -1e308\n", "mau/layout.docx.mustache:2:13", "phải từ 6 đến 36 pt"),
          ])
    func layoutErrors(yaml: String, position: String, words: String) throws {
        let templates = try TemplateSet(overrides: ["layout.docx.mustache": yaml], overrideFolder: "mau")
        #expect {
            _ = try DocxWriter(templates: templates)
        } throws: { error in
            let message = "\(error)"
            return message.contains(position) && message.contains(words)
        }
    }

    /// A part whose template uses a prefix it never declares ("r:id" without xmlns:r) is a
    /// template error: libxml2 builds the tree anyway, Word and python-docx refuse the file.
    @Test func anUndeclaredNamespacePrefixInAPartIsATemplateError() throws {
        var document = try Self.document()
        document.kind = .keHoach
        let templates = try TemplateSet(overrides: ["closing.docx.mustache": "<w:p><w:r><w:t r:id=\"x\">KÝ</w:t></w:r><v:shape/></w:p>"])
        #expect {
            _ = try Self.documentXML(document, templates: templates)
        } throws: { error in
            "\(error)".contains("không gian tên")
        }
    }

    @Test func documentTemplatesAreOverriddenLikeTheOthers() throws {
        var document = try Self.document()
        document.kind = .keHoach
        let original = try #require(TemplateSet().origins["closing.docx.mustache"])
        #expect(original.hasPrefix("<mẫu có sẵn>"))
        let templates = try TemplateSet(overrides: ["closing.docx.mustache": "<w:p><w:r><w:t>KÝ TÊN</w:t></w:r></w:p>"])
        let xml = try Self.documentXML(document, templates: templates)
        #expect(xml.contains("KÝ TÊN") && !xml.contains("ThiDuaSigner"))
    }

    @Test func eachAnnexIsASectionOfItsOwnTurnedWhenItAsks() throws {
        var document = try Self.document()
        let here = SourcePosition(file: "tệp.yaml")
        let wide = Table(headers: (1...14).map { "Cột số \($0)" }, rows: (1...40).map { _ in (1...14).map { _ in "1.234.567" } },
                         alignments: Array(repeating: .right, count: 14))
        let short = Table(headers: ["Chỉ tiêu", "Số"], rows: [["Sáng kiến", "12"]], alignments: [.left, .right])
        document.sections[0].blocks.append(.table(short, here))
        document.annexes = [
            Annex(title: "KẾT QUẢ TỪNG ĐƠN VỊ", blocks: [.table(wide, here)], landscape: true),
            Annex(title: "DANH SÁCH ĐƠN VỊ CHƯA BÁO CÁO", blocks: [.bullet("Công ty A", blocks: [], here)]),
        ]
        let xml = try Self.documentXML(document)
        #expect(xml.contains("<w:t>PHỤ LỤC I</w:t>") && xml.contains("<w:t>PHỤ LỤC II</w:t>"))
        #expect(xml.contains("<w:t>KẾT QUẢ TỪNG ĐƠN VỊ</w:t>"))
        #expect(xml.contains("Kèm theo Kế hoạch số"))
        // The body, then one section per annex: only the first is turned.
        #expect(xml.components(separatedBy: "<w:sectPr>").count - 1 == 3)
        #expect(xml.components(separatedBy: "w:orient=\"landscape\"").count - 1 == 1)
        #expect(xml.components(separatedBy: "<w:pgNumType w:start=\"1\"/>").count - 1 == 2)
        // The annex table fills the landscape width; the body table the portrait one.
        let layout = DocxLayout()
        #expect(xml.contains("<w:tblW w:w=\"\(layout.landscapeTextWidth)\" w:type=\"dxa\"/>"))
        #expect(xml.contains("<w:tblW w:w=\"\(layout.textWidth)\" w:type=\"dxa\"/>"))
        #expect(xml.contains("<w:t>Công ty A</w:t>"))
    }
}

/// The Word parts of a template set are parsed when first used: a broken one does not stop
/// Markdown or text, and is reported, with its place, as soon as a Word file is written.
@Suite("Word parts of a template set")
struct WordPartsTests {
    @Test func aBrokenWordPartFailsTheWordFileOnly() throws {
        let templates = try TemplateSet(overrides: ["closing.docx.mustache": "<w:p>\n{{#word.signer}</w:p>"], overrideFolder: "mau")
        let document = try DocxWriterTests.document()
        #expect(try Renderer.render(document, format: .txt, templates: templates).contains("Nguyễn Văn A"))
        #expect {
            _ = try DocxWriter(templates: templates).write(document)
        } throws: { error in
            "\(error)".contains("mau/closing.docx.mustache:2:")
        }
        // Every later caller gets the same error.
        #expect(throws: ThiDuaError.self) { _ = try DocxWriter(templates: templates).write(document) }
    }

    @Test func aWordPartMayNotNameAPartialOutsideTheSet() throws {
        let templates = try TemplateSet(overrides: ["body.docx.mustache": "{{> /etc/passwd}}"], overrideFolder: "mau")
        #expect {
            _ = try DocxWriter(templates: templates).write(try DocxWriterTests.document())
        } throws: { error in
            "\(error)".contains("mau/body.docx.mustache:1:1") && "\(error)".contains("/etc/passwd")
        }
    }
}

/// Marks the view model adds for drafts (issue 12) are laid out when present.
@Suite("Word file of a draft")
struct DraftTests {
    @Test func theDraftMarkStandsAboveTheLetterhead() throws {
        var document = try DocxWriterTests.document()
        document.header.isDraft = true
        let writer = try DocxWriter(templates: TemplateSet())
        let formatter = writer.formatter(for: document)
        let context = DocumentView(formatters: [formatter]).context(for: document)
        let xml = try #require(try DocxTestSupport.parts(writer.package(document, context: context, formatter: formatter).bytes)["word/document.xml"])
        let mark = try #require(xml.range(of: "<w:pStyle w:val=\"ThiDuaDraft\"/></w:pPr><w:r><w:t>DỰ THẢO</w:t></w:r>"))
        let table = try #require(xml.range(of: "<w:tbl>"))
        #expect(mark.lowerBound < table.lowerBound)
        // Not a draft: no mark.
        document.header.isDraft = false
        #expect(!(try Self.plain(document, writer)).contains("ThiDuaDraft\"/></w:pPr><w:r>"))
    }

    static func plain(_ document: Document, _ writer: DocxWriter) throws -> String {
        try DocxTestSupport.parts(writer.write(document).bytes)["word/document.xml"] ?? ""
    }
}
