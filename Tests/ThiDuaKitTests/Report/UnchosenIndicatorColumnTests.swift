import Testing
@testable import ThiDuaKit

/// A column of a default indicator the report does not choose in `chi_tieu` is named for
/// what it is, with how to choose it; not "cột lạ".
@Suite struct UnchosenIndicatorColumnTests {
    @Test func aDefaultIndicatorNotChosenIsSaidSo() throws {
        let chosen = IndicatorSet(IndicatorSet.default.indicators.filter { $0.key == "so_cdcs" })
        let r = ReportFixture.aggregate([("t.csv", "don_vi;so_cdcs;cdcs_phat_dong;Sáng kiến (sáng kiến);cot_la\nA;3;2;1;x\n")], indicators: chosen)
        let messages = r.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("'cdcs_phat_dong' là chỉ tiêu 'cdcs_phat_dong' nhưng báo cáo không chọn") }, "\(messages)")
        #expect(messages.contains { $0.contains("là chỉ tiêu 'sang_kien'") }, "\(messages)")
        let hint = try #require(r.diagnostics.first { $0.message.contains("'cdcs_phat_dong'") }?.hint)
        #expect(hint.contains("- ma: cdcs_phat_dong"))
        #expect(messages.contains { $0.hasPrefix("cột lạ 'cot_la'") }, "\(messages)")
        #expect(r.statistics.totals(for: "so_cdcs")?.total == 3)
    }
}
