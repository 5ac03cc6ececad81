import Foundation
import Testing
@testable import ThiDuaDocx
import ThiDuaKit
import ThiDuaWorkspace

/// The letterhead of a .docx whose bodies have names too long for the left column: broken
/// where a unit's name begins (`VietnameseText.breakName`, the rule the plain text shares),
/// never inside "CƠ SỞ", "SƯ PHẠM", "THÀNH PHỐ"; the right column as it always is.
@Suite("Word letterhead with long names")
struct DocxLetterheadTests {
    /// The golden fixture with a long issuing body and a long place.
    static let input = DocxTestSupport.packageRoot.appendingPathComponent("Tests/ThiDuaKitTests/Golden/Expected/ten-co-quan-dai/input.yaml")

    /// The paragraphs of the letterhead table (the first table), each as its lines: the text of
    /// its runs, split at `<w:br/>`.
    static func letterheadParagraphs(_ xml: String) throws -> [[String]] {
        let start = try #require(xml.range(of: "<w:tbl>"))
        let end = try #require(xml.range(of: "</w:tbl>", range: start.upperBound..<xml.endIndex))
        let table = String(xml[start.upperBound..<end.lowerBound])
        let texts = try NSRegularExpression(pattern: "<w:t(?: [^>]*)?>([^<]*)</w:t>|(<w:br/>)")
        return table.components(separatedBy: "</w:p>").compactMap { paragraph -> [String]? in
            var lines = [""]
            let range = NSRange(paragraph.startIndex..., in: paragraph)
            for match in texts.matches(in: paragraph, range: range) {
                if let text = Range(match.range(at: 1), in: paragraph) {
                    lines[lines.count - 1] += paragraph[text]
                } else {
                    lines.append("")
                }
            }
            return lines == [""] ? nil : lines
        }
    }

    @Test func longNamesBreakWhereAUnitBegins() throws {
        let path = Self.input.path
        let workspace = try Workspace()
        let job = DocumentJob(workspace: workspace, templates: try TemplateSet(), kinds: [])
        let result = job.run(file: path, bytes: try workspace.readDataFile(path))
        let document = try #require(result.document, "\(result.diagnostics)")
        let docx = try DocxWriter(templates: TemplateSet()).write(document)
        let xml = try #require(try DocxTestSupport.parts(docx.bytes)["word/document.xml"])
        let paragraphs = try Self.letterheadParagraphs(xml)
        #expect(paragraphs.contains(["LIÊN ĐOÀN LAO ĐỘNG", "THÀNH PHỐ HỒ CHÍ MINH"]), "\(paragraphs)")
        #expect(paragraphs.contains(["CÔNG ĐOÀN CƠ SỞ", "TRƯỜNG ĐẠI HỌC", "SƯ PHẠM KỸ THUẬT", "THÀNH PHỐ HỒ CHÍ MINH"]), "\(paragraphs)")
        #expect(paragraphs.contains(["Số: 06/KH-CĐCS"]))
        #expect(paragraphs.contains([DocumentFormat.nation]))
        #expect(paragraphs.contains([DocumentFormat.motto]))
        #expect(paragraphs.contains(["Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2025"]))
    }

    @Test func theReviewersIssuerInTheLeftColumn() {
        // The left column of the default layout: "CÔNG ĐOÀN CÁC KHU CÔNG / NGHIỆP …" before.
        let layout = DocxLayout()
        let letterhead = DocxLetterhead(layout: layout, parentBody: "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH DƯƠNG",
                                        issuingBody: "CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP TỈNH BÌNH DƯƠNG",
                                        numberLine: "Số: 06/KH-CĐKCN", placeDate: "Bình Dương, ngày 05 tháng 01 năm 2025")
        #expect(letterhead.parentBodyLines == ["LIÊN ĐOÀN LAO ĐỘNG", "TỈNH BÌNH DƯƠNG"])
        #expect(letterhead.issuingBodyLines == ["CÔNG ĐOÀN CÁC", "KHU CÔNG NGHIỆP", "TỈNH BÌNH DƯƠNG"])
        let long = DocxLetterhead(layout: layout, parentBody: "LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA",
                                  issuingBody: "CÔNG ĐOÀN KHU KINH TẾ NGHI SƠN VÀ CÁC KHU CÔNG NGHIỆP TỈNH THANH HÓA",
                                  numberLine: "Số: 06/KH-CĐKKT", placeDate: "Thanh Hóa, ngày 05 tháng 01 năm 2025")
        #expect(long.issuingBodyLines == ["CÔNG ĐOÀN", "KHU KINH TẾ NGHI SƠN", "VÀ CÁC KHU CÔNG NGHIỆP", "TỈNH THANH HÓA"])
    }
}
