import CXlsxWriter

/// A rectangular block of cells, 0-based and inclusive.
public struct XlsxRange: Hashable, Sendable {
    /// First row.
    public var firstRow: Int
    /// First column.
    public var firstColumn: Int
    /// Last row (inclusive).
    public var lastRow: Int
    /// Last column (inclusive).
    public var lastColumn: Int

    /// Creates a range.
    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// `A1:D4`.
    public var a1: String {
        XlsxCellReference.range(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
    }

    /// Checks the corners lie inside Excel's grid and are in order.
    func validate() throws {
        try XlsxWorksheet.checkRow(firstRow)
        try XlsxWorksheet.checkRow(lastRow)
        try XlsxWorksheet.checkColumn(firstColumn)
        try XlsxWorksheet.checkColumn(lastColumn)
        guard firstRow <= lastRow && firstColumn <= lastColumn else {
            throw XlsxError.invalidParameter(detail: "vùng \(a1) có góc đầu nằm sau góc cuối")
        }
    }
}

/// A merged range with its text and style.
public struct XlsxMerge: Hashable, Sendable {
    /// The cells to merge (at least two).
    public var range: XlsxRange
    /// Text shown in the merged area.
    public var text: String
    /// Style applied to every cell of the range (borders need it on all of them).
    public var style: CellStyle

    /// Creates a merge.
    public init(range: XlsxRange, text: String, style: CellStyle = .plain) {
        self.range = range
        self.text = text
        self.style = style
    }
}

extension XlsxWorksheet {
    /// Merges a range and writes `text` into it with `style` on every cell.
    ///
    /// In constant-memory mode call this while on the range's first row, after that
    /// row's other cells. When several ranges start on the same row, pass them together
    /// to ``merge(_:)-(Array)`` instead: libxlsxwriter moves its row cursor to the last
    /// row of a taller range, after which the first row can no longer be written.
    ///
    /// - Throws: ``XlsxError`` for a one-cell range (Excel has nothing to merge), a
    ///   range outside the grid, or a row already flushed in constant-memory mode.
    public func merge(_ range: XlsxRange, text: String, style: CellStyle = .plain) throws {
        try merge([XlsxMerge(range: range, text: text, style: style)])
    }

    /// Merges several ranges that all start on the same row.
    ///
    /// `worksheet_merge_range` records the range, then writes the text into the first
    /// cell and blanks into the others, ignoring failures of those writes. In
    /// constant-memory mode, once one range reaching down to row *r + 1* has been merged,
    /// libxlsxwriter has flushed row *r*, so the next range's text on row *r* would be
    /// silently dropped. This method therefore writes every range's first-row cells
    /// itself before any `worksheet_merge_range` call, and merges the ranges in order of
    /// their last row so each is still recorded. In normal mode the same calls give the
    /// same cells, so both modes produce identical content.
    public func merge(_ merges: [XlsxMerge]) throws {
        var resolved: [(range: XlsxRange, text: String, format: UnsafeMutablePointer<lxw_format>?)] = []
        for merge in merges {
            resolved.append((merge.range, merge.text, try workbook.format(for: merge.style)))
        }
        try merge(resolved: resolved)
    }

    /// ``merge(_:)-(Array)`` with formats already resolved.
    func merge(resolved merges: [(range: XlsxRange, text: String, format: UnsafeMutablePointer<lxw_format>?)]) throws {
        let sheet = try live()
        guard let firstRow = merges.first?.range.firstRow else { return }
        for merge in merges {
            let range = merge.range
            try range.validate()
            guard range.firstRow == firstRow else {
                throw XlsxError.invalidParameter(detail: "các vùng gộp cùng lúc phải bắt đầu ở cùng một dòng (\(range.a1))")
            }
            if range.firstRow == range.lastRow && range.firstColumn == range.lastColumn {
                throw XlsxError.invalidParameter(detail: "vùng gộp \(range.a1) chỉ có một ô")
            }
        }
        // The one safe path for text, as for single cells.
        var literal: [String] = []
        for merge in merges {
            literal.append(try XlsxText.cell(merge.text, row: merge.range.firstRow, column: merge.range.firstColumn, sheet: name))
        }
        let lastRow = merges.map(\.range.lastRow).max() ?? firstRow
        try touch(row: firstRow, through: lastRow)
        let row = lxw_row_t(firstRow)
        for (index, merge) in merges.enumerated() {
            let range = merge.range
            try check(worksheet_write_string(sheet, row, lxw_col_t(range.firstColumn), literal[index], merge.format), "gộp ô \(range.a1)")
            if range.firstColumn < range.lastColumn {
                for column in (range.firstColumn + 1) ... range.lastColumn {
                    try check(worksheet_write_blank(sheet, row, lxw_col_t(column), merge.format), "gộp ô \(range.a1)")
                }
            }
        }
        for index in merges.indices.sorted(by: { merges[$0].range.lastRow < merges[$1].range.lastRow }) {
            let (range, format) = (merges[index].range, merges[index].format)
            try check(
                worksheet_merge_range(
                    sheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                    lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn), literal[index], format),
                "gộp ô \(range.a1)")
        }
    }

    /// Sets the width of one or more columns, in Excel character units.
    ///
    /// Column settings are kept apart from the row data by libxlsxwriter, so this may be
    /// called at any time, also in constant-memory mode.
    public func setColumnWidth(_ width: Double, columns: ClosedRange<Int>, style: CellStyle = .plain) throws {
        let sheet = try live()
        try XlsxWorksheet.checkColumn(columns.lowerBound)
        try XlsxWorksheet.checkColumn(columns.upperBound)
        guard width.isFinite && width >= 0 && width <= 255 else {
            throw XlsxError.invalidParameter(detail: "độ rộng cột \(width) ngoài khoảng 0–255")
        }
        let format = try workbook.format(for: style)
        try check(
            worksheet_set_column(sheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, format),
            "độ rộng cột")
    }

    /// Sets the height of a row in points.
    ///
    /// In constant-memory mode call this before writing the row's cells.
    public func setRowHeight(_ height: Double, row: Int) throws {
        let sheet = try live()
        try XlsxWorksheet.checkRow(row)
        guard height.isFinite && height >= 0 && height <= XlsxWorksheet.maximumRowHeight else {
            throw XlsxError.invalidParameter(detail: "chiều cao dòng \(height) ngoài khoảng 0–409")
        }
        try touch(row: row)
        try check(worksheet_set_row(sheet, lxw_row_t(row), height, nil), "chiều cao dòng \(row + 1)")
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    public func freezePanes(row: Int, column: Int) throws {
        let sheet = try live()
        try XlsxWorksheet.checkRow(row)
        try XlsxWorksheet.checkColumn(column)
        worksheet_freeze_panes(sheet, lxw_row_t(row), lxw_col_t(column))
    }

    /// Adds an autofilter; the range's first row holds the drop-down buttons.
    public func autofilter(_ range: XlsxRange) throws {
        let sheet = try live()
        try range.validate()
        try check(
            worksheet_autofilter(
                sheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn)),
            "bộ lọc \(range.a1)")
    }
}
