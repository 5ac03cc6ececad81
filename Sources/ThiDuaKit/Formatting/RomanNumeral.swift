/// Roman numerals for section headings ("I. MỤC ĐÍCH, YÊU CẦU") and for congress
/// and session ordinals ("Đại hội XII Công đoàn Việt Nam").
public enum RomanNumeral {
    /// Values and symbols in descending order, subtractive pairs included, so a
    /// greedy walk gives the canonical form.
    private static let table: [(value: Int, symbol: String)] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
        (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
        (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    /// 1...3999 -> "I", "IV", "XII", "XIX"; otherwise nil.
    ///
    /// 0, negatives and 4000+ have no standard form (no overline notation).
    public static func string(_ n: Int) -> String? {
        guard (1...3999).contains(n) else { return nil }
        var rest = n
        var result = ""
        for (value, symbol) in table {
            while rest >= value {
                result += symbol
                rest -= value
            }
        }
        return result
    }

    /// "XII" -> 12, case-insensitive, strict canonical form only ("IIII" -> nil).
    ///
    /// Strictness catches typos in data ("IIX", "VX") instead of guessing. Surrounding
    /// spaces are not accepted either: callers trim.
    public static func value(_ s: String) -> Int? {
        let upper = s.uppercased()
        guard !upper.isEmpty, upper.utf8.count <= 15 else { return nil } // MMMDCCCLXXXVIII is the longest
        var total = 0
        var index = upper.startIndex
        // Read greedily: a subtractive pair when the next letter is bigger.
        while index < upper.endIndex {
            guard let current = letterValue(upper[index]) else { return nil }
            let next = upper.index(after: index)
            if next < upper.endIndex, let following = letterValue(upper[next]), following > current {
                total += following - current
                index = upper.index(after: next)
            } else {
                total += current
                index = next
            }
        }
        // Only accept what `string` would have written; this rejects "IIII", "IC", "VV".
        guard let canonical = string(total), canonical == upper else { return nil }
        return total
    }

    private static func letterValue(_ c: Character) -> Int? {
        switch c {
        case "I": return 1
        case "V": return 5
        case "X": return 10
        case "L": return 50
        case "C": return 100
        case "D": return 500
        case "M": return 1000
        default: return nil
        }
    }
}
