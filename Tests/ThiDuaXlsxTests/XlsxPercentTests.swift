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

    /// The rate of a change is not a share: +1 on 4.990 is 0,02%, which the cell keeps (it
    /// shows 0,0%), where a share's cell would show 0,1%. The document then says "dưới 0,1%".
    @Test func aChangesRateKeepsASmallValue() {
        #expect(XlsxPercent.shownChange(1.0 / 4_990.0) == 1.0 / 4_990.0)
        #expect(XlsxPercent.shownChange(-0.9996) == -0.999)
        #expect(XlsxPercent.shownChange(1.5) == 1.5)
        if case .number(let cached) = ReportFigures.changeQuotient(1, 4_990) { #expect(cached == 1.0 / 4_990.0) } else { Issue.record("no value") }
        #expect(XlsxPercent.changeFormula("G6", "F6") == "IF(F6=0,\"\",IF(AND(ABS(G6/F6)<1,ABS(G6/F6)>=0.9995),SIGN(G6/F6)*0.999,G6/F6))")
    }
}
