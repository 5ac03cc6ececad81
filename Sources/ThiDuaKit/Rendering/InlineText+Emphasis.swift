extension InlineText {
    /// A run of text with one style.
    public struct Span: Sendable, Equatable {
        /// How a span is drawn.
        public enum Style: Sendable, Equatable {
            case plain, strong, emphasis, strongEmphasis
        }

        public var text: String
        public var style: Style

        public init(_ text: String, _ style: Style = .plain) {
            self.text = text
            self.style = style
        }
    }

    /// The text cut into styled spans, from the data's `**bold**` and `*italic*`.
    ///
    /// A run of one or two `*` opens emphasis when CommonMark would let it open (left-flanking:
    /// not followed by a space, and not followed by punctuation unless preceded by a space or
    /// punctuation) and closes it when CommonMark would let it close (the mirror rule); a closer
    /// pairs with the nearest opener of the same length. Every other `*` is text. Writing the
    /// pairs back as markers and escaping every other `*` therefore reads the same in pandoc.
    public static func spans(_ text: String) -> [Span] {
        guard VietnameseText.containsByte(text, UInt8(ascii: "*")) else { return [Span(text)] }
        let characters = Array(text)
        struct Run { var start: Int; var length: Int }
        var runs: [Run] = []
        var i = 0
        while i < characters.count {
            guard characters[i] == "*" else { i += 1; continue }
            var j = i
            while j < characters.count, characters[j] == "*" { j += 1 }
            runs.append(Run(start: i, length: j - i))
            i = j
        }
        // Pair openers and closers; `pairs[start of opener] = (closer start, length)`.
        var stack: [Run] = []
        var opens: [Int: Int] = [:]   // opener start → closer start
        var closes = Set<Int>()
        for run in runs where run.length <= 2 {
            let before: Character? = run.start > 0 ? characters[run.start - 1] : nil
            let after: Character? = run.start + run.length < characters.count ? characters[run.start + run.length] : nil
            let canOpen = isLeftFlanking(before: before, after: after)
            let canClose = isRightFlanking(before: before, after: after)
            if canClose, let index = stack.lastIndex(where: { $0.length == run.length }) {
                opens[stack[index].start] = run.start
                closes.insert(run.start)
                stack.removeSubrange(index...)
            } else if canOpen {
                stack.append(run)
            }
        }
        // Walk the text, switching style at each paired marker.
        var spans: [Span] = []
        var current = ""
        var strong = 0, emphasis = 0
        func style() -> Span.Style {
            switch (strong > 0, emphasis > 0) {
            case (true, true): return .strongEmphasis
            case (true, false): return .strong
            case (false, true): return .emphasis
            default: return .plain
            }
        }
        func flush() {
            guard !current.isEmpty else { return }
            spans.append(Span(current, style()))
            current = ""
        }
        var runIndex = 0
        i = 0
        while i < characters.count {
            if runIndex < runs.count, runs[runIndex].start == i {
                let run = runs[runIndex]
                runIndex += 1
                if opens[i] != nil || closes.contains(i) {
                    flush()
                    let delta = opens[i] != nil ? 1 : -1
                    if run.length == 2 { strong += delta } else { emphasis += delta }
                } else {
                    current.append(contentsOf: characters[i..<(i + run.length)])
                }
                i += run.length
                continue
            }
            current.append(characters[i])
            i += 1
        }
        flush()
        return spans
    }

    /// CommonMark's left-flanking delimiter run (for `*`, the rule to open).
    static func isLeftFlanking(before: Character?, after: Character?) -> Bool {
        guard let after, !isWhitespace(after) else { return false }
        guard isPunctuation(after) else { return true }
        return before.map { isWhitespace($0) || isPunctuation($0) } ?? true
    }

    /// CommonMark's right-flanking delimiter run (for `*`, the rule to close).
    static func isRightFlanking(before: Character?, after: Character?) -> Bool {
        guard let before, !isWhitespace(before) else { return false }
        guard isPunctuation(before) else { return true }
        return after.map { isWhitespace($0) || isPunctuation($0) } ?? true
    }

    static func isWhitespace(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { $0.properties.isWhitespace } ?? false
    }

    /// CommonMark 0.30's punctuation (what pandoc's reader follows): every ASCII punctuation
    /// or symbol character, and Unicode's P* categories.
    static func isPunctuation(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        if scalar.isASCII { return c.isPunctuation || c.isSymbol }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
