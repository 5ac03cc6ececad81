/// The unit a money column's header states after the indicator's name ("Giá trị làm lợi
/// (triệu đồng)", "… (ĐVT: 1.000 đ)", "… [x1000]", "… - nghìn đồng"). Read as đồng, a
/// column in thousands or millions would state every sum that many times too small, so a
/// currency or multiple that is stated but not understood ("(USD)", "(x1500)", anything
/// with a digit) is refused, never guessed; words that are no unit ("(hỗ trợ)") leave the
/// column in đồng.
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
        guard let stated = (FigureHeaderText.bracketed(written) ?? FigureHeaderText.dashed(written))?.unit else { return nil }
        let shown = stated.trimmingCharacters(in: .whitespaces)
        let folded = ReportText.folded(shown)
        if let unit = parse(folded) { return unit }
        // "(hỗ trợ)", "(Tết)": words about the figure, not a unit, read as đồng as before.
        return statesMoney(folded) ? .unknown(shown) : nil
    }

    /// True when `folded` tries to say a currency or a multiple ("USD", "x1500", "1,5
    /// triệu", "000đ", "trieu dong", "ĐVT:"), which must then be understood, not guessed:
    /// any digit, a currency sign, or a word of money, with or without its diacritics.
    static func statesMoney(_ folded: String) -> Bool {
        if folded.contains(where: { $0.isNumber || $0 == "$" || $0 == "€" || $0 == "₫" }) { return true }
        let pieces = folded.split { !$0.isLetter }.map(String.init)
        if pieces.contains(where: moneyWords.contains) { return true }
        // "đơn vị tính", "don vi": a label that states a unit follows.
        return zip(pieces, pieces.dropFirst()).contains { ($0 == "đơn" || $0 == "don") && ($1 == "vị" || $1 == "vi") }
    }

    /// Words of money and of multiples, as clerks type them (with or without diacritics).
    private static let moneyWords: Set<String> = [
        "đ", "d", "đồng", "dong", "vnđ", "vnd", "usd", "eur", "euro", "nghìn", "nghin", "ngàn", "ngan", "ng", "ngđ", "ngd",
        "triệu", "trieu", "tr", "trđ", "trd", "tỷ", "ty", "tỉ", "ti", "k", "đvt", "dvt", "đv", "dv",
    ]

    /// A unit in lower case: an optional label ("đvt:"), then a multiplier (a power of ten
    /// with or without separators, "000" for a thousand, a word, or both: "1k", after an
    /// optional "x"), then an optional name of the currency. Nil when it is not one.
    static func parse(_ text: String) -> FigureMoneyUnit? {
        var rest = Substring(text.filter { !$0.isWhitespace })
        for label in ["đơnvịtính", "donvitinh", "đvtính", "đơnvị", "donvi", "đvt", "dvt", "đv", "dv"] where rest.hasPrefix(label) {
            rest = rest.dropFirst(label.count)
            if rest.first == ":" || rest.first == "." { rest = rest.dropFirst() }
            break
        }
        var currency = false
        for name in ["vnđ", "vnd", "đồng", "dong", "₫", "đ", "d"] where rest.hasSuffix(name) {
            rest = rest.dropLast(name.count)
            currency = true
            break
        }
        if rest.last == "." { rest = rest.dropLast() }
        if rest.isEmpty { return currency ? .dong : nil }
        if let sign = rest.first, sign == "x" || sign == "×" || sign == "*" { rest = rest.dropFirst() }
        // A number, then perhaps a word: "1.000", "000", "1k", "nghìn", "tr.".
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
        var word = rest.dropFirst(number.count)
        if word.last == "." { word = word.dropLast() }
        var scale: Int64 = 1
        if !word.isEmpty {
            guard let multiple = words[String(word)] else { return nil }
            scale = multiple
        }
        let digits = number.filter { $0 != "." && $0 != "," }
        var value: Int64 = 1
        if !digits.isEmpty {
            guard digits.count <= 12, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
            if digits.allSatisfy({ $0 == "0" }) {
                // "000đ", "000.000 đ": a thousand, a million, as forms write them.
                guard digits.count % 3 == 0 else { return nil }
                value = Self.power(digits.count)
            } else {
                guard let written = Int64(digits) else { return nil }
                value = written
            }
        }
        let (total, overflow) = value.multipliedReportingOverflow(by: scale)
        // "1.000" and "1,000" are separators here: a multiple of đồng is never fractional.
        guard !overflow, [1, 1_000, 1_000_000, 1_000_000_000].contains(total) else { return nil }
        return total == 1 ? .dong : .multiple(total)
    }

    private static func power(_ zeros: Int) -> Int64 {
        (0..<zeros).reduce(1) { product, _ in product &* 10 }
    }

    private static let words: [String: Int64] = [
        "nghìn": 1_000, "nghin": 1_000, "ngàn": 1_000, "ngan": 1_000, "ng": 1_000, "k": 1_000,
        "triệu": 1_000_000, "trieu": 1_000_000, "tr": 1_000_000,
        "tỷ": 1_000_000_000, "ty": 1_000_000_000, "tỉ": 1_000_000_000, "ti": 1_000_000_000,
    ]
}
