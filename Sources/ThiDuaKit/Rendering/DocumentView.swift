/// Builds the template context of a document: every date, number, heading
/// number and anniversary already written out, for both output formats.
///
/// Markdown pieces are under `md`-named keys, plain-text pieces (already
/// wrapped to the requested width) under `txt`-named keys; templates only
/// choose the order and the spacing.
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
        let placeDate = DocumentFormat.placeAndDate(place: header.place, date: header.date.value)
        let subject = InlineText.curlyQuotes(document.subject)

        var sections = document.sections
        var phaseBlocks: [Block] = []
        if !document.phases.isEmpty {
            phaseBlocks = PhaseLayout.blocks(for: document)
            if let index = sections.firstIndex(where: \.holdsPhases) {
                sections[index].blocks += phaseBlocks
            } else {
                sections.append(Section(title: "CÁC ĐỢT THI ĐUA", blocks: phaseBlocks, holdsPhases: true,
                                        position: document.phases[0].position))
            }
        }

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

        return .map([
            ("kind", .string(document.kind.rawValue)),
            ("title", .string(title)),
            ("subject", .string(subject)),
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
            ("recipients_md", .string(recipientLines.map(Self.escapingPipes).joined(separator: "<br>"))),
            ("signature", .map([
                ("authority", .string(signatureLines.authority ?? "")),
                ("has_authority", .bool(signatureLines.authority != nil)),
                ("title", .string(document.signature.title)),
                ("signer", .string(document.signature.signer.value)),
            ])),
            ("txt", .map([
                ("header", .string(TextLayout.header(left: [header.parentBody, header.issuingBody],
                                                     right: [DocumentFormat.nation, DocumentFormat.motto],
                                                     number: numberLine, placeDate: placeDate, width: width))),
                ("title", .string(TextLayout.centeredBlock([title], width: width))),
                ("subject", .string(TextLayout.centeredBlock([subject], width: width - 10, within: width))),
                ("rule", .string(TextLayout.centeredBlock([VietnameseText.rule(12)], width: width))),
                ("footer", .string(TextLayout.footer(recipients: recipientLines, signature: signatureLines.all, width: width))),
            ])),
        ])
    }

    /// `|` escaped for a Markdown table cell.
    static func escapingPipes(_ text: String) -> String {
        VietnameseText.containsByte(text, UInt8(ascii: "|")) ? text.replacingOccurrences(of: "|", with: "\\|") : text
    }

    /// "Căn cứ A; B." with each reference in the standard sentence.
    func referencesParagraph(_ document: Document) -> String? {
        guard !document.references.isEmpty else { return nil }
        let parts = document.references.map(Self.referenceSentence)
        return "\(document.referenceWording.words) " + parts.joined(separator: "; ") + "."
    }

    /// "Kế hoạch số 02/KH-TLĐ ngày 10/02/2017 của Đoàn Chủ tịch … về …".
    public static func referenceSentence(_ reference: DocumentReference) -> String {
        var text = reference.kind
        if let number = reference.numberAndSymbol { text += " số \(number)" }
        if let date = reference.date { text += " ngày \(date.value.short())" }
        if let issuer = reference.issuer { text += " của \(issuer)" }
        if let subject = reference.subject {
            let lower = subject.lowercased()
            text += lower.hasPrefix("về ") ? " \(subject)" : " về \(subject)"
        }
        return InlineText.curlyQuotes(text)
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
        var lines = document.recipients.map { recipient -> String in
            let purpose = recipient.purpose.map { " (\($0))" } ?? ""
            return "- \(recipient.name)\(purpose);"
        }
        if !document.archive.isEmpty {
            lines.append("- Lưu: \(document.archive.joined(separator: ", ")).")
        } else if var last = lines.popLast() {
            // The last line ends with "." (conventions.md).
            if last.hasSuffix(";") { last.removeLast() }
            lines.append(last + ".")
        }
        return lines
    }

    /// The authority line ("TM. BAN THƯỜNG VỤ"), the title, space, the name.
    func signatureLines(_ signature: Signature) -> (authority: String?, all: [String]) {
        var authority: String?
        if let mark = signature.authority {
            authority = [mark.rawValue, signature.onBehalfOf].compactMap { $0 }.joined(separator: " ")
        }
        let all = [authority, signature.title].compactMap { $0 } + ["", "", ""] + [signature.signer.value]
        return (authority, all)
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
