import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct CleanInvisible {
        @Test(arguments: [
            ("a\u{200B}b", "ab", true),
            ("Nguyễn\u{00A0}Văn  A", "Nguyễn Văn A", true),
            ("\u{FEFF}Số: 13", "Số: 13", true),
            ("co\u{00AD}operation", "cooperation", true),
            ("a\u{2060}b\u{200C}c\u{200D}d", "abcd", true),
            ("a \u{200B} b", "a b", true),
            ("\u{3000}全角", "全角", true),
            ("13\u{202F}234", "13 234", true),
            ("  plain   text  ", "plain text", false),
            ("x\ty\nz", "x y z", false),
            ("Bến Tre", "Bến Tre", false),
            ("", "", false),
            (" ", "", false),
            ("a\u{2003}b\u{3000}", "a b", true),
        ])
        func clean(input: String, expected: String, changed: Bool) {
            let result = VietnameseText.cleanInvisible(input)
            #expect(result.text == expected)
            #expect(result.changed == changed)
        }
    }
}
