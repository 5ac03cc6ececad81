import ArgumentParser
import Foundation
import ThiDuaKit

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
    }

    func run() throws {
        let templateSet = try loadTemplates(templates)
        try FileAccess.prepareFolder(out)
        var failed = false
        for file in files {
            let bytes = try FileAccess.read(file)
            let (document, diagnostics) = Renderer.load(bytes: bytes, file: file)
            FileAccess.report(diagnostics)
            guard let document, !diagnostics.hasErrors else {
                failed = true
                continue
            }
            // Render everything first, write afterwards: a template failure
            // must not leave some formats new and others old.
            var outputs: [(path: String, text: String)] = []
            let base = OutputName.base(for: document)
            for textFormat in textFormats() {
                let text = try Renderer.render(document, format: textFormat, templates: templateSet, width: width)
                outputs.append(("\(out)/\(base).\(textFormat.rawValue)", text))
            }
            for output in outputs {
                try FileAccess.writeAtomically(output.text, to: output.path)
                print(output.path)
            }
        }
        if failed { throw DataErrorsFound() }
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
            let (_, diagnostics) = Renderer.load(bytes: bytes, file: file)
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
        discussion: "Thêm ngày kỷ niệm riêng bằng --data TỆP (khóa `ngay_ky_niem` của tệp dữ liệu)."
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
        if let data {
            let (document, diagnostics) = Renderer.load(bytes: try FileAccess.read(data), file: data)
            FileAccess.report(diagnostics)
            guard let document, !diagnostics.hasErrors else { throw DataErrorsFound() }
            catalog = document.commemorationCatalog
        }
        print(CalendarListing.lines(catalog: catalog, year: year).joined(separator: "\n"))
    }
}
