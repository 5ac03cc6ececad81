import Testing
@testable import ThiDuaKit

/// Units that reported only in the previous period are always named, also when every
/// current unit found its previous row (the pairing once returned early and lost them).
@Suite struct ComparisonCompletenessTests {
    @Test func previousOnlyUnitsAreNamedWhenEveryCurrentUnitIsPaired() throws {
        let now = "don_vi;nhom;doan_vien_moi\nA;K1;10\nB;K1;20\n"
        let before = "don_vi;nhom;doan_vien_moi\nA;K1;8\nB;K1;15\nC;K1;30\n"
        let result = ReportFixture.aggregate([("nay.csv", now)], previous: [("truoc.csv", before)])
        let comparison = try #require(result.statistics.comparison)
        #expect(comparison.pairedUnits == 2)
        #expect(comparison.onlyCurrent.isEmpty)
        #expect(comparison.onlyPrevious.map(\.name) == ["C"])
        #expect(!comparison.isComplete)
    }
}
