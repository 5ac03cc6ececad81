/// Writes the summary workbook of a phase report (báo cáo sơ kết / tổng kết).
///
/// Sheets, in order:
/// 1. "Tổng hợp" — the table: title rows, a two-level header, one row per unit in
///    groups, a subtotal row per group and a grand-total row, all totals as real
///    formulas (`SUM`, `+`, `IF(…=0,"",…/…)`) with values computed exactly in Swift
///    stored as their cached results.
/// 2. "So sánh" (when previous figures were given) — each indicator over the units with
///    figures in both periods, the change and its rate, and the units left out.
/// 3. "Biểu đồ" — "% đạt" per group for the indicators with a target, and a column chart
///    whose stored points are the figures.
/// 4. "Chưa báo cáo" — units that sent no report.
/// 5. "Nguồn" — reconciliation figures.
///
/// Both libxlsxwriter modes give the same cells, merges, formulas and formats: every
/// sheet is produced as one ordered stream of rows (see ``XlsxWorkbook/Options/constantMemory``).
public enum ReportWorkbook {
    /// Name of the table sheet.
    public static let summarySheetName = "Tổng hợp"
    /// Name of the chart sheet.
    public static let chartSheetName = "Biểu đồ"
    /// Name of the sheet listing units that did not report.
    public static let missingSheetName = "Chưa báo cáo"
    /// Name of the reconciliation sheet.
    public static let sourcesSheetName = "Nguồn"

    /// Writes the workbook to `path`, atomically (see ``XlsxWorkbook``).
    ///
    /// The input is checked and the totals computed before anything is written; on any
    /// error nothing is left at `path` beyond what was already there.
    ///
    /// - Parameters:
    ///   - input: what to show.
    ///   - path: destination `.xlsx` file; its folder must exist.
    ///   - options: libxlsxwriter options; use `constantMemory: true` for tens of
    ///     thousands of units.
    /// - Throws: ``XlsxError`` with a Vietnamese message.
    public static func write(_ input: SummaryWorkbookInput, to path: String, options: XlsxWorkbook.Options = .init()) throws {
        try prepare(input).write(to: path, options: options)
    }

    /// Checks the input and computes the totals without writing anything: every fault
    /// ``write(_:to:options:)`` would find in the data is thrown here, so a caller can
    /// prepare all the outputs of a document before it writes any of them.
    ///
    /// - Throws: ``XlsxError`` with a Vietnamese message.
    public static func prepare(_ input: SummaryWorkbookInput) throws -> PreparedWorkbook {
        PreparedWorkbook(input: input, plans: try plans(for: input))
    }

    /// A workbook checked and laid out, ready to be written.
    public struct PreparedWorkbook {
        let input: SummaryWorkbookInput
        let plans: [XlsxSheetPlan]

        /// Writes the workbook to `path`, atomically (see ``XlsxWorkbook``).
        ///
        /// - Throws: ``XlsxError``: what the file system refuses (space, permissions) and
        ///   libxlsxwriter's own limits.
        public func write(to path: String, options: XlsxWorkbook.Options = .init()) throws {
            let workbook = try XlsxWorkbook(path: path, options: options)
            let author = input.author.trimmingSpaces.isEmpty ? input.issuingBody : input.author
            try workbook.setProperties(XlsxDocumentProperties(
                title: input.title, subject: input.period, author: author, company: input.issuingBody,
                comments: "Tạo bởi thidua"))
            for plan in plans {
                let sheet = try workbook.addWorksheet(named: plan.name)
                try plan.write(to: sheet)
            }
            try workbook.close()
        }
    }

    /// The sheet plans, after checking the input and computing the totals.
    static func plans(for input: SummaryWorkbookInput) throws -> [XlsxSheetPlan] {
        let layout = try SummaryLayout(input: input)
        let totals = try ReportTotals(input: input, layout: layout)
        var plans = [try summaryPlan(input: input, layout: layout, totals: totals)]
        if let comparison = input.comparison { plans.append(comparisonPlan(comparison)) }
        plans += [
            chartPlan(input: input, layout: layout, totals: totals),
            missingPlan(input: input),
            sourcesPlan(input: input),
        ]
        return plans
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start ... end]
    }
}
