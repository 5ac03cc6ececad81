/// Which cell styles show a number as a date, from `xl/styles.xml`: a cell's `s` is an
/// index into `cellXfs`, whose `numFmtId` is a built-in date format or a custom code with
/// day, month or year parts. Serial numbers are turned into `dd/mm/yyyy` for the clerk.
struct XlsxDateStyles {
    private var dateStyles: Set<Int> = []
    /// True when the workbook counts from 1904 (old Mac Excel).
    var uses1904 = false

    init() {}

    init(elements: [XlsxPartElements.Element]) {
        var customDates: Set<Int> = []
        for element in elements where element.name == "numFmt" {
            if let id = element.attributes["numFmtId"].flatMap({ Int($0) }),
               let code = element.attributes["formatCode"], Self.isDateCode(code) {
                customDates.insert(id)
            }
        }
        var index = 0
        for element in elements where element.name == "xf" && element.parent == "cellXfs" {
            let id = element.attributes["numFmtId"].flatMap { Int($0) } ?? 0
            if Self.builtInDates.contains(id) || customDates.contains(id) { dateStyles.insert(index) }
            index += 1
        }
    }

    /// True when style index `style` formats its number as a date.
    func isDate(style: Int) -> Bool {
        !dateStyles.isEmpty && dateStyles.contains(style)
    }

    /// Excel's built-in date and time formats (ECMA-376 §18.8.30, and the East Asian ones).
    static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// A custom code is a date when, outside quoted text, escapes and [colour]/[$-locale]
    /// sections, it has a day, month-with-day, or year part.
    static func isDateCode(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "d" where !inQuote && !inBracket, "y" where !inQuote && !inBracket: return true
            default: break
            }
        }
        return false
    }

    /// `dd/mm/yyyy` for a serial day number, or nil when out of range.
    func format(serial literal: String) -> String? {
        guard let value = Double(literal), value.isFinite, value >= 0, value < 3_000_000 else { return nil }
        var days = Int(value.rounded(.down))
        if uses1904 {
            days += 1462
        } else if days < 60 {
            // Excel's 1900 system counts a 29 February 1900 that never was: before it, one more.
            days += 1
        }
        // Days since 1899-12-30 to a civil date (H. Hinnant's algorithm, epoch 1970-01-01).
        let z = days - 25569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(day))/\(two(month))/\(year)"
    }

    /// `dd/mm/yyyy` for an ISO 8601 date cell (`t="d"`, "2025-03-04T00:00:00").
    static func format(iso: String) -> String {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }
}
