import Foundation
import ThiDuaKit

/// What one data file gave.
public struct JobResult: Sendable {
    /// The data file, as given.
    public var file: String
    /// Every finding, in order: the data file, cited documents, figure files.
    public var diagnostics: [Diagnostic] = []
    /// Lines for standard output about the job (a format that does not apply).
    public var notes: [String] = []
    /// The program's own account for standard error, never document text: a report's
    /// reconciliation ("đọc 38 dòng từ 2 tệp; …"), also on the workbook's "Nguồn" sheet.
    public var accounts: [String] = []
    /// The paths written, in order.
    public var written: [String] = []
    /// A failure that is not a data diagnostic (templates, writing).
    public var error: WorkspaceError?
    /// The checked document, when it could be built.
    public var document: Document?
    /// The HTML preview, when the job was asked for it (`DocumentJob.withPreview`).
    public var preview: String?

    /// True when the job failed: data errors or another error.
    public var failed: Bool { error != nil || diagnostics.hasErrors }

    /// A result for `file` with nothing in it yet.
    public init(file: String) {
        self.file = file
    }
}

/// The document job: one data file in; its diagnostics and a complete set of outputs out.
///
/// load (decode, typed model with positions) → open and check the documents it cites →
/// check → read and aggregate a report's figure files → compose the report → prepare every
/// requested output → move the whole set into place together (`OutputSet`). Nothing is
/// written when anything before the last step fails. `check` is the same job without an
/// output folder: every output runs its `OutputKind.check` (every step of preparing it that
/// can refuse the document or warn, without the bytes; `prepare` for formats without one),
/// so whatever `render` would refuse, `check` refuses.
public struct DocumentJob: Sendable {
    /// Where files are read from and how.
    public var workspace: Workspace
    /// The templates.
    public var templates: TemplateSet
    /// The formats asked for; nil means `--format all` (each document's applicable ones).
    public var kinds: [OutputKind]?
    /// Plain-text width.
    public var width: Int
    /// Where outputs go; nil prepares and checks them without writing (`check`).
    public var outputFolder: String?
    /// The web editor's live check: also the HTML preview of the document (`JobResult.preview`),
    /// written from the same view model as the outputs.
    public var withPreview = false
    /// Tests only: see `OutputSet.renamePause`.
    var renamePause: UInt32 = 0
    /// The output names taken by the other files of the same run (`DocumentBatch`): two
    /// documents folding to one name ("KH-LĐLĐ" and "KH-LDLD", same number and year) would
    /// otherwise silently replace one another's files.
    var claims: OutputClaims?
    /// This file's place in the run, for `claims` (the earlier file keeps a shared name).
    var claimIndex = 0

    /// A job.
    public init(workspace: Workspace, templates: TemplateSet, kinds: [OutputKind]? = nil, width: Int = 80, outputFolder: String? = nil) {
        self.workspace = workspace
        self.templates = templates
        self.kinds = kinds
        self.width = width
        self.outputFolder = outputFolder
    }

    /// Runs the job on a data file already read (see `Workspace.readDataFile`).
    public func run(file: String, bytes: [UInt8]) -> JobResult {
        // Whatever happens below, the files after this one may claim their names then.
        defer { claims?.finish(claimIndex) }
        var result = JobResult(file: file)
        // A job that will write Word starts parsing the Word templates now, beside the load.
        if (kinds ?? OutputKinds.all).contains(where: { $0.formatter != nil }) {
            templates.prepareWordPartsInBackground()
        }
        let (loaded, _, diagnostics) = DocumentLoader(workspace: workspace).load(bytes: bytes, file: file)
        result.diagnostics = diagnostics
        guard var document = loaded, !diagnostics.hasErrors else { return result }
        result.document = document

        let (report, figureDiagnostics) = ReportFigures.aggregate(document, workspace: workspace)
        result.diagnostics += figureDiagnostics
        if let report { result.accounts.append("\(file): \(report.reconciliation.summary)") }
        guard !figureDiagnostics.hasErrors else { return result }
        if let report { document = ReportComposer.compose(document, result: report) }
        result.document = document

        let chosen: [OutputKind]
        if let kinds {
            chosen = kinds.filter { $0.applies(document.kind) }
            for kind in kinds where !kind.applies(document.kind) {
                result.notes.append("\(file): \(kind.notApplicable); không ghi gì")
            }
        } else {
            chosen = OutputKinds.all(for: document.kind)
        }
        let input = OutputInput(document: document, report: report, templates: templates, width: width)
        let base = OutputName.base(for: document)
        var entries: [(name: String, content: PreparedOutput)] = []
        do {
            // Formats with a block formatter of their own (Word) write from the same view model.
            input.extraFormatters = try chosen.compactMap { try $0.formatter?(input) }
            input.textFormats = chosen.compactMap(\.textFormat)
            if withPreview {
                input.extraFormatters.append(HTMLFormatter())
                result.preview = try templates.previewHTML(context: input.context, kind: document.kind)
            }
            for kind in chosen {
                let name = "\(base).\(kind.fileExtension)"
                do {
                    if outputFolder == nil, let check = kind.check {
                        try check(input)
                    } else {
                        entries.append((name, try kind.prepare(input)))
                    }
                } catch let error as WorkspaceError {
                    throw error
                } catch let error as ThiDuaError {
                    throw Self.workspaceError(error, base: base)
                } catch {
                    // A writer's own error (the workbook's limits), already in Vietnamese.
                    throw WorkspaceError.output(path: outputFolder.map { "\($0)/\(name)" } ?? name, message: SystemErrorText.describe(error: error))
                }
            }
            result.diagnostics += input.warnings
            // `check` too: what `render` would refuse, `check` refuses.
            if let other = claims?.claim(base, by: result.file, index: claimIndex) {
                throw WorkspaceError.output(path: outputFolder.map { "\($0)/\(base).*" } ?? "\(base).*",
                                            message: "\(result.file) cho cùng tên tệp kết quả với \(other) (cùng số, ký hiệu và năm), tệp ghi trước giữ tên; sửa `so` hoặc `ky_hieu` của một trong hai văn bản, hoặc ghi từng văn bản ra một thư mục --out riêng")
            }
            if let outputFolder {
                var set = OutputSet(folder: outputFolder, base: base, entries: entries)
                set.renamePause = renamePause
                result.written = try set.commit()
            }
        } catch {
            result.error = Self.workspaceError(error, base: base)
        }
        return result
    }

    /// Any error of a writer in the workspace's vocabulary.
    static func workspaceError(_ error: Error, base: String) -> WorkspaceError {
        switch error {
        case let error as WorkspaceError: return error
        case let error as ThiDuaError:
            if case .invalidInput(let diagnostics) = error { return .invalid(diagnostics) }
            if case .template = error { return .template(error.description) }
            return .library(error.description)
        default:
            return .library("\(base): lỗi: \(SystemErrorText.describe(error: error))")
        }
    }
}

/// The output base names a run has given out, each to the earliest data file of the run
/// that makes it, whatever the order the workers finish in: a file claims its name only once
/// every file before it is done (prepared, written or failed), so the second of two files of
/// one name always gets the error and the first always keeps its outputs. Only the claims
/// wait on each other; reading, checking and preparing stay parallel.
final class OutputClaims: @unchecked Sendable {
    // @unchecked: every field is only touched under `condition`.
    private var owners: [String: String] = [:]
    private var done: Set<Int> = []
    /// Every file before this index is done.
    private var doneBelow = 0
    private let condition = NSCondition()

    /// Waits for the files before `index`, then claims `base` for `file`; the file that
    /// holds it already, if another one does.
    func claim(_ base: String, by file: String, index: Int) -> String? {
        condition.lock()
        defer { condition.unlock() }
        while doneBelow < index { condition.wait() }
        if let owner = owners[base], owner != file { return owner }
        owners[base] = file
        return nil
    }

    /// The file at `index` is done: the files after it may claim.
    func finish(_ index: Int) {
        condition.lock()
        done.insert(index)
        while done.contains(doneBelow) { doneBelow += 1 }
        condition.broadcast()
        condition.unlock()
    }
}
