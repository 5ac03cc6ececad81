import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct NumberParsing {
        @Test(arguments: [
            ("1234", 0, Int64(1234)),
            ("1.234", 0, 1234),
            ("1.234.567", 0, 1_234_567),
            ("12,5", 1, 125),
            ("13,8", 1, 138),
            ("1.234,5", 1, 12345),
            ("-1.234,56", 2, -123_456),
            ("1 234", 0, 1234),
            ("1\u{00A0}234\u{00A0}567", 0, 1_234_567),
            ("1 234,5", 1, 12345),
            ("-3", 0, -3),
            ("+7", 0, 7),
            ("  42\u{00A0}", 0, 42),
            ("0", 0, 0),
            ("-0", 0, 0),
            ("007", 0, 7),
            ("12", 2, 1200),
            ("9", 18, 9_000_000_000_000_000_000),
            ("12,50", 1, 125),        // extra zeros are exact
            // A lone dot that does not group thousands is a decimal point.
            ("1.5", 1, 15),
            ("12.25", 2, 1225),
            ("0.500", 1, 5),
            ("1234.567", 3, 1_234_567),
            // Limits.
            ("9.223.372.036.854.775.807", 0, Int64.max),
            ("-9223372036854775808", 0, Int64.min),
        ])
        func accepted(text: String, scale: Int, expected: Int64) {
            #expect(VietnameseNumber.parse(text, scale: scale) == expected)
        }

        @Test(arguments: [
            ("1.234 người", 0),
            ("12,3,4", 0),
            ("", 0),
            ("   ", 0),
            ("-", 0),
            ("abc", 0),
            ("12%", 0),
            ("1.2.3", 0),             // two dots: must be thousands, and are not
            ("1.23.456", 0),
            ("0.123.456", 0),
            ("1.234.5", 0),
            ("1.5,2", 1),             // dot before a comma must group thousands
            ("1,234.5", 1),           // English style: comma is not the last separator
            ("1 23", 0),              // space only between thousands groups
            ("1.234 567", 0),         // mixed separators
            ("1..234", 0),
            ("5,", 0),
            (",5", 1),
            ("- 5", 0),
            ("12,5", 0),              // not exact at scale 0
            ("1.5", 0),
            ("9223372036854775808", 0), // overflow
            ("922337203685477580,8", 1),
            ("1,5", -1),
            ("0", 19),
            ("0", Int.max),
        ])
        func rejected(text: String, scale: Int) {
            #expect(VietnameseNumber.parse(text, scale: scale) == nil)
        }

        @Test func roundTripsWithFormatting() {
            for n: Int64 in [0, 1, -1, 999, 1000, -1000, 12_345, 1_000_000, -987_654_321, Int64.max, Int64.min] {
                #expect(VietnameseNumber.parse(VietnameseNumber.integer(n)) == n)
            }
            for scaled: Int64 in [0, 5, 138, -5, 12345, 100_000_001] {
                #expect(VietnameseNumber.parse(VietnameseNumber.decimal(scaled, scale: 2), scale: 2) == scaled)
            }
        }
    }
}
