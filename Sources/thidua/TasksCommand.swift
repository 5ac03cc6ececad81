import ArgumentParser
import Foundation
import ThiDuaKit

/// The formats of the task list.
enum TaskFormat: String, ExpressibleByArgument, CaseIterable {
    case md, txt, csv, all
}

struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "Liệt kê việc được giao (đơn vị, nhiệm vụ, hạn) trong các văn bản, xếp theo hạn.",
        discussion: "Không có --out thì in ra màn hình dạng văn bản thường; có --out thì ghi nhiem-vu.md, .txt, .csv vào thư mục đó."
    )

    @Argument(help: ArgumentHelp("Các tệp dữ liệu (thường là hướng dẫn).", valueName: "tệp"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Định dạng: md, txt, csv hoặc all.", valueName: "định-dạng"))
    var format: TaskFormat = .all

    @Option(name: .long, help: ArgumentHelp("Thư mục ghi danh sách (nếu không có thì in ra màn hình).", valueName: "thư-mục"))
    var out: String?

    func run() throws {
        var documents: [Document] = []
        var failed = false
        for file in files {
            let (document, diagnostics) = Renderer.load(bytes: try FileAccess.read(file), file: file)
            FileAccess.report(diagnostics)
            if let document, !diagnostics.hasErrors { documents.append(document) } else { failed = true }
        }
        if failed { throw DataErrorsFound() }
        let list = TaskList(documents: documents)
        guard let out else {
            switch format {
            case .md: print(list.markdown(), terminator: "")
            case .csv: print(list.csv(), terminator: "")
            case .txt, .all: print(list.plainText(), terminator: "")
            }
            return
        }
        try FileAccess.prepareFolder(out)
        let base = files.count == 1 ? documents.first.map { OutputName.base(for: $0) + "-nhiem-vu" } ?? "nhiem-vu" : "nhiem-vu"
        var outputs: [(String, String)] = []
        if format == .md || format == .all { outputs.append(("\(out)/\(base).md", list.markdown())) }
        if format == .txt || format == .all { outputs.append(("\(out)/\(base).txt", list.plainText())) }
        if format == .csv || format == .all { outputs.append(("\(out)/\(base).csv", list.csv())) }
        for (path, text) in outputs {
            try FileAccess.writeAtomically(text, to: path)
            print(path)
        }
    }
}
