/// Inline markup inside paragraphs: `**bold**`, `*italic*` and "quotes".
///
/// Data files use Markdown's own emphasis; it is read once into spans (`spans(_:)`), which
/// every format writes its own way: Markdown with its markers and every other character that
/// Markdown would read as markup escaped (`markdown(_:)`), plain text without markers, Word as
/// runs. Straight double quotes become the Vietnamese curly quotes “…” used around movement names.
public enum InlineText {
    /// Pairs of straight quotes to “ and ”; an unpaired last one is left alone.
    public static func curlyQuotes(_ text: String) -> String {
        // Byte test: `String.contains(String)` would go through Foundation.
        guard VietnameseText.containsByte(text, UInt8(ascii: "\"")) else { return text }
        if VietnameseText.isStableNFC(text) { return curlyQuotesByScalar(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        let total = text.reduce(0) { $0 + ($1 == "\"" ? 1 : 0) }
        var seen = 0
        for character in text {
            if character == "\"" {
                seen += 1
                if seen == total && total % 2 == 1 {
                    result.append(character)
                } else {
                    result.append(seen % 2 == 1 ? "“" : "”")
                }
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `curlyQuotes` for text whose every scalar is a character of its own
    /// (`VietnameseText.isStableNFC`), without grapheme segmentation.
    static func curlyQuotesByScalar(_ text: String) -> String {
        let quote = Unicode.Scalar(UInt8(ascii: "\""))
        let total = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }
        var result = String.UnicodeScalarView()
        var seen = 0
        for scalar in text.unicodeScalars {
            if scalar == quote {
                seen += 1
                if seen == total && total % 2 == 1 {
                    result.append(scalar)
                } else {
                    result.append(seen % 2 == 1 ? "\u{201C}" : "\u{201D}")
                }
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Plain text: curly quotes, and the markers of the data's emphasis removed (a `*`
    /// that opens or closes nothing, as in "5 * 3" or a footnote star, stays).
    public static func plain(_ text: String) -> String {
        let quoted = curlyQuotes(text)
        guard VietnameseText.containsByte(quoted, UInt8(ascii: "*")) else { return quoted }
        return spans(quoted).map(\.text).joined()
    }
}
