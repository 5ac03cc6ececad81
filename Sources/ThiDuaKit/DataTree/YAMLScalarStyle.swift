/// How the emitter writes one text value: plain when YAML reads it back unchanged, a block
/// scalar for lines, double quotes (with escapes) otherwise.
///
/// Plain is refused for what YAML (or a reader of the file) would misread: leading or trailing
/// spaces, `: ` and ` #` inside, an indicator character first (`-?:,[]{}#&*!|>'"%@` and the
/// backtick), the words YAML 1.1 reads as booleans or null, numbers that must stay text (`07`,
/// `1.500`, `1e3`; a plain integer such as `12` stays plain), document markers. Dates stay as
/// written. Characters the loader would drop or change before YAML sees them (special spaces,
/// zero-width characters, controls) are escaped inside double quotes, so the text comes back
/// exactly.
enum YAMLScalarStyle: Equatable {
    /// Nothing after the colon: the blank value.
    case empty
    case plain
    /// `>-`: one long line folded at spaces.
    case folded
    /// `|` (ends with one line break) or `|-` (none): text of several lines.
    case literal(keepsFinalBreak: Bool)
    case doubleQuoted

    /// The style for `text` written at `column` (0-based, where the value starts on a line whose
    /// key ends just before it), wrapping at `width`.
    static func of(_ text: String, column: Int, width: Int) -> YAMLScalarStyle {
        if text.isEmpty { return .empty }
        if text.unicodeScalars.contains(where: needsEscape) { return .doubleQuoted }
        if text.contains("\n") { return literalStyle(text) ?? .doubleQuoted }
        let long = column + text.count > width
        // A block scalar takes any text as it is (`: `, ` #`, quotes, a leading `-`): a long
        // paragraph reads better folded than as one quoted line.
        guard isPlainSafe(text) else { return long && canFold(text) ? .folded : .doubleQuoted }
        return long && canFold(text) ? .folded : .plain
    }

    /// A character that cannot appear raw in the file: a control (tab included: plain
    /// scalars lose trailing tabs), a line or paragraph separator, a character the loader
    /// turns into a space or drops (NBSP, zero-width space, BOM), a noncharacter.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF: return true
        default:
            return YAMLReader.isZeroWidth(scalar) || (scalar.value >= 0x80 && scalar.properties.isWhitespace)
        }
    }

    private static let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]
    private static let reservedWords: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "<<", "="]

    /// Whether a one-line text reads back unchanged, and as text, without quotes. A key of the
    /// schema (`y`, `no`…) may skip the YAML 1.1 words: thidua reads every key as text.
    static func isPlainSafe(_ text: String, allowingWords: Bool = false) -> Bool {
        guard let first = text.first, let last = text.last, !text.unicodeScalars.contains(where: { $0 == "\n" || needsEscape($0) }) else { return false }
        if indicators.contains(first) || first == " " || last == " " || last == ":" { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        if text.hasPrefix("...") { return false }
        if !allowingWords && reservedWords.contains(text.lowercased()) { return false }
        return !mustStayText(text)
    }

    /// Text another YAML reader would take for a number it then writes differently: anything
    /// numeric but a plain decimal integer without leading zeros ("07", "+5", "1_000", "3.500",
    /// "1e3", "0x1F", "1:30"). Dates ("2025-02-20") are not numbers.
    static func mustStayText(_ text: String) -> Bool {
        let lower = text.lowercased()
        if [".inf", "+.inf", "-.inf", ".nan"].contains(lower) { return true }
        let body = lower.hasPrefix("-") || lower.hasPrefix("+") ? lower.dropFirst() : lower[...]
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        if ["0x", "0o", "0b"].contains(where: { body.hasPrefix($0) }) && body.count > 2 {
            return body.dropFirst(2).allSatisfy { $0.isASCII && ($0.isHexDigit || $0 == "_") }
        }
        let canonical = !lower.hasPrefix("+") && !body.isEmpty && body.allSatisfy(isDigit) && (body == "0" || body.first != "0")
        if canonical { return false }
        var mantissa = body, exponent: Substring?
        if let e = body.firstIndex(of: "e") {
            mantissa = body[..<e]
            exponent = body[body.index(after: e)...]
        }
        guard let first = mantissa.first, isDigit(first) || (first == "." && mantissa.dropFirst().first.map(isDigit) == true) else { return false }
        guard mantissa.allSatisfy({ isDigit($0) || $0 == "_" || $0 == "." || $0 == ":" }),
              mantissa.filter({ $0 == "." }).count <= 1 else { return false }
        if let exponent {
            let digits = exponent.hasPrefix("-") || exponent.hasPrefix("+") ? exponent.dropFirst() : exponent
            guard !digits.isEmpty, digits.allSatisfy(isDigit), !mantissa.contains(":") else { return false }
        }
        return true
    }

    /// Whether a long line can be folded (`>-`) and read back the same: no spaces at the ends,
    /// and at least one single space between two words to break at.
    static func canFold(_ text: String) -> Bool {
        guard text.first != " ", text.last != " " else { return false }
        let chars = Array(text)
        return chars.indices.dropFirst().dropLast().contains { chars[$0] == " " && chars[$0 - 1] != " " && chars[$0 + 1] != " " }
    }

    /// `|`/`|-` when every line can be written inside a block: the first line does not start
    /// with a space (that would need an indentation indicator), no line is only spaces (a
    /// block loses them), and at most one final line break.
    static func literalStyle(_ text: String) -> YAMLScalarStyle? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let keepsFinalBreak = lines.last == ""
        if keepsFinalBreak { lines.removeLast() }
        guard let first = lines.first, !first.isEmpty, first.first != " ", lines.last != "" else { return nil }
        if lines.contains(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " } }) { return nil }
        return .literal(keepsFinalBreak: keepsFinalBreak)
    }

    /// Breaks a line for `>-` at single spaces (a space with a word on both sides, which
    /// folding gives back) so that each piece fits `width` where it can.
    static func fold(_ text: String, width: Int) -> [String] {
        let chars = Array(text)
        var pieces: [String] = []
        var start = 0
        var braces = 0
        for i in chars.indices.dropFirst().dropLast() {
            // An inline field (`{ky_niem quoc_khanh}`) stays on one line.
            if chars[i] == "{" { braces += 1 } else if chars[i] == "}" { braces = max(0, braces - 1) }
            guard braces == 0, chars[i] == " ", chars[i - 1] != " ", chars[i + 1] != " " else { continue }
            pieces.append(String(chars[start..<i]))
            start = i + 1
        }
        pieces.append(String(chars[start...]))
        var lines: [String] = []
        var current = ""
        for piece in pieces {
            if current.isEmpty {
                current = piece
            } else if current.count + 1 + piece.count <= width {
                current += " " + piece
            } else {
                lines.append(current)
                current = piece
            }
        }
        lines.append(current)
        return lines
    }

    /// `"…"` with YAML escapes.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += scalar.value < 0x100
                        ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                        : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
