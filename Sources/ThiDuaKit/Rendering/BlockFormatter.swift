/// Writes laid-out blocks in one output format. The view model holds, for every group of
/// blocks, the text of each formatter under the formatter's key, so a template of that
/// format prints `{{{md}}}`, `{{{txt}}}` or `{{{docx}}}` and only arranges.
///
/// A new output format is one more formatter (and its templates); the numbering and the
/// text come from the same `LaidOutBlock`s as every other format's.
public protocol BlockFormatter: Sendable {
    /// The context key the text is stored under ("md", "txt", "docx").
    var key: String { get }
    /// A group of blocks: one block, or a run of bullets (with their own text and
    /// sub-bullets) that formats such as Markdown write as one list.
    func format(_ group: [LaidOutBlock]) -> String
    /// A section heading "I. MỤC ĐÍCH, YÊU CẦU".
    func sectionHeading(number: String, title: String) -> String
}

/// GitHub-flavoured Markdown, as pandoc reads it.
public struct MarkdownFormatter: BlockFormatter {
    public var key: String { "md" }

    public init() {}

    public func sectionHeading(number: String, title: String) -> String {
        "## \(number). \(title)"
    }

    public func format(_ group: [LaidOutBlock]) -> String {
        group.map(line).joined(separator: "\n")
    }

    func line(_ block: LaidOutBlock) -> String {
        switch block.role {
        case .paragraph:
            return InlineText.markdown(block.text)
        case .heading(let level):
            let hashes = String(repeating: "#", count: min(6, level + 3))
            return "\(hashes) \(block.label) \(InlineText.curlyQuotes(block.text))"
        case .numberedSentence:
            // "1. text" would become a Markdown list: escape the dot of a one-level number.
            let label = block.label.filter({ $0 == "." }).count == 1
                ? block.label.replacingOccurrences(of: ".", with: "\\.") : block.label
            return "\(label) \(InlineText.curlyQuotes(block.text))"
        case .point:
            // "a)" would become an ordered list: escape the bracket.
            return "\(block.label.dropLast())\\) \(InlineText.markdown(block.text))"
        case .bullet(let level):
            return level == 0 ? "- \(InlineText.curlyQuotes(block.text))" : "  - \(InlineText.curlyQuotes(block.text))"
        case .bulletText:
            return "  \(InlineText.curlyQuotes(block.text))"
        case .table(let table):
            return TableLayout.markdown(table)
        }
    }
}

/// Plain text wrapped to a width (grapheme clusters), with hanging indents.
public struct PlainTextFormatter: BlockFormatter {
    public var key: String { "txt" }
    /// Line width in columns.
    public var width: Int

    public init(width: Int) {
        self.width = width
    }

    public func sectionHeading(number: String, title: String) -> String {
        TextLayout.wrap(title, width: width, hanging: "\(number). ")
    }

    public func format(_ group: [LaidOutBlock]) -> String {
        group.map(lines).joined(separator: "\n")
    }

    func lines(_ block: LaidOutBlock) -> String {
        let text = InlineText.plain(block.text)
        switch block.role {
        case .paragraph:
            return TextLayout.wrap(text, width: width, first: TextLayout.paragraphIndent, rest: "")
        case .heading, .numberedSentence, .point:
            return TextLayout.wrap(text, width: width, hanging: "\(block.label) ")
        case .bullet(let level):
            return level == 0 ? TextLayout.wrap(text, width: width, hanging: "- ")
                : TextLayout.wrap(text, width: width, first: "  + ", rest: "    ")
        case .bulletText:
            return TextLayout.wrap(text, width: width, first: "  ", rest: "  ")
        case .table(let table):
            return TableLayout.plain(table, width: width)
        }
    }
}
