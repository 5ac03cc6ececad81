/// The unit a money column's header states after the indicator's name ("Giá trị làm lợi
/// (triệu đồng)", "… (ĐVT: 1.000 đ)", "… [x1000]", "… - nghìn đồng"). Read as đồng, a
/// column in thousands or millions would state every sum that many times too small, so a
/// currency or multiple that is stated but not understood ("(USD)", "(x1500)") is refused,
/// never guessed; words that are no unit ("(6 tháng)") leave the column in đồng.
enum FigureMoneyUnit: Equatable {
    /// Đồng ("(đồng)", "(VNĐ)", "(đ)").
    case dong
    /// A multiple of đồng: 1.000 for "(nghìn đồng)", 1.000.000 for "(triệu đồng)".
    case multiple(Int64)
    /// Something stated that is not a unit of đồng; the text as written.
    case unknown(String)

    /// The unit `header` states, or nil when it states none.
    static func of(header: String) -> FigureMoneyUnit? {
        let written = ReportText.normalizedName(header)
        let stated: Substring
        if let close = written.last, close == ")" || close == "]",
           let open = written.lastIndex(of: close == ")" ? "(" : "[") {
            stated = written[written.index(after: open)..<written.index(before: written.endIndex)]
        } else if let dash = written.range(of: " - ", options: .backwards) {
            stated = written[dash.upperBound...]
        } else {
            return nil
        }
        let shown = stated.trimmingCharacters(in: .whitespaces)
        let folded = ReportText.folded(shown)
        if let unit = parse(folded) { return unit }
        // "(6 tháng)", "(hỗ trợ)": words about the figure, not a unit, read as đồng as before.
        return statesMoney(folded) ? .unknown(shown) : nil
    }

    /// True when `folded` tries to say a currency or a multiple ("USD", "x1500", "1,5
    /// triệu", "ĐVT:"), which must then be understood, not guessed.
    static func statesMoney(_ folded: String) -> Bool {
        let bare = folded.filter { !$0.isWhitespace }
        let words = ["đồng", "vnđ", "vnd", "usd", "$", "€", "eur", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "đvt", "đơn vị"]
        if words.contains(where: { folded.contains($0) }) { return true }
        if ["đ", "k", "tr", "tr."].contains(bare) { return true }
        var rest = Substring(bare)
        if let sign = rest.first, sign == "x" || sign == "×" || sign == "*" { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
    }

    /// A unit in lower case: an optional label ("đvt:"), then a multiplier (a word, or a
    /// power of ten written with or without separators, after an optional "x"), then an
    /// optional name of the currency. Nil when it is not one.
    static func parse(_ text: String) -> FigureMoneyUnit? {
        var rest = Substring(text.filter { !$0.isWhitespace })
        for label in ["đơnvịtính", "đvtính", "đơnvị", "đvt", "dvt", "đv"] where rest.hasPrefix(label) {
            rest = rest.dropFirst(label.count)
            if rest.first == ":" || rest.first == "." { rest = rest.dropFirst() }
            break
        }
        var currency = false
        for name in ["vnđ", "vnd", "đồng", "dong", "đ"] where rest.hasSuffix(name) {
            rest = rest.dropLast(name.count)
            currency = true
            break
        }
        if rest.isEmpty { return currency ? .dong : nil }
        if let multiple = words[String(rest)] { return .multiple(multiple) }
        if let sign = rest.first, sign == "x" || sign == "×" || sign == "*" { rest = rest.dropFirst() }
        let digits = rest.filter { $0 != "." && $0 != "," }
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }), digits.count <= 13,
              let value = Int64(digits), [1, 1_000, 1_000_000, 1_000_000_000].contains(value) else { return nil }
        // "1.000" and "1,000" are separators here: a multiple of đồng is never fractional.
        return value == 1 ? .dong : .multiple(value)
    }

    private static let words: [String: Int64] = [
        "nghìn": 1_000, "ngàn": 1_000, "k": 1_000,
        "triệu": 1_000_000, "tr": 1_000_000, "tr.": 1_000_000,
        "tỷ": 1_000_000_000, "tỉ": 1_000_000_000,
    ]
}
