/// One statement per fact: a rate says its count in the same sentence ("Có 428/432 CĐCS tổ
/// chức phát động thi đua, đạt 99,1%"), an amount that completes another figure joins its
/// sentence ("… 18 Mái ấm Công đoàn với tổng kinh phí 1,12 tỷ đồng"), and every change is
/// like for like with the previous phase.
extension ReportComposer {
    /// A statement: the indicator it is about and those whose figures it also gives.
    struct Statement {
        var indicator: Indicator
        var joined: [Indicator]
    }

    /// The statements in indicator order; an indicator shown inside another's statement has none.
    func statementPlan() -> [Statement] {
        let set = IndicatorSet(reported)
        var absorbed: Set<String> = []
        for indicator in set.indicators {
            guard case .ratio(let n, let d) = indicator.aggregation else { continue }
            let pattern = indicator.sentence
            for (operand, placeholder) in [(n, "{tu_so}"), (d, "{mau_so}")] {
                guard let operandIndicator = set[operand], pattern.map({ $0.contains(placeholder) }) ?? true,
                      !hasTarget(operandIndicator) else { continue }
                absorbed.insert(operand)
            }
        }
        var joinedTo: [String: [Indicator]] = [:]
        for indicator in set.indicators {
            if let host = indicator.joinedTo, set[host] != nil, !absorbed.contains(host) { joinedTo[host, default: []].append(indicator) }
        }
        var statements: [Statement] = []
        var placed: Set<String> = []
        for indicator in set.indicators {
            if let host = indicator.joinedTo, set[host] != nil, !absorbed.contains(host) { continue }
            // A rate stands where the first of its figures would have.
            var stated = indicator
            if absorbed.contains(indicator.key),
               let ratio = set.indicators.first(where: { if case .ratio(let n, let d) = $0.aggregation { return n == indicator.key || d == indicator.key } else { return false } }) {
                stated = ratio
            }
            guard placed.insert(stated.key).inserted else { continue }
            statements.append(Statement(indicator: stated, joined: joinedTo[stated.key] ?? []))
        }
        return statements
    }

    /// The statements as sentences, first letter capitalised, without final punctuation.
    func statements() -> [String] {
        statementPlan().compactMap { statement in
            guard let totals = stats.totals(for: statement.indicator.key) else { return nil }
            let (main, extras) = body(statement.indicator, totals)
            var text = main
            var changes: [String] = []
            if let change = totals.change { changes.append(changePart(change, statement.indicator, totals, noun: nil)) }
            for joined in statement.joined {
                guard let joinedTotals = stats.totals(for: joined.key) else { continue }
                text += joinedBody(joined, joinedTotals)
                if let change = joinedTotals.change {
                    changes.append(changePart(change, joined, joinedTotals, noun: Self.lowerFirst(joined.name)))
                }
            }
            text += extras
            changes = changes.filter { !$0.isEmpty }
            let unchanged = changes.allSatisfy { $0 == "không đổi" || $0.hasSuffix(" không đổi") }
            if !changes.isEmpty && unchanged {
                text += "; bằng \(previousWords)"
            } else if !changes.isEmpty {
                text += "; so với \(previousWords) " + changes.joined(separator: ", ")
            }
            return Self.upperFirst(text)
        }
    }

    func hasTarget(_ indicator: Indicator) -> Bool {
        indicator.target != nil || (stats.totals(for: indicator.key)?.unitsWithOwnTarget ?? 0) > 0
    }

    /// The values a sentence pattern can use; nil where there is nothing to say.
    func fills(_ indicator: Indicator, _ totals: IndicatorTotals) -> [String: String?] {
        // A rate over nothing (Σ denominator 0) has no value: its clause is left out.
        let value: String?
        if indicator.isComputed {
            value = ReportFigureText.percent(totals.ratio)
        } else {
            value = indicator.kind == .count ? ReportFigureText.number(totals.total, of: indicator) : ReportFigureText.value(totals.total, of: indicator)
        }
        let target: String? = totals.target.map { target in
            indicator.isComputed ? "\(VietnameseNumber.integer(target))%" : ReportFigureText.value(target, of: indicator)
        }
        var numerator: String?, denominator: String?
        if case .ratio = indicator.aggregation {
            numerator = VietnameseNumber.integer(totals.total)
            denominator = totals.denominatorTotal.map { VietnameseNumber.integer($0) }
        }
        return [
            "gia_tri": value, "chi_tieu": target, "ty_le": target == nil ? nil : ReportFigureText.percent(totals.ofTarget),
            "don_vi_tinh": indicator.unit, "so_don_vi": VietnameseNumber.integer(totals.reportingUnits),
            "so_don_vi_dat": totals.unitsWithOwnTarget > 0 ? VietnameseNumber.integer(totals.unitsReachingOwnTarget) : nil,
            "so_don_vi_giao": totals.unitsWithOwnTarget > 0 ? VietnameseNumber.integer(totals.unitsWithOwnTarget) : nil,
            "tu_so": numerator, "mau_so": denominator,
        ]
    }

    /// The indicator's own sentence pattern, or the standard one ("Tên: giá trị"); and the
    /// target and the units reaching their own targets when the pattern leaves them out,
    /// apart, so that a joined figure can come between ("18 Mái ấm Công đoàn với tổng kinh
    /// phí …, đạt … chỉ tiêu").
    func body(_ indicator: Indicator, _ totals: IndicatorTotals) -> (main: String, extras: String) {
        var values = fills(indicator, totals)
        let pattern: String
        if let sentence = indicator.sentence {
            pattern = sentence
        } else if indicator.isComputed {
            pattern = "\(indicator.name): {gia_tri} ({tu_so}/{mau_so})"
        } else {
            pattern = indicator.kind == .count ? "\(indicator.name): {gia_tri} {don_vi_tinh}" : "\(indicator.name): {gia_tri}"
        }
        // The attainment of units' own targets when some units were given none: on what it is
        // computed, inside the target's brackets when the pattern has them ("({chi_tieu})").
        var basis = totals.targetedTotal.map { targeted in
            "tính trên \(VietnameseNumber.integer(totals.unitsWithOwnTarget)) đơn vị được giao chỉ tiêu: \(ReportFigureText.value(targeted, of: indicator))"
        }
        let target = values["chi_tieu"] ?? nil
        if let given = basis, let target, pattern.contains("({chi_tieu})"), pattern.contains("{ty_le}") {
            values["chi_tieu"] = "\(target); \(given)"
            basis = nil
        }
        let main = Self.fill(pattern, values)
        var extras = ""
        if !pattern.contains("{ty_le}") && !pattern.contains("{chi_tieu}"), let target {
            if indicator.isComputed {
                extras += " (chỉ tiêu \(target))"
            } else if let percent = values["ty_le"] ?? nil {
                extras += ", đạt \(percent) chỉ tiêu (\(target)\(basis.map { "; \($0)" } ?? ""))"
            }
        } else if pattern.contains("{ty_le}"), let basis {
            extras += " (tỷ lệ đạt chỉ tiêu \(basis))"
        }
        if !pattern.contains("{so_don_vi_dat}"), totals.unitsWithOwnTarget > 0 {
            let reached = "\(VietnameseNumber.integer(totals.unitsReachingOwnTarget))/\(VietnameseNumber.integer(totals.unitsWithOwnTarget)) đơn vị"
            if indicator.isComputed, let target {
                extras += "; \(reached) đạt \(target)"
            } else {
                extras += "; \(reached) đạt chỉ tiêu được giao"
            }
        }
        return (main, extras)
    }

    /// The part a joined indicator adds to its host's sentence: " với tổng kinh phí 1,12 tỷ
    /// đồng" (its own pattern) or ", kinh phí …: 1,12 tỷ đồng".
    func joinedBody(_ indicator: Indicator, _ totals: IndicatorTotals) -> String {
        let (main, extras) = body(indicator, totals)
        return (indicator.sentence == nil ? ", " : " ") + Self.lowerFirst(main) + extras
    }

    /// "tăng 134 đoàn viên (20,5%)", "giảm 1,7 điểm phần trăm", "không đổi"; prefixed with
    /// the joined indicator's noun. When the compared units' figure now is not the total
    /// stated (a unit without previous figures), or the units are fewer than those of the
    /// whole comparison (empty cells), both compared figures are given: "tăng 139 đoàn viên
    /// (23,0%; tính trên 37 đơn vị: 882 so với 743 đoàn viên)".
    func changePart(_ change: IndicatorChange, _ indicator: Indicator, _ totals: IndicatorTotals, noun: String?) -> String {
        var words: String
        var details: [String] = []
        if indicator.isComputed {
            guard let difference = change.ratioDifference, let points = difference.changePercent(fractionDigits: 1) else { return "" }
            let direction = difference.numerator > 0 ? "tăng" : "giảm"
            if difference.numerator == 0 {
                words = "không đổi"
            } else if points == 0 {
                // Too small for one decimal: "tăng 0,1" would overstate it, "tăng 0,0" reads as no change.
                words = "\(direction) dưới 0,1 điểm phần trăm"
            } else {
                words = "\(direction) \(VietnameseNumber.decimal(Swift.abs(points), scale: 1)) điểm phần trăm"
            }
        } else {
            guard let absolute = change.absolute else { return "" }
            if absolute == 0 {
                words = "không đổi"
            } else {
                words = "\(absolute > 0 ? "tăng" : "giảm") \(ReportFigureText.value(Swift.abs(absolute), of: indicator))"
                if let relative = change.relative, let percent = relative.changePercent(fractionDigits: 1) {
                    details.append(percent == 0 ? "dưới 0,1%" : "\(VietnameseNumber.decimal(Swift.abs(percent), scale: 1))%")
                }
            }
        }
        let allUnits = change.units == stats.comparison?.pairedUnits
        let sameFigure = indicator.isComputed ? change.currentRatio == totals.ratio : change.currentTotal == totals.total
        if !allUnits || !sameFigure {
            let units = VietnameseNumber.integer(change.units) + (allUnits ? " đơn vị" : " đơn vị có số liệu cả hai kỳ")
            let now: String?, then: String?
            if indicator.isComputed {
                now = ReportFigureText.percent(change.currentRatio)
                then = ReportFigureText.percent(change.previousRatio)
            } else {
                // "10.924 so với 9.064 cá nhân"; amounts keep their own unit ("tỷ", "triệu").
                now = indicator.kind == .count ? ReportFigureText.number(change.currentTotal, of: indicator)
                    : ReportFigureText.value(change.currentTotal, of: indicator)
                then = ReportFigureText.value(change.previousTotal, of: indicator)
            }
            if let now, let then {
                details.append("tính trên \(units): \(now) so với \(then)")
            } else {
                details.append("tính trên \(units)")
            }
        }
        if !details.isEmpty { words += " (\(details.joined(separator: "; ")))" }
        return noun.map { "\($0) \(words)" } ?? words
    }

    /// Fills `{placeholder}`s. A clause (text between ", " or "; ") whose placeholder has no
    /// value is left out whole, so "…, đạt {ty_le} chỉ tiêu" disappears without a target.
    static func fill(_ pattern: String, _ values: [String: String?]) -> String {
        var clauses: [(separator: String, text: String)] = []
        var current = ""
        var separator = ""
        var rest = Substring(pattern)
        while !rest.isEmpty {
            if rest.hasPrefix(", ") || rest.hasPrefix("; ") {
                clauses.append((separator, current))
                separator = String(rest.prefix(2))
                current = ""
                rest = rest.dropFirst(2)
            } else {
                current.append(rest.removeFirst())
            }
        }
        clauses.append((separator, current))
        var result = ""
        for (index, clause) in clauses.enumerated() {
            var text = clause.text
            var complete = true
            for (key, value) in values where text.contains("{\(key)}") {
                if let value { text = text.replacingOccurrences(of: "{\(key)}", with: value) } else { complete = false }
            }
            if !complete && index == 0 {
                for (key, value) in values where value == nil { text = text.replacingOccurrences(of: "{\(key)}", with: "—") }
            }
            guard complete || index == 0 else { continue }
            result += (result.isEmpty ? "" : clause.separator) + text
        }
        return result
    }

    static func upperFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "Kinh phí Mái ấm" → "kinh phí Mái ấm"; an abbreviation ("CĐCS vững mạnh") is kept.
    static func lowerFirst(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count >= 2, characters[0].isUppercase, !characters[1].isUppercase else { return text }
        return characters[0].lowercased() + String(characters.dropFirst())
    }
}
