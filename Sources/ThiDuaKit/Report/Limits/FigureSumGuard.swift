/// Watches the figures as rows are accumulated, for what only the whole report can break:
/// a sum beyond what the workbook shows exactly, and more rows than a worksheet holds.
/// Each is reported once, at the cell (or row) that crossed the limit.
///
/// Figures are never negative, so the overall sum of an indicator bounds every group's
/// sum and every ratio's numerator and denominator: watching it is enough.
struct FigureSumGuard: Sendable {
    private var totals: [Int64]
    private var targetTotals: [Int64]
    /// Indicators (by index) whose sum or target sum crossed `WorkbookLimits.maximumFigure`.
    private(set) var crossed: Set<Int> = []
    /// `crossed` as flags by index, checked for every figure of every row without hashing.
    private var isCrossed: [Bool]
    private var rowsReported = false

    init(indicatorCount: Int) {
        totals = Array(repeating: 0, count: indicatorCount)
        targetTotals = Array(repeating: 0, count: indicatorCount)
        isCrossed = Array(repeating: false, count: indicatorCount)
    }

    /// Adds a row that became unit number `units` among `groups` groups; returns what it broke.
    mutating func add(_ row: UnitFigures, indicators: IndicatorSet, summed: [Int], units: Int, groups: Int) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for i in summed where !isCrossed[i] {
            if i < row.values.count, let value = row.values[i], Self.crosses(&totals[i], value) {
                crossed.insert(i)
                isCrossed[i] = true
                found.append(.error(
                    "tổng '\(indicators.indicators[i].name)' vượt \(ReportText.grouped(WorkbookLimits.maximumFigure)) khi cộng ô này (\(ReportText.grouped(value)) của '\(row.name)'): bảng tính Excel không giữ đúng được số lớn như vậy",
                    at: row.position(ofValue: i),
                    hint: "kiểm tra lại ô này và các ô lớn bất thường trong cột; số tiền tính bằng đồng"))
            } else if i < row.targets.count, let target = row.targets[i], Self.crosses(&targetTotals[i], target) {
                crossed.insert(i)
                isCrossed[i] = true
                found.append(.error(
                    "tổng chỉ tiêu riêng của '\(indicators.indicators[i].name)' vượt \(ReportText.grouped(WorkbookLimits.maximumFigure)) khi cộng dòng này ('\(row.name)'): bảng tính Excel không giữ đúng được số lớn như vậy",
                    at: row.position, hint: "kiểm tra lại chỉ tiêu riêng của đơn vị này"))
            }
        }
        // One row per unit and two per group (its header and subtotal); one more group
        // for units without one.
        if !rowsReported, units + 2 * (groups + 1) > WorkbookLimits.maximumListedRows {
            rowsReported = true
            found.append(.error(
                "đến dòng này báo cáo đã có \(ReportText.grouped(units)) đơn vị trong \(ReportText.grouped(groups)) khối, cụm: một trang bảng tính Excel chỉ chứa được \(ReportText.grouped(WorkbookLimits.worksheetRows)) dòng",
                // The row itself, in a sheet's own form ("tệp.xlsx!Trang!A1048508") when it came from one.
                at: row.position.sheet.map { SourcePosition(file: row.position.file, sheet: $0, row: row.position.line, column: 1) }
                    ?? SourcePosition(file: row.position.file, line: row.position.line),
                hint: "tách báo cáo theo khối, cụm (mỗi báo cáo một phần các tệp số liệu); có thể đã đưa nhầm cùng tệp nhiều lần hoặc tệp không phải số liệu"))
        }
        return found
    }

    /// Adds `value` to `total`; true when the sum now exceeds the limit.
    private static func crosses(_ total: inout Int64, _ value: Int64) -> Bool {
        let (sum, overflow) = total.addingReportingOverflow(value)
        total = overflow ? .max : sum
        return overflow || sum > WorkbookLimits.maximumFigure
    }
}
