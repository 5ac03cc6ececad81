import ThiDuaKit

/// Writes laid-out blocks as WordprocessingML paragraphs and tables, under the key
/// `docx` of the view model, for the Word templates to place (`{{{docx}}}`).
///
/// Numbers and letters are the ones the view model computed, written as text (not Word
/// numbering), so they cannot change when the file is opened in Word or LibreOffice.
/// A label is followed by a tab to a hanging indent sized to the label, so wrapped
/// lines line up under the text as in the plain-text output. Fonts, sizes and spacing
/// come from the paragraph styles of `styles.docx.mustache`.
public struct DocxFormatter: BlockFormatter {
    public var key: String { "docx" }

    let layout: DocxLayout
    /// The tables of the landscape annexes, sized for a landscape page.
    let annexes: DocxAnnexPlan
    let dropped: DroppedCharacters?

    init(layout: DocxLayout, annexes: DocxAnnexPlan, dropped: DroppedCharacters?) {
        self.layout = layout
        self.annexes = annexes
        self.dropped = dropped
    }

    public func sectionHeading(number: String, title: String) -> String {
        labelled(style: "ThiDuaSection", label: "\(number).", text: title, start: layout.indent, bold: true, keepNext: true)
    }

    public func format(_ group: [LaidOutBlock]) -> String {
        var out = ""
        for block in group { out += xml(block) }
        return out
    }

    func xml(_ block: LaidOutBlock) -> String {
        switch block.role {
        case .paragraph:
            return DocxParagraph(style: "ThiDuaBody", runs: DocxRuns.markup(block.text, dropped: dropped)).xml
        case .heading(let level):
            let style = ["ThiDuaHeading1", "ThiDuaHeading2", "ThiDuaHeading3"][min(max(level, 0), 2)]
            return labelled(style: style, label: block.label, text: block.text, start: layout.indent, bold: level <= 1, keepNext: true)
        case .numberedSentence, .point:
            return labelled(style: "ThiDuaItem", label: block.label, text: block.text, start: layout.indent, bold: false, keepNext: false)
        case .bullet(let level):
            let start = level == 0 ? layout.indent : layout.indent + hanging(for: "-", bold: false)
            return labelled(style: "ThiDuaItem", label: block.label, text: block.text, start: start, bold: false, keepNext: false)
        case .subheading:
            // "* Các phong trào thi đua trọng tâm:": bold, unnumbered, kept with what follows.
            var paragraph = DocxParagraph(style: "ThiDuaHeading1", runs: DocxRuns.run("\(block.label) ", dropped: dropped)
                                            + DocxRuns.markup(block.text, dropped: dropped))
            paragraph.keepNext = true
            return paragraph.xml
        case .labeledParagraph:
            // "Một là: …", "1- …": running text opening with its computed label.
            let runs = DocxRuns.run("\(block.label) ", dropped: dropped) + DocxRuns.markup(block.text, dropped: dropped)
            return DocxParagraph(style: "ThiDuaBody", runs: runs).xml
        case .bulletText:
            var paragraph = DocxParagraph(style: "ThiDuaItem", runs: DocxRuns.markup(block.text, dropped: dropped))
            paragraph.left = layout.indent + hanging(for: "-", bold: false)
            paragraph.firstLine = 0
            return paragraph.xml
        case .table(let table):
            let parts = annexes.isLandscape(table)
                ? DocxTable.inLandscapeAnnex(table, layout: layout, dropped: dropped)
                : DocxTable.inBody(table, layout: layout, dropped: dropped)
            return DocxTable.xml(parts, dropped: dropped)
        }
    }

    /// A paragraph "label<tab>text": the label begins at `start` (twips from the left
    /// margin), the text and its wrapped lines at the hanging indent after it.
    func labelled(style: String, label: String, text: String, start: Int, bold: Bool, keepNext: Bool) -> String {
        let hang = hanging(for: label, bold: bold)
        var runs = DocxRuns.run(label, dropped: dropped)
        runs += "<w:r><w:tab/></w:r>"
        runs += DocxRuns.markup(text, dropped: dropped)
        var paragraph = DocxParagraph(style: style, runs: runs)
        paragraph.keepNext = keepNext
        // The explicit stop makes LibreOffice tab to the indent as Word does.
        paragraph.tabs = [start + hang]
        paragraph.left = start + hang
        paragraph.hanging = hang
        return paragraph.xml
    }

    /// The room a label takes: its width and a space's, rounded up to a whole point.
    func hanging(for label: String, bold: Bool) -> Int {
        let width = FontMetrics.width(label + " ", size: layout.bodySize, weight: bold ? .bold : .regular)
        return Int((width / 20).rounded(.up)) * 20
    }
}
