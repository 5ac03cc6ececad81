import Foundation

/// Moving dates as a clerk writes them by one year, keeping how they were written.
enum YearShift {
    /// "2025-02-20" → "2026-02-20", "20/02/2025" → "20/02/2026", "2025-08" → "2026-08",
    /// "08/2025" → "08/2026"; 29 February becomes 28, and the last day of a month stays the
    /// last day ("2023-02-28" → "2024-02-29"). Nil for what is not a date or month
    /// (`dau_nam`, `cuoi_nam`, a blank), which stays as it is.
    static func shifted(_ raw: String) -> String? {
        let value = raw.trimmingCharacters(in: .whitespaces)
        if let (year, month) = YAMLReader.parseMonth(value) {
            if value.contains("/") {
                let monthText = value.split(separator: "/").first.map(String.init) ?? String(month)
                return "\(monthText)/\(year + 1)"
            }
            return String(format: "%04d-%02d", year + 1, month)
        }
        guard case .success(let date) = CivilDate.parse(value), let moved = shifted(date) else { return nil }
        if value.contains("/") {
            // Keep the zero padding the clerk used for day and month.
            let parts = value.split(separator: "/")
            guard parts.count == 3 else { return moved.iso }
            let day = parts[0].count == 2 ? String(format: "%02d", moved.day) : String(moved.day)
            let month = parts[1].count == 2 ? String(format: "%02d", moved.month) : String(moved.month)
            return "\(day)/\(month)/\(moved.year)"
        }
        return moved.iso
    }

    /// The same day a year later; the last day of a month (29 February included) stays the last day.
    static func shifted(_ date: CivilDate) -> CivilDate? {
        let lastDay = CivilDate.daysIn(month: date.month, year: date.year)
        if date.day == lastDay {
            return CivilDate(year: date.year + 1, month: date.month, day: CivilDate.daysIn(month: date.month, year: date.year + 1))
        }
        return CivilDate(year: date.year + 1, month: date.month, day: date.day)
    }

    /// "năm 2025" (the year of the movement, after the word "năm") one year later: "Phong
    /// trào thi đua năm 2025" → "… năm 2026". Other numbers are left alone: "nhiệm kỳ 2025 -
    /// 2030", "(1930 - 2025)" and dates name their own years.
    static func replacingYear(_ year: Int, in text: String) -> String {
        let word = String(year)
        guard text.contains(word) else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: word) {
            let head = rest[..<range.lowerBound]
            let after = rest[range.upperBound...].first
            let afterYearWord = head.lowercased().hasSuffix("năm ")
            out += head
            out += afterYearWord && !(after?.isNumber ?? false) ? String(year + 1) : word
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
