import Testing
@testable import ThiDuaKit

/// The unit a money column's header states: scaled when it is a multiple of đồng, refused
/// when it is stated but not understood, never read as đồng by guess.
@Suite struct FigureMoneyUnitTests {
    @Test(arguments: [
        ("Giá trị làm lợi (nghìn đồng)", 1_000), ("Giá trị làm lợi (1.000 đ)", 1_000),
        ("Giá trị làm lợi (1000đ)", 1_000), ("Giá trị làm lợi (ĐVT: 1.000 đồng)", 1_000),
        ("Giá trị làm lợi (đơn vị: triệu đồng)", 1_000_000), ("Giá trị làm lợi (x1000)", 1_000),
        ("Giá trị làm lợi [Tr.đ]", 1_000_000), ("Giá trị làm lợi - tỷ đồng", 1_000_000_000),
        ("Giá trị làm lợi (ĐVT: triệu)", 1_000_000), ("Giá trị làm lợi (1.000.000 VNĐ)", 1_000_000),
        ("Giá trị làm lợi (×1.000)", 1_000), ("Giá trị làm lợi (k)", 1_000),
        ("Giá trị làm lợi (000đ)", 1_000), ("Giá trị làm lợi (000.000 đ)", 1_000_000), ("Giá trị làm lợi (ng.đ)", 1_000),
        ("Giá trị làm lợi (trieu dong)", 1_000_000), ("Giá trị làm lợi (nghin dong)", 1_000), ("Giá trị làm lợi (1000 d)", 1_000),
        ("Giá trị làm lợi (Tr.d)", 1_000_000), ("Giá trị làm lợi (1k)", 1_000), ("Giá trị làm lợi (K VNĐ)", 1_000),
    ] as [(String, Int64)])
    func multiplesAreRead(_ header: String, _ multiple: Int64) {
        #expect(FigureMoneyUnit.of(header: header) == .multiple(multiple))
    }

    @Test(arguments: ["Giá trị làm lợi (đồng)", "Giá trị làm lợi (VNĐ)", "Giá trị làm lợi (đ)", "Giá trị làm lợi (ĐVT: đồng)", "Giá trị làm lợi (d)", "Giá trị làm lợi (₫)", "Giá trị làm lợi(đồng)"])
    func dongIsDong(_ header: String) {
        #expect(FigureMoneyUnit.of(header: header) == .dong)
    }

    @Test(arguments: ["Giá trị làm lợi (USD)", "Giá trị làm lợi (x1500)", "Giá trị làm lợi (1,5 triệu)", "Giá trị làm lợi (ĐVT:)", "Giá trị làm lợi (1500)",
                      "Giá trị làm lợi (6 tháng)", "Giá trị làm lợi (triệu đồng/năm)", "Giá trị làm lợi (00đ)"])
    func otherUnitsAreUnknown(_ header: String) {
        guard case .unknown = FigureMoneyUnit.of(header: header) else {
            Issue.record("\(header): \(String(describing: FigureMoneyUnit.of(header: header)))")
            return
        }
    }

    /// Words about the figure, not a unit: the column stays in đồng, as before units were read.
    @Test(arguments: ["Kinh phí Mái ấm Công đoàn (hỗ trợ)", "Giá trị làm lợi - Thực hiện", "Giá trị làm lợi (người)", "Quỹ hỗ trợ (Tết)"])
    func qualifiersAreNoUnit(_ header: String) {
        #expect(FigureMoneyUnit.of(header: header) == nil)
    }

    /// A header that is an indicator's own name, brackets and all, states no unit; a refused
    /// column does not take the indicator from a good one after it.
    @Test func anIndicatorsOwnNameAndARefusedColumnBeforeAGoodOne() {
        let fund = Indicator(key: "quy_tet", name: "Quỹ hỗ trợ (Tết)", unit: "đồng", kind: .money, sentence: "{gia_tri}")
        let own = ReportFixture.aggregate([("t.csv", "don_vi;Quỹ hỗ trợ (Tết)\nA;5000\n")], indicators: IndicatorSet([fund]))
        #expect(!own.diagnostics.hasErrors, "\(own.diagnostics)")
        #expect(own.statistics.totals(for: "quy_tet")?.total == 5000)
        let twice = ReportFixture.aggregate([("t.csv", "don_vi;Giá trị làm lợi (USD);Giá trị làm lợi (đồng)\nA;1;2000\n")])
        #expect(!twice.diagnostics.contains { $0.message.contains("trùng với cột") }, "\(twice.diagnostics)")
        #expect(twice.statistics.totals(for: "gia_tri_lam_loi")?.total == 2000)
    }

    /// "Kinh phí (triệu đồng)" under the title "Mái ấm Công đoàn": the unit of the lower cell
    /// goes with the title's column.
    @Test func aUnitUnderATitleIsKept() {
        let (outcomes, diagnostics) = ReportFixture.parse("Đơn vị;Mái ấm Công đoàn;\n;Số nhà;Kinh phí (triệu đồng)\nA;2;60\n")
        let unit = ReportFixture.units(outcomes).first
        #expect(unit?.values[ReportFixture.index("mai_am_kinh_phi")] == 60_000_000, "\(diagnostics)")
        #expect(unit?.values[ReportFixture.index("mai_am_so_nha")] == 2)
    }

    /// A title with its unit over "Chỉ tiêu (triệu đồng) | Thực hiện (triệu đồng)": one
    /// bracket, the column found, in millions.
    @Test func aUnitOnBothTiersIsNotDoubled() {
        let (outcomes, diagnostics) = ReportFixture.parse("Đơn vị;Giá trị làm lợi (triệu đồng);\n;Chỉ tiêu (triệu đồng);Thực hiện (triệu đồng)\nA;2;1,5\n")
        let unit = ReportFixture.units(outcomes).first
        #expect(unit?.values[ReportFixture.index("gia_tri_lam_loi")] == 1_500_000, "\(diagnostics)")
        #expect(unit?.targets[ReportFixture.index("gia_tri_lam_loi")] == 2_000_000)
        #expect(!diagnostics.contains { $0.message.contains("cột lạ") }, "\(diagnostics)")
    }

    @Test func noUnitIsNone() {
        #expect(FigureMoneyUnit.of(header: "Giá trị làm lợi") == nil)
        #expect(FigureMoneyUnit.of(header: "gia_tri_lam_loi") == nil)
    }

    /// Read as đồng, "(1000đ)" made the report state 15 đồng for 15 million; "(USD)" is refused.
    @Test func aColumnInThousandsIsScaledAndAForeignUnitRefused() throws {
        let thousands = ReportFixture.aggregate([("t.csv", "don_vi;nhom;Giá trị làm lợi (ĐVT: 1.000 đồng)\nĐơn vị A;Khối 1;12\nĐơn vị B;Khối 1;3\n")])
        #expect(!thousands.diagnostics.hasErrors, "\(thousands.diagnostics)")
        #expect(thousands.statistics.totals(for: "gia_tri_lam_loi")?.total == 15_000)
        let foreign = ReportFixture.aggregate([("t.csv", "don_vi;nhom;Giá trị làm lợi (USD)\nĐơn vị A;Khối 1;12\n")])
        let error = try #require(foreign.diagnostics.first { $0.severity == .error && $0.message.contains("đơn vị tính") })
        #expect(error.message.contains("'USD'"))
        #expect(error.position?.line == 1 && error.position?.column == 13)
        #expect(foreign.statistics.totals(for: "gia_tri_lam_loi")?.total ?? 0 == 0)
    }
}
