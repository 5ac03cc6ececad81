import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct Wrap {
        @Test func vietnameseWordsWrapByDisplayWidth() {
            #expect(VietnameseText.wrap("Liên đoàn Lao động tỉnh Bến Tre", width: 15)
                == ["Liên đoàn Lao", "động tỉnh Bến", "Tre"])
        }

        @Test func decomposedInputWrapsLikeComposed() {
            let nfd = "Lie\u{0302}n đoa\u{0300}n Lao đo\u{0323}\u{0302}ng ti\u{0309}nh Be\u{0302}\u{0301}n Tre"
            #expect(VietnameseText.wrap(nfd, width: 15).count == 3)
            #expect(VietnameseText.wrap(nfd, width: 15)[0] == "Liên đoàn Lao")
        }

        @Test func hangingIndent() {
            let lines = VietnameseText.wrap("Tổ chức phát động phong trào thi đua", width: 20,
                                            firstIndent: "1.1. ", restIndent: "     ")
            #expect(lines == ["1.1. Tổ chức phát", "     động phong trào", "     thi đua"])
        }

        @Test func bulletWithHangingIndentAndLongWord() {
            let lines = VietnameseText.wrap("x abcdefghij", width: 5, firstIndent: "- ", restIndent: "  ")
            #expect(lines == ["- x", "  abc", "  def", "  ghi", "  j"])
        }

        @Test func veryLongWordIsSplitByColumns() {
            #expect(VietnameseText.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        }

        @Test func longWordIsNeverSplitInsideACluster() {
            let word = "Nguye\u{0302}\u{0303}nNguye\u{0302}\u{0303}n"
            let lines = VietnameseText.wrap(word, width: 5)
            #expect(lines == ["Nguy\u{1EC5}", "nNguy", "\u{1EC5}n"])
            // The marks stay with their "e": no line starts with a combining mark.
            #expect(lines[0].unicodeScalars.last == "\u{0303}")
            #expect(lines.allSatisfy { $0.unicodeScalars.first.map { !(0x300...0x36F).contains($0.value) } ?? true })
            #expect(lines.joined() == word)
        }

        @Test func runsOfSpacesAndLineBreaksCollapse() {
            #expect(VietnameseText.wrap("a   b \n c\t d", width: 80) == ["a b c d"])
        }

        @Test func spaceCarryingACombiningMarkIsNotABreak() {
            // " \u{0301}" is one grapheme cluster; splitting there would start a
            // word with a bare accent.
            #expect(VietnameseText.words(of: "a \u{0301}b c").count == 2)
            #expect(VietnameseText.wrap("a \u{0301}b c", width: 80) == ["a \u{0301}b c"])
        }

        @Test func unicodeSpacesBreakButNoBreakSpacesDoNot() {
            #expect(VietnameseText.words(of: "a\u{3000}b\u{2003}c\u{00A0}d\u{202F}e").map(String.init)
                == ["a", "b", "c\u{00A0}d\u{202F}e"])
        }

        @Test func noBreakSpaceKeepsWordsTogether() {
            #expect(VietnameseText.wrap("13,8\u{00A0}tỷ đồng", width: 8) == ["13,8\u{00A0}tỷ", "đồng"])
        }

        @Test func emptyTextGivesTheIndentTrimmed() {
            #expect(VietnameseText.wrap("", width: 10, firstIndent: "1.1. ") == ["1.1."])
            #expect(VietnameseText.wrap("   ", width: 10) == [""])
        }

        @Test func zeroWidthStillTerminates() {
            #expect(VietnameseText.wrap("abc", width: 0) == ["a", "b", "c"])
            #expect(VietnameseText.wrap("ab", width: 2, firstIndent: "    ", restIndent: "    ") == ["    a", "    b"])
        }

        @Test(arguments: [14, 17, 24, 40, 72])
        func linesFitAndKeepEveryWord(width: Int) {
            let text = "Thực hiện Kế hoạch số 02/KH-TLĐ ngày 10/02/2017 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam về tổ chức phong trào thi đua “Lao động giỏi, Lao động sáng tạo” giai đoạn 2017 - 2023"
            let lines = VietnameseText.wrap(text, width: width, firstIndent: "- ", restIndent: "  ")
            for line in lines {
                #expect(VietnameseText.displayWidth(line) <= width)
                #expect(!line.hasSuffix(" "))
            }
            let words = lines.joined(separator: " ").split(separator: " ").dropFirst().map(String.init)
            #expect(words == text.split(separator: " ").map(String.init))
        }
    }
}
