import ArgumentParser
import Foundation
import ThiDuaKit
import ThiDuaWorkspace

/// The formats `--format` takes: `all`, or names from the workspace's registry, joined by ",".
struct FormatChoice: ExpressibleByArgument, CustomStringConvertible {
    /// nil for `all`.
    var kinds: [OutputKind]?

    init(kinds: [OutputKind]?) {
        self.kinds = kinds
    }

    init?(argument: String) {
        if argument == "all" {
            kinds = nil
            return
        }
        var chosen: [OutputKind] = []
        for name in argument.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let kind = OutputKinds.named(name) else { return nil }
            if !chosen.contains(where: { $0.id == kind.id }) { chosen.append(kind) }
        }
        guard !chosen.isEmpty else { return nil }
        kinds = chosen
    }

    /// As written on the command line (the help shows the default this way).
    var description: String { kinds.map { $0.map(\.id).joined(separator: ",") } ?? "all" }

    static var allValueStrings: [String] { OutputKinds.all.map(\.id) + ["all"] }

    static var help: String {
        OutputKinds.all.map { "\($0.id) (\($0.summary))" }.joined(separator: ", ") + ", hoặc all; nhiều định dạng ngăn bằng dấu phẩy"
    }
}

/// Options every command that reads data files shares.
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Thư mục được phép đọc: mọi tệp mà tệp dữ liệu nêu tên (số liệu, văn bản được dẫn) phải nằm trong đó (mặc định: thư mục của tệp dữ liệu).", valueName: "thư-mục"))
    var root: String?

    func workspace() throws -> Workspace {
        try Workspace(root: root)
    }
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Tạo văn bản (Markdown, văn bản thường, bảng tính …) từ tệp dữ liệu.",
        discussion: "Mỗi tệp dữ liệu cho một văn bản; tên tệp ra theo số và ký hiệu, ví dụ output/13-KH-LDLD-2017.md. Các tệp của một văn bản được ghi cùng lúc: dữ liệu có lỗi hay ghi hỏng một tệp thì không tệp nào thay đổi."
    )

    @Argument(help: ArgumentHelp("Các tệp dữ liệu (.yaml, .yml hoặc .json).", valueName: "tệp"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Định dạng: \(FormatChoice.help).", valueName: "định-dạng"))
    var format = FormatChoice(kinds: nil)

    @Option(name: .long, help: ArgumentHelp("Thư mục ghi kết quả.", valueName: "thư-mục"))
    var out: String = "output"

    @Option(name: .long, help: ArgumentHelp("Thư mục chứa mẫu (*.mustache) thay cho mẫu có sẵn.", valueName: "thư-mục"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("Độ rộng dòng của văn bản thường (40–200).", valueName: "số"))
    var width: Int = 80

    @Option(name: .long, help: ArgumentHelp("Số tệp xử lý song song (mặc định: số nhân CPU).", valueName: "số"))
    var jobs: Int?

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        guard (40...200).contains(width) else {
            throw ValidationError("--width phải từ 40 đến 200, đang là \(width)")
        }
        if let jobs, !(1...64).contains(jobs) {
            throw ValidationError("--jobs phải từ 1 đến 64, đang là \(jobs)")
        }
    }

    func run() throws {
        // A format this machine cannot write (PDF without LibreOffice): say so, write nothing.
        if let kinds = format.kinds, let reason = OutputKinds.unavailable(kinds) {
            throw WorkspaceError.usage(reason)
        }
        let workspace = try reading.workspace()
        let job = DocumentJob(workspace: workspace, templates: try workspace.templates(overridingWith: templates),
                              kinds: format.kinds, width: width, outputFolder: out)
        let results = try DocumentBatch(job: job, templateFolder: templates).run(files: files, jobs: jobs)
        results.forEach(Output.print)
        // A template found wrong while writing (a Word part) is an option given wrongly.
        if results.contains(where: { $0.error?.isUsage == true }) { throw ExitCode(2) }
        if results.contains(where: \.failed) { throw DataErrorsFound() }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra tệp dữ liệu, in lỗi và cảnh báo; không ghi tệp nào.",
        discussion: "Chạy đúng các bước của render (kể cả dựng mọi định dạng) mà không ghi: render từ chối gì thì check cũng báo. Mã thoát 1 khi có lỗi (cảnh báo không tính là lỗi)."
    )

    @Argument(help: ArgumentHelp("Các tệp dữ liệu cần kiểm tra.", valueName: "tệp"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Thư mục mẫu sẽ dùng khi render (để kiểm tra cả mẫu).", valueName: "thư-mục"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("Độ rộng dòng sẽ dùng khi render (40–200).", valueName: "số"))
    var width: Int = 80

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        guard (40...200).contains(width) else {
            throw ValidationError("--width phải từ 40 đến 200, đang là \(width)")
        }
    }

    func run() throws {
        let workspace = try reading.workspace()
        let job = DocumentJob(workspace: workspace, templates: try workspace.templates(overridingWith: templates), width: width)
        let results = try DocumentBatch(job: job, templateFolder: templates).run(files: files, jobs: 1)
        var errors = 0
        var warnings = 0
        for result in results {
            Output.print(result)
            errors += result.diagnostics.filter { $0.severity == .error }.count + (result.error == nil ? 0 : 1)
            warnings += result.diagnostics.filter { $0.severity == .warning }.count
        }
        let summary = "\(files.count) tệp: \(errors) lỗi, \(warnings) cảnh báo"
        if errors > 0 {
            Output.error(summary)
            if results.contains(where: { $0.error?.isUsage == true }) { throw ExitCode(2) }
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

    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        guard (1900...2200).contains(year) else {
            throw ValidationError("năm phải từ 1900 đến 2200, đang là \(year)")
        }
    }

    func run() throws {
        var catalog = CommemorationCatalog.builtin
        var congresses: [Congress] = []
        if let data {
            let (document, diagnostics) = try reading.workspace().loadDocument(data)
            Output.report(diagnostics)
            guard let document, !diagnostics.hasErrors else { throw DataErrorsFound() }
            catalog = document.commemorationCatalog
            congresses = document.congresses
        }
        print(CalendarListing.lines(catalog: catalog, year: year, congresses: congresses).joined(separator: "\n"))
    }
}
