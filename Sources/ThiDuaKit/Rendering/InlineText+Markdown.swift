extension InlineText {
    /// Where Markdown text is placed, which decides what must be escaped at its start.
    public enum MarkdownPlace: Sendable {
        /// At the start of a block or of a list item's content: `#`, `>`, `-`, `+`, `=`,
        /// "1." / "1)" would start a heading, quote, list or rule there.
        case blockStart
        /// After a label, inside a heading or a table cell: only inline markup matters.
        case inline
        /// The text of an ATX heading: a trailing `#` would be read as its closing sequence.
        case heading
    }

    /// Markdown for data text: curly quotes, the data's emphasis as `**…**` / `*…*`, and every
    /// other character that GitHub-flavoured Markdown (as pandoc reads it) would take as markup
    /// escaped: `\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `|`, `~`, an entity-like `&…;`, an
    /// emoji-like `:word:`, bare addresses that would become links (`http://`, `www.`, `a@b`),
    /// the block starters at the start, and leading or trailing spaces
    /// (an indented code block, a hard line break) dropped.
    public static func markdown(_ text: String, place: MarkdownPlace = .blockStart) -> String {
        let quoted = curlyQuotes(text.replacingTabs())
        var out = ""
        out.reserveCapacity(quoted.utf8.count + 8)
        for span in spans(quoted) {
            let marker: String
            switch span.style {
            case .plain: marker = ""
            case .emphasis: marker = "*"
            case .strong: marker = "**"
            case .strongEmphasis: marker = "***"
            }
            out += marker + escapingInline(span.text, headingHashes: place == .heading) + marker
        }
        out = out.trimmingSpaces()
        if place == .blockStart {
            out = escapingBlockStart(out)
        }
        return out
    }

    /// Escapes inline markup in text that holds no emphasis of ours.
    ///
    /// Every character that can need a backslash is ASCII, so the text is scanned as UTF-8
    /// bytes (most text has none of them and is returned as it is), and only the few context
    /// rules look around.
    static func escapingInline(_ text: String, headingHashes: Bool) -> String {
        let bytes = Array(text.utf8)
        func isSpecial(_ b: UInt8) -> Bool {
            switch b {
            case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x7C, 0x7E, 0x26, 0x3A, 0x2E, 0x40: return true  // \ ` * _ [ ] < | ~ & : . @
            case 0x23: return headingHashes  // #
            default: return false
            }
        }
        guard bytes.contains(where: isSpecial) else { return text }
        func isAlphaNumeric(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || isLetter(b) }
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 }
        /// `&amp;`, `&#39;`: pandoc would print the character the entity names.
        func entityAhead(_ i: Int) -> Bool {
            var j = i + 1
            while j < bytes.count, isAlphaNumeric(bytes[j]) && bytes[j] < 0x80 || bytes[j] == 0x23 { j += 1 }
            return j > i + 1 && j < bytes.count && bytes[j] == 0x3B
        }
        /// `:smile:` would become an emoji; the `://` of a bare address would become a link.
        func emojiOrAddressAhead(_ i: Int) -> Bool {
            if i + 2 < bytes.count, bytes[i + 1] == 0x2F, bytes[i + 2] == 0x2F { return true }
            var j = i + 1
            while j < bytes.count, bytes[j] < 0x80, isAlphaNumeric(bytes[j]) || bytes[j] == 0x5F || bytes[j] == 0x2B || bytes[j] == 0x2D { j += 1 }
            return j > i + 1 && j < bytes.count && bytes[j] == 0x3A
        }
        /// "www." at a word start would become a link.
        func afterWWW(_ i: Int) -> Bool {
            guard i >= 3 else { return false }
            let w = bytes[(i - 3)..<i].map { $0 | 0x20 }
            return w == [0x77, 0x77, 0x77] && (i == 3 || !isLetter(bytes[i - 4]))
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for (i, b) in bytes.enumerated() {
            var escape = false
            switch b {
            case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x7C, 0x7E: escape = true
            case 0x23: escape = headingHashes
            case 0x26: escape = entityAhead(i)
            case 0x3A: escape = emojiOrAddressAhead(i)
            case 0x2E: escape = afterWWW(i)
            case 0x40: escape = i > 0 && isLetter(bytes[i - 1]) && i + 1 < bytes.count && isLetter(bytes[i + 1])
            default: break
            }
            if escape { out.append(0x5C) }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A backslash before what would start a heading (`#`), a quote (`>`), a list (`-`, `+`,
    /// "1." "1)"), a thematic break (`-`, `=`) or a setext underline at the start of a block.
    static func escapingBlockStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#>+-=".contains(first) {
            return "\\" + text
        }
        if let dot = orderedListMarkerEnd(text) {
            var text = text
            text.insert("\\", at: dot)
            return text
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
}

extension String {
    /// Tabs as spaces: a tab would indent Markdown text into a code block.
    func replacingTabs() -> String {
        VietnameseText.containsByte(self, 0x09) ? String(map { $0 == "\t" ? " " : $0 }) : self
    }
}
