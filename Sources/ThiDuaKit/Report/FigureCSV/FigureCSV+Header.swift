/// What a column of a figures file holds, decided from its header cell.
enum FigureColumnRole: Hashable {
    /// The unit name ("Đơn vị", `don_vi`).
    case unitName
    /// The group the unit belongs to ("Khối", "Cụm", "Huyện", `nhom`).
    case group
    /// A row number ("STT"), which carries no figure and is ignored silently.
    case serial
    /// The figure of the indicator at this index.
    case value(Int)
    /// The unit's own target for the indicator at this index.
    case target(Int)
    /// A computed (ratio) indicator: the figure is recomputed, the column ignored.
    case computed(Int)
    /// A header with no meaning here, or an empty header cell; ignored.
    case ignored
}

/// Maps header cells to roles, accepting keys and Vietnamese names after NFC + case folding.
struct FigureHeaderMatcher {
    private var roleByHeader: [String: FigureColumnRole] = [:]
    /// Everything the clerk could have meant, for "did you mean" suggestions.
    private var suggestions: [String] = []

    static let unitNameHeaders = ["don_vi", "ten_don_vi", "đơn vị", "tên đơn vị", "đơn vị báo cáo", "tên"]
    static let groupHeaders = ["nhom", "khoi", "cum", "huyen", "nhóm", "khối", "cụm", "huyện", "quận/huyện",
                               "khối/cụm", "cụm thi đua", "khối thi đua"]
    static let serialHeaders = ["stt", "tt", "số tt", "số thứ tự", "so_tt"]

    init(indicators: IndicatorSet) {
        func add(_ header: String, _ role: FigureColumnRole, suggest: Bool = true) {
            let folded = ReportText.folded(header)
            if roleByHeader[folded] == nil { roleByHeader[folded] = role }
            if suggest { suggestions.append(header) }
        }
        for header in Self.unitNameHeaders { add(header, .unitName, suggest: header == "don_vi" || header == "đơn vị") }
        for header in Self.groupHeaders { add(header, .group, suggest: header == "nhom" || header == "nhóm") }
        for header in Self.serialHeaders { add(header, .serial, suggest: false) }
        for (i, indicator) in indicators.indicators.enumerated() {
            if indicator.isComputed {
                add(indicator.key, .computed(i))
                add(indicator.name, .computed(i))
                // A rate's target column (the summary workbook's "Chỉ tiêu" under a rate)
                // holds the target percentage, not figures: passed over.
                add("chi_tieu_\(indicator.key)", .ignored, suggest: false)
                add("chỉ tiêu \(indicator.name)", .ignored, suggest: false)
                continue
            }
            add(indicator.key, .value(i))
            add(indicator.name, .value(i))
            add(indicator.targetColumnHeader, .target(i))
            add("chi_tieu_\(indicator.key)", .target(i), suggest: false)
            add("chỉ tiêu \(indicator.name)", .target(i), suggest: false)
        }
    }

    /// The role of a header cell, or nil when unknown.
    func role(of header: String) -> FigureColumnRole? {
        let folded = ReportText.folded(header)
        if folded.isEmpty { return .ignored }
        if let role = roleByHeader[folded] { return role }
        // "Số CĐCS (CĐCS)": thidua's own workbook, and many forms, put the unit of
        // measure after the name.
        // "… [triệu đồng]", "… - triệu đồng": other ways forms set the unit off.
        for (close, open) in [(")", "("), ("]", "[")] where folded.hasSuffix(close) {
            if let start = folded.range(of: open, options: .backwards)?.lowerBound {
                let bare = folded[..<start].trimmingCharacters(in: .whitespaces)
                if !bare.isEmpty, let role = roleByHeader[bare] { return role }
            }
        }
        if let dash = folded.range(of: " - ", options: .backwards) {
            let bare = folded[..<dash.lowerBound].trimmingCharacters(in: .whitespaces)
            if !bare.isEmpty, let role = roleByHeader[bare] { return role }
        }
        return nil
    }

    /// The multiple of đồng a money column's header states in brackets ("Giá trị làm lợi
    /// (triệu đồng)" → 1.000.000), or nil for đồng or no unit. Read as đồng, a column in
    /// millions would state every sum a million times too small.
    func moneyMultiple(of header: String) -> Int64? {
        let folded = ReportText.folded(header)
        let unit: Substring
        if let close = folded.last, close == ")" || close == "]",
           let open = folded.lastIndex(of: close == ")" ? "(" : "[") {
            unit = folded[folded.index(after: open)..<folded.index(before: folded.endIndex)]
        } else if let dash = folded.range(of: " - ", options: .backwards) {
            unit = folded[dash.upperBound...]
        } else {
            return nil
        }
        return Self.moneyMultiples[unit.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")]
    }

    /// Units of money in brackets, spaces removed, and what one of them is in đồng.
    static let moneyMultiples: [String: Int64] = [
        "triệuđồng": 1_000_000, "triệu": 1_000_000, "tr.đ": 1_000_000, "trđ": 1_000_000, "tr.đồng": 1_000_000, "trđồng": 1_000_000,
        "nghìnđồng": 1_000, "ngànđồng": 1_000, "nghìn": 1_000, "ngàn": 1_000, "1.000đồng": 1_000, "1000đồng": 1_000, "1.000đ": 1_000,
        "tỷđồng": 1_000_000_000, "tỷ": 1_000_000_000, "tỉđồng": 1_000_000_000,
    ]

    /// The known header closest to an unknown one, if it looks like a typo.
    func suggestion(for header: String) -> String? {
        let folded = ReportText.folded(header)
        var best: (String, Int)?
        for candidate in suggestions {
            let d = ReportText.editDistance(folded, ReportText.folded(candidate))
            if best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        guard let (candidate, distance) = best, distance <= max(2, folded.count / 3) else { return nil }
        return candidate
    }
}
