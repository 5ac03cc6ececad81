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

    /// An anniversary's number of years written by hand, one more: "chào mừng 100 năm Công
    /// đoàn Việt Nam" in a plan for 2029 is "101 năm" in the plan for 2030, as the inline
    /// field `{ky_niem …}` would count it. Only a number right after "mừng" or "niệm"
    /// ("chào mừng", "kỷ niệm"), or after "và" or a comma following one such number, is an
    /// anniversary's; "trong 5 năm", "kế hoạch 5 năm" are lengths, and stay.
    static func incrementingAnniversaryCounts(in text: String) -> String {
        guard text.contains(" năm") else { return text }
        var words = text.components(separatedBy: " ")
        var chain = false
        var index = 0
        while index < words.count {
            let word = words[index]
            if index + 1 < words.count, words[index + 1].hasPrefix("năm"), let count = Int(word), (1...300).contains(count),
               !(index + 2 < words.count && words[index + 2].first?.isNumber == true) {
                let before = index > 0 ? words[index - 1].lowercased() : ""
                let opens = before.hasSuffix("mừng") || before.hasSuffix("niệm")
                if opens || (chain && (before == "và" || before.hasSuffix(","))) {
                    words[index] = String(count + 1)
                    chain = true
                    index += 2
                    continue
                }
            }
            // A sentence's end, or a field, ends the chain of anniversaries.
            if word.hasSuffix(".") || word.hasSuffix(";") || word.contains("{") { chain = false }
            index += 1
        }
        return words.joined(separator: " ")
    }

    /// The inline fields of a text as next year's plan needs them: a year or a count fixed in
    /// `{ky_niem …}` (`nam 2025`, `so_nam 80`) one more, so the field salutes next year's
    /// anniversary, not the one before the movement starts; a `{dai_hoi …}` field naming only
    /// congresses that were left out (`congresses`, code → name) becomes their names as
    /// text, since the field has nothing left to name. Other text is left as it is.
    static func shiftingInlineFields(in text: String, congresses: [String: String]) -> String {
        guard text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let field = String(rest[open ... close])
            out += shiftedField(field, congresses: congresses)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    private static func shiftedField(_ field: String, congresses: [String: String]) -> String {
        let body = field.dropFirst().dropLast()
        let kind = body.prefix { !$0.isWhitespace && $0 != "," }
        switch kind {
        case "ky_niem":
            var result = ""
            var index = field.startIndex
            // "nam 2025" / "nam: 2025" and "so_nam 80": the number after each option, one more.
            while index < field.endIndex {
                let rest = field[index...]
                if let match = rest.prefixMatch(of: #/(so_nam|nam)(\s*:?\s*)([0-9]{1,4})/#),
                   index == field.startIndex || !(field[field.index(before: index)].isLetter || field[field.index(before: index)] == "_"),
                   let number = Int(match.output.3) {
                    result += "\(match.output.1)\(match.output.2)\(number + 1)"
                    index = match.range.upperBound
                    continue
                }
                result.append(field[index])
                index = field.index(after: index)
            }
            return result
        case "dai_hoi":
            let codes = body.dropFirst(kind.count).split(separator: ",", maxSplits: 1).first.map {
                $0.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
            } ?? []
            let names = codes.compactMap { congresses[$0] }
            guard !codes.isEmpty, names.count == codes.count else { return field }
            return names.joined(separator: " và ")
        default:
            return field
        }
    }
}
