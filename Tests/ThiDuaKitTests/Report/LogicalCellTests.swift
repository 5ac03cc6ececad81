import Foundation
import Testing
@testable import ThiDuaKit

/// A spreadsheet's logical values (`TRUE`/`FALSE`: a tick box, a comparison's result) and
/// formula errors are no unit's name and no figure: refused where a figure row has them,
/// left out of the list of expected units with a warning.
@Suite("Logical values and formula errors in workbooks")
struct LogicalCellTests {
    typealias Tables = FigureReadAheadTests.ScriptedTables

    @Test func aListOfExpectedUnitsLeavesOutCellsThatAreNoName() {
        let rows: [[FigureCell]] = [
            [.text("Danh sách đơn vị")],
            [.text("Đơn vị"), .text("Khối")],
            [.text("CĐCS A"), .text("Khối 1")],
            [.error("#N/A"), .error("#N/A")],
            [.boolean(true), .text("Khối 1")],
            [.text("CĐCS B"), .text("Khối 2")],
            [.error("#N/A"), .text("")],
        ]
        let tables = Tables(file: "ds.xlsx", sheets: [Tables.Sheet(name: "Đơn vị", rows: rows)])
        let (units, diagnostics) = ExpectedUnit.parseList(tables: tables, file: "ds.xlsx")
        #expect(units.map(\.name) == ["CĐCS A", "CĐCS B"])
        #expect(diagnostics.map(\.description) == [
            "ds.xlsx!Đơn vị!A4: cảnh báo: ô tên đơn vị là lỗi của công thức (#N/A) và 2 ô khác, không phải tên đơn vị: bỏ qua, không tính là đơn vị phải báo cáo — sửa công thức hoặc gõ tên vào ô; dòng thừa của danh sách thì xóa đi",
        ])
    }

    @Test func aLogicalValueIsNoFigureAndNoName() {
        #expect(FigureCell.boolean(true).displayText == "TRUE")
        guard case .invalid(let message, _) = FigureNumber.parse(FigureCell.boolean(false), kind: .count) else {
            Issue.record("a logical value was read as a figure")
            return
        }
        #expect(message == "ô là giá trị đúng/sai (FALSE), không phải số")
        #expect(FigureFileParser.nameCellProblem(.boolean(true)) == "là giá trị đúng/sai (TRUE), không phải một tên")
        #expect(FigureFileParser.nameCellProblem(.number("12")) == nil)
    }
}
