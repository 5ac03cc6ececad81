import Testing
@testable import ThiDuaKit

/// A four-unit example computed by hand:
///
/// | unit | khối | số CĐCS | phát động | ĐV mới | chỉ tiêu ĐV | làm lợi |
/// |---|---|---|---|---|---|---|
/// | Công đoàn Trường THCS Lê Lợi | Khối A | 10 | 10 | 25 | 20 | 1.500.000 |
/// | Công đoàn Bệnh viện Đa khoa | Khối A | 8 | 6 | 12 | 15 | — |
/// | Công đoàn Công ty May Việt Tiến | Khối B | 20 | 19 | 40 | 40 | 13.800.000 |
/// | Công đoàn Ủy ban nhân dân xã Ân Thi | Khối B | 5 | 5 | — | 10 | 0 |
///
/// Overall: 43 CĐCS, 40 launching (40/43); 77 new members over 3 reporting units against
/// 20+15+40+10 = 85 (77/85 ≈ 90,6%); 2 of 4 units reached their own target (Lê Lợi, May);
/// average 77/3 ≈ 25,67 → 26; làm lợi 15.300.000 over 3 units, average 5.100.000.
@Suite struct ReportStatisticsTests {
    static let current = """
        Đơn vị;Khối;so_cdcs;cdcs_phat_dong;doan_vien_moi;chi_tieu_doan_vien_moi;gia_tri_lam_loi
        Công đoàn Trường THCS Lê Lợi;Khối A;10;10;25;20;1.500.000
        Công đoàn Bệnh viện Đa khoa;Khối A;8;6;12;15;
        Công đoàn Công ty May Việt Tiến;Khối B;20;19;40;40;13.800.000
        Công đoàn Ủy ban nhân dân xã Ân Thi;Khối B;5;5;;10;0

        """
    static let previous = """
        Đơn vị;Khối;so_cdcs;cdcs_phat_dong;doan_vien_moi;gia_tri_lam_loi
        Công đoàn Trường THCS Lê Lợi;Khối A;10;8;30;0
        Công đoàn Bệnh viện Đa khoa;Khối A;8;5;10;
        Công đoàn Công ty May Việt Tiến;Khối B;20;17;30;2.000.000
        Công đoàn Ủy ban nhân dân xã Ân Thi;Khối B;5;5;0;0

        """

    private func result() -> ReportResult {
        ReportFixture.aggregate([("q1.csv", Self.current)], previous: [("q0.csv", Self.previous)])
    }

    @Test func overallTotals() throws {
        let r = result()
        #expect(r.diagnostics.isEmpty)
        let s = r.statistics
        #expect(s.unitCount == 4)
        #expect(s.totals(for: "so_cdcs")?.total == 43)
        let ratio = try #require(s.totals(for: "ty_le_cdcs_phat_dong"))
        #expect(ratio.total == 40)
        #expect(ratio.denominatorTotal == 43)
        #expect(ratio.ratio == ExactRatio(40, 43))
        #expect(ratio.ratio?.percent(fractionDigits: 1) == 930)

        let members = try #require(s.totals(for: "doan_vien_moi"))
        #expect(members.total == 77)
        #expect(members.reportingUnits == 3)
        #expect(members.target == 85)
        #expect(members.targetSource == .sumOfUnitTargets)
        #expect(members.ofTarget?.numerator == 77 && members.ofTarget?.denominator == 85)
        #expect(members.ofTarget?.percent(fractionDigits: 1) == 906)
        #expect(members.unitsWithOwnTarget == 4)
        #expect(members.unitsReachingOwnTarget == 2)
        #expect(members.average == ExactRatio(77, 3))
        #expect(members.average?.rounded() == 26)

        let value = try #require(s.totals(for: "gia_tri_lam_loi"))
        #expect(value.total == 15_300_000)
        #expect(value.reportingUnits == 3)
        #expect(value.average?.rounded() == 5_100_000)
        #expect(value.target == nil && value.ofTarget == nil)

        #expect(s.totals(for: "sang_kien")?.reportingUnits == 0)
        #expect(s.totals(for: "sang_kien")?.average == nil)
    }

    @Test func groupsInVietnameseOrderWithTheirTotals() throws {
        let s = result().statistics
        #expect(s.groups.map(\.name) == ["Khối A", "Khối B"])
        let a = s.groups[0], b = s.groups[1]
        #expect(a.units.map(s.name(ofUnit:)) == ["Công đoàn Bệnh viện Đa khoa", "Công đoàn Trường THCS Lê Lợi"])
        #expect(b.units.map(s.name(ofUnit:)) == ["Công đoàn Công ty May Việt Tiến", "Công đoàn Ủy ban nhân dân xã Ân Thi"])
        #expect(a.totals(for: "so_cdcs")?.total == 18)
        #expect(a.totals(for: "ty_le_cdcs_phat_dong")?.ratio == ExactRatio(16, 18))
        #expect(a.totals(for: "doan_vien_moi")?.ofTarget == ExactRatio(37, 35))
        #expect(a.totals(for: "doan_vien_moi")?.unitsReachingOwnTarget == 1)
        #expect(b.totals(for: "doan_vien_moi")?.ofTarget == ExactRatio(40, 50))
        #expect(b.totals(for: "doan_vien_moi")?.unitsReachingOwnTarget == 1)
        #expect(s.orderedUnits == a.units + b.units)
        #expect(s.group(ofUnit: a.units[0]) == "Khối A")
    }

    @Test func topAndBottomWithNameTieBreak() {
        let s = result().statistics
        #expect(s.top(2, by: "doan_vien_moi").map(\.name) == ["Công đoàn Công ty May Việt Tiến", "Công đoàn Trường THCS Lê Lợi"])
        #expect(s.bottom(1, by: "doan_vien_moi").map(\.value) == [12])
        #expect(s.top(5, by: "doan_vien_moi").count == 3)
        // 10/10 and 5/5 tie at 100%: Vietnamese name order decides (Công… before Ủy…).
        let ratios = s.top(2, by: "ty_le_cdcs_phat_dong")
        #expect(ratios.map(\.name) == ["Công đoàn Trường THCS Lê Lợi", "Công đoàn Ủy ban nhân dân xã Ân Thi"])
        #expect(ratios[0].ratio == ExactRatio(1, 1))
        #expect(s.top(1, by: "doan_vien_moi", inGroup: "khối a").map(\.value) == [25])
        #expect(s.top(3, by: "khong_co").isEmpty)
    }

    @Test func tiesOnValueFollowVietnameseOrder() {
        let text = "don_vi;sang_kien\nĐông Hòa;5\nDương Minh Châu;5\nAn Phú;5\nÂn Thi;5\nZa Hung;1\n"
        let s = ReportFixture.aggregate([("t.csv", text)]).statistics
        #expect(s.top(4, by: "sang_kien").map(\.name) == ["An Phú", "Ân Thi", "Dương Minh Châu", "Đông Hòa"])
        #expect(s.bottom(2, by: "sang_kien").map(\.name) == ["Za Hung", "An Phú"])
    }

    @Test func changeAgainstThePreviousPhase() throws {
        let s = result().statistics
        #expect(s.hasPrevious)
        let members = try #require(s.totals(for: "doan_vien_moi")?.change)
        #expect(members.previousTotal == 70)
        #expect(members.absolute == 7)
        #expect(members.relative == ExactRatio(1, 10))
        let value = try #require(s.totals(for: "gia_tri_lam_loi")?.change)
        #expect(value.absolute == 13_300_000)
        #expect(value.relative?.percent(fractionDigits: 1) == 6650)
        let ratio = try #require(s.totals(for: "ty_le_cdcs_phat_dong")?.change)
        #expect(ratio.previousRatio == ExactRatio(35, 43))
        #expect(ratio.ratioDifference == ExactRatio(5, 43))
        #expect(ratio.absolute == nil)
        let groupA = try #require(s.groups[0].totals(for: "doan_vien_moi")?.change)
        #expect(groupA.previousTotal == 40)
        #expect(groupA.absolute == -3)
        #expect(s.totals(for: "sang_kien")?.change?.relative == nil)
    }

    @Test func overallTargetWinsOverUnitTargetsAndRatioTargetsArePercent() throws {
        var list = IndicatorSet.default.indicators
        for k in list.indices where list[k].key == "doan_vien_moi" { list[k].target = 100 }
        for k in list.indices where list[k].key == "ty_le_cdcs_phat_dong" { list[k].target = 95 }
        let s = ReportFixture.aggregate([("q1.csv", Self.current)], indicators: IndicatorSet(list)).statistics
        let members = try #require(s.totals(for: "doan_vien_moi"))
        #expect(members.target == 100 && members.targetSource == .overall)
        #expect(members.ofTarget == ExactRatio(77, 100))
        // Groups cannot split an overall count target; they keep their units' targets.
        #expect(s.groups[0].totals(for: "doan_vien_moi")?.targetSource == .sumOfUnitTargets)
        let launch = try #require(s.totals(for: "ty_le_cdcs_phat_dong"))
        #expect(launch.ofTarget == ExactRatio(4000, 43 * 95))
        // Units at or above 95%: Lê Lợi 100%, May 95%, Ân Thi 100%; Bệnh viện 75% is not.
        #expect(launch.unitsWithOwnTarget == 4)
        #expect(launch.unitsReachingOwnTarget == 3)
    }

    @Test func unitAccessors() throws {
        let s = result().statistics
        let unit = try #require(s.orderedUnits.first { s.name(ofUnit: $0) == "Công đoàn Bệnh viện Đa khoa" })
        #expect(s.value(ofUnit: unit, key: "doan_vien_moi") == 12)
        #expect(s.value(ofUnit: unit, key: "gia_tri_lam_loi") == nil)
        #expect(s.target(ofUnit: unit, key: "doan_vien_moi") == 15)
        #expect(s.ratio(ofUnit: unit, key: "ty_le_cdcs_phat_dong") == ExactRatio(6, 8))
        #expect(s.position(ofUnit: unit) == SourcePosition(file: "q1.csv", line: 3, column: 1))
    }

    @Test func decimalRatioColumnsSumExactly() throws {
        let set = IndicatorSet([
            Indicator(key: "diem", name: "Điểm thi đua", unit: "điểm", kind: .ratio),
        ])
        let s = ReportFixture.aggregate([("d.csv", "don_vi;diem\nA;0,1\nB;0,2\nC;12,3456\n")], indicators: set).statistics
        let t = try #require(s.totals(for: "diem"))
        #expect(t.total == 126_456)
        #expect(set["diem"]?.scale == 10_000)
        #expect(t.average?.rounded() == 42_152)
    }
}

@Suite struct ReportExactRatioTests {
    @Test func roundsHalfAwayFromZero() {
        #expect(ExactRatio(5, 2)?.rounded() == 3)
        #expect(ExactRatio(-5, 2)?.rounded() == -3)
        #expect(ExactRatio(7, 3)?.rounded() == 2)
        #expect(ExactRatio(-7, 3)?.rounded() == -2)
        #expect(ExactRatio(1, 3)?.percent(fractionDigits: 1) == 333)
        #expect(ExactRatio(2, 3)?.percent(fractionDigits: 1) == 667)
        #expect(ExactRatio(1, 8)?.percent(fractionDigits: 1) == 125)
        #expect(ExactRatio(1, 16)?.percent(fractionDigits: 2) == 625)
        #expect(ExactRatio(1, 16)?.percent(fractionDigits: 1) == 63)
        #expect(ExactRatio(2323, 1000)?.percent(fractionDigits: 1) == 2323)
    }

    @Test func zeroDenominatorAndSigns() {
        #expect(ExactRatio(1, 0) == nil)
        #expect(ExactRatio(1, -2)?.numerator == -1)
        #expect(ExactRatio(1, -2)?.denominator == 2)
    }

    @Test func exactComparisonAndEquality() {
        #expect(ExactRatio(1, 2) == ExactRatio(2, 4))
        #expect(Set([ExactRatio(1, 2), ExactRatio(3, 6)]).count == 1)
        #expect(ExactRatio(Int64.max - 1, Int64.max)! < ExactRatio(Int64.max, Int64.max)!)
        #expect(ExactRatio(-1, 3)! < ExactRatio(0, 1)!)
    }

    @Test func overflowGivesNil() {
        #expect(ExactRatio(Int64.max, 1)?.rounded(scale: 10) == nil)
        #expect(ExactRatio(Int64.max, 10)?.rounded(scale: 10) == Int64.max)
        #expect(ExactRatio(Int64.max, 3)?.percent(fractionDigits: 30) == nil)
    }

    @Test func sumsBeyondInt64AreReportedNotWrapped() throws {
        // A cell beyond 15 digits is refused where it is read…
        let huge = "9.000.000.000.000.000.000"
        let cells = ReportFixture.aggregate([("t.csv", "don_vi;gia_tri_lam_loi\nA;\(huge)\nB;\(huge)\n")])
        #expect(cells.diagnostics.filter { $0.severity == .error && $0.message.contains("quá lớn") }.count == 2)
        // …and 9,300 cells that each fit sum beyond Int64: reported once, at the cell where
        // the sum left what the workbook holds, and the total is flagged, never wrapped.
        var text = "don_vi;gia_tri_lam_loi\n"
        for i in 0..<9_300 { text += "Đơn vị \(i);999.999.999.999.999\n" }
        let r = ReportFixture.aggregate([("t.csv", text)])
        let errors = r.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.position == SourcePosition(file: "t.csv", line: 3, column: 10))
        #expect(errors.first?.message.hasPrefix("tổng 'Giá trị làm lợi' vượt 999.999.999.999.999 khi cộng ô này") == true)
        #expect(try #require(r.statistics.totals(for: "gia_tri_lam_loi")).overflowed)
    }
}
