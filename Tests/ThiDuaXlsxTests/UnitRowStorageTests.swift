import Testing
import BenchSupport
import ThiDuaKit
@testable import ThiDuaXlsx

/// Rows that read their figures from a report's statistics (no dictionary per unit)
/// behave exactly like rows built with a dictionary.
@Suite struct UnitRowStorageTests {
    /// The same rows twice: once as dictionaries, once over a shared column table.
    static func both(_ input: SummaryWorkbookInput) -> (dictionaries: SummaryWorkbookInput, columns: SummaryWorkbookInput) {
        let rows = input.groups.flatMap(\.units)
        let keys = Array(Set(rows.flatMap { $0.values.keys })).sorted()
        let table = UnitColumns(keys: keys) { key, unit in rows[unit].values[keys[key]] ?? IndicatorValue(actual: nil) }
        var columns = input
        var unit = 0
        for g in columns.groups.indices {
            columns.groups[g].units = columns.groups[g].units.map { row in
                defer { unit += 1 }
                return UnitRow(name: row.name, columns: table, unit: unit)
            }
        }
        // Dictionary rows with every key present, as the table gives.
        var dictionaries = input
        for g in dictionaries.groups.indices {
            dictionaries.groups[g].units = dictionaries.groups[g].units.map { row in
                var values: [String: IndicatorValue] = [:]
                for key in keys { values[key] = row.values[key] ?? IndicatorValue(actual: nil) }
                return UnitRow(name: row.name, values: values)
            }
        }
        return (dictionaries, columns)
    }

    @Test func rowsAreEqualAndReadTheSame() throws {
        let (dictionaries, columns) = Self.both(SummaryWorkbookInput.synthetic(units: 300, indicators: 5, groups: 4))
        #expect(dictionaries == columns)
        #expect(dictionaries.hashValue == columns.hashValue)
        for (a, b) in zip(dictionaries.groups.flatMap(\.units), columns.groups.flatMap(\.units)) {
            for key in ["ct1", "ct2", "ct5", "missing"] {
                #expect(a.value(forKey: key) == b.value(forKey: key))
                #expect(a.values[key] == b.value(forKey: key))
            }
        }
    }

    @Test func sheetsAreIdentical() throws {
        for input in [SampleInput.make(), SummaryWorkbookInput.synthetic(units: 250, indicators: 6, groups: 5)] {
            let (dictionaries, columns) = Self.both(input)
            let a = try ReportWorkbook.plans(for: dictionaries), b = try ReportWorkbook.plans(for: columns)
            #expect(a.count == b.count)
            for (x, y) in zip(a, b) {
                #expect(try x.collectRows() == y.collectRows())
                #expect(x.columnWidths == y.columnWidths)
            }
        }
    }

    @Test func settingValuesOrNameDetachesTheRow() {
        let (_, columns) = Self.both(SummaryWorkbookInput.synthetic(units: 10, indicators: 2, groups: 1))
        var row = columns.groups[0].units[3]
        let before = row.values
        row.values["ct1"] = IndicatorValue(actual: 12_345)
        #expect(row.values["ct1"]?.actual == 12_345)
        #expect(row.values["ct2"] == before["ct2"])
        #expect(columns.groups[0].units[3].values == before)
        row.name = "Đơn vị mới"
        #expect(row.name == "Đơn vị mới")
    }
}
