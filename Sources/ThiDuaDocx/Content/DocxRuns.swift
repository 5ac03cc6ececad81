import ThiDuaKit

/// WordprocessingML runs (`w:r`) of text: emphasis as run properties, every piece of text
/// escaped, line breaks as `w:br` and tabs as `w:tab` (never raw inside `w:t`), and
/// `xml:space="preserve"` wherever spaces at an edge or in a row would otherwise be lost.
enum DocxRuns {
    /// The runs of text written with the data file's inline markup (`**bold**`, `*italic*`,
    /// straight quotes), as plain text prints it but with the emphasis kept.
    static func markup(_ text: String, dropped: DroppedCharacters?) -> String {
        var out = ""
        for span in InlineMarkup.spans(text) {
            out += run(span.text, bold: span.bold, italic: span.italic, dropped: dropped)
        }
        return out
    }

    /// One run of text taken as it is (header fields, table cells, names).
    static func run(_ text: String, bold: Bool = false, italic: Bool = false, dropped: DroppedCharacters?) -> String {
        guard !text.isEmpty else { return "" }
        var out = "<w:r>"
        if bold || italic {
            out += "<w:rPr>" + (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") + "</w:rPr>"
        }
        out += content(text, dropped: dropped)
        out += "</w:r>"
        return out
    }

    /// The inside of a run: `w:t` pieces separated by `w:br` and `w:tab`.
    static func content(_ text: String, dropped: DroppedCharacters?) -> String {
        // The usual case, one line without tabs, without splitting.
        if !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
            return textElement(text, dropped: dropped)
        }
        var out = ""
        var piece = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\t":
                out += textElement(piece, dropped: dropped)
                piece = ""
                out += scalar == "\n" ? "<w:br/>" : "<w:tab/>"
            case "\r":
                // A CR of a CRLF pair; a lone one would be an invisible break.
                continue
            default:
                piece.unicodeScalars.append(scalar)
            }
        }
        out += textElement(piece, dropped: dropped)
        return out
    }

    /// `<w:t>…</w:t>`, preserving spaces when the text has them at an edge or in a row.
    static func textElement(_ text: String, dropped: DroppedCharacters?) -> String {
        guard !text.isEmpty else { return "" }
        let escaped = XMLText.escape(text, dropping: dropped)
        guard !escaped.isEmpty else { return "" }
        return needsPreserve(escaped) ? "<w:t xml:space=\"preserve\">\(escaped)</w:t>" : "<w:t>\(escaped)</w:t>"
    }

    /// True when an XML reader would drop or merge some of the spaces.
    static func needsPreserve(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        var previousSpace = false
        for byte in bytes {
            let space = byte == 0x20
            if space && previousSpace { return true }
            previousSpace = space
        }
        return false
    }
}
