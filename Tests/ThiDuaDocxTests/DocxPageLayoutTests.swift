import Foundation
import Testing
import ThiDuaKit
@testable import ThiDuaDocx

/// How the Word file fills its pages: wide tables split into readable parts (in the body
/// and in a landscape annex), the closing kept with the signature, the letterhead inside
/// the decree's margins.
@Suite("Word page layout")
struct DocxPageLayoutTests {
    /// The results by group of a report with twelve groups of long names: seventeen columns.
    static func groupTable() -> Table {
        let groups = ["Khối Doanh nghiệp Nhà nước", "Khối Doanh nghiệp ngoài Nhà nước và có vốn đầu tư nước ngoài",
                      "Khối Giáo dục", "Khối Y tế", "Khối Hành chính", "Khối Sự nghiệp", "Khối Khu công nghiệp Giao Long",
                      "Khối Khu công nghiệp An Hiệp", "Khối Huyện Châu Thành", "Khối Huyện Ba Tri",
                      "Khối Huyện Giồng Trôm", "Khối Huyện Thạnh Phú"]
        let headers = ["Nội dung", "ĐVT"] + groups + ["Tổng cộng", "Chỉ tiêu", "% chỉ tiêu"]
        let rows = [
            ["Số CĐCS", "CĐCS"] + Array(repeating: "534", count: groups.count) + ["6.034", "", ""],
            ["Tỷ lệ CĐCS phát động", "%"] + Array(repeating: "92,5%", count: groups.count) + ["92,5%", "100%", "92,5%"],
            ["Giá trị làm lợi", "đồng"] + Array(repeating: "12.066.400.005", count: groups.count) + ["130.440.777.819", "", ""],
            ["Kinh phí Mái ấm Công đoàn", "đồng"] + Array(repeating: "1.440.000.000", count: groups.count) + ["17.120.000.000", "", ""],
        ]
        return Table(headers: headers, rows: rows, alignments: [.left, .left] + Array(repeating: .right, count: headers.count - 2),
                     headerColumns: 2)
    }

    /// Every unit of a report of eighteen indicators: twenty columns, long unit names.
    static func unitTable() -> Table {
        let indicators = ["Số CĐCS", "CĐCS tổ chức phát động", "Tỷ lệ CĐCS phát động", "Tập thể đăng ký thi đua",
                          "Cá nhân đăng ký thi đua", "Sáng kiến", "Giá trị làm lợi", "Công trình, sản phẩm",
                          "Phát triển đoàn viên", "Thành lập CĐCS", "Mái ấm Công đoàn", "Kinh phí Mái ấm Công đoàn",
                          "Lao động giỏi", "CĐCS vững mạnh", "Bằng khen tập thể", "Bằng khen cá nhân",
                          "Giấy khen tập thể", "Giấy khen cá nhân"]
        let rows = (1...51).map { serial -> [String] in
            let name = serial % 3 == 0 ? "CĐCS số \(serial)"
                : "Công đoàn cơ sở Công ty Cổ phần Đầu tư Phát triển Hạ tầng Khu công nghiệp và Đô thị số \(serial)"
            return [String(serial), name] + indicators.map { $0.hasPrefix("Giá trị") || $0.hasPrefix("Kinh phí") ? "6.232.436.439" : "100,0%" }
        }
        return Table(headers: ["STT", "Đơn vị"] + indicators, rows: rows,
                     alignments: [.right, .left] + Array(repeating: .right, count: indicators.count), headerColumns: 2)
    }

    /// Every part repeats the leading columns, the others appear once each and in order,
    /// the part fills `width`, and no column is narrower than its longest word (a figure
    /// whole) at `size`.
    static func expectReadable(_ parts: [DocxTable], of table: Table, width: Int, size: Double) {
        let needs = DocxColumns.needs(table, size: size, padding: 2 * DocxTable.cellPadding)
        let keys = Array(0..<table.headerColumns)
        #expect(parts.flatMap { $0.columns.dropFirst(keys.count) } == Array(table.headerColumns..<table.headers.count))
        for part in parts {
            #expect(Array(part.columns.prefix(keys.count)) == keys)
            #expect(part.widths.reduce(0, +) == width)
            for (column, twips) in zip(part.columns, part.widths) {
                #expect(Double(twips) >= needs.minimum[column].rounded(.down),
                        "cột \"\(table.headers[column])\": \(twips) < \(needs.minimum[column]) twip")
            }
        }
    }

    @Test func aWideBodyTableIsSplitIntoPartsWhoseEveryColumnIsReadable() throws {
        let layout = DocxLayout(), table = Self.groupTable()
        let parts = DocxTable.inBody(table, layout: layout, dropped: nil)
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.small })
        Self.expectReadable(parts, of: table, width: layout.textWidth, size: layout.annexTableSize)
        // The row's name is not set one word a line: it keeps a fifth of the width.
        for part in parts {
            #expect(Double(part.widths[0]) >= Double(layout.textWidth) * DocxColumns.nameShare)
        }
        // Later parts are headed "(tiếp theo)", kept with their table, a body paragraph with
        // the body's first-line indent; no two tables touch.
        let xml = DocxTable.xml(parts, dropped: nil)
        #expect(xml.components(separatedBy: "<w:tbl>").count - 1 == parts.count)
        #expect(!xml.contains("<w:ind w:firstLine=\"0\"/>"))
        let note = "<w:keepNext/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t>(tiếp theo)</w:t>"
        #expect(xml.components(separatedBy: note).count - 1 == parts.count - 1)
        #expect(!xml.contains("</w:tbl><w:tbl>"))
    }

    @Test func aLandscapeAnnexTableIsSplitRepeatingSTTAndUnit() throws {
        let layout = DocxLayout(), table = Self.unitTable()
        let parts = DocxTable.inLandscapeAnnex(table, layout: layout, dropped: nil)
        #expect(parts.count == 2)
        Self.expectReadable(parts, of: table, width: layout.landscapeTextWidth, size: layout.annexTableSize)
        for part in parts {
            #expect(Double(part.widths[1]) >= Double(layout.landscapeTextWidth) * DocxColumns.nameShare)
        }
    }

    @Test func aTableThatFitsStaysWhole() throws {
        let document = try DocxTestSupport.loadExample("bao-cao-so-ket-2025")
        let layout = DocxLayout()
        let tables = DocxAnnexPlan(document: document).landscapeTables
        #expect(!tables.isEmpty)
        for table in tables {
            let parts = DocxTable.inLandscapeAnnex(table, layout: layout, dropped: nil)
            #expect(parts.count == 1)
            #expect(parts.first?.columns == Array(table.headers.indices))
        }
    }

    @Test func theClosingParagraphsAndTheSignatureKeepTogether() throws {
        let xml = try #require(try DocxTestSupport.parts(DocxTestSupport.docx("ke-hoach-tinh-2025").bytes)["word/document.xml"])
        let closing = try #require(xml.range(of: "Trên đây là Kế hoạch"))
        let paragraphStart = try #require(xml.range(of: "<w:p>", options: .backwards, range: xml.startIndex..<closing.lowerBound))
        #expect(xml[paragraphStart.lowerBound..<closing.lowerBound].contains("<w:keepNext/>"))
        // The recipients and signature table: one row that never splits, every paragraph kept.
        let table = try #require(xml.range(of: "<w:tbl>", range: closing.upperBound..<xml.endIndex))
        let end = try #require(xml.range(of: "</w:tbl>", range: table.upperBound..<xml.endIndex))
        let block = String(xml[table.lowerBound..<end.upperBound])
        #expect(block.contains("<w:cantSplit/>"))
        let paragraphs = block.components(separatedBy: "<w:p>").count - 1
        #expect(paragraphs > 3)
        #expect(block.components(separatedBy: "<w:keepNext/>").count - 1 == paragraphs)
    }

    @Test func keepingWithNextMarksEachParagraphOnce() {
        let two = DocxParagraph(style: "ThiDuaBody", runs: "").xml + DocxParagraph(style: "ThiDuaItem", runs: "").xml
        let kept = DocxParagraph.keepingWithNext(two)
        #expect(kept.components(separatedBy: "<w:pStyle w:val=\"ThiDuaBody\"/><w:keepNext/>").count == 2)
        #expect(kept.components(separatedBy: "<w:keepNext/>").count - 1 == 2)
        #expect(DocxParagraph.keepingWithNext(kept) == kept)
        #expect(DocxParagraph.keepingWithNext("") == "")
    }

    @Test func theLetterheadStaysInsideTheMarginsAndBreaksNamesWhereThePlaceBegins() throws {
        let xml = try #require(try DocxTestSupport.parts(DocxTestSupport.docx("ke-hoach-tinh-2025").bytes)["word/document.xml"])
        let layout = DocxLayout()
        #expect(xml.contains("<w:tblW w:w=\"\(layout.textWidth)\" w:type=\"dxa\"/><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"))
        #expect(xml.contains("<w:t>LIÊN ĐOÀN LAO ĐỘNG</w:t><w:br/><w:t>TỈNH BẾN TRE</w:t>"))
        #expect(xml.contains("<w:t>TỔNG LIÊN ĐOÀN LAO ĐỘNG</w:t><w:br/><w:t>VIỆT NAM</w:t>"))
        // The subject is not a name: it keeps the plain even breaking.
        let name = "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE"
        let width = FontMetrics.width(name, size: 12, weight: .bold) * 0.8
        #expect(DocxLetterhead.balancedLines(name, width: width, size: 12, weight: .bold, name: true)
                == ["LIÊN ĐOÀN LAO ĐỘNG", "TỈNH BẾN TRE"])
        #expect(DocxLetterhead.balancedLines(name, width: width, size: 12, weight: .bold) == ["LIÊN ĐOÀN LAO", "ĐỘNG TỈNH BẾN TRE"])
    }
}
