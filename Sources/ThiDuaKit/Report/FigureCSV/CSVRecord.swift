/// One record (row) of a CSV file, with where each field starts.
public struct CSVRecord: Hashable, Sendable {
    /// 1-based physical line on which the record starts.
    public var line: Int
    /// The fields, quotes removed, doubled quotes undone; not trimmed.
    public var fields: [String]
    /// 1-based line of each field's first character (a quoted field may move it down).
    public var fieldLines: [Int]
    /// 1-based column (in characters) of each field's first character.
    public var fieldColumns: [Int]
    /// True when the file ended inside a quoted field, so the record is incomplete.
    public var isUnterminated: Bool

    /// Creates a record.
    public init(line: Int, fields: [String], fieldLines: [Int], fieldColumns: [Int], isUnterminated: Bool = false) {
        self.line = line
        self.fields = fields
        self.fieldLines = fieldLines
        self.fieldColumns = fieldColumns
        self.isUnterminated = isUnterminated
    }

    /// Where field `index` starts, in `file`.
    public func position(ofField index: Int, file: String) -> SourcePosition {
        guard fieldLines.indices.contains(index) else { return SourcePosition(file: file, line: line) }
        return SourcePosition(file: file, line: fieldLines[index], column: fieldColumns[index])
    }
}
