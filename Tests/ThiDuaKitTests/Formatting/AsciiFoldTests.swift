import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct AsciiFold {
        @Test(arguments: [
            ("13/KH-LĐLĐ", "13-KH-LDLD"),
            ("Kế hoạch thi đua 2025", "Ke-hoach-thi-dua-2025"),
            ("Đường Nguyễn Huệ", "Duong-Nguyen-Hue"),
            ("\u{0110}u\u{031B}o\u{031B}\u{0300}ng Nguye\u{0302}\u{0303}n", "Duong-Nguyen"), // NFD
            ("  --a  b--  ", "a-b"),
            ("báo_cáo.v2.md", "bao_cao.v2.md"),
            ("Công đoàn: “Lao động giỏi”", "Cong-doan-Lao-dong-gioi"),
            ("a - - b", "a-b"),
            ("Æsir ß", "AEsir-ss"),
            ("中文", ""),
            ("", ""),
        ])
        func fold(input: String, expected: String) {
            #expect(VietnameseText.asciiFold(input) == expected)
        }

        @Test(arguments: [
            ("aàáảãạăằắẳẵặâầấẩẫậ", "a"),
            ("eèéẻẽẹêềếểễệ", "e"),
            ("iìíỉĩị", "i"),
            ("oòóỏõọôồốổỗộơờớởỡợ", "o"),
            ("uùúủũụưừứửữự", "u"),
            ("yỳýỷỹỵ", "y"),
            ("dđ", "d"),
        ])
        func everyVietnameseLetterFoldsToItsBase(letters: String, base: String) {
            #expect(VietnameseText.asciiFold(letters) == String(repeating: base, count: letters.count))
            #expect(VietnameseText.asciiFold(VietnameseText.uppercased(letters))
                == String(repeating: base.uppercased(), count: letters.count))
        }
    }
}
