import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct DateParsing {
        @Test(arguments: [
            ("2025-09-02", 2025, 9, 2),
            ("02/9/2025", 2025, 9, 2),
            ("2/9/2025", 2025, 9, 2),
            ("02/09/2025", 2025, 9, 2),
            (" 02/9/2025\u{00A0}", 2025, 9, 2),
            ("29/02/2024", 2024, 2, 29),
            ("29/02/2000", 2000, 2, 29),
            ("31/12/2025", 2025, 12, 31),
            ("1/1/2000", 2000, 1, 1),
        ])
        func accepted(text: String, year: Int, month: Int, day: Int) throws {
            #expect(try CivilDate.parse(text).get() == CivilDate(year: year, month: month, day: day))
        }

        private func message(_ text: String) -> String? {
            if case .failure(let error) = CivilDate.parse(text) { return error.message }
            return nil
        }

        @Test(arguments: [
            ("31/02/2025", "ngày 31/02/2025 không tồn tại (tháng 2 năm 2025 có 28 ngày)"),
            ("29/02/2025", "ngày 29/02/2025 không tồn tại (tháng 2 năm 2025 có 28 ngày)"),
            ("29/2/1900", "ngày 29/02/1900 không tồn tại (tháng 2 năm 1900 có 28 ngày)"),
            ("31/4/2025", "ngày 31/4/2025 không tồn tại (tháng 4 năm 2025 có 30 ngày)"),
            ("0/5/2025", "ngày 00/5/2025 không tồn tại (tháng 5 năm 2025 có 31 ngày)"),
            ("2025-02-30", "ngày 30/02/2025 không tồn tại (tháng 2 năm 2025 có 28 ngày)"),
        ])
        func impossibleDaysSayWhy(text: String, expected: String) {
            #expect(message(text) == expected)
        }

        @Test func dashedDayMonthYearIsAmbiguous() throws {
            let text = try #require(message("02-09-2025"))
            #expect(text.contains("“02-09-2025”"))
            #expect(text.contains("không rõ"))
            #expect(text.contains("02/9/2025")) // how to write it instead
            #expect(text.contains("2025-09-02"))
        }

        @Test(arguments: [
            ("02/13/2025", "tháng 13"),
            ("2/9/25", "4 chữ số"),
            ("", "chưa ghi ngày"),
            ("02.09.2025", "không rõ"),
            ("2025-9-2", "02/9/2025"),
            ("hôm qua", "không phải là một ngày"),
            ("1/2/3/2025", "không phải là một ngày"),
            ("45902", "không phải là một ngày"),
            ("123/4/2025", "1 hoặc 2 chữ số"),
            ("1/1/0000", "năm 0"),
        ])
        func rejectedWithAReason(text: String, fragment: String) throws {
            let text = try #require(message(text))
            #expect(text.contains(fragment))
        }
    }
}
