import Testing
import BenchSupport
@testable import ThiDuaXlsx

@Suite("Report layout, totals and input checks")
struct ReportLayoutTests {
    func input(indicators: [IndicatorColumnGroup], units: [UnitRow] = []) -> SummaryWorkbookInput {
        SummaryWorkbookInput(
            issuingBody: "LĐLĐ", title: "T", period: "P", indicators: indicators,
            groups: [UnitGroup(name: "Khối", units: units)])
    }

    @Test("columns: STT, Đơn vị, then 3 columns per indicator with a target and 1 otherwise")
    func columns() throws {
        let layout = try SummaryLayout(input: SampleInput.make())
        #expect(layout.slots.map(\.firstColumn) == [2, 5, 8])
        #expect(layout.slots[0].target == 2 && layout.slots[0].actual == 3 && layout.slots[0].percent == 4)
        #expect(layout.slots[2].actual == 8 && layout.slots[2].target == nil && layout.slots[2].percent == nil)
        #expect(layout.lastColumn == 8)
        #expect(layout.groupHeaderRows == [6, 11, 15])
        #expect(layout.subtotalRows == [10, 14, 18])
        #expect(layout.grandTotalRow == 19)
    }

    @Test("totals are exact integer sums, blanks counting as zero")
    func totals() throws {
        let input = SampleInput.make()
        let layout = try SummaryLayout(input: input)
        let totals = try ReportTotals(input: input, layout: layout)
        // The third unit of the first group has 30 members and no target: 165 count against 150.
        #expect(totals.groups[0]["doan_vien"] == ReportFigures.Pair(target: 150, actual: 195, targetedActual: 165))
        #expect(totals.groups[1]["cdcs"] == ReportFigures.Pair(target: 1, actual: 2, targetedActual: 2))
        #expect(totals.grand["gia_tri"].actual == 4_884_567_889)
        #expect(totals.grand["doan_vien"] == ReportFigures.Pair(target: 1050, actual: 1010, targetedActual: 980))
    }

    @Test("percentages are computed from the integers only at the end, blank when the divisor is 0 or missing")
    func quotients() {
        #expect(ReportFigures.quotient(195, 150) == .number(1.3))
        #expect(ReportFigures.quotient(5, 0) == .text(""))
        #expect(ReportFigures.quotient(5, nil) == .text(""))
        #expect(ReportFigures.quotient(nil, 4) == .number(0))
    }

    @Test("totals that overflow or leave Excel's exact range are refused in Vietnamese")
    func overflow() {
        let big = Int64(1) << 52
        let input = input(
            indicators: [IndicatorColumnGroup(key: "a", name: "A")],
            units: [UnitRow(name: "x", values: ["a": IndicatorValue(actual: big)]), UnitRow(name: "y", values: ["a": IndicatorValue(actual: big + 1)])])
        #expect(throws: XlsxError.self) { try ReportWorkbook.plans(for: input) }
        do {
            _ = try ReportWorkbook.plans(for: input)
        } catch {
            #expect("\(error)".contains("vượt quá giới hạn"))
        }
    }

    @Test("indicator keys must be present and unique; ratios must name non-ratio indicators")
    func indicatorChecks() {
        #expect(throws: XlsxError.self) {
            try SummaryLayout(input: input(indicators: [IndicatorColumnGroup(key: "a", name: "A"), IndicatorColumnGroup(key: "a", name: "B")]))
        }
        #expect(throws: XlsxError.self) { try SummaryLayout(input: input(indicators: [IndicatorColumnGroup(key: "", name: "A")])) }
        #expect(throws: XlsxError.self) {
            try SummaryLayout(input: input(indicators: [IndicatorColumnGroup(key: "r", name: "R", kind: .ratio(numeratorKey: "x", denominatorKey: "y"))]))
        }
        #expect(throws: XlsxError.self) {
            try SummaryLayout(input: input(indicators: [
                IndicatorColumnGroup(key: "a", name: "A"),
                IndicatorColumnGroup(key: "r", name: "R", kind: .ratio(numeratorKey: "a", denominatorKey: "a")),
                IndicatorColumnGroup(key: "s", name: "S", kind: .ratio(numeratorKey: "r", denominatorKey: "a")),
            ]))
        }
    }

    @Test("every sheet plan streams: rows in order, merges declared on their first row")
    func plansStream() throws {
        for input in [SampleInput.make(), SummaryWorkbookInput.synthetic(units: 50, indicators: 4, groups: 3)] {
            for plan in try ReportWorkbook.plans(for: input) {
                var writer = RowStreamWriter(sheetName: plan.name)
                for row in try plan.collectRows() { try writer.check(row) }
            }
        }
    }

    @Test("the stream checker refuses what constant-memory mode cannot write")
    func streamRules() throws {
        typealias Row = XlsxSheetPlan.Row
        var writer = RowStreamWriter(sheetName: "T")
        try writer.check(Row(index: 0, merges: [.init(range: XlsxRange(firstRow: 0, firstColumn: 0, lastRow: 2, lastColumn: 0), text: "a", style: 0)]))
        // Row 1 lies strictly inside the merge A1:A3.
        #expect(throws: XlsxError.self) { try writer.check(Row(index: 1, cells: [.init(column: 3, value: .blank, style: 0)])) }
        var second = RowStreamWriter(sheetName: "T")
        try second.check(Row(index: 0, merges: [.init(range: XlsxRange(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 0), text: "a", style: 0)]))
        // The merge's last row may hold cells outside the merged columns only.
        #expect(throws: XlsxError.self) { try second.check(Row(index: 1, cells: [.init(column: 0, value: .blank, style: 0)])) }
        var third = RowStreamWriter(sheetName: "T")
        try third.check(Row(index: 4))
        #expect(throws: XlsxError.self) { try third.check(Row(index: 3)) }
        var fourth = RowStreamWriter(sheetName: "T")
        #expect(throws: XlsxError.self) {
            try fourth.check(Row(index: 0, cells: [.init(column: 1, value: .text("x"), style: 0)], merges: [.init(range: XlsxRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 2), text: "a", style: 0)]))
        }
    }

    @Test("groups are numbered with Roman numerals")
    func roman() {
        #expect(ReportWorkbook.romanNumeral(1) == "I")
        #expect(ReportWorkbook.romanNumeral(4) == "IV")
        #expect(ReportWorkbook.romanNumeral(9) == "IX")
        #expect(ReportWorkbook.romanNumeral(14) == "XIV")
        #expect(ReportWorkbook.romanNumeral(2025) == "MMXXV")
    }

    @Test("width estimates use Vietnamese number display")
    func displayText() {
        #expect(ReportDisplayText.integer(0) == "0")
        #expect(ReportDisplayText.integer(1234) == "1.234")
        #expect(ReportDisplayText.integer(-1_234_567) == "-1.234.567")
        #expect(ReportDisplayText.percent(0.985) == "98,5%")
        #expect(ReportDisplayText.percent(2.323) == "232,3%")
    }

    @Test("long names widen the unit column up to the maximum and wrap beyond it")
    func widths() throws {
        var input = SampleInput.make()
        input.groups[0].units[0].name = String(repeating: "Công đoàn ", count: 12)
        let plans = try ReportWorkbook.plans(for: input)
        let summary = try #require(plans.first)
        #expect(summary.columnWidths[SummaryLayout.nameColumn] == XlsxColumnWidth.maximum)
        let rows = try summary.collectRows()
        let unitRow = try #require(rows.first { $0.index == 7 })
        #expect((unitRow.height ?? 0) >= 2 * ReportStyles.lineHeight)
    }
}

@Suite("Degenerate reports still write")
struct DegenerateReportTests {
    @Test("no groups, no indicators, no lists; and groups without units", arguments: [false, true])
    func degenerate(constantMemory: Bool) throws {
        let directory = try TemporaryDirectory()
        let options = XlsxWorkbook.Options(constantMemory: constantMemory)
        let empty = SummaryWorkbookInput(issuingBody: "LĐLĐ", title: "Trống", period: "", indicators: [], groups: [])
        try ReportWorkbook.write(empty, to: directory.file("trong.xlsx"), options: options)
        let noUnits = SummaryWorkbookInput.synthetic(units: 2, indicators: 3, groups: 5)
        try ReportWorkbook.write(noUnits, to: directory.file("it-don-vi.xlsx"), options: options)
        #expect(try directory.contents() == ["it-don-vi.xlsx", "trong.xlsx"])
    }
}

@Suite("Synthetic input for benchmarks")
struct SyntheticInputTests {
    @Test("shape and determinism")
    func shape() {
        let input = SummaryWorkbookInput.synthetic(units: 1_000, indicators: 6, groups: 7)
        #expect(input == SummaryWorkbookInput.synthetic(units: 1_000, indicators: 6, groups: 7))
        #expect(input.groups.count == 7)
        #expect(input.groups.reduce(0) { $0 + $1.units.count } == 1_000)
        #expect(input.indicators.map(\.hasTarget) == [true, false, true, false, true, false])
        #expect(input.missingUnits.count == 20)
        #expect(input.groups[0].units.count == 142)
    }

    @Test("figures follow the documented formulas that bench/xlsx/raw.c also uses")
    func figures() {
        let input = SummaryWorkbookInput.synthetic(units: 100, indicators: 3, groups: 4)
        // Unit 26 is the second unit of group 1 (units 25..<50).
        let unit = input.groups[1].units[1]
        #expect(unit.name == "Công đoàn cơ sở số 27")
        #expect(unit.values["ct1"] == IndicatorValue(actual: Int64((26 * 7919) % 1000), target: Int64((26 * 31) % 900 + 100)))
        #expect(unit.values["ct2"] == IndicatorValue(actual: Int64((26 * 7919 + 104_729) % 1000), target: nil))
        // (u + i) mod 17 == 0 → blank actual; (u + i) mod 23 == 0 → zero target.
        #expect(input.groups[0].units[17].values["ct1"]?.actual == nil)
        #expect(input.groups[0].units[23].values["ct1"]?.target == 0)
    }
}

/// The summary workbook's money cells hold đồng: its header says "(đồng)" whatever unit the
/// report's text shows money in, so a province reading a district's workbook reads đồng.
@Suite struct MoneyHeaderTests {
    @Test func moneyHeadersSayDong() {
        let millions = IndicatorColumnGroup(key: "kinh_phi", name: "Kinh phí hỗ trợ", unit: "triệu đồng", kind: .money)
        #expect(ReportWorkbook.headerText(millions) == "Kinh phí hỗ trợ (đồng)")
        let people = IndicatorColumnGroup(key: "nguoi", name: "Đoàn viên mới", unit: "người")
        #expect(ReportWorkbook.headerText(people) == "Đoàn viên mới (người)")
    }
}

/// A grand total over more groups than one formula of added subtotals can name: it sums the
/// unit rows instead (SUMIFS on the numeric STT). 1,500 groups used to make "=C11+C15+…"
/// of 8,673 characters, which `check` let through and `render` refused.
@Suite struct ReportManyGroupsTests {
    @Test func theGrandTotalOfManyGroupsFitsInOneFormula() throws {
        var input = SampleInput.make()
        input.groups = (0 ..< 1_500).map { g in
            UnitGroup(name: "Khối \(g)", units: [UnitRow(name: "CĐCS \(g)", values: ["doan_vien": IndicatorValue(actual: 2, target: 1)])])
        }
        input.missingUnits = []
        let layout = try SummaryLayout(input: input)
        let plans = try ReportWorkbook.plans(for: input)
        var grand: [String] = []
        try plans[0].produceRows { row in
            guard row.index == layout.grandTotalRow else { return }
            for cell in row.cells { if case .formula(let text, _) = cell.value { grand.append(text) } }
        }
        let first = layout.firstDataRow, last = layout.grandTotalRow - 1
        #expect(grand.contains("SUMIFS(C\(first + 1):C\(last + 1),A\(first + 1):A\(last + 1),\">0\")"), "\(grand.prefix(3))")
        #expect(grand.allSatisfy { $0.utf8.count < 8_192 })
        let directory = try TemporaryDirectory()
        try ReportWorkbook.write(input, to: directory.file("nhieu-khoi.xlsx"))
    }
}
