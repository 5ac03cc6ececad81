/// What a worksheet holds beyond its table, gathered while its rows are read and reported
/// once per sheet: hidden rows (read and added like the others, but a clerk should know),
/// and figures typed in columns that have no header.
struct FigureSheetCells: Sendable {
    private(set) var hiddenRows: [Int] = []
    private(set) var hiddenCount = 0
    private var outside: [Int: Int] = [:]

    /// How many hidden rows the warning names before "…".
    static let listedHiddenRows = 10

    mutating func noteHidden(row: Int) {
        hiddenCount += 1
        if hiddenRows.count < Self.listedHiddenRows { hiddenRows.append(row) }
    }

    /// Remembers the first row of each column right of the table that holds something.
    mutating func noteCellsOutside(_ record: FigureRecord, columns: Int) {
        guard record.cells.count > columns else { return }
        for index in columns..<record.cells.count where outside[index] == nil && !record.cells[index].isBlank {
            // Bounded by the 16,384 columns of a sheet, and only the first row is kept.
            outside[index] = record.line
        }
    }

    func diagnostics(file: String, sheet: String?) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if hiddenCount > 0, let first = hiddenRows.first {
            var list = hiddenRows.map(String.init).joined(separator: ", ")
            if hiddenCount > hiddenRows.count { list += ", …" }
            result.append(.warning(
                "\(ReportText.grouped(hiddenCount)) dòng bị ẩn vẫn được đọc và cộng vào tổng hợp (dòng \(list))",
                at: SourcePosition(file: file, sheet: sheet, row: first),
                hint: "bỏ ẩn các dòng này (Unhide) để xem lại số liệu; xoá dòng nếu không muốn cộng"))
        }
        for (index, row) in outside.sorted(by: { $0.key < $1.key }).prefix(20) {
            result.append(.warning(
                "ô có số liệu ở cột không có tiêu đề; cột này bị bỏ qua",
                at: SourcePosition(file: file, sheet: sheet, row: row, column: index + 1),
                hint: "ghi tên chỉ tiêu vào ô tiêu đề của cột, hoặc xoá số liệu thừa"))
        }
        return result
    }
}
