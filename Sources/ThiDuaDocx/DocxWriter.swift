import ThiDuaKit

/// A Word file in memory, and what the writer had to warn about.
public struct DocxOutput: Sendable {
    /// The bytes of the .docx (a zip of WordprocessingML parts).
    public var bytes: [UInt8]
    /// Warnings for the clerk, such as characters XML cannot hold that were left out.
    public var warnings: [Diagnostic]
}

/// Writes documents as .docx in the official layout (Nghị định 30/2020/NĐ-CP, Phụ lục I):
/// the letterhead and closing as borderless tables, the body from the view model's
/// `docx` text, each annex in a section of its own (landscape when it asks), page numbers
/// from page 2 on.
///
/// The writer opens no file: it turns a checked document into bytes, and the caller
/// (the workspace layer) writes them where they belong. The parts come from the docx
/// templates of the `TemplateSet`, so `--templates DIR` overrides them like the others.
///
/// One view model can serve every format: build it with the formatter of
/// `formatter(for:)` among the `DocumentView`'s formatters, render Markdown and text from
/// it, and hand it to `package(_:context:formatter:)`.
public struct DocxWriter: Sendable {
    public let templates: TemplateSet
    /// The layout figures, read from the set's `layout.docx.mustache`.
    public let layout: DocxLayout

    /// A writer using `templates` (built-in or overridden).
    ///
    /// - Throws: `ThiDuaError.template` when the layout file is wrong (file:line:col).
    public init(templates: TemplateSet) throws {
        self.templates = templates
        self.layout = try DocxLayout(templates: templates)
    }

    /// The formatter that writes `document`'s blocks for Word: it knows which tables are
    /// in landscape annexes. Use a new one for each document.
    public func formatter(for document: Document) -> DocxFormatter {
        DocxFormatter(layout: layout, annexes: DocxAnnexPlan(document: document), dropped: DroppedCharacters())
    }

    /// The .docx of `document`, its view model built here with the Word formatter alone.
    public func write(_ document: Document, width: Int = 80) throws -> DocxOutput {
        let formatter = formatter(for: document)
        let context = DocumentView(width: width, formatters: [formatter]).context(for: document)
        return try package(document, context: context, formatter: formatter)
    }

    /// The .docx of `document` from a view model built with `formatter` among its
    /// formatters (see `formatter(for:)`).
    public func package(_ document: Document, context: TemplateValue, formatter: DocxFormatter) throws -> DocxOutput {
        let parts = try renderParts(document, context: context, formatter: formatter)
        let bytes = try DocxPackage.zip(parts, date: document.header.date.value)
        return DocxOutput(bytes: bytes, warnings: Self.warnings(formatter.dropped, file: document.sourceFile))
    }

    /// Everything `package` can refuse or warn about, without making the file: the Word
    /// parts are parsed (a broken override fails the same way), the Word-only text (header,
    /// subject, annex titles) is escaped, and the warnings for characters left out are
    /// returned. Rendering the parts and zipping them cannot fail on a document's data, so
    /// `thidua check` and the web editor's live check stop here.
    ///
    /// With templates from the user's folder the parts are rendered too, as `package` does,
    /// and each is parsed: what they make is not known to be XML (see `DocxPackage.render`).
    public func check(_ document: Document, context: TemplateValue, formatter: DocxFormatter) throws -> [Diagnostic] {
        try templates.checkWordParts()
        if templates.isCustomized {
            _ = try renderParts(document, context: context, formatter: formatter)
        } else {
            _ = DocxContext.word(document, context: context, formatter: formatter)
        }
        return Self.warnings(formatter.dropped, file: document.sourceFile)
    }

    /// Every part of the package, rendered from the view model with the Word-only values added.
    func renderParts(_ document: Document, context: TemplateValue, formatter: DocxFormatter) throws -> [(path: String, xml: String)] {
        let full = context.adding([
            ("word", DocxContext.word(document, context: context, formatter: formatter)),
            ("layout", layout.templateValue),
        ])
        return try DocxPackage.render(full, main: "\(document.kind.templateName).docx", templates: templates)
    }

    /// "bỏ ký tự U+0007 …" when characters had to be left out.
    static func warnings(_ dropped: DroppedCharacters?, file: String) -> [Diagnostic] {
        guard let codePoints = dropped?.codePoints, !codePoints.isEmpty else { return [] }
        return [.warning("văn bản Word bỏ các ký tự XML không cho phép: \(codePoints.joined(separator: ", "))",
                         at: SourcePosition(file: file),
                         hint: "xóa các ký tự điều khiển này khỏi dữ liệu (thường do dán từ phần mềm khác)")]
    }
}

extension TemplateValue {
    /// A map with `pairs` added at the end (for values that are not maps: unchanged).
    func adding(_ pairs: [(String, TemplateValue)]) -> TemplateValue {
        guard case .map(let fields) = self else { return self }
        return .map(fields + pairs)
    }
}
