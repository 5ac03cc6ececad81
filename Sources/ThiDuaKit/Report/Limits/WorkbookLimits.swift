/// What the summary workbook (.xlsx) can hold, as rules on the figures themselves: a
/// report's figures are checked against these where they are read, so `check` refuses a
/// report the workbook could not show, with the file, line and column of the cell, before
/// anything is written. ThiDuaXlsx enforces the same limits as its last line of defence.
public enum WorkbookLimits {
    /// The largest figure (and sum of figures) a workbook shows exactly: 15 digits.
    ///
    /// Excel stores numbers as doubles, exact for integers up to 2^53 (16 digits), but it
    /// shows and recalculates with 15 significant digits: 1.234.567.890.123.456 would be
    /// displayed as 1.234.567.890.123.450. A figure beyond this is an error, never rounded.
    /// Ratios are checked scaled (×10⁴), so their digits fit too.
    public static let maximumFigure: Int64 = 999_999_999_999_999

    /// Excel's limit for one cell's text, in UTF-16 code units (as Excel counts).
    public static let maximumCellText = 32_767

    /// Room the workbook may add around a name in one cell ("Cộng " before a group name).
    public static let labelAllowance = 100

    /// The longest unit, group or indicator name, in UTF-16 code units.
    public static let maximumNameLength = maximumCellText - labelAllowance

    /// The most indicators a report may define: each takes up to four columns of the table
    /// and one series of the chart (Excel draws at most 255).
    public static let maximumIndicators = 200

    /// Rows of one worksheet.
    public static let worksheetRows = 1_048_576

    /// Rows a sheet may use besides one per unit and two per group (header and subtotal):
    /// titles, the two-level header, the grand total, notes.
    public static let reservedRows = 64

    /// The most rows of units and groups one sheet may list.
    public static let maximumListedRows = worksheetRows - reservedRows
}
