/// Numbers as a Vietnamese reader sees them in Excel ("1.234.567", "98,5%"), used only
/// to estimate column widths: the cells themselves hold numbers.
enum ReportDisplayText {
    /// `1234567` → `1.234.567`.
    static func integer(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// `0.985` → `98,5%` (one decimal, as the `0.0%` format shows it).
    static func percent(_ ratio: Double) -> String {
        guard ratio.isFinite else { return "" }
        let tenths = (ratio * 1000).rounded()
        guard let scaled = Int64(exactly: tenths) else { return "" }
        let whole = integer(scaled / 10)
        let fraction = scaled.magnitude % 10
        let sign = scaled < 0 && scaled / 10 == 0 ? "-" : ""
        return "\(sign)\(whole),\(fraction)%"
    }
}

extension ReportDisplayText {
    /// The words of a header, lowercased, for comparing a name with its unit ("Số CĐCS" and
    /// "CĐCS": the unit is already said).
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }).map(String.init)
    }
}
