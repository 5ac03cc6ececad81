/// Inline markup inside paragraphs: `**bold**`, `*italic*` and "quotes".
///
/// Data files use Markdown's own inline markup; Markdown output keeps it,
/// plain text drops the asterisks. Straight double quotes become the
/// Vietnamese curly quotes “…” used around movement names.
enum InlineText {
    /// Pairs of straight quotes to “ and ”; an unpaired last one is left alone.
    static func curlyQuotes(_ text: String) -> String {
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

    /// Markdown text for a paragraph: curly quotes, and a backslash before a
    /// leading character that Markdown would read as a heading, list or quote.
    static func markdown(_ text: String) -> String {
        var text = curlyQuotes(text)
        if let first = text.first, "#>+".contains(first) || (first == "-" && text.dropFirst().first == " ") {
            text = "\\" + text
        } else if let dot = orderedListMarkerEnd(text) {
            text.insert("\\", at: dot)
        }
        return text
    }

    /// The index of the "." or ")" in "12. text" / "3) text", which Markdown
    /// would turn into an ordered list.
    static func orderedListMarkerEnd(_ text: String) -> String.Index? {
        var index = text.startIndex
        var digits = 0
        while index < text.endIndex, text[index].isASCII, text[index].isNumber {
            digits += 1
            index = text.index(after: index)
        }
        guard digits > 0, digits <= 9, index < text.endIndex, text[index] == "." || text[index] == ")" else { return nil }
        let next = text.index(after: index)
        guard next == text.endIndex || text[next] == " " else { return nil }
        return index
    }

    /// Plain text: curly quotes, emphasis markers removed.
    static func plain(_ text: String) -> String {
        let quoted = curlyQuotes(text)
        guard VietnameseText.containsByte(quoted, UInt8(ascii: "*")) else { return quoted }
        // Drop `*` runs that open or close emphasis; a lone `*` between spaces
        // (as in "5 * 3") is kept.
        var result = ""
        let characters = Array(quoted)
        var i = 0
        while i < characters.count {
            if characters[i] == "*" {
                var j = i
                while j < characters.count, characters[j] == "*" { j += 1 }
                let before: Character? = i > 0 ? characters[i - 1] : nil
                let after: Character? = j < characters.count ? characters[j] : nil
                let isLone = (before == nil || before == " ") && (after == nil || after == " ")
                if isLone { result.append(contentsOf: characters[i..<j]) }
                i = j
            } else {
                result.append(characters[i])
                i += 1
            }
        }
        return result
    }
}
