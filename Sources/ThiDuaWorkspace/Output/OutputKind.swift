import ThiDuaKit
import ThiDuaXlsx

/// Everything a writer needs to produce one output of a document.
///
/// A class so the Markdown and text writers can share one template context, built on first
/// use (the context is the costly half of rendering a plan).
public final class OutputInput {
    /// The checked document, with a report's sections composed.
    public let document: Document
    /// A report's aggregated figures.
    public let report: ReportResult?
    /// The template set in use.
    public let templates: TemplateSet
    /// Plain-text width.
    public let width: Int

    /// Creates the input of the writers.
    public init(document: Document, report: ReportResult?, templates: TemplateSet, width: Int) {
        self.document = document
        self.report = report
        self.templates = templates
        self.width = width
    }

    /// Block formatters the requested formats add to the shared view model (Word's), set by
    /// the job before any output is prepared; each format finds its own by key.
    public var extraFormatters: [BlockFormatter] = []

    /// Warnings a writer found (characters it had to leave out), reported with the job's
    /// diagnostics.
    public var warnings: [Diagnostic] = []

    /// The text formats whose blocks the shared view model writes, set by the job from the
    /// formats requested: a job writing only Word skips wrapping the text it would not use.
    public var textFormats: [OutputFormat] = [.md, .txt]

    /// The template context of every format, built once, on first use: the blocks in
    /// `textFormats` (Markdown, plain text) and in `extraFormatters`.
    public private(set) lazy var context: TemplateValue = {
        var formatters: [BlockFormatter] = []
        if textFormats.contains(.md) { formatters.append(MarkdownFormatter()) }
        if textFormats.contains(.txt) { formatters.append(PlainTextFormatter(width: max(40, width))) }
        return DocumentView(width: width, formatters: formatters + extraFormatters).context(for: document)
    }()

    private var memos: [String: Any] = [:]

    /// A value several writers need (the Word file, for .docx and for .pdf), made once.
    public func memo<T>(_ key: String, _ make: () throws -> T) rethrows -> T {
        if let value = memos[key] as? T { return value }
        let value = try make()
        memos[key] = value
        return value
    }
}

/// An output made ready before anything is moved into place.
public enum PreparedOutput {
    /// The whole content, in memory.
    case bytes([UInt8])
    /// Content a library writes to a path itself (libxlsxwriter, LibreOffice), already
    /// validated; the closure writes it completely to the path it is given or throws.
    case file((String) throws -> Void)
}

/// One output format of documents: its name for `--format`, its file extension, which kinds
/// of document it applies to, and its writer.
///
/// The registry (`OutputKinds.all`) is read by the job and by the CLI's `--format`, so a new
/// format is one entry here plus its writer.
public struct OutputKind: Sendable {
    /// The name on the command line: "md".
    public let id: String
    /// The file extension, without the dot.
    public let fileExtension: String
    /// What it is, in Vietnamese, for the help text.
    public let summary: String
    /// Whether `--format all` includes it.
    public let inAll: Bool
    /// Whether a document of this kind can be written in this format.
    public let applies: @Sendable (DocumentKind) -> Bool
    /// Said when the format was asked for explicitly but does not apply.
    public let notApplicable: String
    /// Produces the output, checking everything it can before anything is written.
    public let prepare: @Sendable (OutputInput) throws -> PreparedOutput
    /// The block formatter this format adds to the shared view model, if it has one.
    public let formatter: (@Sendable (OutputInput) throws -> BlockFormatter)?
    /// The text format of the shared view model this format renders (Markdown, plain text), if any.
    public let textFormat: OutputFormat?
    /// What a job that writes nothing (`thidua check`, the web editor's live check) runs
    /// instead of `prepare`: every step of it that can refuse the document or warn, without
    /// making the bytes. Nil: `prepare` itself (its bytes are then dropped).
    public let check: (@Sendable (OutputInput) throws -> Void)?
    /// Why the format cannot be written on this machine (a program to install), or nil.
    /// Asked before any job runs, so nothing is written.
    public let unavailable: @Sendable () -> String?

    /// Creates a format entry.
    public init(id: String, fileExtension: String, summary: String, inAll: Bool = true,
                applies: @escaping @Sendable (DocumentKind) -> Bool = { _ in true }, notApplicable: String = "",
                formatter: (@Sendable (OutputInput) throws -> BlockFormatter)? = nil,
                textFormat: OutputFormat? = nil,
                check: (@Sendable (OutputInput) throws -> Void)? = nil,
                unavailable: @escaping @Sendable () -> String? = { nil },
                prepare: @escaping @Sendable (OutputInput) throws -> PreparedOutput) {
        self.id = id
        self.fileExtension = fileExtension
        self.summary = summary
        self.inAll = inAll
        self.applies = applies
        self.notApplicable = notApplicable
        self.formatter = formatter
        self.textFormat = textFormat
        self.check = check
        self.unavailable = unavailable
        self.prepare = prepare
    }
}

/// The output formats of documents.
public enum OutputKinds {
    /// Markdown.
    public static let markdown = OutputKind(id: "md", fileExtension: "md", summary: "Markdown", textFormat: .md,
                                                 check: Self.textCheck(.md)) { input in
        .bytes(Array(try input.templates.render(input.context, kind: input.document.kind, format: .md).utf8))
    }

    /// Plain text wrapped to `--width`.
    public static let plainText = OutputKind(id: "txt", fileExtension: "txt", summary: "văn bản thường",
                                                  textFormat: .txt, check: Self.textCheck(.txt)) { input in
        .bytes(Array(try input.templates.render(input.context, kind: input.document.kind, format: .txt).utf8))
    }

    /// The check of Markdown and text: the shared view model, and with templates from the
    /// user's folder the render itself, which a template looping past its budget fails
    /// (`TemplateObject`). The built-in templates were parsed when the set was made and stay
    /// far within the budget (the test suite checks them), so for them nothing is rendered.
    static func textCheck(_ format: OutputFormat) -> @Sendable (OutputInput) throws -> Void {
        { input in
            let context = input.context
            guard input.templates.isCustomized else { return }
            _ = try input.templates.render(context, kind: input.document.kind, format: format)
        }
    }

    /// The summary workbook of a report.
    public static let workbook = OutputKind(
        id: "xlsx", fileExtension: "xlsx", summary: "bảng tính tổng hợp (báo cáo)",
        applies: { $0 == .baoCao }, notApplicable: "chỉ báo cáo (loai: bao_cao) mới có bảng tính .xlsx"
    ) { input in
        guard let report = input.report else {
            throw WorkspaceError.usage("chỉ báo cáo (loai: bao_cao) mới có bảng tính .xlsx")
        }
        let workbook = SummaryWorkbookInput(document: input.document, result: report)
        // Everything the workbook checks (names, limits, totals) is checked here, before
        // any file of the set is written.
        let prepared = try ReportWorkbook.prepare(workbook)
        // Tens of thousands of rows: stream them (constant memory).
        let options = XlsxWorkbook.Options(constantMemory: report.statistics.unitCount > 10_000)
        return .file { path in try prepared.write(to: path, options: options) }
    }

    /// Every format, in the order outputs are listed.
    public static let all: [OutputKind] = [markdown, plainText, word, pdf, workbook]

    /// The format named `id` on the command line.
    public static func named(_ id: String) -> OutputKind? {
        all.first { $0.id == id }
    }

    /// The first reason one of `kinds` cannot be written on this machine, or nil.
    public static func unavailable(_ kinds: [OutputKind]) -> String? {
        kinds.lazy.compactMap { $0.unavailable() }.first
    }

    /// The formats `--format all` writes for a document of `kind`.
    public static func all(for kind: DocumentKind) -> [OutputKind] {
        all.filter { $0.inAll && $0.applies(kind) }
    }
}
