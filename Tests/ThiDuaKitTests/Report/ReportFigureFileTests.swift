import Foundation
import Testing
@testable import ThiDuaKit

@Suite struct ReportFigureFileTests {
    private let i = ReportFixture.index

    @Test func headersByKeyOrVietnameseNameInAnyFormAndCase() {
        let header = "STT;TÊN ĐƠN VỊ;khối;Số CĐCS;cdcs_phat_dong;" + "Phát triển đoàn viên".decomposedStringWithCanonicalMapping + ";Chỉ tiêu phát triển đoàn viên"
        let text = header + "\n1;Công đoàn A;Khối 1;10;9;12;15\n"
        let (outcomes, diagnostics) = ReportFixture.parse(text)
        #expect(diagnostics.isEmpty)
        let units = ReportFixture.units(outcomes)
        #expect(units.count == 1)
        #expect(units[0].name == "Công đoàn A")
        #expect(units[0].group == "Khối 1")
        #expect(units[0].values[i("so_cdcs")] == 10)
        #expect(units[0].values[i("cdcs_phat_dong")] == 9)
        #expect(units[0].values[i("doan_vien_moi")] == 12)
        #expect(units[0].targets[i("doan_vien_moi")] == 15)
        #expect(units[0].values[i("sang_kien")] == nil)
    }

    @Test func targetColumnByKey() {
        let (outcomes, _) = ReportFixture.parse("don_vi;thanh_lap_cdcs;chi_tieu_thanh_lap_cdcs;chi_tieu_sang_kien\nA;2;3;5\n")
        let unit = ReportFixture.units(outcomes)[0]
        #expect(unit.targets[i("thanh_lap_cdcs")] == 3)
        #expect(unit.targets[i("sang_kien")] == 5)
    }

    @Test func unknownColumnWarnsWithNearestKey() {
        let (_, diagnostics) = ReportFixture.parse("don_vi;so_cdsc;Sáng kiếm;xyz_hoàn_toàn_khác;lao_dong_gioi\nA;1;2;3;4\n", file: "h.csv")
        #expect(diagnostics.count == 3)
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics[0].hint?.contains("'so_cdcs'") == true)
        #expect(diagnostics[0].position == SourcePosition(file: "h.csv", line: 1, column: 8))
        #expect(diagnostics[1].hint?.contains("'Sáng kiến'") == true)
        #expect(diagnostics[2].hint?.contains("có phải") == false)
    }

    @Test func duplicateAndComputedColumns() {
        let (outcomes, diagnostics) = ReportFixture.parse("don_vi;so_cdcs;Số CĐCS;ty_le_cdcs_phat_dong\nA;1;2;50\n")
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("trùng với cột thứ 2") })
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("tính tự động") })
        #expect(ReportFixture.units(outcomes)[0].values[i("so_cdcs")] == 1)
    }

    @Test func missingUnitColumnSkipsEveryRow() {
        let (outcomes, diagnostics) = ReportFixture.parse("ten_cdcs;so_cdcs\nA;1\nB;2\n")
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("thiếu cột tên đơn vị") })
        #expect(ReportFixture.skipped(outcomes).map(\.reason) == [.unusableHeader, .unusableHeader])
    }

    @Test func figureErrorsPointAtTheCellAndSkipTheRow() {
        let text = "Đơn vị;Khối;Phát triển đoàn viên;Giá trị làm lợi;so_cdcs\nCông đoàn Bến Tre;K;1.234 người;1.000;3\n"
        let (outcomes, diagnostics) = ReportFixture.parse(text, file: "ben-tre.csv")
        #expect(ReportFixture.skipped(outcomes).map(\.reason) == [.invalidFigures(count: 1)])
        #expect(diagnostics.count == 1)
        let d = diagnostics[0]
        #expect(d.severity == .error)
        #expect(d.position == SourcePosition(file: "ben-tre.csv", line: 2, column: 21))
        #expect(d.description.contains("bỏ đơn vị 'người', chỉ ghi số 1.234"))
        #expect(d.message.contains("Phát triển đoàn viên"))
    }

    @Test func negativeAndDecimalCounts() {
        let (outcomes, diagnostics) = ReportFixture.parse("don_vi;so_cdcs;sang_kien;gia_tri_lam_loi\nA;-3;12,5;1,5\n")
        #expect(diagnostics.count == 3)
        #expect(ReportFixture.skipped(outcomes).map(\.reason) == [.invalidFigures(count: 3)])
    }

    @Test func moreLaunchingThanExistingIsAnErrorWithBothValues() {
        let (outcomes, diagnostics) = ReportFixture.parse("don_vi;so_cdcs;cdcs_phat_dong\nLĐLĐ huyện Ba Tri;1.200;1.250\n", file: "bt.csv")
        #expect(ReportFixture.skipped(outcomes).count == 1)
        let d = diagnostics.first
        #expect(d?.severity == .error)
        #expect(d?.message.contains("(1.250)") == true)
        #expect(d?.message.contains("(1.200)") == true)
        #expect(d?.position == SourcePosition(file: "bt.csv", line: 2, column: 25))
    }

    @Test func raggedRowsAreSkippedAndCounted() {
        let text = "don_vi,so_cdcs\nCông ty A, chi nhánh B,3\nC,4\nD\nE,5,,\n"
        let (outcomes, diagnostics) = ReportFixture.parse(text)
        #expect(ReportFixture.units(outcomes).map(\.name) == ["C", "E"])
        #expect(ReportFixture.skipped(outcomes).map(\.reason) == [.raggedRow(expected: 2, found: 3), .raggedRow(expected: 2, found: 1)])
        #expect(diagnostics.filter { $0.severity == .error }.count == 2)
        #expect(diagnostics[0].hint?.contains("ngoặc kép") == true)
    }

    @Test func missingNameAndBlankRows() {
        let (outcomes, diagnostics) = ReportFixture.parse("don_vi;so_cdcs\n;5\n;;\nA;1\n")
        #expect(ReportFixture.skipped(outcomes).map(\.reason) == [.missingUnitName])
        #expect(outcomes.contains(.blank))
        #expect(diagnostics.count == 1)
    }

    @Test func unitNamesAreNormalized() {
        let raw = "  Công\u{00A0}đoàn   Trường\u{200B} THCS  " + "Lê Lợi".decomposedStringWithCanonicalMapping + " "
        let (outcomes, _) = ReportFixture.parse("don_vi;so_cdcs\n\"\(raw)\";1\n")
        #expect(ReportFixture.units(outcomes)[0].name == "Công đoàn Trường THCS Lê Lợi")
    }

    @Test func unterminatedQuoteRowIsSkipped() {
        let (outcomes, diagnostics) = ReportFixture.parse("don_vi;so_cdcs\nA;1\n\"B;2\nC;3\n")
        #expect(ReportFixture.units(outcomes).map(\.name) == ["A"])
        #expect(ReportFixture.skipped(outcomes).map(\.reason) == [.unterminatedQuote])
        #expect(diagnostics.contains { $0.message.contains("dòng 3") })
    }

    @Test func emptyFileHasNoHeader() {
        let (outcomes, diagnostics) = ReportFixture.parse("")
        #expect(outcomes.isEmpty)
        #expect(diagnostics.first?.message.contains("trống") == true)
    }

    @Test func fileWithoutFigureColumnsWarns() {
        let (outcomes, diagnostics) = ReportFixture.parse("don_vi;nhom\nA;K\n")
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics[0].message.contains("không có cột số liệu"))
        #expect(ReportFixture.units(outcomes).count == 1)
    }

    @Test func titleLinesAboveTheHeaderAreSkipped() {
        let text = "BẢNG TỔNG HỢP SỐ LIỆU SƠ KẾT;;\n;;\nĐơn vị;Khối;so_cdcs\nA;K;3\n"
        let (outcomes, diagnostics) = ReportFixture.parse(text)
        #expect(diagnostics.isEmpty)
        #expect(ReportFixture.units(outcomes).map(\.values[ReportFixture.index("so_cdcs")]) == [3])
        // A one-column header is a header, not a title.
        let (single, singleDiagnostics) = ReportFixture.parse("don_vi\nA\n")
        #expect(ReportFixture.units(single).count == 1)
        #expect(singleDiagnostics.map(\.severity) == [.warning])
    }
}
