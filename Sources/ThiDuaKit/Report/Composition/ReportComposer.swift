/// Turns a report's data and its computed statistics into the sections of
/// a BÁO CÁO, in the order conventions.md gives: đặc điểm tình hình, kết
/// quả thực hiện (generated from the figures), đánh giá chung, bài học kinh
/// nghiệm, phương hướng nhiệm vụ, đề xuất kiến nghị, khen thưởng.
public enum ReportComposer {
    /// The document with its report sections filled in.
    ///
    /// The clerk's own `muc` sections, if any, follow the generated ones.
    public static func compose(_ document: Document, result: ReportResult) -> Document {
        guard let spec = document.report else { return document }
        var composed = document
        let stats = result.statistics
        let origin = SourcePosition(file: document.sourceFile)
        var sections: [Section] = []

        func section(_ title: String, _ blocks: [Block]) {
            if !blocks.isEmpty { sections.append(Section(title: title, blocks: blocks, position: origin)) }
        }
        func item(_ title: String, _ blocks: [Block]) -> [Block] {
            blocks.isEmpty ? [] : [.item(title: title, blocks: blocks, origin)]
        }

        section("ĐẶC ĐIỂM TÌNH HÌNH", item("Thuận lợi", spec.advantages) + item("Khó khăn", spec.difficulties))
        section("KẾT QUẢ THỰC HIỆN", results(spec: spec, stats: stats, reconciliation: result.reconciliation, origin: origin))
        section("ĐÁNH GIÁ CHUNG", item("Ưu điểm", spec.strengths) + item("Tồn tại, hạn chế", spec.weaknesses) + item("Nguyên nhân", spec.causes))
        section("BÀI HỌC KINH NGHIỆM", spec.lessons)
        section("PHƯƠNG HƯỚNG, NHIỆM VỤ", spec.nextSteps)
        section("ĐỀ XUẤT, KIẾN NGHỊ", spec.proposals)
        section("KHEN THƯỞNG", spec.awards)
        composed.sections = sections + document.sections

        // The plan under review opens the references ("Thực hiện Kế hoạch số …").
        if let plan = spec.plan, !document.references.contains(plan) {
            composed.references.insert(plan, at: 0)
        }
        return composed
    }

    /// The generated results: one sentence per indicator, the table by
    /// group, the leading units, the units that have not reported, the
    /// account of the rows read, and the table by unit when asked for.
    static func results(spec: ReportSpec, stats: ReportStatistics, reconciliation: Reconciliation, origin: SourcePosition) -> [Block] {
        var blocks: [Block] = []
        let indicators = stats.indicators.indicators
        let previousWord = spec.review == .soKet ? "đợt trước" : "kỳ trước"

        var sentences: [Block] = []
        for indicator in indicators {
            guard let totals = stats.totals(for: indicator.key) else { continue }
            sentences.append(.bullet(sentence(for: indicator, totals: totals, previousWord: previousWord), blocks: [], origin))
        }
        sentences = punctuated(sentences)
        blocks += [.item(title: "Kết quả chung", blocks: [
            .paragraph("Tổng hợp từ báo cáo của \(VietnameseNumber.integer(stats.unitCount)) đơn vị, kết quả chủ yếu như sau:", origin),
        ] + sentences, origin)]

        blocks += [.item(title: "Kết quả theo khối, cụm", blocks: [.table(groupTable(stats), origin)], origin)]

        var leaders: [Block] = []
        // Rank what units achieve (targets, money), not their size.
        let ranked = indicators.filter { !$0.isComputed && ($0.target != nil || $0.kind == .money || stats.totals(for: $0.key)?.unitsWithOwnTarget ?? 0 > 0) }
        for indicator in ranked where spec.topCount > 0 {
            let top = stats.top(spec.topCount, by: indicator.key)
            guard !top.isEmpty, top.contains(where: { $0.value > 0 }) else { continue }
            let names = top.map { "\($0.name) (\(ReportFigureText.value($0.value, of: indicator)))" }
            leaders.append(.bullet("\(indicator.name): \(names.joined(separator: ", "));", blocks: [], origin))
            if leaders.count >= 5 { break }
        }
        leaders = punctuated(leaders.map { block in
            if case .bullet(let text, let children, let position) = block { return .bullet(String(text.dropLast()), blocks: children, position) }
            return block
        })
        if !leaders.isEmpty {
            blocks += [.item(title: "Các đơn vị dẫn đầu", blocks: leaders, origin)]
        }

        var missing: [Block] = []
        if stats.missingUnits.isEmpty {
            missing.append(.paragraph("Tất cả các đơn vị trong danh sách đã gửi báo cáo.", origin))
        } else {
            missing.append(.paragraph("Còn \(stats.missingUnits.count) đơn vị chưa gửi báo cáo:", origin))
            for unit in stats.missingUnits {
                missing.append(.bullet(unit.group.map { "\(unit.name) (\($0))" } ?? unit.name, blocks: [], origin))
            }
        }
        missing.append(.paragraph("Nguồn số liệu: \(reconciliation.summary(formatCount: VietnameseNumber.integer)).", origin))
        blocks += [.item(title: "Tình hình báo cáo của các đơn vị", blocks: missing, origin)]

        if spec.unitTable {
            blocks += [.item(title: "Kết quả từng đơn vị", blocks: [.table(unitTable(stats), origin)], origin)]
        }
        return blocks
    }

    /// The indicator's own sentence pattern, or the standard one:
    /// "Phát triển đoàn viên: 3.120 đoàn viên, đạt 89,1% chỉ tiêu (3.500 đoàn viên)";
    /// either way followed by the change against the previous phase.
    static func sentence(for indicator: Indicator, totals: IndicatorTotals, previousWord: String) -> String {
        let value: String
        let bare: String
        if indicator.isComputed {
            value = ReportFigureText.percent(totals.ratio) ?? "chưa tính được"
            bare = value
        } else {
            value = ReportFigureText.value(totals.total, of: indicator)
            bare = indicator.kind == .count ? ReportFigureText.number(totals.total, of: indicator) : value
        }
        let percentOfTarget = ReportFigureText.percent(totals.ofTarget)
        let target: String? = totals.target.map { target in
            indicator.isComputed ? "\(VietnameseNumber.integer(target))%" : ReportFigureText.value(target, of: indicator)
        }
        var text: String
        if let pattern = indicator.sentence {
            text = pattern
            let fills: [(String, String)] = [
                ("gia_tri", bare), ("chi_tieu", target ?? "—"), ("ty_le", percentOfTarget ?? "—"),
                ("don_vi_tinh", indicator.unit), ("so_don_vi", VietnameseNumber.integer(totals.reportingUnits)),
                ("so_don_vi_dat", VietnameseNumber.integer(totals.unitsReachingOwnTarget)),
            ]
            for (key, replacement) in fills {
                text = text.replacingOccurrences(of: "{\(key)}", with: replacement)
            }
            text = text.prefix(1).uppercased() + text.dropFirst()
        } else {
            text = "\(indicator.name): \(value)"
            if indicator.isComputed, let denominator = totals.denominatorTotal {
                text += " (\(VietnameseNumber.integer(totals.total))/\(VietnameseNumber.integer(denominator)))"
            }
            if let percentOfTarget, let target {
                text += ", đạt \(percentOfTarget) chỉ tiêu (\(target))"
            }
            if totals.unitsWithOwnTarget > 0 {
                text += "; \(VietnameseNumber.integer(totals.unitsReachingOwnTarget))/\(VietnameseNumber.integer(totals.unitsWithOwnTarget)) đơn vị đạt chỉ tiêu được giao"
            }
        }
        if let change = totals.change {
            text += changePhrase(change, indicator: indicator, previousWord: previousWord)
        }
        return text
    }

    /// "; so với đợt trước tăng 150 đoàn viên (23,5%)".
    static func changePhrase(_ change: IndicatorChange, indicator: Indicator, previousWord: String) -> String {
        if indicator.isComputed {
            guard let difference = change.ratioDifference, let points = difference.percent(fractionDigits: 1) else { return "" }
            if points == 0 { return "; bằng \(previousWord)" }
            let word = points > 0 ? "tăng" : "giảm"
            return "; so với \(previousWord) \(word) \(VietnameseNumber.decimal(Swift.abs(points), scale: 1)) điểm phần trăm"
        }
        guard let absolute = change.absolute else { return "" }
        if absolute == 0 { return "; bằng \(previousWord)" }
        let word = absolute > 0 ? "tăng" : "giảm"
        let amount = ReportFigureText.value(Swift.abs(absolute), of: indicator)
        if let relative = change.relative, let pct = relative.percent(fractionDigits: 1) {
            return "; so với \(previousWord) \(word) \(amount) (\(VietnameseNumber.decimal(Swift.abs(pct), scale: 1))%)"
        }
        return "; so với \(previousWord) \(word) \(amount)"
    }

    /// Bullets of a list end with ";" and the last one with ".".
    static func punctuated(_ bullets: [Block]) -> [Block] {
        bullets.enumerated().map { index, block in
            guard case .bullet(let text, let children, let position) = block else { return block }
            return .bullet(text + (index == bullets.count - 1 ? "." : ";"), blocks: children, position)
        }
    }

    /// Indicators down, groups across, then the total and % of target:
    /// with eight or more indicators this stays narrower than the other way round.
    static func groupTable(_ stats: ReportStatistics) -> Table {
        let groups = stats.groups
        var headers = ["Chỉ tiêu", "ĐVT"]
        headers += groups.map { $0.name.isEmpty ? "Khác" : $0.name }
        headers += ["Tổng cộng", "% chỉ tiêu"]
        var rows: [[String]] = []
        for indicator in stats.indicators.indicators {
            guard let totals = stats.totals(for: indicator.key) else { continue }
            var row = [indicator.name, indicator.unit]
            for group in groups {
                row.append(cell(indicator, group.totals(for: indicator.key)))
            }
            row.append(cell(indicator, totals))
            row.append(ReportFigureText.percent(totals.ofTarget) ?? "")
            rows.append(row)
        }
        let alignments: [Table.Alignment] = [.left, .left] + Array(repeating: .right, count: groups.count + 2)
        return Table(headers: headers, rows: rows, alignments: alignments)
    }

    static func cell(_ indicator: Indicator, _ totals: IndicatorTotals?) -> String {
        guard let totals else { return "" }
        if indicator.isComputed { return ReportFigureText.percent(totals.ratio) ?? "" }
        return ReportFigureText.number(totals.total, of: indicator)
    }

    /// One row per unit, grouped, with a subtotal row per group and the
    /// grand total (emphasized).
    static func unitTable(_ stats: ReportStatistics) -> Table {
        let indicators = stats.indicators.indicators
        var rows: [[String]] = []
        var emphasized: Set<Int> = []
        var serial = 0
        for group in stats.groups {
            for unit in group.units {
                serial += 1
                var row = [String(serial), stats.name(ofUnit: unit)]
                for indicator in indicators {
                    if indicator.isComputed {
                        row.append(ReportFigureText.percent(stats.ratio(ofUnit: unit, key: indicator.key)) ?? "")
                    } else {
                        row.append(stats.value(ofUnit: unit, key: indicator.key).map { ReportFigureText.number($0, of: indicator) } ?? "")
                    }
                }
                rows.append(row)
            }
            emphasized.insert(rows.count)
            rows.append(["", "Cộng \(group.name.isEmpty ? "khác" : group.name)"] + indicators.map { cell($0, group.totals(for: $0.key)) })
        }
        emphasized.insert(rows.count)
        rows.append(["", "TỔNG CỘNG"] + indicators.map { cell($0, stats.totals(for: $0.key)) })
        let headers = ["STT", "Đơn vị"] + indicators.map { $0.name }
        return Table(headers: headers, rows: rows, alignments: [.right, .left] + Array(repeating: .right, count: indicators.count),
                     emphasized: emphasized)
    }
}
