/// Congress and session ordinals in running text are Roman (conventions.md): "Đại hội Đảng
/// toàn quốc lần thứ 12" in a paragraph, a point or a bullet is a warning, as it is in a
/// congress's own name (`dai_hoi`). Only "lần thứ N" within a few words after "Đại hội"
/// counts: "đợt thứ 2" is not a congress's ordinal, and "Đại hội 28 Công đoàn cơ sở" may be
/// a count of congresses, which a Roman numeral would make false.
extension Document {
    func checkCongressOrdinalsInText() -> [Diagnostic] {
        var result: [Diagnostic] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let text, let position):
                    note(text, position)
                case .bullet(let text, let inner, let position), .point(let text, let inner, let position),
                     .item(let text, let inner, let position), .subheading(let text, let inner, let position):
                    note(text, position)
                    visit(inner)
                case .labeled(let text, _, let position):
                    note(text, position)
                default:
                    break
                }
            }
        }
        func note(_ text: String, _ position: SourcePosition) {
            guard let (written, number) = Self.arabicCongressOrdinal(in: text) else { return }
            result.append(.warning("\"\(written)\": số thứ tự đại hội phải viết bằng chữ số La Mã, không viết bằng chữ số Ả Rập",
                                   at: position, hint: "ví dụ \"\(Self.romanized(written, number))\""))
        }
        visit(preamble)
        for section in sections { visit(section.blocks) }
        return result
    }

    /// "Đại hội … lần thứ 12" as written, and its number, if the text has one.
    static func arabicCongressOrdinal(in text: String) -> (String, Int)? {
        let words = text.split(separator: " ").map(String.init)
        let bare = words.map { $0.trimmingCharacters(in: .punctuationCharacters) }
        let folded = bare.map { $0.lowercased() }
        for index in folded.indices where folded[index] == "hội" && index > 0 && folded[index - 1] == "đại" {
            // "lần thứ 12" within the next eight words.
            let limit = min(folded.count - 1, index + 9)
            guard index + 2 <= limit else { continue }
            // A sports meeting ("Đại hội Thể thao Đông Nam Á lần thứ 31", "Đại hội Thể dục thể
            // thao") counts its editions in Arabic numerals; the rule is a congress's.
            if folded[(index + 1)...limit].contains(where: { $0 == "thể" }) { continue }
            for next in (index + 2)...limit where folded[next - 1] == "thứ" && folded[next - 2] == "lần" {
                if let number = Int(bare[next]), (1...99).contains(number) {
                    return (words[(index - 1)...next].joined(separator: " ").trimmingCharacters(in: .punctuationCharacters), number)
                }
            }
        }
        return nil
    }

    /// `written` with its number, its last word ("12", "05"), in Roman numerals.
    static func romanized(_ written: String, _ number: Int) -> String {
        guard let roman = RomanNumeral.string(number), let space = written.lastIndex(of: " ") else { return written }
        return written[...space] + roman
    }
}
