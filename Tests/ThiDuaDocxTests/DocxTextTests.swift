import Testing
import ThiDuaKit
@testable import ThiDuaDocx

/// Text inside the XML: escaped, forbidden characters dropped and reported, spaces kept,
/// breaks and tabs as elements.
@Suite("Text in WordprocessingML")
struct DocxTextTests {
    @Test func escapesAndDrops() {
        let dropped = DroppedCharacters()
        #expect(XMLText.escape("A & B <c> \"d\"", dropping: dropped) == "A &amp; B &lt;c&gt; &quot;d&quot;")
        #expect(XMLText.escape("chuông\u{7} báo\u{1F}\u{85}\u{FFFE}", dropping: dropped) == "chuông báo")
        #expect(dropped.codePoints == ["U+0007", "U+001F", "U+0085", "U+FFFE"])
        #expect(XMLText.escape("Công đoàn Việt Nam") == "Công đoàn Việt Nam")
    }

    @Test func runsPreserveSpacesAndWriteBreaksAndTabs() {
        #expect(DocxRuns.run("Số:      /KH-LĐLĐ", dropped: nil) == "<w:r><w:t xml:space=\"preserve\">Số:      /KH-LĐLĐ</w:t></w:r>")
        #expect(DocxRuns.run("một dòng", dropped: nil) == "<w:r><w:t>một dòng</w:t></w:r>")
        #expect(DocxRuns.run("hai\ndòng\tcột\r\n", dropped: nil)
            == "<w:r><w:t>hai</w:t><w:br/><w:t>dòng</w:t><w:tab/><w:t>cột</w:t><w:br/></w:r>")
        #expect(DocxRuns.run("đậm", bold: true, italic: true, dropped: nil) == "<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>đậm</w:t></w:r>")
        #expect(DocxRuns.run("", dropped: nil) == "")
    }

    @Test func markupBecomesRunProperties() {
        #expect(DocxRuns.markup("Thi đua **\"Lao động giỏi\"** *ngay*", dropped: nil)
            == "<w:r><w:t xml:space=\"preserve\">Thi đua </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>“Lao động giỏi”</w:t></w:r>"
            + "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>ngay</w:t></w:r>")
    }

    @Test func widthsAreTimesNewRomans() {
        // Digits are half an em; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in 12 pt bold is 88 mm.
        #expect(FontMetrics.width("2025", size: 14) == 4 * 0.5 * 14 * 20)
        let nation = FontMetrics.width(DocumentFormat.nation, size: 12, weight: .bold) * 25.4 / 1440
        #expect(abs(nation - 88.3) < 0.5)
        #expect(FontMetrics.width("漢", size: 10) == 200)
    }

    @Test func namesTooLongForTheirColumnBreakEvenly() {
        let long = "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HỒ CHÍ MINH"
        let width = FontMetrics.width(long, size: 12, weight: .bold) * 0.7
        let lines = DocxLetterhead.balancedLines(long, width: width, size: 12, weight: .bold)
        #expect(lines == ["LIÊN ĐOÀN LAO ĐỘNG", "THÀNH PHỐ HỒ CHÍ MINH"])
        #expect(DocxLetterhead.balancedLines("NGẮN", width: 10, size: 12, weight: .bold) == ["NGẮN"])
        #expect(DocxLetterhead.balancedLines("A B", width: 1_000_000, size: 12, weight: .bold) == ["A B"])
    }

    @Test func columnsGiveFiguresTheirWidthAndFillTheLine() {
        let table = Table(headers: ["Đơn vị", "Số CĐCS"], rows: [["Công ty TNHH May Việt Thắng", "1.234.567"], ["Sở Y tế", "7"]],
                          alignments: [.left, .right])
        let widths = DocxColumns.widths(table, available: 9000, size: 12, padding: 114)
        #expect(widths.reduce(0, +) == 9000)
        #expect(Double(widths[1]) >= FontMetrics.width("1.234.567", size: 12) + 114)
        // Too narrow: every column keeps its share, the sum still fits.
        let narrow = DocxColumns.widths(table, available: 1200, size: 12, padding: 114)
        #expect(narrow.reduce(0, +) == 1200)
    }
}
