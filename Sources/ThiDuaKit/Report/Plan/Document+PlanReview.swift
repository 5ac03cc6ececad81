/// A report and the plan it reviews (`bao_cao.ke_hoach` with `tep:`): the report takes the
/// plan's targets, and its period must lie within the plan's. Pure: the caller has read
/// the plan's data file into `LinkedDocuments`.
extension Document {
    /// This report with the targets of the plan it reviews, and the findings where the two
    /// disagree.
    ///
    /// - A target the plan sets (`cac_chi_tieu`) becomes the overall target of the report's
    ///   indicator with the same key. A report that writes its own, different `chi_tieu:`
    ///   contradicts its plan: an error at that value, naming both numbers.
    /// - A plan target the report does not report on is a warning at the `tep:` line.
    /// - The period under review (`ky`) starting before, or ending after, the plan's own
    ///   period (`thoi_gian`) is a warning; a report dated before its plan, an error.
    ///
    /// Documents that are not reports, or that do not name the plan's data file, come back
    /// unchanged.
    public func reviewingPlan(_ linked: LinkedDocuments) -> (Document, [Diagnostic]) {
        guard kind == .baoCao, var spec = report, let link = spec.plan?.dataFile, let plan = linked[link.value] else {
            return (self, [])
        }
        var diagnostics: [Diagnostic] = []
        let planName = Self.planName(plan)
        // "Thực hiện Báo cáo số 41/BC-…" would follow: a report reviews a plan (or a
        // guidance, which carries a plan's movement), never another report.
        if plan.kind == .baoCao {
            return (self, [.error("`ke_hoach` dẫn \(planName), một báo cáo; báo cáo sơ kết, tổng kết một kế hoạch (hoặc hướng dẫn)",
                                  at: link.position, hint: "ghi `tep:` là tệp dữ liệu của kế hoạch được sơ kết, tổng kết")])
        }
        var indicators = (spec.indicators ?? .default).indicators
        for target in plan.targets {
            guard let index = indicators.firstIndex(where: { $0.key == target.key.value }) else {
                diagnostics.append(.warning(
                    "\(planName) giao chỉ tiêu `\(target.key.value)` (“\(target.sentence)”) nhưng báo cáo không có chỉ tiêu này",
                    at: link.position, hint: "thêm `- ma: \(target.key.value)` vào `chi_tieu` của báo cáo để báo cáo kết quả"))
                continue
            }
            let indicator = indicators[index]
            if let written = spec.targetPositions[indicator.key], let own = indicator.target, own != target.value.value {
                diagnostics.append(.error(
                    "chỉ tiêu `\(indicator.key)` ghi là \(Self.written(own, indicator)) nhưng \(planName) giao \(Self.written(target.value.value, indicator))",
                    at: written, hint: "bỏ dòng `chi_tieu:` của chỉ tiêu này để dùng chỉ tiêu của kế hoạch, hoặc sửa cho khớp"))
                continue
            }
            indicators[index].target = target.value.value
            spec.planTargetKeys.insert(indicator.key)
        }
        spec.indicators = IndicatorSet(indicators)
        diagnostics += periodFindings(spec: spec, plan: plan, planName: planName)
        var result = self
        result.report = spec
        return (result, diagnostics)
    }

    /// The report's period against the plan's, and its date against the plan's date.
    private func periodFindings(spec: ReportSpec, plan: Document, planName: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if header.date.value < plan.header.date.value {
            diagnostics.append(.error(
                "báo cáo ban hành ngày \(header.date.value.short()), trước ngày của \(planName) (\(plan.header.date.value.short())) mà báo cáo này sơ kết, tổng kết",
                at: header.date.position, hint: "kiểm tra lại ngày ban hành hoặc kế hoạch được dẫn"))
        }
        guard let period = spec.period, let planPeriod = plan.period else { return diagnostics }
        if period.start.value < planPeriod.start.value {
            diagnostics.append(.warning(
                "kỳ báo cáo bắt đầu ngày \(period.start.value.short()), trước thời gian của \(planName) (từ \(planPeriod.start.value.short()))",
                at: period.start.position, hint: "kỳ báo cáo nằm trong thời gian của kế hoạch; kiểm tra lại `ky.tu`"))
        }
        if period.end.value > planPeriod.end.value {
            diagnostics.append(.warning(
                "kỳ báo cáo kết thúc ngày \(period.end.value.short()), sau thời gian của \(planName) (đến \(planPeriod.end.value.short()))",
                at: period.end.position, hint: "kỳ báo cáo nằm trong thời gian của kế hoạch; kiểm tra lại `ky.den`"))
        }
        return diagnostics
    }

    /// "Kế hoạch số 12/KH-LĐLĐ" (or "kế hoạch" when it has no number yet).
    static func planName(_ plan: Document) -> String {
        guard let number = plan.header.number else { return "kế hoạch" }
        return "\(plan.kind.citedName) số \(DocumentFormat.numberAndSymbol(number: number, symbol: plan.header.symbol.value))"
    }

    /// A target as the text writes it: "3.500 đoàn viên", "100%".
    static func written(_ value: Int64, _ indicator: Indicator) -> String {
        indicator.isComputed ? "\(VietnameseNumber.integer(value))%" : ReportFigureText.value(value, of: indicator)
    }
}
