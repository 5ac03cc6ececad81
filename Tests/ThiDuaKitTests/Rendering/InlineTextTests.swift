import Testing
@testable import ThiDuaKit

/// The data's emphasis read once into spans; Markdown escaping of everything else.
@Suite("Inline text: emphasis and Markdown escaping")
struct InlineTextTests {
    @Test func emphasisPairsAsCommonMarkWould() {
        #expect(InlineText.spans("**Đợt 1:** từ") == [.init("Đợt 1:", .strong), .init(" từ")])
        #expect(InlineText.spans("a *nghiêng* b") == [.init("a "), .init("nghiêng", .emphasis), .init(" b")])
        // A star that opens or closes nothing is text, in plain text as in Markdown.
        #expect(InlineText.plain("5 * 3 và ghi chú*") == "5 * 3 và ghi chú*")
        #expect(InlineText.plain("**đậm** và *nghiêng*") == "đậm và nghiêng")
    }

    @Test func markdownEscapesWhatWouldBeMarkup() {
        #expect(InlineText.markdown("* Các phong trào") == "\\* Các phong trào")
        #expect(InlineText.markdown("- gạch") == "\\- gạch")
        #expect(InlineText.markdown("+ cộng") == "\\+ cộng")
        #expect(InlineText.markdown("1. một") == "1\\. một")
        #expect(InlineText.markdown("2) hai") == "2\\) hai")
        #expect(InlineText.markdown("# thăng") == "\\# thăng")
        #expect(InlineText.markdown("> trích") == "\\> trích")
        #expect(InlineText.markdown("a | b `c` <d> [e] ~f~ _g_") == "a \\| b \\`c\\` \\<d> \\[e\\] \\~f\\~ \\_g\\_")
        #expect(InlineText.markdown("&amp; :smile: http://a.b www.a.b x@y.z") == "\\&amp; \\:smile: http\\://a.b www\\.a.b x\\@y.z")
        #expect(InlineText.markdown("cuối  ") == "cuối")
        #expect(InlineText.markdown("**đậm** giữa") == "**đậm** giữa")
        #expect(InlineText.markdown("Tiêu đề #", place: .heading) == "Tiêu đề \\#")
        #expect(InlineText.markdown("- sau nhãn", place: .inline) == "- sau nhãn")
    }

    @Test func catalogueNamesBringNoBrackets() {
        #expect(CommemorationCatalog.builtin.entries.allSatisfy { !$0.name.hasSuffix(")") })
        #expect(CommemorationCatalog.builtin.entries.count == 23)
    }

    @Test func calendarShowsCodesAndTheCongressesOfTheData() {
        let congress = Congress(key: "dai_hoi_cd_tinh", name: "Đại hội Công đoàn tỉnh lần thứ I", start: CivilDate(year: 2025, month: 12, day: 16) ?? .epoch,
                                position: SourcePosition(file: "a.yaml"))
        let lines = CalendarListing.lines(catalog: .builtin, year: 2025, congresses: [congress])
        #expect(lines.contains { $0.hasPrefix("19/08  cach_mang_thang_tam") && $0.hasSuffix("[năm tròn]") })
        #expect(lines.contains { $0.hasPrefix("16/12  dai_hoi_cd_tinh") && $0.contains("Đại hội Công đoàn tỉnh lần thứ I (16/12/2025)  [đại hội]") })
        #expect(lines.last == "Tổng cộng 23 ngày; 4 năm tròn, 5 năm lẻ 5; 1 đại hội.")
    }
}
