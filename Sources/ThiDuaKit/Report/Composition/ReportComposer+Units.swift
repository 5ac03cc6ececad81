/// Which annexes a report has, in order, decided from the data before any text is written
/// (the text says "danh sách tại Phụ lục II").
struct AnnexPlan {
    enum Kind: Equatable {
        /// The table of every unit (`bang_don_vi: true`).
        case units
        /// The units that have not reported, and those with figures for one period only.
        case lists
    }

    let kinds: [Kind]
    /// True when the units that have not reported are listed in the annex, not the text.
    let missingInAnnex: Bool
    /// True when the units with figures for one period only are listed in the annex.
    let comparisonInAnnex: Bool

    init(spec: ReportSpec, stats: ReportStatistics) {
        let missing = stats.missingUnits.count
        missingInAnnex = missing > 0 && (spec.missingUnitsPlacement == .annex || missing > ReportComposer.inlineListLimit)
        let oneSided = stats.comparison.map { $0.onlyCurrent.count + $0.onlyPrevious.count } ?? 0
        comparisonInAnnex = oneSided > ReportComposer.inlineComparisonLimit
        var kinds: [Kind] = []
        if spec.unitTable, stats.unitCount > 0 { kinds.append(.units) }
        if missingInAnnex || comparisonInAnnex { kinds.append(.lists) }
        self.kinds = kinds
    }

    /// "Phụ lục", "Phụ lục II": how the text names the annex of a kind, if there is one.
    func reference(to kind: Kind) -> String? {
        kinds.firstIndex(of: kind).map { Annex.reference(index: $0, count: kinds.count) }
    }
}

extension ReportComposer {
    /// The units that have not reported, where the data puts them: a list with the
    /// punctuation of an official text ("- A;" … "- B."), or a sentence pointing to the annex.
    func missingUnitsBlocks(in placement: MissingUnitsPlacement) -> [Block] {
        let missing = stats.missingUnits
        guard !missing.isEmpty else { return [] }
        let wanted: MissingUnitsPlacement = spec.missingUnitsPlacement == .results ? .results : .weaknesses
        guard placement == wanted else { return [] }
        let count = VietnameseNumber.integer(missing.count)
        let of = expectedCount.map { "/\(VietnameseNumber.integer($0))" } ?? ""
        if annexPlan.missingInAnnex, let reference = annexPlan.reference(to: .lists) {
            return [.paragraph("Còn \(count)\(of) đơn vị chưa gửi báo cáo (danh sách tại \(reference)).", origin)]
        }
        let bullets = missing.map { Block.bullet(Self.unitLabel($0.name, group: $0.group), blocks: [], origin) }
        return [.paragraph("Còn \(count)\(of) đơn vị chưa gửi báo cáo:", origin)] + Self.punctuated(bullets)
    }

    /// Over which units the comparison with the previous phase is made, and which units
    /// it leaves out: "Các số liệu so với cùng kỳ tính trên 38 đơn vị có số liệu cả hai
    /// kỳ; không so sánh 2 đơn vị chỉ có số liệu cùng kỳ (A, B)."
    func comparisonSentence() -> String? {
        guard let comparison = stats.comparison else { return nil }
        let words = previousWords
        guard comparison.pairedUnits > 0 else {
            return "Không có đơn vị nào có số liệu cả kỳ này và \(words) nên báo cáo không so sánh với \(words)."
        }
        var text = "Các số liệu so với \(words) tính trên \(VietnameseNumber.integer(comparison.pairedUnits)) đơn vị có số liệu cả hai kỳ"
        var left: [String] = []
        func names(_ list: [String]) -> String {
            annexPlan.comparisonInAnnex ? "" : " (" + list.joined(separator: ", ") + ")"
        }
        if !comparison.onlyPrevious.isEmpty {
            left.append("\(VietnameseNumber.integer(comparison.onlyPrevious.count)) đơn vị chỉ có số liệu \(words)"
                        + names(comparison.onlyPrevious.map { Abbreviation.protected($0.name) }))
        }
        if !comparison.onlyCurrent.isEmpty {
            left.append("\(VietnameseNumber.integer(comparison.onlyCurrent.count)) đơn vị chỉ có số liệu kỳ này"
                        + names(comparison.onlyCurrent.map { Abbreviation.protected(stats.name(ofUnit: $0)) }))
        }
        if !left.isEmpty {
            text += "; không so sánh " + left.joined(separator: " và ")
            if annexPlan.comparisonInAnnex, let reference = annexPlan.reference(to: .lists) {
                text += " (danh sách tại \(reference))"
            }
        }
        return text + "."
    }

    /// The annexes: the table of every unit, then the long lists.
    func annexes() -> [Annex] {
        annexPlan.kinds.map { kind in
            switch kind {
            case .units:
                return Annex(title: "KẾT QUẢ THI ĐUA CỦA TỪNG ĐƠN VỊ", blocks: [.table(unitTable(), origin)], landscape: true)
            case .lists:
                return listsAnnex()
            }
        }
    }

    /// The units that have not reported and those with figures for one period only, each
    /// as a numbered table (STT, unit, group).
    func listsAnnex() -> Annex {
        var blocks: [Block] = []
        var titles: [String] = []
        func list(_ title: String, _ rows: [(name: String, group: String)]) {
            let table = Table(headers: ["STT", "Đơn vị", "Khối, cụm"],
                              rows: rows.enumerated().map { [String($0.offset + 1), $0.element.name, $0.element.group] },
                              alignments: [.right, .left, .left], headerColumns: 2)
            blocks.append(.item(title: title, blocks: [.table(table, origin)], origin))
        }
        if annexPlan.missingInAnnex {
            titles.append("ĐƠN VỊ CHƯA GỬI BÁO CÁO")
            list("Đơn vị chưa gửi báo cáo", stats.missingUnits.map { ($0.name, $0.group ?? "") })
        }
        if annexPlan.comparisonInAnnex, let comparison = stats.comparison {
            titles.append("ĐƠN VỊ CHỈ CÓ SỐ LIỆU MỘT KỲ")
            if !comparison.onlyPrevious.isEmpty {
                list("Đơn vị chỉ có số liệu \(previousWords)", comparison.onlyPrevious.map { ($0.name, $0.group) })
            }
            if !comparison.onlyCurrent.isEmpty {
                list("Đơn vị chỉ có số liệu kỳ này", comparison.onlyCurrent.map { (stats.name(ofUnit: $0), stats.group(ofUnit: $0)) })
            }
        }
        if blocks.count == 1, case .item(_, let inner, _) = blocks[0] { blocks = inner }
        return Annex(title: "DANH SÁCH " + titles.joined(separator: " VÀ "), blocks: blocks)
    }
}
