import Testing
import BenchSupport
@testable import ThiDuaKit

@Suite struct ReportBenchmarkTests {
    @Test func syntheticDataIsDeterministic() {
        let a = ReportBenchmark.syntheticCSV(units: 50, groups: 4, indicators: .default, seed: 42)
        let b = ReportBenchmark.syntheticCSV(units: 50, groups: 4, indicators: .default, seed: 42)
        let c = ReportBenchmark.syntheticCSV(units: 50, groups: 4, indicators: .default, seed: 43)
        #expect(a == b)
        #expect(a != c)
        #expect(a.hasPrefix("\u{FEFF}STT;Đơn vị;Khối;so_cdcs;"))
    }

    @Test func syntheticDataReadsCleanlyAndCompletely() {
        let units = 600, groups = 7
        let text = ReportBenchmark.syntheticCSV(units: units, groups: groups, indicators: .default, seed: 1)
        let expected = ReportBenchmark.syntheticExpectedUnits(units: units, groups: groups)
        let r = ReportAggregator.aggregate(ReportInputs(
            sources: [FigureSource(label: "bench.csv", chunks: Self.chunks(Array(text.utf8), size: 4096))],
            expectedUnits: expected))
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.prefix(3))")
        #expect(r.reconciliation.rowsRead == units)
        #expect(r.reconciliation.unitsUsed == units)
        #expect(r.statistics.groups.count == groups)
        #expect(r.statistics.missingUnits.isEmpty && r.statistics.unexpectedUnits.isEmpty)
        // Names with ";" were quoted and survived.
        #expect(r.statistics.orderedUnits.contains { r.statistics.name(ofUnit: $0).contains("; chi nhánh") })
        // Expected-list order is report order.
        #expect(r.statistics.groups.map(\.name) == (0..<groups).map(ReportBenchmark.groupName))
    }

    @Test func ratioIndicatorsStayConsistent() {
        let text = ReportBenchmark.syntheticCSV(units: 300, groups: 3, indicators: .default, seed: 9)
        let s = ReportFixture.aggregate([("b.csv", text)]).statistics
        let ratio = s.totals(for: "ty_le_cdcs_phat_dong")?.ratio
        #expect(ratio.map { $0 <= ExactRatio(1, 1)! } == true)
    }

    static func chunks(_ bytes: [UInt8], size: Int) -> [[UInt8]] {
        stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
    }
}
