import Testing
@testable import ThiDuaKit

/// The preview's HTML: the view model's blocks, every value escaped.
@Suite struct HTMLFormatterTests {
    let formatter = HTMLFormatter()

    @Test func escapesEveryMarkupCharacter() {
        #expect(HTMLFormatter.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func aMarkupCharacterFollowedByACombiningMarkIsStillEscaped() {
        // `"` + U+0301 is one Character; the browser still sees the quote.
        #expect(HTMLFormatter.escape("a\"\u{301} onclick=x <\u{301}b &\u{301}") == "a&quot;\u{301} onclick=x &lt;\u{301}b &amp;\u{301}")
        #expect(HTMLFormatter.escape("Không có gì") == "Không có gì")
    }

    @Test func emphasisBecomesStrongAndEmAndTheRestIsEscaped() {
        #expect(HTMLFormatter.markup("**Một** <b>hai</b> *ba*") == "<strong>Một</strong> &lt;b&gt;hai&lt;/b&gt; <em>ba</em>")
    }

    @Test func rolesKeepTheirLabels() {
        let blocks = [
            LaidOutBlock(role: .heading(level: 0), label: "1.", text: "Đối tượng"),
            LaidOutBlock(role: .point, label: "a)", text: "Điểm <x>"),
            LaidOutBlock(role: .subheading, label: "*", text: "Các phong trào:"),
            LaidOutBlock(role: .labeledParagraph, label: "Một là:", text: "nội dung"),
            LaidOutBlock(role: .bullet(level: 1), label: "+", text: "ý"),
        ]
        let html = blocks.map { formatter.format([$0]) }
        #expect(html[0] == "<p class=\"tieu-de cap-0\"><span class=\"nhan\">1.</span> Đối tượng</p>")
        #expect(html[1] == "<p class=\"y\"><span class=\"nhan\">a)</span> Điểm &lt;x&gt;</p>")
        #expect(html[2] == "<p class=\"tieu-de-phu\">* Các phong trào:</p>")
        #expect(html[3] == "<p class=\"doan\">Một là: nội dung</p>")
        #expect(html[4] == "<p class=\"gach cap-1\"><span class=\"nhan\">+</span> ý</p>")
        #expect(formatter.sectionHeading(number: "II", title: "<T>") == "<h2 class=\"muc\">II. &lt;T&gt;</h2>")
    }

    @Test func tablesEscapeCellsAndBoldTheTotals() {
        let table = Table(headers: ["Đơn vị", "Số"], rows: [["<A>", "1"], ["Tổng", "1"]], alignments: [.left, .right], emphasized: [1])
        let html = formatter.format([LaidOutBlock(role: .table(table), text: "")])
        #expect(html.contains("<td>&lt;A&gt;</td><td class=\"phai\">1</td>"))
        #expect(html.contains("<tr class=\"tong\"><td>Tổng</td>"))
    }
}
