import TestFixtures
import Testing
@testable import ThiDuaKit

/// The workbook's limits, applied where figures are read: the exact boundaries, and the
/// rules that only the whole report can break (sums, rows).
@Suite("Figure limits")
struct FigureLimitTests {
    @Test func fifteenDigitsAreKeptAndSixteenRefused() {
        let header = "don_vi;gia_tri_lam_loi;doan_vien_moi\n"
        let (ok, okDiagnostics) = ReportFixture.parse(header + "A;999.999.999.999.999;0\n")
        #expect(okDiagnostics.isEmpty)
        #expect(ReportFixture.units(ok).first?.values[ReportFixture.index("gia_tri_lam_loi")] == 999_999_999_999_999)
        let (_, refused) = ReportFixture.parse(header + "A;1.000.000.000.000.000;0\n")
        #expect(refused.count == 1)
        #expect(refused.first?.message.contains("quá lớn: bảng tính Excel chỉ giữ đúng 15 chữ số") == true)
        #expect(refused.first?.position == SourcePosition(file: "so-lieu.csv", line: 2, column: 3))
    }

    @Test func aSumIsReportedOnceAtTheCellThatCrossedTheLimit() {
        var text = "don_vi;doan_vien_moi;gia_tri_lam_loi\n"
        for i in 0..<3 { text += "Đơn vị \(i);1;600.000.000.000.000\n" }
        let r = ReportFixture.aggregate([("a.csv", text), ("b.csv", "don_vi;gia_tri_lam_loi\nĐơn vị 9;600.000.000.000.000\n")])
        let sums = r.diagnostics.filter { $0.message.hasPrefix("tổng 'Giá trị làm lợi' vượt") }
        #expect(sums.count == 1)
        #expect(sums.first?.position == SourcePosition(file: "a.csv", line: 3, column: 12))
        #expect(sums.first?.severity == .error)
        // No second, positionless message about the same total.
        #expect(!r.diagnostics.contains { $0.message.contains("vượt quá giới hạn tính toán") })
    }

    @Test func moreRowsThanAWorksheetHoldsIsReportedAtTheRowThatCrossed() {
        var guardian = FigureSumGuard(indicatorCount: IndicatorSet.default.count)
        let row = UnitFigures(name: "X", group: nil, values: [], targets: [], position: SourcePosition(file: "f.csv", line: 7, column: 1))
        let fits = WorkbookLimits.maximumListedRows - 2 * 11
        #expect(guardian.add(row, indicators: .default, summed: [], units: fits, groups: 10).isEmpty)
        let crossed = guardian.add(row, indicators: .default, summed: [], units: fits + 1, groups: 10)
        #expect(crossed.count == 1)
        #expect(crossed.first?.position == SourcePosition(file: "f.csv", line: 7))
        // Once only.
        #expect(guardian.add(row, indicators: .default, summed: [], units: fits + 2, groups: 10).isEmpty)
    }

    @Test(arguments: [("A\u{0}B", true), ("A\u{7}B", true), ("A\u{7F}B", true), ("A\u{9B}B", true), ("A\u{202E}B", true),
                      ("A\u{2066}B", true), ("A\u{FFFF}", true), ("Trường THCS Phú Hưng", false), ("Khối Đoàn thể – Ủy ban", false)])
    func namesWithControlsAreRefused(_ name: String, _ refused: Bool) {
        #expect((FigureRules.nameProblem(name, what: "tên đơn vị") != nil) == refused)
    }

    @Test func theNameLimitCountsUTF16UnitsAsExcelDoes() {
        let fits = String(repeating: "a", count: WorkbookLimits.maximumNameLength)
        #expect(FigureRules.nameProblem(fits, what: "tên") == nil)
        // A character outside the BMP takes two UTF-16 units in Excel's count.
        #expect(FigureRules.nameProblem(String(fits.dropLast()) + "𝐀", what: "tên") != nil)
    }

    @Test func theExpectedListObeysTheSameNameRules() {
        let (units, diagnostics) = ExpectedUnit.parseList(Array("don_vi;nhom\nA\u{1}B;Khối 1\nC;Khối\u{202E} 2\nD;Khối 3\n".utf8), file: "ds.csv")
        #expect(units.map(\.name) == ["D"])
        #expect(diagnostics.map(\.position) == [SourcePosition(file: "ds.csv", line: 2, column: 1), SourcePosition(file: "ds.csv", line: 3, column: 3)])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func aHintNeverNamesANumberWithDigitsDropped() {
        for cell in ["1_000", "1O0", "12a3", "1OO", "7/8"] {
            let (_, diagnostics) = ReportFixture.parse("don_vi;doan_vien_moi\nA;\(cell)\n")
            let hint = diagnostics.first?.hint ?? ""
            #expect(diagnostics.count == 1, "\(cell)")
            #expect(!hint.contains("chỉ ghi số 1") && !hint.contains("chỉ ghi số 12") && !hint.contains("chỉ ghi số 7"), "\(cell): \(hint)")
        }
        // A unit word after the number is still dropped in the hint: that keeps every digit.
        let (_, unitWord) = ReportFixture.parse("don_vi;doan_vien_moi\nA;1.000 người\n")
        #expect(unitWord.first?.hint == "bỏ đơn vị 'người', chỉ ghi số 1.000")
    }
}

@Suite("Report texts the workbook puts in one cell")
struct WorkbookTextCheckTests {
    @Test func anIssuingBodyBeyondACellIsFoundByCheck() throws {
        let example = SampleData.report(figures: ["so-lieu.csv"])
        let long = example.replacingOccurrences(of: "co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre",
                                                with: "co_quan_ban_hanh: " + String(repeating: "Liên đoàn ", count: 3_300))
        #expect(long != example)
        let (_, diagnostics) = Renderer.load(bytes: Array(long.utf8), file: "bc.yaml")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("`co_quan_ban_hanh`: tên cơ quan ban hành dài") == true, "\(errors)")
        let (_, fine) = Renderer.load(bytes: Array(example.utf8), file: "bc.yaml")
        #expect(!fine.hasErrors)
    }
}
