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

extension DocxParagraph {
    /// `xml` (paragraphs this writer made) with every paragraph kept with the next one:
    /// `w:keepNext` right after each `w:pStyle`, where the schema's sequence puts it. The
    /// closing paragraphs come written by the formatter, which cannot tell them from the
    /// body's, so they are marked here, where they are known to be the closing.
    static func keepingWithNext(_ xml: String) -> String {
        let keep = "<w:keepNext/>"
        var out = ""
        out.reserveCapacity(xml.utf8.count + 64)
        var rest = Substring(xml)
        while let start = rest.range(of: "<w:pStyle ") {
            guard let end = rest[start.upperBound...].range(of: "/>") else { break }
            out += rest[..<end.upperBound]
            rest = rest[end.upperBound...]
            if !rest.hasPrefix(keep) { out += keep }
        }
        out += rest
        return out
    }
}
