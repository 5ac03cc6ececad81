import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct DateFormatting {
        private func date(_ year: Int, _ month: Int, _ day: Int) throws -> CivilDate {
            try #require(CivilDate(year: year, month: month, day: day))
        }

        @Test(arguments: [
            (2017, 2, 22, "ngày 22 tháng 02 năm 2017"),
            (2020, 1, 5, "ngày 05 tháng 01 năm 2020"),
            (2021, 6, 29, "ngày 29 tháng 6 năm 2021"),
            (2021, 3, 6, "ngày 06 tháng 3 năm 2021"),
            (2024, 12, 31, "ngày 31 tháng 12 năm 2024"),
            (2024, 10, 1, "ngày 01 tháng 10 năm 2024"),
            (2025, 2, 9, "ngày 09 tháng 02 năm 2025"),
        ])
        func longVietnamese(year: Int, month: Int, day: Int, expected: String) throws {
            #expect(try date(year, month, day).longVietnamese == expected)
        }

        @Test(arguments: [
            (2017, 2, 10, "10/02/2017"),
            (2021, 3, 6, "06/3/2021"),
            (2016, 5, 15, "15/5/2016"),
            (2020, 1, 5, "05/01/2020"),
            (2024, 11, 20, "20/11/2024"),
        ])
        func shortOfficial(year: Int, month: Int, day: Int, expected: String) throws {
            #expect(try date(year, month, day).short() == expected)
            #expect(try date(year, month, day).short(.official) == expected)
        }

        @Test(arguments: [
            (1930, 2, 3, ["03/02", "03/02", "3/2"]),
            (1975, 4, 30, ["30/4", "30/04", "30/4"]),
            (1945, 9, 2, ["02/9", "02/09", "2/9"]),
            (1982, 11, 20, ["20/11", "20/11", "20/11"]),
            (1955, 2, 27, ["27/02", "27/02", "27/2"]),
        ])
        func dayMonthStyles(year: Int, month: Int, day: Int, expected: [String]) throws {
            let d = try date(year, month, day)
            #expect([d.dayMonth(.official), d.dayMonth(.padded), d.dayMonth(.plain)] == expected)
            #expect(d.dayMonth() == expected[0])
        }

        @Test func shortWithStyles() throws {
            let d = try date(1945, 9, 2)
            #expect(d.short(.padded) == "02/09/1945")
            #expect(d.short(.plain) == "2/9/1945")
        }

        @Test func daysUntil() throws {
            #expect(try date(2024, 2, 28).days(until: date(2024, 3, 1)) == 2) // leap year
            #expect(try date(2023, 2, 28).days(until: date(2023, 3, 1)) == 1)
            #expect(try date(1930, 2, 3).days(until: date(2020, 2, 3)) == 32872)
            #expect(try date(2025, 9, 2).days(until: date(1945, 9, 2)) == -29220)
            #expect(try date(2025, 1, 1).days(until: date(2025, 1, 1)) == 0)
        }
    }
}
