/// Abbreviations an official text writes out the first time it uses them: the first
/// "CĐCS" of the body becomes "Công đoàn cơ sở (CĐCS)", later ones stay short.
enum Abbreviation {
    /// Short form → the words it stands for.
    static let known: [(short: String, full: String)] = [
        ("CĐCS", "Công đoàn cơ sở"),
        ("LĐLĐ", "Liên đoàn Lao động"),
        ("CNVCLĐ", "công nhân, viên chức, lao động"),
        ("ATVSLĐ", "an toàn, vệ sinh lao động"),
        ("NLĐ", "người lao động"),
    ]

    /// Marks a name ("CĐCS xã An Khánh") that must be left as written; `expandingFirstUse`
    /// removes the marks.
    static func protected(_ name: String) -> String {
        "\u{E000}\(name)\u{E001}"
    }

    /// The sections with the first use of each known abbreviation written out, in reading
    /// order over paragraphs, headings and list items (tables keep the short form). A use
    /// already followed by its expansion, or written inside brackets as "(CĐCS)", counts as
    /// the first one; a use inside a `protected` name does not count.
    static func expandingFirstUse(in sections: [Section]) -> [Section] {
        var pending = Set(known.map(\.short))
        func expand(_ text: String) -> String {
            guard !pending.isEmpty else { return unmarked(text) }
            var result = text
            for (short, full) in known where pending.contains(short) {
                guard let range = firstWord(short, in: result) else { continue }
                pending.remove(short)
                let before = result[..<range.lowerBound]
                let after = result[range.upperBound...]
                if before.hasSuffix("(") && after.hasPrefix(")") { continue }
                result = String(before) + "\(full) (\(short))" + String(after)
            }
            return unmarked(result)
        }
        func walk(_ blocks: [Block]) -> [Block] {
            blocks.map { block in
                switch block {
                case .paragraph(let text, let p): return .paragraph(expand(text), p)
                case .item(let title, let children, let p):
                    let title = expand(title)
                    return .item(title: title, blocks: walk(children), p)
                case .point(let text, let children, let p):
                    let text = expand(text)
                    return .point(text, blocks: walk(children), p)
                case .bullet(let text, let children, let p):
                    let text = expand(text)
                    return .bullet(text, blocks: walk(children), p)
                case .assignment, .table:
                    return block
                }
            }
        }
        return sections.map { section in
            var section = section
            section.blocks = walk(section.blocks)
            return section
        }
    }

    /// The first occurrence of `word` standing alone: not inside a longer word and not part
    /// of a document symbol ("BC-LĐLĐ", "12/KH-LĐLĐ").
    static func firstWord(_ word: String, in text: String) -> Range<String.Index>? {
        var searchStart = text.startIndex
        while let range = text.range(of: word, range: searchStart..<text.endIndex) {
            // Inside a protected name: an opening mark before it with no closing one between.
            if let open = text[..<range.lowerBound].lastIndex(of: "\u{E000}"),
               !text[open..<range.lowerBound].contains("\u{E001}") {
                searchStart = range.upperBound
                continue
            }
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let joinsBefore = before.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" } ?? false
            let joinsAfter = after.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" } ?? false
            if !joinsBefore && !joinsAfter { return range }
            searchStart = range.upperBound
        }
        return nil
    }

    /// The text without the marks of `protected`.
    static func unmarked(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\u{E000}" || $0 == "\u{E001}" }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{E000}" && $0 != "\u{E001}" }))
    }
}
