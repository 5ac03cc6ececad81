/// A plan against the upper level's plan it answers (cited by `tep:`), beyond phases and
/// deadlines (`Document+LinkedChecks.swift`): its start, its targets, the sections still
/// copied word for word, and the year of the plan it cites.
extension Document {
    /// Every check of this file, for `checkWithin`.
    func checkDerived(from parent: Document, citedAs name: String, at citation: SourcePosition) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if let period, let theirs = parent.period, period.start.value < theirs.start.value {
            result.append(.warning("thời gian phong trào bắt đầu \(period.start.value.short()), trước thời gian của \(name) (\(theirs.start.value.short()))",
                                   at: period.start.position, hint: "bắt đầu không sớm hơn \(theirs.start.value.short())"))
        }
        if parent.movementYear < movementYear {
            result.append(.warning("\(name) là kế hoạch năm \(parent.movementYear), văn bản này cho năm \(movementYear)",
                                   at: citation, hint: "dẫn kế hoạch năm \(movementYear) của cấp trên thay cho kế hoạch năm trước"))
        }
        result += checkTargets(against: parent, citedAs: name)
        let theirs = Set(parent.sections.map(\.wordsDigest))
        for section in sections where !section.blocks.isEmpty && theirs.contains(section.wordsDigest) {
            result.append(.warning("mục \"\(section.title)\" còn chép nguyên văn từ \(name)", at: section.position,
                                   hint: "viết lại cho phù hợp với đơn vị mình (nhiệm vụ, chỉ tiêu, tên đơn vị)"))
        }
        return result
    }

    /// The plan's targets (`cac_chi_tieu`) against the parent's: a target the parent does not
    /// set, a rate below the parent's (the parent's 100% binds every level), an amount above
    /// the parent's whole (a part cannot exceed it).
    func checkTargets(against parent: Document, citedAs name: String) -> [Diagnostic] {
        guard !targets.isEmpty else { return [] }
        var result: [Diagnostic] = []
        let theirs = Dictionary(parent.targets.map { ($0.key.value, $0) }, uniquingKeysWith: { first, _ in first })
        for target in targets {
            let key = target.key.value
            guard let parentTarget = theirs[key] else {
                if !parent.targets.isEmpty {
                    let near = KeySuggestion.nearest(to: key, in: Array(theirs.keys)).map { "; có phải là `\($0)`?" } ?? ""
                    result.append(.warning("chỉ tiêu `\(key)` không có trong \(name)", at: target.key.position,
                                           hint: "dùng mã chỉ tiêu của kế hoạch cấp trên\(near)"))
                }
                continue
            }
            let isRate = IndicatorSet.default[key]?.isComputed ?? false
            let mine = target.value.value, upper = parentTarget.value.value
            if isRate, mine < upper {
                result.append(.warning("chỉ tiêu `\(key)` \(VietnameseNumber.integer(Int(mine)))% thấp hơn chỉ tiêu \(VietnameseNumber.integer(Int(upper)))% của \(name)",
                                       at: target.value.position, hint: "đặt chỉ tiêu không thấp hơn \(VietnameseNumber.integer(Int(upper)))%"))
            } else if !isRate, mine > upper {
                result.append(.warning("chỉ tiêu `\(key)` (\(VietnameseNumber.integer(Int(mine)))) vượt chỉ tiêu của cả \(name) (\(VietnameseNumber.integer(Int(upper))))",
                                       at: target.value.position, hint: "chỉ tiêu của một đơn vị là một phần chỉ tiêu cấp trên giao"))
            }
        }
        return result
    }
}

extension Section {
    /// The section's words without positions: equal for a section copied word for word.
    var wordsDigest: String {
        ([title] + blocks.flatMap(\.words)).joined(separator: "\n")
    }
}

extension Block {
    /// Every text of the block and its children, in order.
    var words: [String] {
        switch self {
        case .paragraph(let text, _), .labeled(let text, _, _): return [text]
        case .item(let title, let blocks, _), .point(let title, let blocks, _), .bullet(let title, let blocks, _),
             .subheading(let title, let blocks, _):
            return [title] + blocks.flatMap(\.words)
        case .assignment(let assignment): return [assignment.body] + assignment.tasks.map(\.value)
        case .table: return ["<bảng>"]
        }
    }
}
