/// HTML for the web app's preview "as it will print": the same laid-out blocks as the Word
/// file (numbers, letters, sub-headings, labelled paragraphs, tables), under the key `html`
/// of the view model, for `Templates/html/*.html.mustache` to place (`{{{html}}}`).
///
/// Every piece of the data file's text is escaped here (`&`, `<`, `>`, quotes), and its
/// emphasis written as `<strong>`/`<em>` from `InlineMarkup.spans`, the one rule Word's
/// runs use; nothing a clerk types becomes markup. The templates print the header and
/// footer with `{{…}}`, which escapes too.
public struct HTMLFormatter: BlockFormatter {
    public var key: String { "html" }

    public init() {}

    public func sectionHeading(number: String, title: String) -> String {
        "<h2 class=\"muc\">\(Self.escape(number)). \(Self.escape(InlineMarkup.plain(title)))</h2>"
    }

    public func format(_ group: [LaidOutBlock]) -> String {
        group.map(element).joined(separator: "\n")
    }

    func element(_ block: LaidOutBlock) -> String {
        switch block.role {
        case .paragraph:
            return "<p class=\"doan\">\(Self.markup(block.text))</p>"
        case .heading(let level):
            return "<p class=\"tieu-de cap-\(min(max(level, 0), 2))\">\(labelled(block))</p>"
        case .numberedSentence, .point:
            return "<p class=\"y\">\(labelled(block))</p>"
        case .bullet(let level):
            return "<p class=\"gach cap-\(min(max(level, 0), 1))\">\(labelled(block))</p>"
        case .bulletText:
            return "<p class=\"gach-tiep\">\(Self.markup(block.text))</p>"
        case .subheading:
            return "<p class=\"tieu-de-phu\">\(Self.escape(block.label)) \(Self.markup(block.text))</p>"
        case .labeledParagraph:
            return "<p class=\"doan\">\(Self.escape(block.label)) \(Self.markup(block.text))</p>"
        case .table(let table):
            return Self.table(table)
        }
    }

    /// "label text" with the label in a hanging box, as Word's tab to the hanging indent.
    func labelled(_ block: LaidOutBlock) -> String {
        "<span class=\"nhan\">\(Self.escape(block.label))</span> \(Self.markup(block.text))"
    }

    /// A table of figures: header row, bold rows for the totals, numbers to the right.
    static func table(_ table: Table) -> String {
        func align(_ column: Int) -> String {
            guard column < table.alignments.count else { return "" }
            switch table.alignments[column] {
            case .left: return ""
            case .right: return " class=\"phai\""
            case .center: return " class=\"giua\""
            }
        }
        var html = "<table class=\"bang\"><thead><tr>"
        for (column, header) in table.headers.enumerated() {
            html += "<th\(align(column))>\(escape(InlineMarkup.plain(header)))</th>"
        }
        html += "</tr></thead><tbody>"
        for (index, row) in table.rows.enumerated() {
            html += table.emphasized.contains(index) ? "<tr class=\"tong\">" : "<tr>"
            for (column, cell) in row.enumerated() {
                html += "<td\(align(column))>\(escape(InlineMarkup.plain(cell)))</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// The text with its emphasis as `<strong>`/`<em>`, everything else escaped.
    public static func markup(_ text: String) -> String {
        InlineMarkup.spans(text).map { span in
            var piece = escape(span.text)
            if span.italic { piece = "<em>\(piece)</em>" }
            if span.bold { piece = "<strong>\(piece)</strong>" }
            return piece
        }.joined()
    }

    /// Text safe in HTML element content and in quoted attribute values.
    ///
    /// Escaped byte by byte, not by `Character`: a quote followed by a combining mark is one
    /// Character (`"\u{301}`), which a character comparison would let through unescaped, and
    /// the browser still reads the `"`. Most text has nothing to escape and is returned as is.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
