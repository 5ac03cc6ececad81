/// One cell of a figures table, as the source stored it.
///
/// A CSV field is always text and goes through the Vietnamese number rules ("1.234" is
/// one thousand two hundred and thirty-four). A spreadsheet's numeric cell is already a
/// number: it is read from its stored literal and never re-parsed as Vietnamese text,
/// where "1.5" would be refused as ambiguous.
public enum FigureCell: Hashable, Sendable {
    /// Text as typed (a CSV field, a shared or inline string).
    case text(String)
    /// A stored number, as its invariant literal ("1234", "12.5", "1.5E-3", "-2").
    case number(String)
    /// A number the sheet formats as a date, shown as `dd/mm/yyyy`.
    case date(String)
    /// A formula whose result was never saved in the file (written by a program, not
    /// opened in Excel or LibreOffice since); it has no value to read.
    case formulaWithoutValue
    /// An error value such as `#DIV/0!` or `#REF!`.
    case error(String)
    /// A logical value (`TRUE`, `FALSE`): a tick box or a comparison's result, never a figure
    /// or a name.
    case boolean(Bool)

    /// The empty text cell; what a missing spreadsheet cell reads as.
    public static let empty = FigureCell.text("")

    /// The cell as a clerk sees it, for names, groups and headers.
    public var displayText: String {
        switch self {
        case .text(let text), .error(let text), .date(let text): return text
        case .number(let literal): return FigureCell.displayNumber(literal)
        case .formulaWithoutValue: return ""
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        }
    }

    /// True when nothing is written (only spaces or invisible characters).
    public var isBlank: Bool {
        if case .text(let text) = self { return FigureNumber.trimmed(text).isEmpty }
        return false
    }

    /// A number literal shown without a needless ".0" ("12" for "12.0"), so a unit named
    /// with a number or a numeric group reads as typed.
    static func displayNumber(_ literal: String) -> String {
        // The last bytes first: almost no literal ends so, and `hasSuffix` compares
        // characters, which is slow and must decide (a "." may join the character before it).
        let utf8 = literal.utf8
        guard utf8.last == UInt8(ascii: "0"), utf8.dropLast().last == UInt8(ascii: ".") else { return literal }
        if literal.hasSuffix(".0") { return String(literal.dropLast(2)) }
        return literal
    }
}

/// One row of a figures table from any source (a CSV record, a worksheet row), with the
/// place of each cell, ready for `FigureFileParser`.
public struct FigureRecord: Hashable, Sendable {
    /// Where the cells are: CSV keeps each field's line and column; a sheet row is one
    /// row number with a column per cell.
    public enum Layout: Hashable, Sendable {
        /// CSV: per-field line and column (a quoted field may span lines).
        case text(fieldLines: [Int], fieldColumns: [Int])
        /// A worksheet row: cell `i` is in column `i + 1` of row `line`.
        case sheet(name: String)
    }

    /// 1-based line (CSV) or row number (sheet) where the record starts.
    public var line: Int
    /// The cells, left to right; a sheet row is dense from column A (missing cells empty).
    public var cells: [FigureCell]
    /// How positions are computed.
    public var layout: Layout
    /// True when the CSV file ended inside a quoted field, so the record is incomplete.
    public var isUnterminated: Bool
    /// True when the spreadsheet hides this row; it is still read, and reported.
    public var isHidden: Bool

    /// Creates a record.
    public init(line: Int, cells: [FigureCell], layout: Layout, isUnterminated: Bool = false, isHidden: Bool = false) {
        self.line = line
        self.cells = cells
        self.layout = layout
        self.isUnterminated = isUnterminated
        self.isHidden = isHidden
    }

    /// A CSV record: every field is text.
    public init(_ record: CSVRecord) {
        self.init(line: record.line, cells: record.fields.map(FigureCell.text),
                  layout: .text(fieldLines: record.fieldLines, fieldColumns: record.fieldColumns),
                  isUnterminated: record.isUnterminated)
    }

    /// True for a sheet row, whose missing trailing cells are simply empty (no CSV
    /// separators to miscount).
    public var isSheetRow: Bool {
        if case .sheet = layout { return true }
        return false
    }

    /// The sheet name, for a sheet row.
    public var sheet: String? {
        if case .sheet(let name) = layout { return name }
        return nil
    }

    /// The cell at `index`, empty past the end (a sheet leaves trailing cells out).
    public subscript(index: Int) -> FigureCell {
        cells.indices.contains(index) ? cells[index] : .empty
    }

    /// Where cell `index` is, in `file`.
    public func position(ofField index: Int, file: String) -> SourcePosition {
        switch layout {
        case .text(let lines, let columns):
            guard lines.indices.contains(index), columns.indices.contains(index) else {
                return SourcePosition(file: file, line: line)
            }
            return SourcePosition(file: file, line: lines[index], column: columns[index])
        case .sheet(let name):
            return SourcePosition(file: file, sheet: name, row: line, column: index + 1)
        }
    }

    /// The column of cell `index`: `position(ofField:file:).column` without making a
    /// position (and retaining its file and sheet names) for every figure of every row.
    func column(ofField index: Int) -> Int {
        switch layout {
        case .text(let lines, let columns):
            return lines.indices.contains(index) && columns.indices.contains(index) ? columns[index] : 0
        case .sheet:
            return index + 1
        }
    }

    /// Where the whole record is, in `file`.
    public func position(file: String) -> SourcePosition {
        SourcePosition(file: file, sheet: sheet, row: line, column: 0)
    }
}
