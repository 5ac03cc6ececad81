import Foundation
import Testing
import ThiDuaKit
import ThiDuaXlsx
import ThiDuaXlsxReader

/// The figure rules hold for a workbook as for a CSV file: they live where figures are
/// read (ThiDuaKit's parser), and every kind of figures file feeds that parser. Each
/// finding is placed on the workbook's cell (`t.xlsx!Số liệu!C3`).
@Suite("Figure rules on workbook cells")
struct WorkbookFigureRulesTests {
    /// A workbook written by ThiDuaXlsx with one sheet of `rows` under the header.
    static func workbook(_ rows: [[XlsxCellValue]]) throws -> [UInt8] {
        try WrittenWorkbook.bytes { book in
            let sheet = try book.addWorksheet(named: "Số liệu")
            for (column, header) in ["Đơn vị", "Khối", "gia_tri_lam_loi", "doan_vien_moi"].enumerated() {
                try sheet.writeString(header, row: 0, column: column)
            }
            for (index, row) in rows.enumerated() {
                for (column, value) in row.enumerated() { try sheet.write(value, row: index + 1, column: column) }
            }
        }
    }

    static func findings(_ rows: [[XlsxCellValue]]) throws -> [String] {
        let source = FigureSource(label: "t.xlsx", tables: XlsxFigureSource(bytes: try workbook(rows), file: "t.xlsx"))
        return ReportAggregator.aggregate(ReportInputs(sources: [source])).diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func aStoredNumberBeyondFifteenDigitsIsRefusedAtItsCell() throws {
        let errors = try Self.findings([
            [.text("Trường A"), .text("Khối 1"), .number(999_999_999_999_999), .integer(1)],
            [.text("Trường B"), .text("Khối 1"), .number(4_000_000_000_000_001), .integer(1)],
        ])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("t.xlsx!Số liệu!C3: lỗi: cột 'Giá trị làm lợi': số") == true, "\(errors)")
        #expect(errors.first?.contains("quá lớn") == true)
    }

    @Test func aSumBeyondWhatExcelShowsIsRefusedAtTheCellThatCrossed() throws {
        let rows: [[XlsxCellValue]] = (0..<3).map { [.text("Đơn vị \($0)"), .text("Khối 1"), .number(600_000_000_000_000), .integer(1)] }
        let errors = try Self.findings(rows)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("t.xlsx!Số liệu!C3: lỗi: tổng 'Giá trị làm lợi' vượt 999.999.999.999.999") == true, "\(errors)")
    }

    @Test func namesACellCannotHoldAreRefusedAtTheirCells() throws {
        let errors = try Self.findings([
            [.text("Trường\u{202E} A"), .text("Khối 1"), .integer(1), .integer(1)],
            [.text("Trường B"), .text("Khối " + String(repeating: "x", count: 32_700)), .integer(1), .integer(1)],
        ])
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.first?.hasPrefix("t.xlsx!Số liệu!A2: lỗi: tên đơn vị có ký tự điều khiển U+202E") == true, "\(errors)")
        #expect(errors.last?.hasPrefix("t.xlsx!Số liệu!B3: lỗi: tên khối, cụm dài 32.705 ký tự") == true, "\(errors)")
    }
}
