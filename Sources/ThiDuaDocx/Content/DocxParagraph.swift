/// One `w:p`, its properties written in the order the schema's sequence requires
/// (ECMA-376 Part 1, CT_PPrBase: pStyle, keepNext, …, pBdr, …, tabs, …, spacing, ind,
/// …, jc), so Word never finds them out of place.
struct DocxParagraph {
    /// The paragraph style (fonts, sizes, spacing live in styles.xml).
    var style: String
    var keepNext = false
    /// A rule drawn above the paragraph (the short rules of the letterhead and title).
    var topRule = false
    /// Left tab stops, in twips from the left margin.
    var tabs: [Int] = []
    /// Space before, in twips, when it differs from the style's.
    var spaceBefore: Int?
    /// Left indent and hanging indent (twips), when they differ from the style's.
    var left: Int?
    var right: Int?
    var hanging: Int?
    var firstLine: Int?
    /// "left", "center", "right" or "both", when it differs from the style's.
    var alignment: String?
    /// The runs (already escaped).
    var runs: String

    init(style: String, runs: String) {
        self.style = style
        self.runs = runs
    }

    var xml: String {
        var out = "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>"
        if keepNext { out += "<w:keepNext/>" }
        if topRule { out += "<w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>" }
        if !tabs.isEmpty {
            out += "<w:tabs>" + tabs.map { "<w:tab w:val=\"left\" w:pos=\"\($0)\"/>" }.joined() + "</w:tabs>"
        }
        if let spaceBefore { out += "<w:spacing w:before=\"\(spaceBefore)\"/>" }
        if left != nil || right != nil || hanging != nil || firstLine != nil {
            out += "<w:ind"
            if let left { out += " w:left=\"\(left)\"" }
            if let right { out += " w:right=\"\(right)\"" }
            if let hanging { out += " w:hanging=\"\(hanging)\"" } else if let firstLine { out += " w:firstLine=\"\(firstLine)\"" }
            out += "/>"
        }
        if let alignment { out += "<w:jc w:val=\"\(alignment)\"/>" }
        out += "</w:pPr>" + runs + "</w:p>"
        return out
    }
}
