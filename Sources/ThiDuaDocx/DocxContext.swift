import ThiDuaKit

/// The `word` map of the Word templates' context: the letterhead, title, closing and
/// annexes as runs (escaped, line breaks placed), the geometry measured for them, and the
/// document properties. Its text is read from the view model, never formatted again, so
/// the Word file says exactly what the Markdown and plain text say.
enum DocxContext {
    static func word(_ document: Document, context: TemplateValue, formatter: DocxFormatter) -> TemplateValue {
        let layout = formatter.layout
        let dropped = formatter.dropped
        func text(_ value: TemplateValue?) -> String {
            if case .string(let s)? = value { return s }
            return ""
        }
        func flag(_ value: TemplateValue?) -> Bool {
            if case .bool(let b)? = value { return b }
            return false
        }
        func run(_ value: String) -> TemplateValue { .string(DocxRuns.run(value, dropped: dropped)) }
        func lines(_ values: [String]) -> TemplateValue { run(values.joined(separator: "\n")) }

        let header = context["header"]
        let parentBody = text(header?["parent_body"]), issuingBody = text(header?["issuing_body"])
        let numberLine = text(header?["number_line"]), placeDate = text(header?["place_date"])
        let letterhead = DocxLetterhead(layout: layout, parentBody: parentBody, issuingBody: issuingBody,
                                        numberLine: numberLine, placeDate: placeDate)
        var recipients: [TemplateValue] = []
        if case .list(let items)? = context["recipients"] {
            recipients = items.map { run(text($0)) }
        }
        let signature = context["signature"]
        let subject = text(context["subject"])
        let closingLeft = Int(Double(layout.textWidth) * 0.45)
        let annexes = annexValues(context, layout: layout, dropped: dropped)
        var closingText = ""
        if case .list(let blocks)? = context["closing"] {
            for block in blocks { closingText += text(block["docx"]) }
        }

        return .map([
            // A draft carries "DỰ THẢO" above its letterhead (when the view model says so).
            ("is_draft", .bool(flag(context["is_draft"]))),
            ("draft_mark", run(text(context["draft_mark"]))),
            ("parent_body", lines(letterhead.parentBodyLines)),
            ("issuing_body", lines(letterhead.issuingBodyLines)),
            ("number_line", run(numberLine)),
            ("nation", run(text(header?["nation"]))),
            ("motto", run(text(header?["motto"]))),
            ("place_date", run(placeDate)),
            ("title", run(text(context["title"]))),
            ("subject", .string(subjectRuns(subject, layout: layout, dropped: dropped))),
            ("letterhead", .map([
                ("width", .string(String(letterhead.leftWidth + letterhead.rightWidth))),
                ("indent", .string(String(-letterhead.outdent))),
                ("left", .string(String(letterhead.leftWidth))),
                ("right", .string(String(letterhead.rightWidth))),
                ("issuing_rule", .string(String(letterhead.issuingRuleIndent))),
                ("motto_rule", .string(String(letterhead.mottoRuleIndent))),
                ("subject_rule", .string(String(letterhead.subjectRuleIndent))),
            ])),
            // "Trên đây là …" never parts from the signature: a block alone on the last
            // page is what clerks fix by hand.
            ("closing_text", .string(DocxParagraph.keepingWithNext(closingText))),
            ("closing", .map([
                ("width", .string(String(layout.textWidth))),
                ("left", .string(String(closingLeft))),
                ("right", .string(String(layout.textWidth - closingLeft))),
            ])),
            ("has_recipients", .bool(!recipients.isEmpty)),
            ("recipients", .list(recipients)),
            ("has_authority", .bool(flag(signature?["has_authority"]))),
            ("authority", run(text(signature?["authority"]))),
            ("signature_title", run(text(signature?["title"]))),
            ("has_signature_title", .bool(flag(signature?["has_title"]))),
            ("signer", run(text(signature?["signer"]))),
            ("has_annexes", .bool(!annexes.isEmpty)),
            ("last_landscape", .bool(document.annexes.last?.landscape ?? false)),
            ("annexes", .list(annexes)),
            ("properties", properties(document, subject: subject, issuingBody: issuingBody, dropped: dropped)),
        ])
    }

    /// The trích yếu in lines of even length, as clerks break it by hand (Word would leave a
    /// lone word on the last line); with emphasis marks, Word wraps it.
    static func subjectRuns(_ subject: String, layout: DocxLayout, dropped: DroppedCharacters?) -> String {
        guard !subject.contains("*") else { return DocxRuns.markup(subject, dropped: dropped) }
        let width = Double(layout.textWidth) - DocxLetterhead.slack
        let lines = DocxLetterhead.balancedLines(subject, width: width, size: layout.subjectSize, weight: .bold)
        return DocxRuns.run(lines.joined(separator: "\n"), dropped: dropped)
    }

    /// Each annex of the view model: its label ("PHỤ LỤC", "PHỤ LỤC II"), title and the
    /// line saying which document it accompanies as runs, its content as the formatter wrote
    /// it, whether its pages are turned, and the indent of the short rule under it.
    static func annexValues(_ context: TemplateValue, layout: DocxLayout, dropped: DroppedCharacters?) -> [TemplateValue] {
        guard case .list(let items)? = context["annexes"] else { return [] }
        func text(_ value: TemplateValue?) -> String {
            if case .string(let s)? = value { return s }
            return ""
        }
        return items.enumerated().map { index, annex in
            var landscape = false
            if case .bool(let turned)? = annex["landscape"] { landscape = turned }
            var content = ""
            if case .list(let blocks)? = annex["blocks"] {
                for block in blocks { content += text(block["docx"]) }
            }
            let width = landscape ? layout.landscapeTextWidth : layout.textWidth
            return .map([
                ("heading", .string(DocxRuns.run(text(annex["label"]), dropped: dropped))),
                ("caption", .string(DocxRuns.run(text(annex["title"]), dropped: dropped))),
                ("accompanies", .string(DocxRuns.run(text(annex["accompanies"]), dropped: dropped))),
                ("landscape", .bool(landscape)),
                ("rule", .string(String(max(0, (width - DocxLayout.twips(layout.subjectRule)) / 2)))),
                ("content", .string(content)),
                ("last", .bool(index == items.count - 1)),
            ])
        }
    }

    /// docProps/core.xml and app.xml: title = trích yếu, author = issuing body, dated by
    /// the document's date (so the file does not change from one run to the next).
    static func properties(_ document: Document, subject: String, issuingBody: String, dropped: DroppedCharacters?) -> TemplateValue {
        let title = InlineMarkup.plain(subject)
        let created = "\(document.header.date.value.iso)T00:00:00Z"
        let kind = kindWord(document.kind)
        return .map([
            ("title", .string(XMLText.escape(title, dropping: dropped))),
            ("subject", .string(XMLText.escape(kind, dropping: dropped))),
            ("author", .string(XMLText.escape(issuingBody, dropping: dropped))),
            ("created", .string(created)),
            ("company", .string(XMLText.escape(document.header.issuingBodyAsWritten, dropping: dropped))),
        ])
    }

    /// "Báo cáo", "Kế hoạch", "Hướng dẫn": the kind as a sentence names it.
    static func kindWord(_ kind: DocumentKind) -> String {
        let title = kind.title
        return String(title.prefix(1)) + title.dropFirst().lowercased()
    }
}
