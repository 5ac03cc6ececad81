/// The phases of a plan as content blocks: the introduction (a paragraph, or a numbered item
/// with the phases under it), then for each phase a paragraph with its dates and theme, its
/// salutes (a list after a lead-in, or in the same paragraph), and its review.
enum PhaseLayout {
    static let defaultLeadIn = "Thi đua lập thành tích chào mừng:"

    static func blocks(for document: Document) -> [Block] {
        let phases = document.phases
        guard let first = phases.first else { return [] }
        let intro = document.phasesIntro ?? PhasesIntro(text: "Phong trào thi đua được chia thành \(phases.count) đợt như sau:",
                                                        position: first.position)
        let content = phases.flatMap { blocks(for: $0, in: document) }
        if intro.asItem {
            return [.item(title: intro.text, blocks: content, intro.position)]
        }
        return [.paragraph(intro.text, intro.position)] + content
    }

    static func blocks(for phase: Phase, in document: Document) -> [Block] {
        var text = "**\(phase.name):** \(span(phase))"
        if let theme = phase.theme {
            text += ": \(theme)"
        }
        let salutes = phase.commemorations.compactMap { document.salutePhrase($0, in: phase) }
        let leadIn = phase.saluteLeadIn ?? document.saluteLeadIn ?? defaultLeadIn
        var blocks: [Block] = []
        if phase.salutesInline, !salutes.isEmpty {
            text = Self.ending(text, with: ".") + " \(leadIn) " + salutes.enumerated().map { index, phrase in
                index == 0 && leadIn.hasSuffix(":") ? phrase : lowercasingFirst(phrase)
            }.joined(separator: "; ") + "."
            blocks.append(.paragraph(text, phase.position))
        } else {
            blocks.append(.paragraph(ending(text, with: "."), phase.position))
            if !salutes.isEmpty {
                blocks.append(.paragraph(leadIn, phase.position))
                for (index, phrase) in salutes.enumerated() {
                    blocks.append(.bullet(phrase + (index == salutes.count - 1 ? "." : ";"), blocks: [], phase.position))
                }
            }
        }
        if let sentence = reviewSentence(phase, in: document) {
            blocks.append(.paragraph(sentence, phase.position))
        }
        return blocks
    }

    /// "Từ ngày 01/01/2025 đến ngày 31/8/2025", "Từ tháng 01/2015 đến ngày 30/6/2015",
    /// "Từ đầu năm đến ngày 31/8/2017", "Từ ngày 01/9/2025 đến cuối năm 2025".
    static func span(_ phase: Phase) -> String {
        let start: String
        switch phase.startBound {
        case .day: start = "ngày \(phase.start.value.short())"
        case .month: start = "tháng \(monthYear(phase.start.value))"
        case .yearEdge: start = "đầu năm"
        }
        let end: String
        switch phase.endBound {
        case .day: end = "ngày \(phase.end.value.short())"
        case .month: end = "hết tháng \(monthYear(phase.end.value))"
        case .yearEdge: end = "cuối năm \(phase.end.value.year)"
        }
        return "Từ \(start) đến \(end)"
    }

    /// "01/2015", "6/2015" (months 1 and 2 with a leading zero, as in dates).
    static func monthYear(_ date: CivilDate) -> String {
        "\(DayMonthStyle.official.month(date.month))/\(date.year)"
    }

    /// "Sơ kết đợt 1 trước ngày 15/9/2025.", "Sơ kết đợt 1 vào dịp kỷ niệm 96 năm Ngày thành
    /// lập Công đoàn Việt Nam (28/7/2025).", "Tổng kết phong trào thi đua năm 2025 vào cuối năm 2025."
    static func reviewSentence(_ phase: Phase, in document: Document) -> String? {
        guard let review = phase.review else { return nil }
        var sentence = review == .tongKet ? "Tổng kết \(document.movementName)" : "Sơ kết \(phase.name.lowercased())"
        if let deadline = phase.reviewDeadline {
            sentence += " trước ngày \(deadline.value.short())"
        } else if let occasion = phase.reviewOccasion {
            switch occasion.value {
            case .endOfYear:
                sentence += " vào cuối năm \(phase.end.value.year)"
            case .commemoration(let key):
                if let found = document.reviewAnniversary(key, for: phase) {
                    sentence += " vào dịp kỷ niệm \(found.years) năm \(found.commemoration.name) (\(found.date.short(document.anniversaryStyle)))"
                }
            }
        }
        return sentence + "."
    }

    static func ending(_ text: String, with stop: String) -> String {
        text.hasSuffix(".") || text.hasSuffix(":") || text.hasSuffix("./.") ? text : text + stop
    }

    static func lowercasingFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }
}

extension Document {
    /// The anniversary a review "vào dịp …" is held at: the first one on or after the phase's start.
    public func reviewAnniversary(_ key: String, for phase: Phase) -> Anniversary? {
        guard let entry = commemorationCatalog[key] else { return nil }
        for year in phase.start.value.year...(phase.end.value.year + 1) {
            if let date = entry.date(in: year), date >= phase.start.value, entry.years(in: year) > 0 {
                return Anniversary(commemoration: entry, years: entry.years(in: year), date: date)
            }
        }
        return nil
    }
}
