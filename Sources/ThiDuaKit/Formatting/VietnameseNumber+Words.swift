extension VietnameseNumber {
    /// A number in words with a capital first letter, as ordinal lists write it before "là":
    /// "Một", "Hai", … "Bốn", … "Mười", "Mười một", "Hai mươi mốt", "Hai mươi tư", "Hai mươi lăm".
    ///
    /// Covers 1–99 (no list of a document is longer); other numbers are written in digits.
    /// "Bốn là" is the list form ("tư" only after "mươi"), "mốt" after "mươi" (21, 31 …, not
    /// 11), "lăm" for a final 5 after a ten.
    public static func ordinalWord(_ n: Int) -> String {
        guard (1...99).contains(n) else { return String(n) }
        let units = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
        let tens = n / 10, unit = n % 10
        var words: String
        switch tens {
        case 0:
            words = units[unit]
        case 1:
            words = "mười"
            if unit == 5 {
                words += " lăm"
            } else if unit > 0 {
                words += " " + units[unit]
            }
        default:
            words = units[tens] + " mươi"
            switch unit {
            case 0: break
            case 1: words += " mốt"
            case 4: words += " tư"
            case 5: words += " lăm"
            default: words += " " + units[unit]
            }
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
