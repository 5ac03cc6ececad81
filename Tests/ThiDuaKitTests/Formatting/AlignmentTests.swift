import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct Alignment {
        private func sp(_ n: Int) -> String { String(repeating: " ", count: n) }

        @Test(arguments: [
            ("abc", 10, "   abc"), // 7 spare columns: 3 left, 4 right
            ("abcd", 10, "   abcd"),
            ("KẾ HOẠCH", 20, "      KẾ HOẠCH"),
            ("KE\u{0302}\u{0301} HOA\u{0323}CH", 20, "      KE\u{0302}\u{0301} HOA\u{0323}CH"),
            ("abc  ", 9, "   abc"), // trailing spaces dropped
            ("abcdef", 4, "abcdef"), // wider: unchanged
            ("abcd", 4, "abcd"),
            ("", 10, ""),
        ])
        func center(text: String, width: Int, expected: String) {
            #expect(VietnameseText.center(text, width: width) == expected)
        }

        @Test func alignRight() {
            #expect(VietnameseText.alignRight("Bến Tre", width: 10) == "   Bến Tre")
            #expect(VietnameseText.alignRight("Bến Tre  ", width: 10) == "   Bến Tre")
            #expect(VietnameseText.alignRight("toolongtext", width: 4) == "toolongtext")
            #expect(VietnameseText.alignRight("", width: 4) == "")
        }

        @Test func padding() {
            #expect(VietnameseText.padRight("Đà", width: 5) == "Đà   ")
            #expect(VietnameseText.padRight("Đa\u{0300}", width: 5) == "Đa\u{0300}   ")
            #expect(VietnameseText.padLeft("1.234", width: 8) == "   1.234")
            #expect(VietnameseText.padRight("abcdef", width: 3) == "abcdef")
            #expect(VietnameseText.padLeft("abcdef", width: 3) == "abcdef")
            #expect(VietnameseText.displayWidth(VietnameseText.padRight("Nguye\u{0302}\u{0303}n", width: 10)) == 10)
        }

        @Test func rule() {
            #expect(VietnameseText.rule(5) == "-----")
            #expect(VietnameseText.rule(3, char: "_") == "___")
            #expect(VietnameseText.rule(0) == "")
            #expect(VietnameseText.rule(-2) == "")
        }

        @Test func officialHeader() {
            let lines = VietnameseText.twoColumns(
                left: ["LĐLĐ TỈNH BẾN TRE", "-----", "Số: 13/KH-LĐLĐ"],
                right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
                totalWidth: 80)
            // Columns of 39, gap 2: the right column starts at column 41.
            #expect(lines == [
                sp(11) + "LĐLĐ TỈNH BẾN TRE" + sp(13) + sp(2) + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                sp(17) + "-----" + sp(19) + sp(6) + "Độc lập - Tự do - Hạnh phúc",
                sp(12) + "Số: 13/KH-LĐLĐ",
            ])
        }

        @Test func longLinesAreWrappedAndEachPieceCentred() {
            let lines = VietnameseText.twoColumns(
                left: ["LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE"], right: ["CỘNG HÒA"], totalWidth: 40)
            #expect(lines == [
                "LIÊN ĐOÀN LAO ĐỘNG" + sp(3) + sp(5) + "CỘNG HÒA",
                sp(3) + "TỈNH BẾN TRE",
            ])
        }

        @Test func shorterLeftColumnIsPaddedWithBlankRows() {
            let lines = VietnameseText.twoColumns(left: [], right: ["A", "B"], totalWidth: 10)
            // Columns of 4, gap 2; "A" centred in 4 columns gets 1 space.
            #expect(lines == [sp(6) + " A", sp(6) + " B"])
        }

        @Test func oddTotalWidthPutsTheSpareColumnInTheGap() {
            let lines = VietnameseText.twoColumns(left: ["L"], right: ["R"], totalWidth: 11)
            // Columns of 4, gap 3: "L" gets 1 space on the left, "R" starts after 7 columns.
            #expect(lines == [" L" + sp(2) + sp(3) + " R"])
        }

        @Test func noTrailingSpaces() {
            let lines = VietnameseText.twoColumns(
                left: ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "CÔNG ĐOÀN NGÀNH GIÁO DỤC TỈNH BẾN TRE", "", "Số: 06/HD-CĐN"],
                right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
                totalWidth: 60)
            // Both columns wrap at half the width: six lines, the widest filling most of it.
            #expect(lines.count == 6)
            #expect(lines.contains { VietnameseText.displayWidth($0) > 45 })
            for line in lines {
                #expect(!line.hasSuffix(" "))
                #expect(VietnameseText.displayWidth(line) <= 60)
            }
        }
    }
}
