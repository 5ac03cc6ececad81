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
    /// The keys of the report's indicators.
    private var chosenKeys: Set<String> = []

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
        chosenKeys = Set(indicators.indicators.map(\.key))
    }

    /// The key of the default indicator an unknown `header` names when the report does not
    /// list it in `chi_tieu`, or nil: a column of one is not unknown, only not chosen.
    func unchosenIndicator(_ header: String) -> String? {
        let folded = ReportText.folded(header)
        var key = Self.defaultIndicatorHeaders[folded]
        // "Sáng kiến (sáng kiến)": the unit of measure after the name, as `role(of:)` reads it.
        if key == nil, folded.last == ")", let split = FigureHeaderText.bracketed(folded) {
            key = Self.defaultIndicatorHeaders[split.name.trimmingCharacters(in: .whitespaces)]
        }
        return key.flatMap { chosenKeys.contains($0) ? nil : $0 }
    }

    /// The headers of the default indicators (key, name, and of their targets), folded once.
    private static let defaultIndicatorHeaders: [String: String] = {
        var table: [String: String] = [:]
        for indicator in IndicatorSet.default.indicators {
            for header in [indicator.key, indicator.name, "chi_tieu_\(indicator.key)", "chỉ tiêu \(indicator.name)"] {
                let folded = ReportText.folded(header)
                if table[folded] == nil { table[folded] = indicator.key }
            }
        }
        return table
    }()

    /// True when `header` is a key or name as a whole ("Quỹ hỗ trợ (Tết)" named so in
    /// `chi_tieu`): nothing after it was stripped, so it states no unit.
    func matchesWhole(_ header: String) -> Bool {
        roleByHeader[ReportText.folded(header)] != nil
    }

    /// The role of a header cell, or nil when unknown.
    func role(of header: String) -> FigureColumnRole? {
        let folded = ReportText.folded(header)
        if folded.isEmpty { return .ignored }
        if let role = roleByHeader[folded] { return role }
        // "Số CĐCS (CĐCS)": thidua's own workbook, and many forms, put the unit of
        // measure after the name; "… [triệu đồng]", "… - triệu đồng": other ways forms
        // set the unit off.
        if let split = FigureHeaderText.bracketed(folded), let role = nameRole(split.name) { return role }
        if let split = FigureHeaderText.dashed(folded), let role = nameRole(split.name) { return role }
        return nil
    }

    /// The role of the name part of a header, trimmed; nil when empty or unknown.
    private func nameRole(_ name: Substring) -> FigureColumnRole? {
        let bare = name.trimmingCharacters(in: .whitespaces)
        return bare.isEmpty ? nil : roleByHeader[bare]
    }

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
