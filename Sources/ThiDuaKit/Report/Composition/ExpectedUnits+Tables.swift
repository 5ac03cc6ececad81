extension ExpectedUnit {
    /// Reads the list of expected units from a workbook: the first sheet with a unit-name
    /// header (in its first 30 rows, below any title) gives the names, and its group
    /// column, if any, the groups. Rows above the header and other sheets are ignored.
    public static func parseList(tables: any FigureTableSource, file: String) -> ([ExpectedUnit], [Diagnostic]) {
        var sink = ExpectedUnitSink(file: file)
        var diagnostics = tables.readTables(into: &sink)
        guard !diagnostics.hasErrors else { return ([], diagnostics) }
        if let (position, shown) = sink.firstNotAName {
            let others = sink.notNames > 1 ? " và \(ReportText.grouped(sink.notNames - 1)) ô khác" : ""
            diagnostics.append(.warning("ô tên đơn vị là \(shown)\(others), không phải tên đơn vị: bỏ qua, không tính là đơn vị phải báo cáo",
                                        at: position, hint: "sửa công thức hoặc gõ tên vào ô; dòng thừa của danh sách thì xóa đi"))
        }
        if !sink.found {
            diagnostics.append(.error("danh sách đơn vị không có trang nào có cột `Đơn vị`", at: SourcePosition(file: file),
                                      hint: "trang đầu có một dòng tiêu đề `Đơn vị`, `Khối/Cụm`, mỗi dòng sau một đơn vị"))
        }
        return (sink.units, diagnostics)
    }
}

/// Collects the units of the first sheet that has a unit-name column.
private struct ExpectedUnitSink: FigureTableSink {
    let file: String
    var units: [ExpectedUnit] = []
    var found = false
    /// Name cells that hold a formula's error (a lookup past the list's end gives `#N/A`) or a
    /// logical value: no unit's name, so not expected to report. Counted, the first one kept.
    var notNames = 0
    var firstNotAName: (SourcePosition, String)?

    init(file: String) { self.file = file }
    private var inTable = false
    private var done = false
    private var rowsSearched = 0
    private var nameColumn = 0
    private var groupColumn: Int?

    mutating func beginTable(named name: String, isHidden: Bool) {
        inTable = false
        rowsSearched = 0
    }

    mutating func read(_ record: FigureRecord) -> Bool {
        guard !done else { return false }
        guard inTable else {
            rowsSearched += 1
            let headers = record.cells.map { VietnameseText.nfc($0.displayText).trimmingCharacters(in: .whitespaces).lowercased() }
            if let column = headers.firstIndex(where: ExpectedUnit.nameHeaders.contains) {
                inTable = true
                found = true
                nameColumn = column
                groupColumn = headers.firstIndex(where: { ExpectedUnit.groupHeaders.contains($0) || $0 == "khối/cụm" })
            }
            return rowsSearched < FigureTableShape.sheetHeaderSearchRows
        }
        let cell = record[nameColumn]
        switch cell {
        case .error, .boolean:
            notNames += 1
            if firstNotAName == nil {
                let shown = if case .error = cell { "lỗi của công thức (\(cell.displayText))" } else { "giá trị đúng/sai (\(cell.displayText))" }
                firstNotAName = (record.position(ofField: nameColumn, file: file), shown)
            }
            return true
        default:
            break
        }
        let name = ReportText.normalizedName(record[nameColumn].displayText)
        // A total row of the list ("Tổng cộng: 40 đơn vị") is not a unit, as in the CSV list.
        guard !name.isEmpty, TotalRowLabel.kind(of: name) == nil else { return true }
        let group = groupColumn.map { ReportText.normalizedName(record[$0].displayText) }
        units.append(ExpectedUnit(name: name, group: group?.isEmpty == false ? group : nil))
        return true
    }

    mutating func endTable(diagnostics: [Diagnostic]) {
        if inTable { done = true }
    }
}
