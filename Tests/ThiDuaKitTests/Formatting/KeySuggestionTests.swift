import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct KeySuggestions {
        private let keys = ["so", "ngay", "noi_nhan", "chi_tieu", "don_vi", "trich_yeu"]

        @Test(arguments: [
            ("chi_teiu", "chi_tieu"),   // swapped neighbours count 1
            ("noi_nahn", "noi_nhan"),
            ("ngya", "ngay"),
            ("don_vj", "don_vi"),
            ("trích_yếu", "trich_yeu"), // typed with diacritics
            ("SO", "so"),               // case
            ("chi_tie", "chi_tieu"),    // missing letter
        ])
        func suggests(key: String, expected: String) {
            #expect(KeySuggestion.nearest(to: key, in: keys) == expected)
        }

        @Test(arguments: ["xyz", "hoàn toàn khác", "", "ngayyyy"])
        func nothingCloseEnough(key: String) {
            #expect(KeySuggestion.nearest(to: key, in: keys) == nil)
        }

        @Test func diacriticsOnTheCandidateSide() {
            #expect(KeySuggestion.nearest(to: "Ngay", in: ["tên", "ngày"]) == "ngày")
            #expect(KeySuggestion.nearest(to: "don vi", in: ["đơn vị"]) == "đơn vị")
        }

        @Test func thresholdIsAThirdOfTheKey() {
            // "abcdef" allows 2 edits.
            #expect(KeySuggestion.nearest(to: "abcdef", in: ["abcxyz"]) == nil)
            #expect(KeySuggestion.nearest(to: "abcdef", in: ["abcdxy"]) == "abcdxy")
            // Short keys still allow one.
            #expect(KeySuggestion.nearest(to: "ab", in: ["xb"]) == "xb")
            #expect(KeySuggestion.nearest(to: "ab", in: ["xy"]) == nil)
        }

        @Test func tiesGoToTheFirstCandidate() {
            #expect(KeySuggestion.nearest(to: "ab", in: ["ac", "ad"]) == "ac")
            #expect(KeySuggestion.nearest(to: "ab", in: ["ad", "ac"]) == "ad")
            // A closer candidate wins whatever its position.
            #expect(KeySuggestion.nearest(to: "abcd", in: ["abxy", "abcx", "abcd"]) == "abcd")
        }

        @Test func noCandidates() {
            #expect(KeySuggestion.nearest(to: "so", in: []) == nil)
        }
    }
}
