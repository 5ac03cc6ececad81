/// Findings about a report's figures as a whole, once they are read: nothing to report on,
/// and targets that do not add up.
extension ReportAggregator {
    /// The findings of `document`'s figures in `result`.
    ///
    /// - No unit at all (empty `so_lieu`, or files with only their header row) is an error
    ///   at `so_lieu`: a report would state nothing true.
    /// - An overall target (the plan's, or the report's own) that the units' own targets
    ///   (`chi_tieu_<key>` columns) do not add up to is a warning naming both numbers; when
    ///   units have not reported yet, only a sum above the target is (the rest may be theirs).
    static func findings(_ document: Document, _ result: ReportResult) -> [Diagnostic] {
        guard let spec = document.report else { return [] }
        let stats = result.statistics
        let at = spec.figureFilesPosition ?? SourcePosition(file: document.sourceFile)
        guard stats.unitCount > 0 else {
            let files = spec.figureFiles.map { "\"\($0.value)\"" }.joined(separator: ", ")
            let message = spec.figureFiles.isEmpty
                ? "không có tệp số liệu nào: báo cáo không có gì để tổng hợp"
                : "không có số liệu của đơn vị nào trong \(files): báo cáo không có gì để tổng hợp"
            return [.error(message, at: at, hint: "kiểm tra các tệp số liệu có dòng của từng đơn vị dưới dòng tiêu đề")]
        }
        var diagnostics: [Diagnostic] = []
        for indicator in stats.indicators.indicators where !indicator.isComputed {
            guard let target = indicator.target, let totals = stats.totals(for: indicator.key), totals.unitsWithOwnTarget > 0 else { continue }
            let sum = Self.unitTargetSum(stats, indicator.key)
            let someMissing = !stats.missingUnits.isEmpty
            guard sum != target, !(someMissing && sum < target) else { continue }
            let source = spec.planTargetKeys.contains(indicator.key) ? "chỉ tiêu kế hoạch giao" : "chỉ tiêu chung"
            let position = spec.planTargetKeys.contains(indicator.key) ? spec.plan?.dataFile?.position ?? at
                : spec.targetPositions[indicator.key] ?? at
            let units = VietnameseNumber.integer(totals.unitsWithOwnTarget)
            diagnostics.append(.warning(
                "chỉ tiêu riêng '\(indicator.targetColumnHeader)' của \(units) đơn vị cộng lại \(Document.written(sum, indicator)), "
                    + "khác \(source) (\(Document.written(target, indicator))) cho '\(indicator.name)'",
                at: position, hint: "báo cáo tính % đạt theo chỉ tiêu chung; sửa chỉ tiêu giao cho các đơn vị cho khớp"))
        }
        diagnostics += unitsWithoutOwnTarget(stats, at: at)
        if spec.unitTable, stats.unitCount > Self.maxUnitTableRows {
            // Each row of the annex is a row of every document format; beyond this the .docx
            // alone took gigabytes (400,000 units), and no clerk prints such a table.
            diagnostics.append(.error(
                "báo cáo có \(VietnameseNumber.integer(stats.unitCount)) đơn vị, quá \(VietnameseNumber.integer(Self.maxUnitTableRows)) dòng của bảng từng đơn vị (`bang_don_vi`)",
                at: spec.unitTablePosition ?? at, hint: "bỏ `bang_don_vi: true`: bảng tính .xlsx vẫn có đủ từng đơn vị"))
        }
        return diagnostics
    }

    /// The most units the annex table of every unit (`bang_don_vi`) holds in a document.
    public static let maxUnitTableRows = 20_000

    /// Units that gave a figure but were given no target of their own, where other units
    /// were (and no overall target): the attainment is computed on the units given one, so
    /// the clerk learns which were left out, and can fill their `chi_tieu_…` cells.
    static func unitsWithoutOwnTarget(_ stats: ReportStatistics, at: SourcePosition) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, indicator) in stats.indicators.indicators.enumerated() where !indicator.isComputed {
            guard let totals = stats.totals(for: indicator.key), totals.targetedTotal != nil else { continue }
            var names: [String] = []
            for unit in 0..<stats.unitCount where names.count < 3 {
                if stats.value(ofUnit: unit, indicatorAt: index) != nil, stats.target(ofUnit: unit, indicatorAt: index) == nil {
                    names.append(stats.name(ofUnit: unit))
                }
            }
            let more = totals.reportingWithoutTarget - names.count
            let listed = names.joined(separator: ", ") + (more > 0 ? " và \(VietnameseNumber.integer(more)) đơn vị khác" : "")
            diagnostics.append(.warning(
                "\(VietnameseNumber.integer(totals.reportingWithoutTarget)) đơn vị có số liệu '\(indicator.name)' nhưng không có chỉ tiêu riêng "
                    + "'\(indicator.targetColumnHeader)' (\(listed)): % đạt chỉ tiêu chỉ tính trên \(VietnameseNumber.integer(totals.unitsWithOwnTarget)) đơn vị được giao",
                at: at, hint: "ghi chỉ tiêu cho các đơn vị này, hoặc đặt chỉ tiêu chung cho cả '\(indicator.name)'"))
        }
        return diagnostics
    }

    /// Σ of the units' own targets for one indicator.
    static func unitTargetSum(_ stats: ReportStatistics, _ key: String) -> Int64 {
        guard let index = stats.indicators.index(of: key) else { return 0 }
        var sum: Int64 = 0
        for unit in 0..<stats.unitCount {
            if let t = stats.target(ofUnit: unit, indicatorAt: index) {
                let (s, overflow) = sum.addingReportingOverflow(t)
                if overflow { return .max }
                sum = s
            }
        }
        return sum
    }
}
