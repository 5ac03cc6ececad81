/// A piece of inline text and its emphasis, for formats that mark emphasis themselves
/// (Word runs) instead of keeping the data file's asterisks.
public struct InlineSpan: Sendable, Equatable {
    /// The text, curly quotes already in place, asterisks of the markup removed.
    public var text: String
    public var bold: Bool
    public var italic: Bool

    public init(text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
    }
}

/// The data files' inline markup (`**bold**`, `*italic*`, "quotes") read into spans.
public enum InlineMarkup {
    /// The text as spans of equal emphasis. Joined, the spans' text is exactly what plain
    /// text prints (`InlineText.plain`): the same asterisks are markup, a lone `*` between
    /// spaces stays text. `*` toggles italic, `**` bold, `***` both; emphasis still open
    /// at the end of the text was not meant as emphasis and is dropped.
    public static func spans(_ text: String) -> [InlineSpan] {
        let quoted = InlineText.curlyQuotes(text)
        guard VietnameseText.containsByte(quoted, UInt8(ascii: "*")) else {
            return quoted.isEmpty ? [] : [InlineSpan(text: quoted)]
        }
        var spans: [InlineSpan] = []
        var bold = false, italic = false
        // Where the emphasis now open began (index into `spans`), to undo it if unclosed.
        var boldOpenedAt: Int?, italicOpenedAt: Int?
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            spans.append(InlineSpan(text: current, bold: bold, italic: italic))
            current = ""
        }
        let characters = Array(quoted)
        var i = 0
        while i < characters.count {
            guard characters[i] == "*" else {
                current.append(characters[i])
                i += 1
                continue
            }
            var j = i
            while j < characters.count, characters[j] == "*" { j += 1 }
            let before: Character? = i > 0 ? characters[i - 1] : nil
            let after: Character? = j < characters.count ? characters[j] : nil
            if (before == nil || before == " ") && (after == nil || after == " ") {
                current.append(contentsOf: characters[i..<j])
            } else {
                flush()
                let run = j - i
                if run >= 2 {
                    bold.toggle()
                    boldOpenedAt = bold ? spans.count : nil
                }
                if run != 2 {
                    italic.toggle()
                    italicOpenedAt = italic ? spans.count : nil
                }
            }
            i = j
        }
        flush()
        if let start = boldOpenedAt {
            for k in start..<spans.count { spans[k].bold = false }
        }
        if let start = italicOpenedAt {
            for k in start..<spans.count { spans[k].italic = false }
        }
        return merged(spans)
    }

    /// Plain text of the markup: what `spans` joins to.
    public static func plain(_ text: String) -> String {
        InlineText.plain(text)
    }

    /// Neighbouring spans of equal emphasis joined.
    static func merged(_ spans: [InlineSpan]) -> [InlineSpan] {
        var result: [InlineSpan] = []
        for span in spans {
            if let last = result.last, last.bold == span.bold, last.italic == span.italic {
                result[result.count - 1].text += span.text
            } else {
                result.append(span)
            }
        }
        return result
    }
}
