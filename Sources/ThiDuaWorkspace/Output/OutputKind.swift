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

    /// The Markdown/plain-text template context, built once.
    public private(set) lazy var context: TemplateValue = DocumentView(width: width).context(for: document)
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

    /// Creates a format entry.
    public init(id: String, fileExtension: String, summary: String, inAll: Bool = true,
                applies: @escaping @Sendable (DocumentKind) -> Bool = { _ in true }, notApplicable: String = "",
                prepare: @escaping @Sendable (OutputInput) throws -> PreparedOutput) {
        self.id = id
        self.fileExtension = fileExtension
        self.summary = summary
        self.inAll = inAll
        self.applies = applies
        self.notApplicable = notApplicable
        self.prepare = prepare
    }
}

/// The output formats of documents.
public enum OutputKinds {
    /// Markdown.
    public static let markdown = OutputKind(id: "md", fileExtension: "md", summary: "Markdown") { input in
        .bytes(Array(try input.templates.render(input.context, kind: input.document.kind, format: .md).utf8))
    }

    /// Plain text wrapped to `--width`.
    public static let plainText = OutputKind(id: "txt", fileExtension: "txt", summary: "văn bản thường") { input in
        .bytes(Array(try input.templates.render(input.context, kind: input.document.kind, format: .txt).utf8))
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
    public static let all: [OutputKind] = [markdown, plainText, workbook]

    /// The format named `id` on the command line.
    public static func named(_ id: String) -> OutputKind? {
        all.first { $0.id == id }
    }

    /// The formats `--format all` writes for a document of `kind`.
    public static func all(for kind: DocumentKind) -> [OutputKind] {
        all.filter { $0.inAll && $0.applies(kind) }
    }
}
