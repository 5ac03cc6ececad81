import ThiDuaKit

/// The geometry of the two-column letterhead and of the short rules, from the measured
/// width of each line: the right column is as wide as the quốc hiệu needs, the left one
/// takes the rest (reaching into the left margin, up to the layout's limit, when the two
/// do not fit the text width), and a name too long for its column is broken into lines as
/// clerks break them by hand (`VietnameseText.breakName`), instead of where Word happens to wrap.
struct DocxLetterhead {
    /// How far the table reaches into the left margin, in twips.
    var outdent: Int
    var leftWidth: Int
    var rightWidth: Int
    var parentBodyLines: [String]
    var issuingBodyLines: [String]
    /// Indent on both sides of the rule under the issuing body (1/3 to 1/2 of the name's
    /// length, centred), of the rule under the motto (its own length) and of the rule
    /// under the trích yếu.
    var issuingRuleIndent: Int
    var mottoRuleIndent: Int
    var subjectRuleIndent: Int

    /// Room beside each line, so the columns never touch and rounding in a renderer never
    /// wraps a line (twips, 3 mm).
    static let slack = 170.0
    /// The rule under the issuing body as a share of the name's longest line.
    static let issuingRuleShare = 0.4

    init(layout: DocxLayout, parentBody: String, issuingBody: String, numberLine: String, placeDate: String) {
        let textWidth = Double(layout.textWidth)
        let parentWidth = FontMetrics.width(parentBody, size: layout.parentBodySize)
        let issuingWidth = FontMetrics.width(issuingBody, size: layout.issuingBodySize, weight: .bold)
        let numberWidth = FontMetrics.width(numberLine, size: layout.numberSize)
        let mottoWidth = FontMetrics.width(DocumentFormat.motto, size: layout.mottoSize, weight: .bold)
        let rightNeed = max(FontMetrics.width(DocumentFormat.nation, size: layout.nationSize, weight: .bold),
                            mottoWidth, FontMetrics.width(placeDate, size: layout.placeDateSize)) + Self.slack
        let leftNeed = max(parentWidth, issuingWidth, numberWidth) + Self.slack

        var right = max(rightNeed, textWidth * 0.55)
        var left = textWidth - right
        var outdent = 0.0
        if left < leftNeed {
            // Give the left column what the right one can spare, then the margin.
            right = max(rightNeed, textWidth - leftNeed)
            left = textWidth - right
            if left < leftNeed {
                outdent = min(leftNeed - left, Double(DocxLayout.twips(layout.letterheadOutdent)))
                left += outdent
            }
        }
        self.outdent = Int(outdent.rounded())
        self.leftWidth = Int(left.rounded())
        self.rightWidth = Int(right.rounded())

        let usable = left - Self.slack
        parentBodyLines = Self.balancedLines(parentBody, width: usable, size: layout.parentBodySize, weight: .regular, name: true)
        issuingBodyLines = Self.balancedLines(issuingBody, width: usable, size: layout.issuingBodySize, weight: .bold, name: true)
        let longestIssuingLine = issuingBodyLines.map { FontMetrics.width($0, size: layout.issuingBodySize, weight: .bold) }.max() ?? 0
        let issuingRule = min(longestIssuingLine, usable) * Self.issuingRuleShare
        issuingRuleIndent = max(0, Int(((left - issuingRule) / 2).rounded()))
        mottoRuleIndent = max(0, Int(((right - mottoWidth) / 2).rounded()))
        subjectRuleIndent = max(0, (layout.textWidth - DocxLayout.twips(layout.subjectRule)) / 2)
    }

    /// `text` in as few lines as fit `width` (up to four). A body's `name` is broken by the
    /// rule the plain-text header shares (`VietnameseText.breakName`: where a unit's name
    /// begins, never inside a word of several syllables; a word wider than the width on a
    /// line of its own, for Word to wrap). Other text, such as the trích yếu, breaks at any
    /// space, the longest line as short as it can be; longer text, or a word wider than the
    /// width, is left whole for Word to wrap.
    static func balancedLines(_ text: String, width: Double, size: Double, weight: FontMetrics.Weight, name: Bool = false) -> [String] {
        if name {
            return VietnameseText.breakName(text, width: width, maxLines: 4) {
                FontMetrics.width(String($0), size: size, weight: weight)
            }.lines
        }
        let words = text.split(separator: " ").map(String.init)
        // Four lines hold no more than some sixty words; the search is quadratic in words.
        guard words.count > 1, words.count <= 80, FontMetrics.width(text, size: size, weight: weight) > width else { return [text] }
        let space = FontMetrics.width(" ", size: size, weight: weight)
        let wordWidths = words.map { FontMetrics.width($0, size: size, weight: weight) }
        func lineWidth(_ range: Range<Int>) -> Double {
            wordWidths[range].reduce(0, +) + space * Double(range.count - 1)
        }
        for lines in 2...min(4, words.count) {
            if let result = Self.lines(words, count: lines, width: width, lineWidth: lineWidth) {
                return result
            }
        }
        return [text]
    }

    /// `words` in exactly `count` lines no wider than `width`, the longest line as short as
    /// it can be; nil when no such breaking fits.
    static func lines(_ words: [String], count lines: Int, width: Double,
                      lineWidth: (Range<Int>) -> Double) -> [String]? {
        // remaining[used][start]: the shortest possible longest line for words[start...]
        // set in exactly `used` lines; cut[used][start] ends its first line.
        var remaining = [[Double]](repeating: [Double](repeating: .infinity, count: words.count + 1), count: lines + 1)
        var cut = [[Int]](repeating: [Int](repeating: words.count, count: words.count + 1), count: lines + 1)
        remaining[0][words.count] = 0
        for used in 1...lines {
            for start in 0..<words.count {
                for end in (start + 1)...words.count {
                    let candidate = max(lineWidth(start..<end), remaining[used - 1][end])
                    if candidate < remaining[used][start] {
                        remaining[used][start] = candidate
                        cut[used][start] = end
                    }
                }
            }
        }
        guard remaining[lines][0] <= width else { return nil }
        var result: [String] = []
        var start = 0
        var used = lines
        while start < words.count, used > 0 {
            let end = cut[used][start]
            result.append(words[start..<end].joined(separator: " "))
            start = end
            used -= 1
        }
        return result
    }
}
