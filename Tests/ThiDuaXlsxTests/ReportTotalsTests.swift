import Testing
import BenchSupport
import ThiDuaKit
@testable import ThiDuaXlsx

/// The workbook's group subtotals, grand total and widest figures, summed group by group
/// (on several cores for many units), against a recomputation unit by unit.
@Suite struct ReportTotalsTests {
    static func recomputed(_ input: SummaryWorkbookInput, keys: [String]) -> (groups: [[Int64]], widest: [Int64?]) {
        var widest = [Int64?](repeating: nil, count: keys.count)
        let groups = input.groups.map { group in
            keys.indices.map { k in
                group.units.reduce(Int64(0)) { sum, unit in
                    let value = unit.value(forKey: keys[k])
                    for figure in [value?.target, value?.actual].compactMap({ $0 }) where figure.magnitude > (widest[k]?.magnitude ?? 0) {
                        widest[k] = figure
                    }
                    return sum + (value?.actual ?? 0)
                }
            }
        }
        return (groups, widest)
    }

    @Test(arguments: [300, ReportTotals.parallelUnits + 1_000])
    func groupsSumAsOnePassDoes(units: Int) throws {
        let input = SummaryWorkbookInput.synthetic(units: units, indicators: 6, groups: 7)
        let layout = try SummaryLayout(input: input)
        let totals = try ReportTotals(input: input, layout: layout)
        let keys = layout.figureKeys
        let (groups, widest) = Self.recomputed(input, keys: keys)
        #expect(totals.groups.count == input.groups.count)
        for (figures, expected) in zip(totals.groups, groups) {
            #expect(keys.indices.map { figures[$0].actual ?? 0 } == expected)
        }
        for k in keys.indices {
            let grand = groups.reduce(Int64(0)) { $0 + $1[k] }
            #expect(totals.grand[k].actual == grand)
            let total = max(totals.grand[k].target ?? 0, grand)
            if let unit = widest[k], unit.magnitude > total.magnitude {
                #expect(totals.extremes[k] == unit)
            } else {
                #expect(totals.extremes[k] == total)
            }
        }
    }

    @Test func aSumPastExcelsLimitNamesTheFirstGroupInOrder() throws {
        var input = SummaryWorkbookInput.synthetic(units: ReportTotals.parallelUnits + 100, indicators: 2, groups: 4)
        let key = input.groups[0].units[0].values.keys.sorted()[0]
        for g in [1, 3] {
            for u in 0..<2 { input.groups[g].units[u].values[key] = IndicatorValue(actual: 5_000_000_000_000_000) }
        }
        let layout = try SummaryLayout(input: input)
        #expect(throws: XlsxError.self) { try ReportTotals(input: input, layout: layout) }
        do {
            _ = try ReportTotals(input: input, layout: layout)
        } catch {
            #expect("\(error)".contains(input.groups[1].name))
        }
    }
}
