import Foundation

/// An anniversary written in a plan's or guidance's text (`{ky_niem …}`) that is over before
/// the movement starts: a plan for 01/9/2029 – 31/5/2030 "chào mừng 100 năm Ngày thành lập
/// Công đoàn Việt Nam (28/7/1929 - 28/7/2029)", or a phase from 01/8 saluting 3/2 of the same
/// year. The field falls back to the movement's year when neither the phase nor the period
/// holds the day, and that year's day may lie behind them; the clerk is told, the text is
/// left as written.
extension Document {
    func checkPastInlineAnniversaries() -> [Diagnostic] {
        // A report looks back: naming an anniversary that has passed is what it does.
        guard kind != .baoCao else { return [] }
        let catalog = commemorationCatalog
        var result: [Diagnostic] = []
        for field in inlineFields where field.kind == .kyNiem && !Self.namesItsYear(field.source) {
            guard let year = field.year else { continue }
            let phase = field.phaseIndex.flatMap { phases.indices.contains($0) ? phases[$0] : nil }
            // A phase's theme salutes within the phase; any other text within the movement's
            // period (a plan issued on 20/02 for the year still salutes 3/2 of that year).
            guard let from = phase?.start.value ?? period?.start.value else { continue }
            for code in field.codes {
                guard let entry = catalog[code.value], let day = entry.date(in: year), day < from else { continue }
                let after = phase.map { "trước \($0.name.lowercased()) (từ \($0.start.value.short()))" }
                    ?? "trước thời gian của phong trào (từ \(from.short()))"
                result.append(.warning(
                    "\(field.source) là kỷ niệm \(entry.years(in: year)) năm ngày \(day.short()), đã qua \(after): văn bản không còn chào mừng được",
                    at: field.position,
                    hint: "nếu chào mừng kỷ niệm năm sau, ghi `{ky_niem \(code.value), nam \(year + 1)}`; nếu chỉ nhắc lại kỷ niệm đã qua, viết thành lời"))
            }
        }
        return result
    }

    /// True when the field fixes its year (`nam 2030`, `nam: 2030`): the clerk chose it.
    static func namesItsYear(_ source: String) -> Bool {
        source.range(of: #",\s*nam\s*:?\s*[0-9]"#, options: .regularExpression) != nil
    }
}
