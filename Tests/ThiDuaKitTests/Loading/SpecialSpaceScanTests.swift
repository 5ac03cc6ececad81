import Testing
@testable import ThiDuaKit

/// The byte scan that decides whether a data file needs its special spaces cleaned must
/// find exactly the characters the cleaning acts on: a miss would leave an NBSP in a key,
/// a false alarm copies the whole file for nothing (an ellipsis or a dash in running text).
@Suite struct SpecialSpaceScanTests {
    static func cleaned(_ scalar: Unicode.Scalar) -> Bool {
        YAMLReader.isZeroWidth(scalar) || (scalar.value >= 0x80 && scalar.properties.isWhitespace)
    }

    @Test func theScanFindsExactlyTheCharactersTheCleaningActsOn() {
        var misses: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            if YAMLReader.mayHaveSpecialSpaces(text) != Self.cleaned(scalar) {
                misses.append(String(value, radix: 16, uppercase: true))
            }
        }
        #expect(misses.isEmpty, "U+\(misses.prefix(10).joined(separator: ", U+"))")
    }

    @Test func vietnameseTextWithDashesAndQuotesIsNotCopied() {
        #expect(!YAMLReader.mayHaveSpecialSpaces("Thi đua “Lao động giỏi” – năm 2025…"))
        #expect(YAMLReader.mayHaveSpecialSpaces("ngày\u{00A0}12"))
        #expect(YAMLReader.mayHaveSpecialSpaces("\u{FEFF}"))
    }
}

@Suite struct LineSplitTests {
    @Test(arguments: ["", "\n", "a", "a\n", "\na\n\nb", "dòng một\ndòng hai\n", "x\r\ny\n\rz", "e\u{301}\n\u{301}f", "\n\n"])
    func linesAreThoseOfTheCharacterSplit(_ text: String) {
        #expect(VietnameseText.lines(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
    }
}
