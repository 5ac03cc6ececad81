/// Letters for the points of a numbered item: a), b), c), d), đ), e), g) …
public enum PointLetter {
    /// The Vietnamese alphabet as used for lettering points: no f, j, w, z
    /// (they are not Vietnamese letters), and "đ" right after "d".
    public static let alphabet: [String] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
        "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
    ]

    /// Vietnamese point lettering, 0-based: a b c d đ e g h i k l m n o p q r s t u v x y (no f, j, w, z). After y: "aa", "ab", ... (document it).
    ///
    /// Past "y" (index 22) the letters continue like spreadsheet columns, in
    /// bijective base 23 over the same alphabet: index 23 is "aa", 24 "ab", 45
    /// "ay", 46 "ba" … A document with more than 23 points is rare and the
    /// source documents never show one, so this only has to be unambiguous.
    /// A negative index gives "".
    public static func letter(_ index: Int) -> String {
        guard index >= 0 else { return "" }
        let base = alphabet.count
        var n = index
        var letters: [String] = []
        while true {
            letters.append(alphabet[n % base])
            n = n / base - 1
            if n < 0 { break }
        }
        return letters.reversed().joined()
    }
}
