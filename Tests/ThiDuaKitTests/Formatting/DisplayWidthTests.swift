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
            ("“Lao động giỏi”", 15),
            ("13.800₫", 7),
            ("a\u{2028}b", 2),
            ("e\u{0301}中", 3),
            ("👨\u{200D}👩\u{200D}👧", 2), // one emoji made of a ZWJ sequence
            ("🇻🇳", 2),
            ("👍🏽", 2),
            ("❤\u{FE0F}", 2),
            ("❤", 1),
        ])
        func width(text: String, columns: Int) {
            #expect(VietnameseText.displayWidth(text) == columns)
        }

        /// The scalar fast path must agree with measuring cluster by cluster.
        @Test(arguments: [
            "Công đoàn cơ sở “Lao động giỏi, Lao động sáng tạo” – 98,5%…",
            "Nguye\u{0302}\u{0303}n Va\u{0306}n A\u{0301}nh\u{200B}",
            " \u{0301}x\u{00AD}y\u{2060}z\r\n\t",
            "Ω µ ß Æ ǅ ȸ ʃ",
        ])
        func fastPathMatchesClusters(text: String) {
            let byCluster = text.reduce(0) { $0 + VietnameseText.width(of: $1) }
            #expect(VietnameseText.displayWidth(text) == byCluster)
        }
    }
}
