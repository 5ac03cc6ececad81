import BenchSupport
import Foundation
import Testing
@testable import ThiDuaXlsx

/// A report workbook written in constant-memory mode (rows streamed to disk, as for tens
/// of thousands of units), recalculated by LibreOffice: every formula's stored result
/// must be what LibreOffice computes.
@Suite("LibreOffice recalculates a constant-memory workbook")
struct RecalcTests {
    @Test func storedResultsMatchInConstantMemoryMode() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("tiet-kiem.xlsx")
        try ReportWorkbook.write(SummaryWorkbookInput.synthetic(units: 600, indicators: 6, groups: 9), to: path,
                                 options: .init(constantMemory: true))
        let script = URL(fileURLWithPath: OpenPyXL.scriptsDirectory).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/recalc-compare.sh").path
        let result = try OpenPyXL.run("/bin/sh", [script, path])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let summary = result.output.split(separator: "\n").last.map(String.init) ?? ""
        let numbers = summary.split(separator: " ").compactMap { Int($0) }
        #expect(numbers.count == 3 && numbers[0] > 100 && numbers[1] == numbers[0] && numbers[2] == 0, "\(summary)")
    }
}
