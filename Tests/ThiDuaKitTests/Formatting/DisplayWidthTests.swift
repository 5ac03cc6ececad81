import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct DisplayWidth {
        @Test(arguments: [
            ("", 0),
            ("abc", 3),
            ("Nguy\u{1EC5}n", 6),
            ("Nguye\u{0302}\u{0303}n", 6), // decomposed: 2 marks on one letter
            ("Độc lập - Tự do - Hạnh phúc", 27),
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 34),
            ("a\u{200B}b", 2),
            ("\u{FEFF}x", 1),
            ("a\u{200C}\u{200D}\u{2060}b", 2),
            ("\u{0301}", 0), // a combining mark alone
            ("\u{00AD}", 0),
            ("中文", 4),
            ("ＡＢ", 4), // fullwidth
            ("한국", 4),
            ("👍", 2),
            ("\t", 0),
            ("13,8\u{00A0}tỷ", 7),
        ])
        func width(text: String, columns: Int) {
            #expect(VietnameseText.displayWidth(text) == columns)
        }
    }
}
