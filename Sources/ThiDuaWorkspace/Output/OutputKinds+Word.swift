import ThiDuaDocx
import ThiDuaKit

extension OutputKinds {
    /// Word, in the layout of Nghị định 30/2020/NĐ-CP: the file a clerk signs and sends.
    public static let word = OutputKind(
        id: "docx", fileExtension: "docx", summary: "Word, trình bày theo Nghị định 30/2020",
        formatter: { input in try docxFormatter(input) },
        check: { input in try docxCheck(input) }
    ) { input in
        .bytes(try docxBytes(input))
    }

    /// PDF for printing: the Word file converted by LibreOffice (headless), when installed.
    /// Not part of `all`: it needs LibreOffice and takes seconds.
    public static let pdf = OutputKind(
        id: "pdf", fileExtension: "pdf", summary: "PDF để in, chuyển từ .docx bằng LibreOffice", inAll: false,
        formatter: { input in try docxFormatter(input) },
        check: { input in try docxCheck(input) },
        unavailable: { PdfConversion.unavailable() }
    ) { input in
        .bytes(try PdfConversion.convert(docx: try docxBytes(input), name: OutputName.base(for: input.document)))
    }

    /// The Word writer of the input's templates (its layout file read once).
    static func docxWriter(_ input: OutputInput) throws -> DocxWriter {
        try input.memo("docx.writer") { try DocxWriter(templates: input.templates) }
    }

    /// The Word formatter of the document, the same one in the shared view model and in the
    /// writer (it knows which tables go into annexes).
    static func docxFormatter(_ input: OutputInput) throws -> DocxFormatter {
        try input.memo("docx.formatter") { try docxWriter(input).formatter(for: input.document) }
    }

    /// What `check` runs for .docx and .pdf, once: the writer's checks without the bytes.
    static func docxCheck(_ input: OutputInput) throws {
        _ = try input.memo("docx.check") { () throws -> Bool in
            let formatter = try docxFormatter(input)
            input.warnings += try docxWriter(input).check(input.document, context: docxContext(input, formatter), formatter: formatter)
            return true
        }
    }

    /// The view model the Word writer reads: the shared one when the job added the Word
    /// formatter to it, otherwise one of its own.
    static func docxContext(_ input: OutputInput, _ formatter: DocxFormatter) -> TemplateValue {
        input.extraFormatters.contains { $0.key == formatter.key }
            ? input.context
            : DocumentView(width: input.width, formatters: [formatter]).context(for: input.document)
    }

    /// The .docx bytes, made once for both .docx and .pdf; its warnings join the job's.
    static func docxBytes(_ input: OutputInput) throws -> [UInt8] {
        try input.memo("docx.bytes") {
            let formatter = try docxFormatter(input)
            let output = try docxWriter(input).package(input.document, context: docxContext(input, formatter), formatter: formatter)
            input.warnings += output.warnings
            return output.bytes
        }
    }
}
