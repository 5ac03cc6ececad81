import Testing
@testable import ThiDuaKit

/// Anniversary counts typed by hand in running text are checked against the document's years.
@Suite struct WrittenAnniversaryTests {
    static func messages(_ paragraph: String, kind: String = "") -> [String] {
        let yaml = TestSupport.minimalPlan.replacingOccurrences(of: "Động viên đoàn viên thi đua lao động sản xuất.", with: paragraph)
        return TestSupport.messages(yaml + "thoi_gian: { tu: 2025-03-01, den: 2025-12-31 }\n").filter { $0.contains("kỷ niệm") || $0.contains("khoảng ngày") }
    }

    @Test func aCountOfAnotherYearIsFlagged() {
        let found = Self.messages("Chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam.")
        #expect(found.count == 1 && found[0].contains("\"95 năm Ngày thành lập Công đoàn Việt Nam\": trong thời gian của văn bản, Ngày thành lập Công đoàn Việt Nam là kỷ niệm 96 năm (28/7/1929 - 28/7/2025), không phải 95 năm"), "\(found)")
        #expect(found.first?.contains("{ky_niem thanh_lap_cong_doan}") == true)
    }

    @Test func aRangeThatDisagreesWithTheCountOrLiesOutsideIsFlagged() {
        let wrong = Self.messages("Chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2025).")
        #expect(wrong.count == 1 && wrong[0].contains("khoảng ngày ghi kèm đến năm 2025 là 96 năm, không phải 95 năm"), "\(wrong)")
        let outside = Self.messages("Chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024).")
        #expect(outside.count == 1 && outside[0].contains("ngoài thời gian của văn bản"), "\(outside)")
    }

    @Test func rightCountsAndOtherNumbersPass() {
        #expect(Self.messages("Chào mừng 96 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2025), 135 năm Ngày sinh Chủ tịch Hồ Chí Minh.").isEmpty)
        #expect(Self.messages("Phấn đấu 95 năm liền không có tai nạn; 1.234 năm ngày công.").isEmpty)
    }
}
