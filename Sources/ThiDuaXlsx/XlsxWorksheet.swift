import CXlsxWriter

/// What to put in a cell.
public enum XlsxCellValue: Hashable, Sendable {
    /// Text, always stored as a string: text that starts with `=`, `+`, `-` or `@`
    /// is *not* turned into a formula (no formula injection from unit names).
    case text(String)
    /// A number.
    case number(Double)
    /// A whole number; refused when Excel's doubles cannot hold it exactly (beyond ±2^53).
    case integer(Int64)
    /// A formula (with or without the leading `=`) and the value it evaluates to, stored
    /// so readers that do not recalculate (viewers, openpyxl, previews) show the result.
    case formula(String, cachedValue: XlsxFormulaResult)
    /// An empty cell that still carries a style (borders, fill).
    case blank
}

/// The stored result of a formula.
public enum XlsxFormulaResult: Hashable, Sendable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral
{
    /// A numeric result.
    case number(Double)
    /// A text result (also the empty text `""` of `IF(…,"",…)`).
    case text(String)

    /// `1.5` as a cached number.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// `3` as a cached number.
    public init(integerLiteral value: Int64) { self = .number(Double(value)) }
    /// `"x"` as a cached text.
    public init(stringLiteral value: String) { self = .text(value) }
}

/// A worksheet of an ``XlsxWorkbook``.
///
/// The C worksheet is owned by the workbook; this handle keeps the workbook alive
/// and refuses to work once the workbook is closed.
///
/// In constant-memory mode libxlsxwriter keeps only the current row in memory and
/// flushes it when a later row is touched, so rows must be written in increasing
/// order; a write to an earlier row throws ``XlsxError/rowAlreadyWritten(sheet:row:currentRow:)``
/// instead of being silently lost. A merged range counts as touching its last row.
public final class XlsxWorksheet {
    /// Excel's number of rows.
    public static let rowCount = 1_048_576
    /// Excel's number of columns.
    public static let columnCount = 16_384
    /// Excel's limit for one cell's text, in UTF-16 code units.
    public static let maximumStringLength = 32_767
    /// Excel's tallest row, in points.
    public static let maximumRowHeight = 409.0
    /// Excel's limit for a formula's text.
    public static let maximumFormulaLength = 8_192

    /// The sheet's name.
    public let name: String
    /// The owning workbook (kept alive by this handle).
    public let workbook: XlsxWorkbook
    let handle: UnsafeMutablePointer<lxw_worksheet>
    /// The last row touched, for the constant-memory ordering rule.
    public private(set) var currentRow = -1

    init(workbook: XlsxWorkbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.workbook = workbook
        self.handle = handle
        self.name = name
    }

    /// The C worksheet, after checking the workbook is still open.
    func live() throws -> UnsafeMutablePointer<lxw_worksheet> {
        _ = try workbook.liveHandle()
        return handle
    }

    /// Checks a row index against Excel's limit.
    static func checkRow(_ row: Int) throws {
        guard row >= 0 && row < rowCount else { throw XlsxError.rowOutOfRange(row: row) }
    }

    /// Checks a column index against Excel's limit.
    static func checkColumn(_ column: Int) throws {
        guard column >= 0 && column < columnCount else { throw XlsxError.columnOutOfRange(column: column) }
    }

    /// Records that `row` (up to `lastRow`) is being written, enforcing order in constant-memory mode.
    func touch(row: Int, through lastRow: Int? = nil) throws {
        if workbook.options.constantMemory && row < currentRow {
            throw XlsxError.rowAlreadyWritten(sheet: name, row: row, currentRow: currentRow)
        }
        currentRow = max(currentRow, lastRow ?? row)
    }


    /// Checks a number can be stored: finite, and for integers exact in a double.
    static func checkNumber(_ value: Double) throws {
        guard value.isFinite else { throw XlsxError.numberNotRepresentable(description: "\(value)") }
    }

    /// Largest magnitude an Int64 may have to survive the trip through Excel's doubles.
    public static let maximumExactInteger: Int64 = 9_007_199_254_740_992

    static func exactDouble(_ value: Int64) throws -> Double {
        guard value.magnitude <= UInt64(maximumExactInteger) else {
            throw XlsxError.numberNotRepresentable(description: "\(value)")
        }
        return Double(value)
    }

    /// Writes one cell.
    ///
    /// - Parameters:
    ///   - value: what to write; ``XlsxCellValue/text(_:)`` is always a string, only
    ///     ``XlsxCellValue/formula(_:cachedValue:)`` writes a formula.
    ///   - row: 0-based row.
    ///   - column: 0-based column.
    ///   - style: the cell's look; formats are created and cached by the workbook.
    /// - Throws: ``XlsxError`` for out-of-range positions, over-long text or formulas,
    ///   numbers Excel cannot hold, or a C failure.
    public func write(_ value: XlsxCellValue, row: Int, column: Int, style: CellStyle = .plain) throws {
        try write(value, row: row, column: column, format: try workbook.format(for: style))
    }

    /// Writes one cell with an already resolved C format (the fast path used by sheet plans).
    func write(_ value: XlsxCellValue, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>?) throws {
        let sheet = try live()
        try XlsxWorksheet.checkRow(row)
        try XlsxWorksheet.checkColumn(column)
        let r = lxw_row_t(row)
        let c = lxw_col_t(column)
        // Validate before touching so a refused value does not advance the row cursor.
        var literal = ""
        switch value {
        case .text(let text): literal = try XlsxText.cell(text, row: row, column: column, sheet: name)
        case .number(let number): try XlsxWorksheet.checkNumber(number)
        case .integer(let integer): _ = try XlsxWorksheet.exactDouble(integer)
        case .formula(let formula, let cached):
            try XlsxWorksheet.checkFormula(formula, row: row, column: column)
            switch cached {
            case .number(let number): try XlsxWorksheet.checkNumber(number)
            case .text(let text): literal = try XlsxText.cell(text, row: row, column: column, sheet: name)
            }
        case .blank: break
        }
        try touch(row: row)
        let code: lxw_error
        switch value {
        case .text:
            // Always worksheet_write_string: never worksheet_write(), never a formula, so a
            // unit named "=HYPERLINK(…)" or "-1" stays literal text.
            code = worksheet_write_string(sheet, r, c, literal, format)
        case .number(let number):
            code = worksheet_write_number(sheet, r, c, number, format)
        case .integer(let integer):
            code = worksheet_write_number(sheet, r, c, try XlsxWorksheet.exactDouble(integer), format)
        case .formula(let formula, let cached):
            switch cached {
            case .number(let number):
                code = worksheet_write_formula_num(sheet, r, c, formula, format, number)
            case .text:
                code = worksheet_write_formula_str(sheet, r, c, formula, format, literal)
            }
        case .blank:
            code = worksheet_write_blank(sheet, r, c, format)
        }
        try check(code, "ô \(XlsxCellReference.a1(row: row, column: column)) của trang “\(name)”")
    }

    /// Checks a formula's length against Excel's limit.
    static func checkFormula(_ formula: String, row: Int, column: Int) throws {
        let body = formula.hasPrefix("=") ? formula.dropFirst() : Substring(formula)
        if body.isEmpty {
            throw XlsxError.invalidParameter(detail: "công thức rỗng ở ô \(XlsxCellReference.a1(row: row, column: column))")
        }
        if body.utf16.count > maximumFormulaLength {
            throw XlsxError.formulaTooLong(length: body.utf16.count)
        }
        if body.utf8.contains(0) {
            throw XlsxError.stringContainsNul(row: row, column: column)
        }
    }

    /// Writes a string (never a formula, whatever it starts with).
    public func writeString(_ text: String, row: Int, column: Int, style: CellStyle = .plain) throws {
        try write(.text(text), row: row, column: column, style: style)
    }

    /// Writes a number.
    public func writeNumber(_ number: Double, row: Int, column: Int, style: CellStyle = .plain) throws {
        try write(.number(number), row: row, column: column, style: style)
    }

    /// Writes a formula together with the value it evaluates to.
    public func writeFormula(_ formula: String, cachedValue: XlsxFormulaResult, row: Int, column: Int, style: CellStyle = .plain) throws {
        try write(.formula(formula, cachedValue: cachedValue), row: row, column: column, style: style)
    }

    /// Writes an empty cell carrying a style.
    public func writeBlank(row: Int, column: Int, style: CellStyle) throws {
        try write(.blank, row: row, column: column, style: style)
    }
}
