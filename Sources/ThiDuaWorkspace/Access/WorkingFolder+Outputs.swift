import Foundation
import ThiDuaKit

/// One file made for the browser to download.
public struct Download: Sendable, Equatable {
    /// Its file name (as `thidua render` names it).
    public var name: String
    /// Its bytes, exactly those `thidua render` writes.
    public var bytes: [UInt8]
}

/// What a download gave: the job's findings, and the file when it could be made.
public struct DownloadResult: Sendable {
    /// The job's findings, names relative to the folder.
    public var diagnostics: [Diagnostic] = []
    /// A failure other than data errors, in Vietnamese.
    public var error: String?
    /// The file.
    public var file: Download?
}

extension WorkingFolder {
    /// What can be downloaded besides the document formats: the task list and the forms.
    public static let extraDownloads = ["nhiem-vu", "bieu-mau"]

    /// Makes the output `format` of the saved data file `name` by the CLI's own jobs, into a
    /// scratch folder of its own that is removed afterwards, and reads it back: the bytes are
    /// those of `thidua render --format FORMAT` (`nhiem-vu`: `thidua tasks`, as Word;
    /// `bieu-mau`: `thidua bieu-mau`, one workbook).
    public func download(_ name: String, format: String, templates: TemplateSet) -> DownloadResult {
        var outcome = DownloadResult()
        let path: String
        do {
            path = try resolve(name)
        } catch {
            outcome.error = SystemErrorText.describe(error: error)
            return outcome
        }
        let scratch: String
        do {
            scratch = try Self.makeScratchFolder()
        } catch {
            outcome.error = SystemErrorText.describe(error: error)
            return outcome
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var written: [String] = []
        switch format {
        case "nhiem-vu":
            let job = TaskListJob(workspace: workspace)
            do {
                let (list, documents, diagnostics) = try job.list(files: [path])
                outcome.diagnostics = relative(diagnostics)
                guard let list, let kind = TaskOutputKind.named("docx") else { return outcome }
                written = try job.write(list, documents: documents, kinds: [kind], to: scratch)
            } catch {
                outcome.error = SystemErrorText.describe(error: error)
                return outcome
            }
        case "bieu-mau":
            let result = FormJob(workspace: workspace).run(dataFile: path, folder: scratch, perUnit: false)
            outcome.diagnostics = relative(result.diagnostics)
            outcome.error = result.error.map(\.description)
            written = result.written
        default:
            guard let kind = OutputKinds.named(format) else {
                outcome.error = "lỗi: không có định dạng \"\(format)\""
                return outcome
            }
            if let reason = kind.unavailable() {
                outcome.error = "lỗi: \(reason)"
                return outcome
            }
            do {
                let bytes = try readDataFile(name)
                let result = DocumentJob(workspace: workspace, templates: templates, kinds: [kind], outputFolder: scratch)
                    .run(file: path, bytes: bytes)
                outcome.diagnostics = relative(result.diagnostics)
                outcome.error = result.error.map(\.description) ?? result.notes.first
                written = result.written
            } catch {
                outcome.error = SystemErrorText.describe(error: error)
                return outcome
            }
        }
        guard outcome.error == nil, !outcome.diagnostics.hasErrors, let first = written.first else { return outcome }
        do {
            let file = try GuardedFile(path: first, role: .output, shownAs: (first as NSString).lastPathComponent)
            outcome.file = Download(name: (first as NSString).lastPathComponent, bytes: try file.readAll())
        } catch let refusal as FileRefusal {
            outcome.error = "lỗi: \(refusal.message)"
        } catch {
            outcome.error = "lỗi: không đọc lại được tệp vừa tạo"
        }
        return outcome
    }

    /// A new private folder under the system's temporary folder.
    static func makeScratchFolder() throws -> String {
        var template = Array((NSTemporaryDirectory() + "/thidua-serve-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw WorkspaceError.usage("không tạo được thư mục tạm: \(SystemErrorText.current())") }
        return String(cString: template)
    }
}
