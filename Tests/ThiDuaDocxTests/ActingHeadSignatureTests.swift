import Foundation
import TestFixtures
import Testing
@testable import ThiDuaDocx
import ThiDuaKit

/// An acting head signs "Q. CHỦ TỊCH" and the name, with no title line of the signer's own
/// (Nghị định 30: "Q." before the head's title): `chuc_vu` may be left out, and every
/// format then prints the two lines alone. It used to be required, and printed
/// "Q. CHỦ TỊCH / PHÓ CHỦ TỊCH".
@Suite struct ActingHeadSignatureTests {
    static let yaml = SampleData.plan().replacingOccurrences(
        of: "chu_ky:\n  hinh_thuc: TM.\n  thay_mat: Ban Thường vụ\n  chuc_vu: Chủ tịch\n  ho_ten: Nguyễn Văn A\n",
        with: "chu_ky:\n  hinh_thuc: Q.\n  thay_mat: Chủ tịch\n  ho_ten: Trần Văn Bình\n")

    static func document() throws -> Document {
        #expect(yaml.contains("hinh_thuc: Q."), "the sample's signature changed")
        let (document, diagnostics) = Renderer.load(bytes: Array(yaml.utf8), file: "q.yaml")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return try #require(document)
    }

    @Test func theTextFormatsPrintTheAuthorityAndTheNameOnly() throws {
        let document = try Self.document()
        #expect(document.signature.title.isEmpty)
        let templates = try TemplateSet()
        let md = try Renderer.render(document, format: .md, templates: templates)
        #expect(md.contains("**Q. CHỦ TỊCH** |"), "\(md.suffix(600))")
        #expect(!md.contains("****"))
        let txt = try Renderer.render(document, format: .txt, templates: templates)
        let lines = txt.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let authority = try #require(lines.firstIndex { $0.hasSuffix("Q. CHỦ TỊCH") })
        let signer = try #require(lines.firstIndex { $0.hasSuffix("Trần Văn Bình") })
        #expect(lines[(authority + 1) ..< signer].allSatisfy { !$0.contains("CHỦ TỊCH") })
    }

    @Test func theWordDocumentHasNoEmptyTitleParagraph() throws {
        let output = try DocxWriter(templates: TemplateSet()).write(try Self.document())
        let xml = try #require(try DocxTestSupport.parts(output.bytes)["word/document.xml"])
        #expect(xml.contains("Q. CHỦ TỊCH"))
        #expect(!xml.contains("<w:pStyle w:val=\"ThiDuaAuthority\"/><w:keepNext/></w:pPr></w:p>"), "an empty title paragraph")
    }

    @Test func otherAuthoritiesStillNeedTheTitle() {
        let kt = Self.yaml.replacingOccurrences(of: "hinh_thuc: Q.", with: "hinh_thuc: KT.")
        let (_, diagnostics) = Renderer.load(bytes: Array(kt.utf8), file: "kt.yaml")
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("chuc_vu") })
    }
}
