/// The figures one unit reported, read from one row.
public struct UnitFigures: Hashable, Sendable {
    /// The unit name, normalized for display: NFC, invisible characters removed, spaces collapsed.
    public var name: String
    /// The group ("Khối", "Cụm", "Huyện"), normalized, or nil when the file has none.
    public var group: String?
    /// One entry per indicator of the set, in set order: the value scaled by the indicator's
    /// `scale`, or nil for an empty cell, a missing column or a computed indicator.
    public var values: [Int64?]
    /// The unit's own target per indicator, same layout, nil when not given.
    public var targets: [Int64?]
    /// Where the row's name cell is.
    public var position: SourcePosition
    /// Per indicator, the column (on the row's line, in the row's sheet) of the cell its value
    /// came from, 0 when unknown: a sum that grows too large is reported at that cell.
    public var valueColumns: [Int]

    /// Creates a row.
    public init(name: String, group: String?, values: [Int64?], targets: [Int64?], position: SourcePosition,
                valueColumns: [Int] = []) {
        self.name = name
        self.group = group
        self.values = values
        self.targets = targets
        self.position = position
        self.valueColumns = valueColumns
    }

    /// Where the value of indicator `index` was read (the name cell when unknown).
    public func position(ofValue index: Int) -> SourcePosition {
        guard valueColumns.indices.contains(index), valueColumns[index] > 0 else { return position }
        var cell = position
        cell.column = valueColumns[index]
        return cell
    }
}

/// Why a data row was not used. Every row read is either used or carries one of these.
public enum SkipReason: Hashable, Sendable, CustomStringConvertible {
    /// The row has a different number of cells than the header.
    case raggedRow(expected: Int, found: Int)
    /// One or more cells were refused (not a number, negative, numerator above denominator…).
    case invalidFigures(count: Int)
    /// The unit-name cell is empty.
    case missingUnitName
    /// The same unit was already read; the row is reported, not summed.
    case duplicateUnit(firstAt: SourcePosition)
    /// The file ended inside a quoted field started on this row.
    case unterminatedQuote
    /// The file's header has no unit-name column, so no row can be attributed.
    case unusableHeader
    /// Every figure of the row is the sum of that many rows above it: a total row.
    case sumOfRowsAbove(rows: Int)

    /// A short Vietnamese explanation.
    public var description: String {
        switch self {
        case .raggedRow(let expected, let found): return "dòng có \(found) ô, tiêu đề có \(expected) ô"
        case .invalidFigures(let count): return "\(count) ô số liệu sai"
        case .missingUnitName: return "thiếu tên đơn vị"
        case .duplicateUnit(let first): return "đơn vị đã có ở \(first)"
        case .unterminatedQuote: return "dấu ngoặc kép không đóng"
        case .unusableHeader: return "tệp thiếu cột tên đơn vị"
        case .sumOfRowsAbove(let rows): return "dòng cộng (bằng tổng \(rows) dòng trên)"
        }
    }

    /// The kind of fault, for the one-line summary ("2 dòng trùng đơn vị").
    public var category: String {
        switch self {
        case .raggedRow: return "sai số ô"
        case .invalidFigures: return "có số liệu sai"
        case .missingUnitName: return "thiếu tên đơn vị"
        case .duplicateUnit: return "trùng đơn vị"
        case .unterminatedQuote: return "lỗi dấu ngoặc kép"
        case .unusableHeader: return "trong tệp thiếu cột đơn vị"
        case .sumOfRowsAbove: return "là dòng cộng"
        }
    }

    /// Fixed order of categories in the summary line.
    static let categoryOrder = ["trùng đơn vị", "có số liệu sai", "sai số ô", "thiếu tên đơn vị",
                                "lỗi dấu ngoặc kép", "trong tệp thiếu cột đơn vị", "là dòng cộng"]
}

/// A data row that was read but not used, and why.
public struct SkippedRow: Hashable, Sendable {
    /// The row (file and line).
    public var position: SourcePosition
    /// Why it was skipped.
    public var reason: SkipReason

    /// Creates a skipped-row record.
    public init(position: SourcePosition, reason: SkipReason) {
        self.position = position
        self.reason = reason
    }
}

/// What reading one CSV record gave.
public enum FigureRowOutcome: Hashable, Sendable {
    /// A usable row.
    case unit(UnitFigures)
    /// A data row that cannot be used.
    case skipped(SkippedRow)
    /// A row with no text at all (Excel writes ";;;;" for empty rows); not counted as read.
    case blank
}
