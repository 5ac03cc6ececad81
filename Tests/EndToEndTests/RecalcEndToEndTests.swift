import Foundation
import Testing

/// LibreOffice, an independent spreadsheet, recalculates every formula of the example
/// report's workbook as the binary writes it now; each must equal the value thidua
/// stored (what viewers that do not recalculate show). scripts/recalc-compare.sh first
/// proves that LibreOffice really recalculates (`--self-test`).
@Suite("LibreOffice recalculates the example workbook")
struct RecalcEndToEndTests {
    @Test func everyStoredFormulaResultIsWhatLibreOfficeComputes() throws {
        let out = try Run.tempFolder()
        let render = try Run.thidua(["render", "Examples/bao-cao-so-ket-2025.yaml", "--format", "xlsx", "--out", out.path])
        #expect(render.status == 0, "\(render.stderr)")
        let workbook = out.appendingPathComponent("41-BC-LDLD-2025.xlsx").path
        let result = try Run.program("/bin/sh", [Run.packageRoot.appendingPathComponent("scripts/recalc-compare.sh").path, workbook, "--self-test"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("LibreOffice tính lại được 5"))
        let summary = try #require(result.stdout.split(separator: "\n").last.map(String.init))
        let numbers = summary.split(separator: " ").compactMap { Int($0) }
        // "N ô công thức, N khớp, 0 lệch", with real formulas to compare.
        #expect(numbers.count == 3 && numbers[0] > 50 && numbers[1] == numbers[0] && numbers[2] == 0, "\(summary)")
    }
}
