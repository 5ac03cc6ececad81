import CXlsxWriter

/// A worksheet described as an ordered stream of rows, written in one pass.
///
/// Building sheets this way is what lets the report writer produce the same content
/// in both libxlsxwriter modes. In constant-memory mode a row is flushed as soon as a
/// later row is touched, so everything belonging to a row must be written while on
/// it: the row's height, then its cells left to right, then the merged ranges that
/// start on it, all in one ``XlsxWorksheet/merge(_:)-(Array)`` call. Merging writes
/// blank cells into every row of a range, which moves libxlsxwriter's cursor to the
/// range's last row; so rows strictly inside a taller merge may not hold content, and
/// the last row of the range may hold cells outside the merged columns (they come
/// after the merge's blanks). ``RowStreamWriter`` enforces these rules in both modes,
/// so a plan that works in one mode works, identically, in the other.
///
/// Sheet-level settings (column widths, panes, filter, printing, charts) are stored
/// apart from the rows by libxlsxwriter, but some of them check their range against
/// the row cursor in constant-memory mode (`worksheet_autofilter` refuses a range
/// whose last row has already been flushed), so they are applied before the rows.
///
/// Rows are produced on demand by ``produceRows`` rather than stored, so a sheet of
/// tens of thousands of units never exists in memory as a whole: together with
/// constant-memory mode, memory stays flat.
struct XlsxSheetPlan {
    struct Cell: Hashable {
        var column: Int
        var value: XlsxCellValue
        /// Index into ``XlsxSheetPlan/styles``.
        var style: Int
    }

    struct Merge: Hashable {
        var range: XlsxRange
        var text: String
        /// Index into ``XlsxSheetPlan/styles``.
        var style: Int
    }

    struct Row: Hashable {
        var index: Int
        var height: Double?
        var cells: [Cell] = []
        var merges: [Merge] = []
    }

    struct PlacedChart {
        var chart: XlsxColumnChart
        var row: Int
        var column: Int
    }

    /// Calls its argument once per row, in increasing row order.
    typealias RowProducer = (_ emit: (Row) throws -> Void) throws -> Void

    var name: String
    /// The distinct styles used by the sheet; cells refer to them by index so each is
    /// resolved to a C format once, not once per cell.
    private(set) var styles: [CellStyle] = []
    private var styleIndex: [CellStyle: Int] = [:]
    var columnWidths: [Int: Double] = [:]
    var freeze: (row: Int, column: Int)?
    var autofilter: XlsxRange?
    var pageSetup: XlsxPageSetup?
    var charts: [PlacedChart] = []
    var produceRows: RowProducer = { _ in }

    init(name: String) {
        self.name = name
    }

    /// The index of a style in ``styles``, adding it on first use.
    mutating func style(_ style: CellStyle) -> Int {
        if let index = styleIndex[style] { return index }
        styles.append(style)
        styleIndex[style] = styles.count - 1
        return styles.count - 1
    }

    /// All rows, collected (for tests and small sheets).
    func collectRows() throws -> [Row] {
        var rows: [Row] = []
        try produceRows { rows.append($0) }
        return rows
    }

    /// Streams the plan into a worksheet.
    func write(to sheet: XlsxWorksheet) throws {
        var formats: [UnsafeMutablePointer<lxw_format>?] = []
        for style in styles {
            formats.append(try sheet.workbook.format(for: style))
        }
        for (column, width) in columnWidths.sorted(by: { $0.key < $1.key }) {
            try sheet.setColumnWidth(width, columns: column ... column)
        }
        if let freeze { try sheet.freezePanes(row: freeze.row, column: freeze.column) }
        if let autofilter { try sheet.autofilter(autofilter) }
        if let pageSetup { try sheet.setPageSetup(pageSetup) }
        for placed in charts {
            try sheet.insertChart(placed.chart, row: placed.row, column: placed.column)
        }
        var writer = RowStreamWriter(sheetName: name)
        try produceRows { row in
            try writer.check(row)
            if let height = row.height { try sheet.setRowHeight(height, row: row.index) }
            for cell in row.cells {
                try sheet.write(cell.value, row: row.index, column: cell.column, format: formats[cell.style])
            }
            if !row.merges.isEmpty {
                try sheet.merge(resolved: row.merges.map { ($0.range, $0.text, formats[$0.style]) })
            }
        }
    }
}

/// Checks, row by row, that a stream can be written in constant-memory mode.
struct RowStreamWriter {
    let sheetName: String
    private var lastIndex = -1
    /// Merged ranges whose last row has not been passed yet.
    private var openMerges: [XlsxRange] = []

    init(sheetName: String) {
        self.sheetName = sheetName
    }

    mutating func check(_ row: XlsxSheetPlan.Row) throws {
        guard row.index > lastIndex else {
            throw XlsxError.rowAlreadyWritten(sheet: sheetName, row: row.index, currentRow: lastIndex)
        }
        lastIndex = row.index
        openMerges.removeAll { $0.lastRow < row.index }
        for range in openMerges {
            if row.index < range.lastRow {
                throw XlsxError.invalidParameter(
                    detail: "trang “\(sheetName)”: dòng \(row.index + 1) nằm giữa vùng gộp \(range.a1), không ghi theo thứ tự được")
            }
            // The range's last row: its cells come after the merge's blanks.
            for cell in row.cells where (range.firstColumn ... range.lastColumn).contains(cell.column) {
                throw XlsxError.invalidParameter(
                    detail: "trang “\(sheetName)”: ô \(XlsxCellReference.a1(row: row.index, column: cell.column)) nằm trong vùng gộp \(range.a1)")
            }
        }
        guard !row.merges.isEmpty else { return }
        let cellColumns = Set(row.cells.map(\.column))
        var taken: [XlsxRange] = openMerges
        for merge in row.merges {
            let range = merge.range
            guard range.firstRow == row.index else {
                throw XlsxError.invalidParameter(detail: "trang “\(sheetName)”: vùng gộp \(range.a1) phải khai báo ở dòng đầu của nó")
            }
            if cellColumns.contains(where: { (range.firstColumn ... range.lastColumn).contains($0) }) {
                throw XlsxError.invalidParameter(detail: "trang “\(sheetName)”: có ô nằm trong vùng gộp \(range.a1)")
            }
            if taken.contains(where: { $0.firstColumn <= range.lastColumn && range.firstColumn <= $0.lastColumn }) {
                throw XlsxError.invalidParameter(detail: "trang “\(sheetName)”: vùng gộp \(range.a1) chồng lên vùng gộp khác")
            }
            taken.append(range)
            if range.lastRow > range.firstRow { openMerges.append(range) }
        }
    }
}
