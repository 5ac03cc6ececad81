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
    static func escapingInline(_ text: String, headingHashes: Bool) -> String {
        let characters = Array(text)
        var out = ""
        for (index, c) in characters.enumerated() {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", "|", "~":
                out += "\\"
            case "#" where headingHashes:
                out += "\\"
            case "&" where looksLikeEntity(characters, from: index):
                out += "\\"
            case ":" where looksLikeEmoji(characters, from: index) || startsWith(characters, "//", at: index + 1):
                // An emoji name, or the "://" of a bare address that would become a link.
                out += "\\"
            case "." where index >= 3 && String(characters[(index - 3)..<index]).lowercased() == "www"
                && (index == 3 || !characters[index - 4].isLetter):
                out += "\\"
            case "@" where index > 0 && characters[index - 1].isLetter && index + 1 < characters.count && characters[index + 1].isLetter:
                out += "\\"
            default:
                break
            }
            out.append(c)
        }
        return out
    }

    static func startsWith(_ characters: [Character], _ prefix: String, at index: Int) -> Bool {
        let wanted = Array(prefix)
        guard index >= 0, index + wanted.count <= characters.count else { return false }
        return Array(characters[index..<(index + wanted.count)]) == wanted
    }

    /// `&amp;`, `&#39;`, `&#x27;`: pandoc would print the character the entity names.
    static func looksLikeEntity(_ characters: [Character], from index: Int) -> Bool {
        var j = index + 1
        var length = 0
        while j < characters.count, characters[j].isASCII, characters[j].isLetter || characters[j].isNumber || characters[j] == "#" {
            j += 1
            length += 1
        }
        return length > 0 && j < characters.count && characters[j] == ";"
    }

    /// `:smile:` would become an emoji with pandoc's gfm reader.
    static func looksLikeEmoji(_ characters: [Character], from index: Int) -> Bool {
        var j = index + 1
        var length = 0
        while j < characters.count, characters[j].isASCII,
              characters[j].isLetter || characters[j].isNumber || "_+-".contains(characters[j]) {
            j += 1
            length += 1
        }
        return length > 0 && j < characters.count && characters[j] == ":"
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
