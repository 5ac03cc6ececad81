import ArgumentParser
import Foundation
import ThiDuaKit
import ThiDuaWorkspace

/// The formats of the task list: `all` or names from `TaskOutputKind.all`.
struct TaskFormatChoice: ExpressibleByArgument, CustomStringConvertible {
    /// nil for `all`.
    var kinds: [TaskOutputKind]?

    init(kinds: [TaskOutputKind]?) {
        self.kinds = kinds
    }

    init?(argument: String) {
        if argument == "all" {
            kinds = nil
            return
        }
        guard let kind = TaskOutputKind.named(argument) else { return nil }
        kinds = [kind]
    }

    var description: String { kinds.map { $0.map(\.id).joined(separator: ",") } ?? "all" }

    static var allValueStrings: [String] { TaskOutputKind.all.map(\.id) + ["all"] }
}

struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "Liệt kê việc được giao (đơn vị, nhiệm vụ, hạn) trong các văn bản, xếp theo hạn.",
        discussion: "Không có --out thì in ra màn hình dạng văn bản thường; có --out thì ghi nhiem-vu.md, .txt, .csv vào thư mục đó."
    )

    @Argument(help: ArgumentHelp("Các tệp dữ liệu (thường là hướng dẫn).", valueName: "tệp"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Định dạng: \(TaskOutputKind.all.map(\.id).joined(separator: ", ")) hoặc all.", valueName: "định-dạng"))
    var format = TaskFormatChoice(kinds: nil)

    @Option(name: .long, help: ArgumentHelp("Thư mục ghi danh sách (nếu không có thì in ra màn hình).", valueName: "thư-mục"))
    var out: String?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let job = TaskListJob(workspace: try reading.workspace())
        let (list, documents, diagnostics) = try job.list(files: files)
        Output.report(diagnostics)
        guard let list else { throw DataErrorsFound() }
        guard let out else {
            // On screen: one text format (Markdown or CSV when asked for, plain text otherwise).
            switch format.kinds?.first?.id {
            case "md": print(list.markdown(), terminator: "")
            case "csv": print(list.csv(), terminator: "")
            default: print(list.plainText(), terminator: "")
            }
            return
        }
        for path in try job.write(list, documents: documents, kinds: format.kinds ?? TaskOutputKind.all, to: out) {
            print(path)
        }
    }
}
