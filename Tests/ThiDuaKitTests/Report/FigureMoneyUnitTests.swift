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
    ] as [(String, Int64)])
    func multiplesAreRead(_ header: String, _ multiple: Int64) {
        #expect(FigureMoneyUnit.of(header: header) == .multiple(multiple))
    }

    @Test(arguments: ["Giá trị làm lợi (đồng)", "Giá trị làm lợi (VNĐ)", "Giá trị làm lợi (đ)", "Giá trị làm lợi (ĐVT: đồng)"])
    func dongIsDong(_ header: String) {
        #expect(FigureMoneyUnit.of(header: header) == .dong)
    }

    @Test(arguments: ["Giá trị làm lợi (USD)", "Giá trị làm lợi (người)", "Giá trị làm lợi (x1500)", "Giá trị làm lợi (1,5 triệu)", "Giá trị làm lợi (ĐVT:)"])
    func otherUnitsAreUnknown(_ header: String) {
        guard case .unknown = FigureMoneyUnit.of(header: header) else {
            Issue.record("\(header): \(String(describing: FigureMoneyUnit.of(header: header)))")
            return
        }
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
