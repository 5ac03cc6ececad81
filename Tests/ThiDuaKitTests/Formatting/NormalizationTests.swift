import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct Normalization {
        @Test(arguments: [
            ("Nguye\u{0302}\u{0303}n", "Nguy\u{1EC5}n"),
            ("\u{0110}u\u{031B}\u{0301}c", "\u{0110}\u{1EE9}c"),
            ("Be\u{0302}\u{0301}n Tre", "B\u{1EBF}n Tre"),
            ("ho\u{0323}\u{0302}i", "h\u{1ED9}i"), // marks in the other order, still "ộ"
            ("Vi\u{1EC7}t Nam", "Vi\u{1EC7}t Nam"), // already NFC
            ("me\u{0302}\u{0303}x B\u{1EBF}n", "m\u{1EC5}x B\u{1EBF}n"), // mixed NFD and NFC
            ("i\u{0302}\u{0303}", "\u{00EE}\u{0303}"), // no precomposed form: compose what exists
        ])
        func nfdBecomesNFC(input: String, expected: String) {
            #expect(scalarValues(VietnameseText.nfc(input)) == scalarValues(expected))
        }

        @Test func asciiIsReturnedAsIs() {
            let text = "13/KH-LDLD so 2025"
            #expect(VietnameseText.nfc(text) == text)
            #expect(VietnameseText.nfc("") == "")
        }

        @Test(arguments: [
            ("đường", "ĐƯỜNG"),
            ("công đoàn cơ sở", "CÔNG ĐOÀN CƠ SỞ"),
            ("Độc lập - Tự do - Hạnh phúc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
            ("ke hoach", "KE HOACH"),
            ("\u{0111}u\u{031B}\u{0300}ng", "\u{0110}\u{1EEA}NG"), // NFD in, NFC out
        ])
        func uppercasedHandlesVietnameseLetters(input: String, expected: String) {
            #expect(scalarValues(VietnameseText.uppercased(input)) == scalarValues(expected))
        }
    }
}
