/// The account of every row read: each one is either used or listed as skipped with a reason,
/// so a clerk can check that nothing was silently lost between the units' files and the report.
public struct Reconciliation: Hashable, Sendable {
    /// Files read.
    public var filesRead: Int
    /// Data rows read (header lines and blank rows not counted).
    public var rowsRead: Int
    /// Units whose figures went into the totals (one per used row).
    public var unitsUsed: Int
    /// Rows not used, in reading order, with where and why.
    public var skipped: [SkippedRow]
    /// Rows with no text at all ("" or ";;;;"), not counted in `rowsRead`.
    public var blankRows: Int
    /// Workbooks among the files read.
    public var workbooksRead = 0
    /// Worksheets that held a figures table (other sheets are passed over).
    public var sheetsRead = 0
    /// Group headings, group subtotals and totals (a summary workbook's own rows): read,
    /// not counted in `rowsRead`, never added.
    public var summaryRows = 0

    /// Creates a reconciliation.
    public init(filesRead: Int = 0, rowsRead: Int = 0, unitsUsed: Int = 0, skipped: [SkippedRow] = [], blankRows: Int = 0) {
        self.filesRead = filesRead
        self.rowsRead = rowsRead
        self.unitsUsed = unitsUsed
        self.skipped = skipped
        self.blankRows = blankRows
    }

    /// True when used + skipped = read, which the reader guarantees; a check for callers.
    public var isBalanced: Bool {
        unitsUsed + skipped.count == rowsRead
    }

    /// Skipped rows counted per kind of fault, in a fixed order ("trùng đơn vị" first).
    public var skippedByCategory: [(category: String, count: Int)] {
        var counts: [String: Int] = [:]
        for row in skipped { counts[row.reason.category, default: 0] += 1 }
        return SkipReason.categoryOrder.compactMap { c in counts[c].map { (c, $0) } }
    }

    /// The one-line account, numbers with "." between thousands:
    /// "đọc 1.234 dòng từ 3 tệp; tổng hợp 1.230 đơn vị; bỏ qua 4: 3 dòng trùng đơn vị, 1 dòng sai số ô".
    public var summary: String {
        summary(formatCount: ReportText.grouped)
    }

    /// The one-line account with a caller's number formatting (for the shared formatter).
    public func summary(formatCount: (Int) -> String) -> String {
        var text = "đọc \(formatCount(rowsRead)) dòng từ \(formatCount(filesRead)) tệp"
        if workbooksRead > 0 { text += " (\(formatCount(sheetsRead)) trang tính)" }
        if summaryRows > 0 { text += ", không tính \(formatCount(summaryRows)) dòng tiêu đề nhóm, cộng nhóm, tổng cộng" }
        text += "; tổng hợp \(formatCount(unitsUsed)) đơn vị; "
        if skipped.isEmpty {
            text += "không bỏ qua dòng nào"
        } else {
            text += "bỏ qua \(formatCount(skipped.count)): "
            text += skippedByCategory.map { "\(formatCount($0.count)) dòng \($0.category)" }.joined(separator: ", ")
        }
        return text
    }
}
