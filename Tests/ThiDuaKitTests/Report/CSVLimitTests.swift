import Testing
@testable import ThiDuaKit

/// What one CSV line may hold: Excel's 16,384 columns and 32,767 characters a cell; past
/// them nothing is kept and the clerk is told once, so a line of separators or an unclosed
/// quote cannot take gigabytes.
@Suite struct CSVLimitTests {
    @Test func aLineOfSeparatorsKeepsExcelsColumns() {
        let (records, diagnostics, _) = ReportFixture.records("don_vi,so_cdcs\nA,3\n" + String(repeating: ",", count: 100_000) + "\n")
        #expect(records.map(\.fields.count) == [2, 2, FigureCSVReader.maxFields])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let (_, withText, _) = ReportFixture.records("don_vi,so_cdcs\n" + String(repeating: ",", count: 20_000) + "x\n")
        #expect(withText.count == 1)
        #expect(withText.first?.message.contains("có quá 16.384 ô") == true, "\(withText)")
        #expect(withText.first?.position?.line == 2 && withText.first?.position?.column == 20_001)
    }

    /// A cell cut inside a character drops the character: no false "not UTF-8" error.
    @Test func aLongCellIsCutAtACharacter() throws {
        let (records, diagnostics, _) = ReportFixture.records("don_vi,so_cdcs\n\"" + String(repeating: "ệ", count: 50_000) + "\",3\n")
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.message.hasPrefix("ô quá dài") == true)
        let cell = try #require(records.last?.fields.first)
        #expect(cell.unicodeScalars.allSatisfy { $0 == "ệ" })
        #expect(cell.utf8.count <= FigureCSVReader.maxFieldBytes && cell.utf8.count > FigureCSVReader.maxFieldBytes - 3)
        #expect(records.last?.fields.last == "3")
    }

    /// A first line of several megabytes: the separator is chosen from its first megabyte.
    @Test func aHugeFirstLineIsNotHeldWhole() {
        let (records, _, reader) = ReportFixture.records("don_vi;so_cdcs" + String(repeating: ";", count: 3 << 20) + "\nA;3\n")
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(records.last?.fields.prefix(2) == ["A", "3"])
    }
}
