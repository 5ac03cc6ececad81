extension VietnameseText {
    /// Greedy word wrap to `width` columns by display width. First line prefixed by `firstIndent`, following lines by `restIndent` (hanging indent: e.g. first "1.1. " rest "     "). Words longer than the room are split by grapheme clusters, never inside a cluster. Preserves words exactly, collapses runs of spaces. Returns at least one line (empty text -> [firstIndent trimmed of trailing spaces]). No line has trailing spaces.
    ///
    /// Words are separated by any whitespace, newlines included (split paragraphs
    /// before wrapping if line breaks matter), except the no-break spaces U+00A0,
    /// U+2007 and U+202F: they are kept inside the word, which is what they are for
    /// ("13 tỷ" must not break). Every line gets at least one cluster, even when the
    /// indent alone fills the width, so the function always terminates.
    ///
    /// A line never starts with what a reader would take for a new list entry: a dash ("-",
    /// "–", "—"), "+", "*", "•", or a number or letter label ("2.", "1.2.", "3)", "b)") written
    /// as a word of its own stays on the line of the word before it ("kinh tế -" / "xã hội",
    /// or "kinh" / "tế - xã hội"), unless that word begins the text.
    public static func wrap(_ text: String, width: Int, firstIndent: String = "", restIndent: String = "") -> [String] {
        let (glued, didGlue) = gluingListMarkers(text)
        let lines = wrapWords(glued, width: width, firstIndent: firstIndent, restIndent: restIndent)
        return didGlue ? lines.map(restoringGlue) : lines
    }

    /// `wrap` without the list-marker rule: breaks at every breaking space.
    static func wrapWords(_ text: String, width: Int, firstIndent: String, restIndent: String) -> [String] {
        if isStableNFC(text) && isStableNFC(firstIndent) && isStableNFC(restIndent),
           let lines = wrapStable(text, width: width, firstIndent: firstIndent, restIndent: restIndent) {
            return lines
        }
        return wrapGeneral(text, width: width, firstIndent: firstIndent, restIndent: restIndent)
    }

    /// `wrap` for text made only of `isStableNFC` scalars, on UTF-8 bytes. There every
    /// scalar is a character of its own, breaking spaces are 0x20, 0x09–0x0D and U+0085,
    /// and a scalar is one column wide except controls (C0, DEL, C1) and the soft hyphen:
    /// exactly what the general code computes, without grapheme or `String` work per word.
    /// Nil when the text is not stored contiguously (never for native strings).
    static func wrapStable(_ text: String, width: Int, firstIndent: String, restIndent: String) -> [String]? {
        let rest = Array(restIndent.utf8)
        let restWidth = displayWidth(restIndent)
        var lines: [String] = []
        var line = Array(firstIndent.utf8)
        line.reserveCapacity(width * 2)
        var lineWidth = displayWidth(firstIndent)
        var lineHasWords = false

        func finishLine() {
            var end = line.count
            while end > 0 && line[end - 1] == 0x20 { end -= 1 }
            lines.append(String(decoding: line[0..<end], as: UTF8.self))
        }
        func startNewLine() {
            finishLine()
            line = rest
            lineWidth = restWidth
            lineHasWords = false
        }
        /// Length in bytes and width of the scalar starting at `i`.
        func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (length: Int, width: Int) {
            let b = bytes[i]
            if b < 0x80 { return (1, b >= 0x20 && b != 0x7F ? 1 : 0) }
            if b < 0xE0 {
                let v = (UInt32(b & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
                return (2, (v >= 0x80 && v <= 0x9F) || v == 0xAD ? 0 : 1)
            }
            return (3, 1)
        }

        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                // Skip breaking spaces: 0x20, 0x09–0x0D, U+0085 (C2 85).
                let b = bytes[i]
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) { i += 1; continue }
                if b == 0xC2 && i + 1 < n && bytes[i + 1] == 0x85 { i += 2; continue }
                // A word: up to the next breaking space.
                let start = i
                var wordWidth = 0
                while i < n {
                    let c = bytes[i]
                    if c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c == 0xC2 && i + 1 < n && bytes[i + 1] == 0x85) { break }
                    let (length, w) = scalar(bytes, i)
                    wordWidth += w
                    i += length
                }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if lineHasWords {
                    if lineWidth + 1 + wordWidth <= width {
                        line.append(0x20)
                        line.append(contentsOf: word)
                        lineWidth += 1 + wordWidth
                        continue
                    }
                    startNewLine()
                }
                if lineWidth + wordWidth <= width {
                    line.append(contentsOf: word)
                    lineWidth += wordWidth
                    lineHasWords = true
                    continue
                }
                // Too long even for an empty line: cut between characters (here, scalars).
                var pieceStart = start
                var pieceWidth = 0
                var j = start
                while j < i {
                    let (length, w) = scalar(bytes, j)
                    if j > pieceStart && lineWidth + pieceWidth + w > width {
                        line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pieceStart..<j]))
                        lineHasWords = true
                        startNewLine()
                        pieceStart = j
                        pieceWidth = 0
                    }
                    pieceWidth += w
                    j += length
                }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pieceStart..<i]))
                lineWidth += pieceWidth
                lineHasWords = true
            }
        }
        guard done != nil else { return nil }
        finishLine()
        return lines
    }

    /// `wrap` for any text, grapheme by grapheme.
    static func wrapGeneral(_ text: String, width: Int, firstIndent: String = "", restIndent: String = "") -> [String] {
        var lines: [String] = []
        var line = firstIndent
        var lineWidth = displayWidth(firstIndent)
        var lineHasWords = false
        let restWidth = displayWidth(restIndent)

        func startNewLine() {
            lines.append(trimmingTrailingSpaces(line))
            line = restIndent
            lineWidth = restWidth
            lineHasWords = false
        }

        for word in words(of: text) {
            let wordWidth = displayWidth(word)
            if lineHasWords {
                if lineWidth + 1 + wordWidth <= width {
                    line += " "
                    line += word
                    lineWidth += 1 + wordWidth
                    continue
                }
                startNewLine()
            }
            if lineWidth + wordWidth <= width {
                line += word
                lineWidth += wordWidth
                lineHasWords = true
                continue
            }
            // Too long even for an empty line: cut between grapheme clusters so a
            // letter never loses its tone mark.
            var piece = ""
            var pieceWidth = 0
            for character in word {
                let characterWidth = self.width(of: character)
                if !piece.isEmpty && lineWidth + pieceWidth + characterWidth > width {
                    line += piece
                    lineHasWords = true
                    startNewLine()
                    piece = ""
                    pieceWidth = 0
                }
                piece.append(character)
                pieceWidth += characterWidth
            }
            line += piece
            lineWidth += pieceWidth
            lineHasWords = true
        }
        lines.append(trimmingTrailingSpaces(line))
        return lines
    }

    /// Centre `text` in `width` columns (left padding only, extra space goes right i.e. floor on the left; no trailing spaces). Text wider than width is returned unchanged.
    ///
    /// Trailing spaces of `text` are dropped first, so they neither shift the
    /// text nor end up at the end of the line.
    public static func center(_ text: String, width: Int) -> String {
        let trimmed = trimmingTrailingSpaces(text)
        let textWidth = displayWidth(trimmed)
        // Blank text stays blank: padding it would only make trailing spaces.
        guard textWidth < width, !trimmed.isEmpty else { return trimmed }
        return spaces((width - textWidth) / 2) + trimmed
    }

    /// Pad on the left so the text ends at column `width` (right-align), no trailing spaces.
    ///
    /// Used for the place-and-date line and the signature block; text wider than
    /// `width` is returned as is (without trailing spaces).
    public static func alignRight(_ text: String, width: Int) -> String {
        let trimmed = trimmingTrailingSpaces(text)
        let textWidth = displayWidth(trimmed)
        guard textWidth < width, !trimmed.isEmpty else { return trimmed }
        return spaces(width - textWidth) + trimmed
    }

    /// Pad with spaces on the right to exactly `width` columns (for table cells); if wider, unchanged.
    public static func padRight(_ s: String, width: Int) -> String {
        let missing = width - displayWidth(s)
        return missing > 0 ? s + spaces(missing) : s
    }

    /// Pad with spaces on the left to exactly `width` columns (right-aligned numbers in table cells); if wider, unchanged.
    public static func padLeft(_ s: String, width: Int) -> String {
        let missing = width - displayWidth(s)
        return missing > 0 ? spaces(missing) + s : s
    }

    /// Two columns side by side, each `columnWidth` wide, separated by `gap` spaces; each line of `left` centred in the left half and `right` centred in the right half (this is the official two-column document header). Shorter column padded with blank lines. Lines end without trailing spaces. Lines longer than a column should be wrapped (centre each wrapped line).
    ///
    /// The column width is `(totalWidth - 2) / 2` and the gap takes what is left
    /// (2, or 3 when `totalWidth` is odd), so the right column ends exactly at
    /// `totalWidth`. Use `twoColumns(left:right:columnWidth:gap:)` for other splits.
    public static func twoColumns(left: [String], right: [String], totalWidth: Int) -> [String] {
        let total = max(totalWidth, 0) // a negative width must not overflow below
        let columnWidth = max(1, (total - 2) / 2)
        let gap = max(0, total - 2 * columnWidth)
        return twoColumns(left: left, right: right, columnWidth: columnWidth, gap: gap)
    }

    /// Two centred columns of `columnWidth` columns each, `gap` spaces apart.
    ///
    /// Each input line is wrapped to the column first and every wrapped line is
    /// centred on its own, as a long issuing-body name is in a real header. Empty
    /// input lines stay as blank rows so callers can line up the number line with
    /// the place-and-date line.
    public static func twoColumns(left: [String], right: [String], columnWidth: Int, gap: Int) -> [String] {
        func layout(_ lines: [String]) -> [String] {
            lines.flatMap { line in
                wrap(line, width: columnWidth).map { center($0, width: columnWidth) }
            }
        }
        let leftLines = layout(left)
        let rightLines = layout(right)
        let rightStart = columnWidth + max(0, gap)
        var result: [String] = []
        result.reserveCapacity(max(leftLines.count, rightLines.count))
        for row in 0..<max(leftLines.count, rightLines.count) {
            let leftPart = row < leftLines.count ? leftLines[row] : ""
            let rightPart = row < rightLines.count ? rightLines[row] : ""
            if rightPart.isEmpty {
                result.append(leftPart)
            } else {
                result.append(trimmingTrailingSpaces(padRight(leftPart, width: rightStart) + rightPart))
            }
        }
        return result
    }

    /// A horizontal rule of `count` copies of `char`, e.g. for the short rule under the issuing body.
    ///
    /// A negative count gives an empty string rather than trapping.
    public static func rule(_ count: Int, char: Character = "-") -> String {
        String(repeating: String(char), count: max(0, count))
    }

    // MARK: - Helpers

    /// The words of `text`: runs between breaking whitespace, as slices (no copies).
    ///
    /// Scans scalars rather than grapheme clusters because segmentation is slow;
    /// a whitespace scalar followed by a combining mark is kept in the word, as a
    /// cluster boundary would have it, so no word ever starts with a bare mark.
    static func words(of text: String) -> [Substring] {
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var wordStart: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let next = scalars.index(after: index)
            var isBreak = isBreakingSpace(scalars[index].value)
            if isBreak, next < scalars.endIndex, isCombiningMark(scalars[next]) {
                isBreak = false
            }
            if isBreak {
                if let start = wordStart {
                    words.append(text[start..<index])
                    wordStart = nil
                }
            } else if wordStart == nil {
                wordStart = index
            }
            index = next
        }
        if let start = wordStart { words.append(text[start...]) }
        return words
    }

    /// Whitespace that allows a line break: Unicode White_Space (a fixed list,
    /// checked without a property lookup) minus the no-break spaces U+00A0,
    /// U+2007 and U+202F.
    @inline(__always)
    static func isBreakingSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09...0x0D, 0x85, 0x1680, 0x2000...0x2006, 0x2008...0x200A,
             0x2028, 0x2029, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Unicode White_Space, no-break spaces included.
    @inline(__always)
    static func isWhiteSpace(_ v: UInt32) -> Bool {
        isBreakingSpace(v) || v == 0xA0 || v == 0x2007 || v == 0x202F
    }

    /// `count` spaces (none for a negative count).
    @inline(__always)
    static func spaces(_ count: Int) -> String {
        String(repeating: " ", count: max(0, count))
    }

    /// The text without the plain spaces at its end.
    static func trimmingTrailingSpaces(_ s: String) -> String {
        guard let last = s.utf8.last, last == 0x20 else { return s }
        var end = s.endIndex
        while end > s.startIndex {
            let before = s.index(before: end)
            guard s[before] == " " else { break }
            end = before
        }
        return String(s[..<end])
    }
}
