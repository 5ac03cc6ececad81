/// Builds the template context of a document: every date, number, heading
/// number and anniversary already written out, for both output formats.
///
/// Raw values (for writers that lay text out themselves, such as Word's) are under plain
/// keys; Markdown pieces, already escaped, under `md`; plain-text pieces (already wrapped to
/// the requested width) under `txt`. Templates only choose the order and the spacing.
public struct DocumentView {
    /// Plain-text line width.
    public var width: Int
    /// The formats every block is written in: Markdown, plain text, then `extraFormatters`.
    public let formatters: [BlockFormatter]

    /// A view for plain text of `width` columns; `extraFormatters` add formats (such as
    /// Word's) whose text the context then holds under their keys too.
    public init(width: Int = 80, extraFormatters: [BlockFormatter] = []) {
        self.width = max(40, width)
        self.formatters = [MarkdownFormatter(), PlainTextFormatter(width: max(40, width))] + extraFormatters
    }

    /// "DỰ THẢO", the mark a draft carries above its header.
    public static let draftMark = "DỰ THẢO"

    /// A view whose blocks are written by `formatters` alone: for a writer that needs
    /// only its own format (the Word writer on its own), so no time goes into the others.
    public init(width: Int = 80, formatters: [BlockFormatter]) {
        self.width = max(40, width)
        self.formatters = formatters
    }

    /// The context for `document`.
    public func context(for document: Document) -> TemplateValue {
        let header = document.header
        let title = document.title ?? document.kind.title
        let numberLine = DocumentFormat.numberLine(number: header.number, symbol: header.symbol.value)
        let placeDate = header.dayLeftBlank
            ? DocumentFormat.placeAndDate(place: header.place, monthOf: header.date.value)
            : DocumentFormat.placeAndDate(place: header.place, date: header.date.value)
        let subject = InlineText.curlyQuotes(document.subject)

        let sections = bodySections(document)
        let references = referencesParagraph(document)
        let sectionValues: [TemplateValue] = sections.enumerated().map { index, section in
            let number = RomanNumeral.string(index + 1) ?? String(index + 1)
            var fields: [(String, TemplateValue)] = [("number", .string(number)), ("title", .string(section.title))]
            for formatter in formatters {
                fields.append(("\(formatter.key)_heading", .string(formatter.sectionHeading(number: number, title: section.title))))
            }
            fields.append(("blocks", .list(layout(section.blocks))))
            return .map(fields)
        }

        let recipientLines = recipientLines(document)
        let signatureLines = signatureLines(document.signature)
        let md = MarkdownFormatter.self
        // Spaces would collapse in Markdown: the blanks left for the văn thư are no-break spaces there.
        let mdNumberLine = header.number == nil
            ? "Số:" + String(repeating: "\u{00A0}", count: 6) + "/" + VietnameseText.nfc(header.symbol.value) : numberLine
        let mdPlaceDate = header.dayLeftBlank
            ? DocumentFormat.placeAndDate(place: header.place, monthOf: header.date.value, blank: String(repeating: "\u{00A0}", count: 6))
            : placeDate

        return .map([
            ("kind", .string(document.kind.rawValue)),
            ("title", .string(title)),
            ("subject", .string(subject)),
            ("is_draft", .bool(header.isDraft)),
            ("draft_mark", .string(header.isDraft ? Self.draftMark : "")),
            ("header", .map([
                ("parent_body", .string(header.parentBody)),
                ("issuing_body", .string(header.issuingBody)),
                ("number_line", .string(numberLine)),
                ("nation", .string(DocumentFormat.nation)),
                ("motto", .string(DocumentFormat.motto)),
                ("place_date", .string(placeDate)),
            ])),
            ("has_references", .bool(references != nil)),
            ("references", layoutParagraph(references ?? "")),
            ("preamble", .list(layout(document.preamble))),
            ("sections", .list(sectionValues)),
            ("closing", .list(layout(document.closing))),
            ("has_annexes", .bool(!document.annexes.isEmpty)),
            ("annexes", .list(annexValues(document))),
            ("recipients", .list(recipientLines.map { .string($0) })),
            ("recipients_md", .string(recipientLines.map { md.cell($0) }.joined(separator: "<br>"))),
            ("signature", .map([
                ("authority", .string(signatureLines.authority ?? "")),
                ("has_authority", .bool(signatureLines.authority != nil)),
                ("title", .string(document.signature.title)),
                ("has_title", .bool(!document.signature.title.isEmpty)),
                ("signer", .string(document.signature.signer.value)),
            ])),
            ("md", .map([
                ("parent_body", .string(md.cell(header.parentBody))),
                ("issuing_body", .string(md.cell(header.issuingBody))),
                ("number_line", .string(md.cell(mdNumberLine))),
                ("place_date", .string(md.cell(mdPlaceDate))),
                ("title", .string(InlineText.markdown(title, place: .heading))),
                ("subject", .string(md.cell(InlineText.plain(subject)))),
                ("authority", .string(md.cell(signatureLines.authority ?? ""))),
                ("signature_title", .string(md.cell(document.signature.title))),
                ("signer", .string(md.cell(document.signature.signer.value))),
            ])),
            ("txt", .map([
                ("draft", .string(header.isDraft ? VietnameseText.alignRight(Self.draftMark, width: width) : "")),
                ("header", .string(TextLayout.header(left: [header.parentBody, header.issuingBody],
                                                     right: [DocumentFormat.nation, DocumentFormat.motto],
                                                     number: numberLine, placeDate: placeDate, width: width))),
                ("title", .string(TextLayout.centeredBlock([title], width: width))),
                ("subject", .string(TextLayout.centeredBlock([InlineText.plain(subject)], width: width - 10, within: width))),
                ("rule", .string(TextLayout.centeredBlock([VietnameseText.rule(12)], width: width))),
                ("footer", .string(TextLayout.footer(recipients: recipientParts(document), signature: signatureLines.all, width: width))),
            ])),
        ])
    }

    /// The sections as printed: the phases laid out at the end of the section that holds them
    /// (or of a section of their own).
    func bodySections(_ document: Document) -> [Section] {
        var sections = document.sections
        guard let first = document.phases.first else { return sections }
        let phaseBlocks = PhaseLayout.blocks(for: document)
        if let index = sections.firstIndex(where: \.holdsPhases) {
            sections[index].blocks += phaseBlocks
        } else {
            sections.append(Section(title: "CÁC ĐỢT THI ĐUA", blocks: phaseBlocks, holdsPhases: true, position: first.position))
        }
        return sections
    }

    /// Each formatter's text of one group of blocks, under its key.
    func formatted(_ group: [LaidOutBlock]) -> TemplateValue {
        .map(formatters.map { ($0.key, .string($0.format(group))) })
    }

    /// A paragraph as `{md, txt, …}`.
    func layoutParagraph(_ text: String) -> TemplateValue {
        formatted([LaidOutBlock(role: .paragraph, text: text)])
    }

    /// Lays out blocks with their numbers (see `BlockLayout`), each group in every format.
    func layout(_ blocks: [Block]) -> [TemplateValue] {
        BlockLayout.groups(blocks).map(formatted)
    }

    /// "- Ban … (để b/c);" lines and the closing "- Lưu: VT, …." line.
    func recipientLines(_ document: Document) -> [String] {
        recipientParts(document).map { $0.name + ($0.tail.isEmpty ? "" : " " + $0.tail) }
    }

    /// Each recipient line as its name ("- Ban …") and the part that must stay whole on a line
    /// when it is wrapped: the purpose with the final mark ("(để th/hiện);"), or the mark alone.
    func recipientParts(_ document: Document) -> [(name: String, tail: String)] {
        var parts = document.recipients.map { recipient -> (name: String, tail: String) in
            guard let purpose = recipient.purpose else { return ("- \(recipient.name);", "") }
            return ("- \(recipient.name)", "(\(purpose));")
        }
        if !document.archive.isEmpty {
            parts.append(("- Lưu: \(document.archive.joined(separator: ", ")).", ""))
        } else if var last = parts.popLast() {
            // The last line ends with "." (conventions.md).
            if last.tail.isEmpty {
                if last.name.hasSuffix(";") { last.name.removeLast() }
                last.name += "."
            } else {
                last.tail = String(last.tail.dropLast()) + "."
            }
            parts.append(last)
        }
        return parts
    }

    /// The authority line ("TM. BAN THƯỜNG VỤ"), the title, room for the signature and the
    /// seal (four blank lines), the name.
    func signatureLines(_ signature: Signature) -> (authority: String?, all: [String]) {
        var authority: String?
        if let mark = signature.authority {
            authority = [mark.rawValue, signature.onBehalfOf].compactMap { $0 }.joined(separator: " ")
        }
        // "Q. CHỦ TỊCH" alone has no title line (`Signature.title` empty).
        let all = [authority, signature.title.isEmpty ? nil : signature.title].compactMap { $0 } + Array(repeating: "", count: TextLayout.signatureRoom)
            + [signature.signer.value]
        return (authority, all)
    }
}

extension MarkdownFormatter {
    /// Text for a cell of the header or footer table: inline markup escaped, `|` included.
    static func cell(_ text: String) -> String {
        InlineText.escapingInline(InlineText.curlyQuotes(text), headingHashes: false).trimmingSpaces()
    }
}

extension Deadline {
    /// "trước ngày 06/3/2021" or "trong tháng 03 năm 2021".
    public static func phrase(_ deadline: Deadline) -> String {
        switch deadline {
        case .day(let d): return "trước ngày \(d.short())"
        case .month(let year, let month): return "trong tháng \(month < 10 ? "0" : "")\(month) năm \(year)"
        }
    }
}

extension DocumentFormat {
    /// Quốc hiệu.
    public static let nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    /// Tiêu ngữ.
    public static let motto = "Độc lập - Tự do - Hạnh phúc"
}
