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
    /// The text as spans of equal emphasis, curly quotes in place. Joined, the spans' text is
    /// exactly what plain text prints (`InlineText.plain`), and the emphasis is what Markdown
    /// (pandoc) reads: both come from the one rule of `InlineText.spans`.
    public static func spans(_ text: String) -> [InlineSpan] {
        let quoted = InlineText.curlyQuotes(text)
        guard !quoted.isEmpty else { return [] }
        let spans = InlineText.spans(quoted).compactMap { span -> InlineSpan? in
            guard !span.text.isEmpty else { return nil }
            switch span.style {
            case .plain: return InlineSpan(text: span.text)
            case .strong: return InlineSpan(text: span.text, bold: true)
            case .emphasis: return InlineSpan(text: span.text, italic: true)
            case .strongEmphasis: return InlineSpan(text: span.text, bold: true, italic: true)
            }
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
