import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct PointLetters {
        @Test func firstTwentyThreeFollowTheVietnameseAlphabet() {
            let letters = (0..<23).map(PointLetter.letter)
            #expect(letters == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"])
        }

        @Test func dStrokeIsFifth() {
            #expect(PointLetter.letter(3) == "d")
            #expect(PointLetter.letter(4) == "đ")
            #expect(PointLetter.letter(5) == "e")
            #expect(PointLetter.letter(6) == "g")
        }

        @Test(arguments: [(23, "aa"), (24, "ab"), (27, "ađ"), (45, "ay"), (46, "ba"), (551, "yy"), (552, "aaa")])
        func afterYComesDoubleLetters(index: Int, expected: String) {
            #expect(PointLetter.letter(index) == expected)
        }

        @Test func neverFJWZAndAlwaysDistinct() {
            let letters = (0..<2000).map(PointLetter.letter)
            #expect(letters.allSatisfy { !$0.contains(where: { "fjwzFJWZ".contains($0) }) })
            #expect(Set(letters).count == letters.count)
        }

        @Test func negativeIndexIsEmpty() {
            #expect(PointLetter.letter(-1) == "")
        }
    }
}
