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

        @Test(arguments: [
            (Int64(197), Int64(200), 1, "98,5%"),
            (697, 300, 1, "232,3%"),
            (1, 1, 1, "100,0%"),
            (45, 45, 1, "100,0%"),
            (2, 3, 1, "66,7%"),
            (1, 3, 1, "33,3%"),
            (0, 5, 1, "0,0%"),
            (2, 3, 2, "66,67%"),
            (2, 3, 0, "67%"),
            (2, 3, -1, "67%"),
            // Exactly half: away from zero.
            (1, 16, 1, "6,3%"),       // 6,25
            (3, 16, 1, "18,8%"),      // 18,75
            (1, 8, 0, "13%"),         // 12,5
            (1, 200, 0, "1%"),        // 0,5
            (1, 2000, 1, "0,1%"),     // 0,05
            (1, 2001, 1, "0,0%"),     // 0,04997…
            (2675, 100_000, 2, "2,68%"), // 2,675: Double would give 2,67
            // Negatives round by magnitude.
            (-1, 16, 1, "-6,3%"),
            (1, -16, 1, "-6,3%"),
            (-1, -16, 1, "6,3%"),
            (-1, 200, 0, "-1%"),
            (-1, 2000, 1, "-0,1%"),
            (-1, 3000, 1, "0,0%"),    // rounds to zero: no sign
            // No overflow at the extremes.
            (Int64.max, Int64.max, 1, "100,0%"),
            (Int64.max, 1, 1, "922.337.203.685.477.580.700,0%"),
            (Int64.min, 1, 0, "-922.337.203.685.477.580.800%"),
            (Int64.min, Int64.max, 1, "-100,0%"),
        ])
        func percent(numerator: Int64, denominator: Int64, digits: Int, expected: String) {
            #expect(VietnameseNumber.percent(numerator, of: denominator, fractionDigits: digits) == expected)
        }

        @Test func percentDefaultsToOneDigit() {
            #expect(VietnameseNumber.percent(985, of: 1000) == "98,5%")
        }

        @Test func extremeDigitCountsDoNotTrap() {
            #expect(VietnameseNumber.percent(1, of: 3, fractionDigits: Int.max) == "33,333333333333333333%")
            #expect(VietnameseNumber.percent(1, of: 3, fractionDigits: Int.min) == "33%")
            #expect(VietnameseNumber.decimal(5, scale: 25) == "0," + String(repeating: "0", count: 24) + "5")
        }

        @Test(arguments: [Int64(0), 5, -5])
        func percentOfZeroIsNil(numerator: Int64) {
            #expect(VietnameseNumber.percent(numerator, of: 0) == nil)
        }
    }
}
