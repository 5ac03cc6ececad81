import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct NumberFormatting {
        @Test(arguments: [
            (Int64(0), "0"), (7, "7"), (999, "999"), (1000, "1.000"), (1234, "1.234"),
            (1_234_567, "1.234.567"), (-1234, "-1.234"), (-999, "-999"),
            (Int64.max, "9.223.372.036.854.775.807"), (Int64.min, "-9.223.372.036.854.775.808"),
        ])
        func integer(n: Int64, expected: String) {
            #expect(VietnameseNumber.integer(n) == expected)
        }

        @Test func integerFromInt() {
            #expect(VietnameseNumber.integer(1234) == "1.234")
            #expect(VietnameseNumber.integer(-12_345_678) == "-12.345.678")
        }

        @Test(arguments: [
            (Int64(138), 1, "13,8"), (12345, 1, "1.234,5"), (130, 1, "13,0"), (5, 2, "0,05"),
            (-5, 1, "-0,5"), (-12345, 2, "-123,45"), (1234, 0, "1.234"), (1234, -1, "1.234"),
            (1_234_567_891, 3, "1.234.567,891"), (0, 2, "0,00"), (13_800_000_000, 9, "13,800000000"),
        ])
        func decimal(scaled: Int64, scale: Int, expected: String) {
            #expect(VietnameseNumber.decimal(scaled, scale: scale) == expected)
        }

        /// Percentages reach documents through `ReportFigureText.percent` (an exact ratio,
        /// one decimal, half away from zero): the path production uses.
        @Test(arguments: [
            (Int64(197), Int64(200), "98,5%"),
            (697, 300, "232,3%"),
            (1, 1, "100,0%"),
            (45, 45, "100,0%"),
            (2, 3, "66,7%"),
            (1, 3, "33,3%"),
            (0, 5, "0,0%"),
            // Exactly half: away from zero.
            (1, 16, "6,3%"),       // 6,25
            (3, 16, "18,8%"),      // 18,75
            (1, 2000, "0,1%"),     // 0,05
            // Never rounded across 0% or 100%: "0,0%" would say nobody did, "100,0%" everybody.
            (1, 2001, "0,1%"),     // 0,04997…
            (1999, 2000, "99,9%"), // 99,95
            (19_999, 20_000, "99,9%"),
            (20_001, 20_000, "100,0%"), // beyond 100%: reached
            (0, 7, "0,0%"),
            (2675, 10_000, "26,8%"), // 26,75: Double gives 26,7
            // No overflow at the extremes.
            (Int64.max, Int64.max, "100,0%"),
        ])
        func percent(numerator: Int64, denominator: Int64, expected: String) {
            #expect(ReportFigureText.percent(ExactRatio(numerator, denominator)) == expected)
        }

        @Test func percentOfNothingIsNil() {
            #expect(ExactRatio(5, 0) == nil)
            #expect(ReportFigureText.percent(nil) == nil)
            // Beyond what a scaled Int64 holds: no figure rather than a wrong one.
            #expect(ReportFigureText.percent(ExactRatio(Int64.max, 1)) == nil)
        }

        @Test func extremeScalesDoNotTrap() {
            #expect(VietnameseNumber.decimal(5, scale: 25) == "0," + String(repeating: "0", count: 24) + "5")
        }
    }
}
