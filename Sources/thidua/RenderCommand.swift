import ArgumentParser
import Foundation
import ThiDuaKit
import ThiDuaXlsx

/// The formats `render` can write.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
    case md, txt, xlsx, all

    static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Tạo văn bản (Markdown, văn bản thường, bảng tính) từ tệp dữ liệu.",
        discussion: "Mỗi tệp dữ liệu cho một văn bản; tên tệp ra theo số và ký hiệu, ví dụ output/13-KH-LDLD-2017.md. Dữ liệu có lỗi thì không ghi gì."
    )

    @Argument(help: ArgumentHelp("Các tệp dữ liệu (.yaml, .yml hoặc .json).", valueName: "tệp"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Định dạng: md, txt, xlsx (báo cáo) hoặc all.", valueName: "định-dạng"))
    var format: FormatChoice = .all

    @Option(name: .long, help: ArgumentHelp("Thư mục ghi kết quả.", valueName: "thư-mục"))
    var out: String = "output"

    @Option(name: .long, help: ArgumentHelp("Thư mục chứa mẫu (*.mustache) thay cho mẫu có sẵn.", valueName: "thư-mục"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("Độ rộng dòng của văn bản thường (40–200).", valueName: "số"))
    var width: Int = 80

    func validate() throws {
        guard (40...200).contains(width) else {
            throw ValidationError("--width phải từ 40 đến 200, đang là \(width)")
        }
        if let jobs, !(1...64).contains(jobs) {
            throw ValidationError("--jobs phải từ 1 đến 64, đang là \(jobs)")
        }
    }

    @Option(name: .long, help: ArgumentHelp("Số tệp xử lý song song (mặc định: số nhân CPU).", valueName: "số"))
    var jobs: Int?

    func run() throws {
        let templateSet = try loadTemplates(templates)
        try FileAccess.prepareFolder(out)
        // Read every input first: a missing file is a usage error before any work.
        let inputs = try files.map { try FileAccess.read($0) }
        let formats = textFormats()
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, files.count))
        var results = [FileResult](repeating: FileResult(), count: files.count)
        let lock = NSLock()
        // Each document is independent: load, check, render and write it on
        // its own worker; print afterwards in the order the files were given.
        if workers == 1 {
            // One worker (one file, or --jobs 1): on this thread. A dispatch worker thread
            // would allocate from a second malloc arena, which for one large report left
            // 10–20 MB more resident than the same work here.
            for index in files.indices {
                results[index] = renderOne(file: files[index], bytes: inputs[index], formats: formats, templates: templateSet)
            }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                // Each worker parses its own templates (about a millisecond): objects shared
                // by the threads would have their reference counts updated from both cores
                // on every use, which slowed both.
                let templates = worker == 0 ? templateSet : ((try? loadTemplates(self.templates)) ?? templateSet)
                var index = worker
                while index < files.count {
                    let result = renderOne(file: files[index], bytes: inputs[index], formats: formats, templates: templates)
                    lock.lock()
                    results[index] = result
                    lock.unlock()
                    index += workers
                }
            }
        }
        var failed = false
        for result in results {
            FileAccess.report(result.diagnostics)
            for note in result.notes { print(note) }
            for path in result.written { print(path) }
            if let error = result.error {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
            }
            failed = failed || result.failed
        }
        if failed { throw DataErrorsFound() }
    }

    /// What happened to one input file.
    struct FileResult {
        var diagnostics: [Diagnostic] = []
        var written: [String] = []
        var notes: [String] = []
        var error: ThiDuaError?
        var failed = false
    }

    func renderOne(file: String, bytes: [UInt8], formats: [OutputFormat], templates: TemplateSet) -> FileResult {
        var result = FileResult()
        let (loaded, diagnostics) = Renderer.load(bytes: bytes, file: file)
        result.diagnostics = diagnostics
        guard var document = loaded, !diagnostics.hasErrors else {
            result.failed = true
            return result
        }
        let (report, reportDiagnostics) = ReportFiles.aggregate(document)
        result.diagnostics += reportDiagnostics
        if let report {
            result.notes.append("\(file): \(report.reconciliation.summary)")
        }
        guard !reportDiagnostics.hasErrors else {
            result.failed = true
            return result
        }
        if let report { document = ReportComposer.compose(document, result: report) }
        do {
            // Render everything first, write afterwards: a template failure
            // must not leave some formats new and others old.
            let base = OutputName.base(for: document)
            var outputs: [(path: String, text: String)] = []
            let texts = try Renderer.render(document, formats: formats, templates: templates, width: width)
            for (textFormat, text) in zip(formats, texts) {
                outputs.append(("\(out)/\(base).\(textFormat.rawValue)", text))
            }
            var workbook: SummaryWorkbookInput?
            if let report, format == .xlsx || format == .all {
                workbook = SummaryWorkbookInput(document: document, result: report)
            } else if format == .xlsx {
                result.notes.append("\(file): chỉ báo cáo (loai: bao_cao) mới có bảng tính .xlsx; không ghi gì")
            }
            for output in outputs {
                try FileAccess.writeAtomically(output.text, to: output.path)
                result.written.append(output.path)
            }
            if let workbook, let report {
                let path = "\(out)/\(base).xlsx"
                // Tens of thousands of rows: stream them (constant memory).
                let options = XlsxWorkbook.Options(constantMemory: report.statistics.unitCount > 10_000)
                do {
                    try ReportWorkbook.write(workbook, to: path, options: options)
                } catch let error as XlsxError {
                    throw error.thiDuaError(path: path)
                }
                result.written.append(path)
            }
        } catch let error as ThiDuaError {
            result.error = error
            result.failed = true
        } catch {
            result.error = .output(path: out, message: "\(error)")
            result.failed = true
        }
        return result
    }

    func textFormats() -> [OutputFormat] {
        switch format {
        case .md: return [.md]
        case .txt: return [.txt]
        case .xlsx: return []
        case .all: return [.md, .txt]
        }
    }
}

/// The built-in templates, with those of `folder` in their place.
func loadTemplates(_ folder: String?) throws -> TemplateSet {
    guard let folder else { return try TemplateSet() }
    return try TemplateSet(overrides: FileAccess.templates(in: folder), overrideFolder: folder)
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra tệp dữ liệu, in lỗi và cảnh báo; không ghi tệp nào.",
        discussion: "Mã thoát 1 khi có lỗi (cảnh báo không tính là lỗi)."
    )

    @Argument(help: ArgumentHelp("Các tệp dữ liệu cần kiểm tra.", valueName: "tệp"))
    var files: [String]

    func run() throws {
        var errors = 0
        var warnings = 0
        for file in files {
            let bytes = try FileAccess.read(file)
            var (document, diagnostics) = Renderer.load(bytes: bytes, file: file)
            if let loaded = document, !diagnostics.hasErrors {
                let (report, reportDiagnostics) = ReportFiles.aggregate(loaded)
                diagnostics += reportDiagnostics
                if let report { print("\(file): \(report.reconciliation.summary)") }
                document = loaded
            }
            FileAccess.report(diagnostics)
            errors += diagnostics.filter { $0.severity == .error }.count
            warnings += diagnostics.filter { $0.severity == .warning }.count
        }
        let summary = "\(files.count) tệp: \(errors) lỗi, \(warnings) cảnh báo"
        if errors > 0 {
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            throw DataErrorsFound()
        }
        print(summary)
    }
}

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Liệt kê các ngày kỷ niệm trong một năm, đánh dấu năm tròn và năm lẻ 5.",
        discussion: "Cột thứ hai là mã dùng trong `ky_niem` của đợt thi đua và trong trường `{ky_niem mã}` của đoạn văn. Thêm ngày kỷ niệm và đại hội riêng bằng --data TỆP (khóa `ngay_ky_niem`, `dai_hoi` của tệp dữ liệu)."
    )

    @Argument(help: ArgumentHelp("Năm, ví dụ 2025.", valueName: "năm"))
    var year: Int

    @Option(name: .long, help: ArgumentHelp("Tệp dữ liệu có thêm ngày kỷ niệm riêng.", valueName: "tệp"))
    var data: String?

    func validate() throws {
        guard (1900...2200).contains(year) else {
            throw ValidationError("năm phải từ 1900 đến 2200, đang là \(year)")
        }
    }

    func run() throws {
        var catalog = CommemorationCatalog.builtin
        var congresses: [Congress] = []
        if let data {
            let (document, diagnostics) = Renderer.load(bytes: try FileAccess.read(data), file: data)
            FileAccess.report(diagnostics)
            guard let document, !diagnostics.hasErrors else { throw DataErrorsFound() }
            catalog = document.commemorationCatalog
            congresses = document.congresses
        }
        print(CalendarListing.lines(catalog: catalog, year: year, congresses: congresses).joined(separator: "\n"))
    }
}
