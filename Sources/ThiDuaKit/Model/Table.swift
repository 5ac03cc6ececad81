/// A table: a header row and body rows of already formatted cells.
public struct Table: Sendable, Equatable {
    /// How a column's cells line up in plain text and Markdown.
    public enum Alignment: Sendable, Equatable { case left, right, center }

    public var headers: [String]
    public var rows: [[String]]
    public var alignments: [Alignment]
    /// Rows drawn in bold (subtotals, the grand total), by index into `rows`.
    public var emphasized: Set<Int>
    /// How many leading columns name the row (STT and Đơn vị): a table too wide for the page
    /// is split into narrower ones that each repeat these.
    public var headerColumns: Int

    public init(headers: [String], rows: [[String]], alignments: [Alignment], emphasized: Set<Int> = [], headerColumns: Int = 1) {
        self.headers = headers
        self.rows = rows
        self.alignments = alignments
        self.emphasized = emphasized
        self.headerColumns = headerColumns
    }
}
