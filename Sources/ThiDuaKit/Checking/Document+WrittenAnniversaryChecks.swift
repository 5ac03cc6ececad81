import Foundation

/// An anniversary's count typed by hand in running text ("chào mừng 96 năm Ngày thành lập Công
/// đoàn Việt Nam" in a plan for 2026, when 28/7/2026 is the 97th): the `{ky_niem …}` fields
/// are computed, but a number written out is only what the clerk remembered, often last year's
/// (conventions.md: a wrong anniversary count is the commonest error of the genre). A count is
/// accepted for any year the document speaks for: the movement's years, and for a report also
/// the next (its "phương hướng"); a bracketed range after the name must agree with the count.
extension Document {
    func checkWrittenAnniversaryCounts() -> [Diagnostic] {
        let names = commemorationCatalog.entries.map { (Self.anniversaryFold($0.name), $0) }
            .sorted { $0.0.count > $1.0.count }
        guard !names.isEmpty else { return [] }
        let first = period?.start.value.year ?? header.date.value.year
        let last = period?.end.value.year ?? header.date.value.year
        let years = Set(first...max(first, last)).union(kind == .baoCao ? [max(first, last) + 1] : [])
        var result: [Diagnostic] = []
        func note(_ text: String, _ position: SourcePosition, _ accepted: Set<Int>) {
            for (count, rest, written) in Self.writtenCounts(in: text) {
                guard let (_, entry) = names.first(where: { rest.hasPrefix($0.0) }) else { continue }
                let range = Self.writtenRangeEndYear(after: rest.dropFirst(Self.anniversaryFold(entry.name).count))
                let countFitsRange = range.map { entry.years(in: $0) == count } ?? true
                guard !countFitsRange || !accepted.contains(range ?? entry.base.year + count) else { continue }
                let shown = accepted.sorted().compactMap { year -> String? in
                    guard let day = entry.date(in: year) else { return nil }
                    return "\(entry.years(in: year)) năm (\(entry.base.short()) - \(day.short()))"
                }.joined(separator: " hoặc ")
                let code = entry.key
                let message: String
                if let range, !countFitsRange {
                    message = "\"\(written)\": khoảng ngày ghi kèm đến năm \(range) là \(entry.years(in: range)) năm, không phải \(count) năm"
                } else if let range {
                    message = "\"\(written)\": khoảng ngày ghi kèm đến năm \(range), ngoài thời gian của văn bản; trong thời gian ấy \(entry.name) là kỷ niệm \(shown)"
                } else {
                    message = "\"\(written)\": trong thời gian của văn bản, \(entry.name) là kỷ niệm \(shown), không phải \(count) năm"
                }
                result.append(.warning(message, at: position,
                                       hint: "dùng trường `{ky_niem \(code)}` để thidua tự tính số năm và khoảng ngày, hoặc sửa lại số năm"))
            }
        }
        note(subject, header.date.position, years)
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let text, let position), .labeled(let text, _, let position):
                    note(text, position, years)
                case .bullet(let text, let inner, let position), .point(let text, let inner, let position),
                     .item(let text, let inner, let position), .subheading(let text, let inner, let position):
                    note(text, position, years)
                    visit(inner)
                default:
                    break
                }
            }
        }
        visit(preamble)
        for section in sections { visit(section.blocks) }
        visit(closing)
        for phase in phases {
            guard let theme = phase.theme else { continue }
            note(theme, phase.position, Set(phase.start.value.year...max(phase.start.value.year, phase.end.value.year)))
        }
        return result
    }

    /// Lower case NFC, "ngày " dropped at the start, for matching names in text.
    static func anniversaryFold(_ text: String) -> String {
        var folded = VietnameseText.nfc(text).lowercased()
        if folded.hasPrefix("ngày ") { folded.removeFirst(5) }
        return folded
    }

    /// Each "N năm <rest>" of `text`: N, the folded text after "năm " (without a leading
    /// "ngày "), and the words as written, for the message.
    static func writtenCounts(in text: String) -> [(Int, String, String)] {
        let folded = VietnameseText.nfc(text)
        guard let regex = try? NSRegularExpression(pattern: #"(?<![0-9.,])([0-9]{1,3}) năm (?:[Nn]gày )?"#) else { return [] }
        let whole = NSRange(folded.startIndex..., in: folded)
        return regex.matches(in: folded, range: whole).compactMap { match in
            guard let numberRange = Range(match.range(at: 1), in: folded), let count = Int(folded[numberRange]),
                  let end = Range(match.range, in: folded)?.upperBound else { return nil }
            let rest = anniversaryFold(String(folded[end...]))
            let shownEnd = folded[end...].prefix(60)
            let written = (String(folded[numberRange.lowerBound..<end]) + shownEnd).split(separator: "(").first.map(String.init) ?? ""
            return (count, rest, written.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)))
        }
    }

    /// The year a bracketed range right after the name ends in ("(28/7/1929 - 28/7/2026)").
    static func writtenRangeEndYear(after rest: Substring) -> Int? {
        let text = rest.drop { $0 == " " }
        guard text.first == "(", let close = text.firstIndex(of: ")") else { return nil }
        let inner = text[text.index(after: text.startIndex)..<close]
        let parts = inner.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let year = parts[1].split(separator: "/").last.flatMap({ Int($0) }), year > 999 else { return nil }
        return year
    }
}
