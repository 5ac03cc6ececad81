import Testing
@testable import ThiDuaXlsx

/// A percentage cell never reads 100,0% or 0,0% when the document says 99,9% or 0,1%.
@Suite struct XlsxPercentTests {
    @Test func valuesNearTheBoundsStayOnTheirSide() {
        #expect(XlsxPercent.shown(1_999.0 / 2_000.0) == 0.999)
        #expect(XlsxPercent.shown(1) == 1)
        #expect(XlsxPercent.shown(2_001.0 / 2_000.0) == 2_001.0 / 2_000.0)
        #expect(XlsxPercent.shown(1.0 / 2_001.0) == 0.001)
        #expect(XlsxPercent.shown(0) == 0)
        #expect(XlsxPercent.shown(-0.9996) == -0.999)
        #expect(XlsxPercent.shown(0.5) == 0.5)
        if case .number(let cached) = ReportFigures.quotient(1_999, 2_000) { #expect(cached == 0.999) } else { Issue.record("no value") }
    }
}
