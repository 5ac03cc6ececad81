import ThiDuaDocx
import ThiDuaKit

/// One output format of the task list (`thidua tasks`).
public struct TaskOutputKind: Sendable {
    /// The name on the command line.
    public let id: String
    /// The file extension, without the dot.
    public let fileExtension: String
    /// Produces the output.
    public let prepare: @Sendable (TaskList, [Document]) throws -> PreparedOutput

    /// Creates a format entry.
    public init(id: String, fileExtension: String, prepare: @escaping @Sendable (TaskList, [Document]) throws -> PreparedOutput) {
        self.id = id
        self.fileExtension = fileExtension
        self.prepare = prepare
    }

    /// The formats of the task list, in the order they are written.
    public static let all: [TaskOutputKind] = [
        TaskOutputKind(id: "md", fileExtension: "md") { list, _ in .bytes(Array(list.markdown().utf8)) },
        TaskOutputKind(id: "txt", fileExtension: "txt") { list, _ in .bytes(Array(list.plainText().utf8)) },
        TaskOutputKind(id: "csv", fileExtension: "csv") { list, _ in .bytes(Array(list.csv().utf8)) },
        TaskOutputKind(id: "docx", fileExtension: "docx") { list, documents in
            .bytes(try DocxWriter(templates: TemplateSet()).write(list, documents: documents).bytes)
        },
    ]

    /// The format named `id`.
    public static func named(_ id: String) -> TaskOutputKind? {
        all.first { $0.id == id }
    }
}

/// The task list of several data files (usually guidance): who must do what by when.
public struct TaskListJob: Sendable {
    /// Where files are read from.
    public var workspace: Workspace

    /// A task-list job.
    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Loads and checks every file.
    ///
    /// - Returns: the list when every file is free of errors, and every diagnostic.
    /// - Throws: `WorkspaceError.usage` for a file that cannot be read.
    public func list(files: [String]) throws -> (TaskList?, [Document], [Diagnostic]) {
        let loader = DocumentLoader(workspace: workspace)
        var documents: [Document] = []
        var diagnostics: [Diagnostic] = []
        var failed = false
        for file in files {
            let (document, _, found) = loader.load(bytes: try workspace.readDataFile(file), file: file)
            diagnostics += found
            if let document, !found.hasErrors { documents.append(document) } else { failed = true }
        }
        return (failed ? nil : TaskList(documents: documents), documents, diagnostics)
    }

    /// Writes the list in `kinds` into `folder` as one set named after the document (or
    /// `nhiem-vu` for several).
    ///
    /// - Returns: the paths written.
    public func write(_ list: TaskList, documents: [Document], kinds: [TaskOutputKind], to folder: String) throws -> [String] {
        try OutputFolder.prepare(folder)
        let base = documents.count == 1 ? documents.first.map { OutputName.base(for: $0) + "-nhiem-vu" } ?? "nhiem-vu" : "nhiem-vu"
        var entries: [(name: String, content: PreparedOutput)] = []
        for kind in kinds {
            entries.append(("\(base).\(kind.fileExtension)", try kind.prepare(list, documents)))
        }
        return try OutputSet(folder: folder, base: base, entries: entries).commit()
    }
}
