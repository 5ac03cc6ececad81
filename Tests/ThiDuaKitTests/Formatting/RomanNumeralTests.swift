import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct RomanNumerals {
        @Test(arguments: [
            (1, "I"), (4, "IV"), (9, "IX"), (10, "X"), (12, "XII"), (13, "XIII"), (19, "XIX"),
            (40, "XL"), (90, "XC"), (400, "CD"), (1994, "MCMXCIV"), (2024, "MMXXIV"), (3999, "MMMCMXCIX"),
        ])
        func string(n: Int, expected: String) {
            #expect(RomanNumeral.string(n) == expected)
            #expect(RomanNumeral.value(expected) == n)
        }

        @Test(arguments: [0, -1, 4000, Int.max, Int.min])
        func outOfRangeHasNoNumeral(n: Int) {
            #expect(RomanNumeral.string(n) == nil)
        }

        @Test func valueIsCaseInsensitive() {
            #expect(RomanNumeral.value("xii") == 12)
            #expect(RomanNumeral.value("XiX") == 19)
        }

        @Test(arguments: ["IIII", "IIX", "VX", "IC", "VV", "XXXX", "MMMM", "IL", "XM", "", "ABC", " XII", "XII.", "Ⅻ"])
        func nonCanonicalIsRejected(text: String) {
            #expect(RomanNumeral.value(text) == nil)
        }

        @Test func roundTripOneToThreeNineNineNine() {
            for n in 1...3999 {
                let text = RomanNumeral.string(n)
                #expect(text.flatMap(RomanNumeral.value) == n)
            }
        }
    }
}
