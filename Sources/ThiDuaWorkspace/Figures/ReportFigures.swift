import Foundation
import ThiDuaKit

/// Reads the figure files a report names, through the workspace's guard, and aggregates them.
enum ReportFigures {
    /// The aggregated figures of a `bao_cao` document (nil for other kinds, or when a file
    /// cannot be read), and every diagnostic.
    ///
    /// An error about a whole figures file (it is empty, it is not a table, reading it
    /// failed) is pointed back at the data file's line where the file was named, so
    /// the clerk sees which entry of `so_lieu` to fix. An entry written `{tep:, nhom:}` gives
    /// each of its files the group of its rows that have none (`FigureSource.defaultGroup`).
    static func aggregate(_ document: Document, workspace: Workspace, formats: [FigureFileFormat] = FigureFileFormats.all) -> (ReportResult?, [Diagnostic]) {
        guard let spec = document.report else { return (nil, []) }
        var opened: [(file: GuardedFile, label: String, origin: SourcePosition, role: FileRole)] = []
        // Where each file was first opened: a phase of 1,000 workbooks compared every file
        // with every one before it.
        var firstOpened: [OpenedKey: Int] = [:]
        let paths = PathResolver()
        let previous = Set(spec.previousFiles.map(\.position))
        let expected = spec.expectedUnitsFile?.position
        // Every entry is expanded (folders, patterns) and every file opened, its reading into
        // the cache started, before the first is looked at: all the files that cannot be read
        // are reported in one run, and files not in the cache are read from the disk at once,
        // not one by one as each is recognised.
        var extra: [Diagnostic] = []
        func roleOf(_ name: Located<String>) -> FileRole {
            previous.contains(name.position) ? .previousFigures : name.position == expected ? .expectedUnits : .figures
        }
        typealias Entries = Result<[(entry: Located<String>, opened: OpenResult)], Diagnostic>
        func openEntries(_ name: Located<String>) -> Entries {
            let role = roleOf(name)
            return workspace.expand(name, namedIn: document.sourceFile).map { found in
                (role == .expectedUnits ? Array(found.prefix(1)) : found).map { entry in
                    let attempt = workspace.open(entry, namedIn: document.sourceFile, role: role, paths: paths)
                    if case .success(let (file, _)) = attempt { file.prefetch() }
                    return (entry: entry, opened: attempt)
                }
            }
        }
        var preopened: [EntryKey: Entries] = [:]
        let names: [Located<String>] = spec.figureFiles + spec.previousFiles + (spec.expectedUnitsFile.map { [$0] } ?? [])
        for name in names where preopened[EntryKey(name)] == nil {
            preopened[EntryKey(name)] = openEntries(name)
        }
        let (result, diagnostics) = ReportAggregator.aggregate(document: document) { name in
            let role = roleOf(name)
            let entries: [(entry: Located<String>, opened: OpenResult)]
            switch preopened.removeValue(forKey: EntryKey(name)) ?? openEntries(name) {
            case .failure(let diagnostic): return .failure(diagnostic)
            case .success(let found): entries = found
            }
            var sources: [FigureSource] = []
            var failures: [Diagnostic] = []
            for (entry, attempt) in entries {
                switch attempt {
                case .failure(let diagnostic):
                    failures.append(diagnostic)
                case .success(let (file, label)):
                    // The same file named twice (a folder and one of its files): read once,
                    // said once, instead of every unit of it reported as a duplicate.
                    let key = OpenedKey(role: role, path: file.path)
                    if let first = firstOpened[key] {
                        extra.append(.warning("\(role.noun) \"\(label)\" đã có trong danh sách (dòng \(opened[first].origin.line)); lần sau bị bỏ qua",
                                              at: name.position, hint: "bỏ mục trùng"))
                        file.closeNow()
                        continue
                    }
                    firstOpened[key] = opened.count
                    opened.append((file, label, name.position, role))
                    switch FigureFileFormats.source(of: file, label: label, origin: name.position, role: role, formats: formats) {
                    case .success(var source):
                        // NFC: a file name from a Mac arrives decomposed, a group typed in a row composed.
                        source.defaultGroup = spec.entryGroups[name.position]?.group(forFile: entry.value).precomposedStringWithCanonicalMapping
                        sources.append(source)
                    case .failure(let diagnostic): failures.append(diagnostic)
                    }
                }
            }
            guard let first = failures.first else { return .success(sources) }
            extra += failures.dropFirst()
            return .failure(first)
        }
        // Entries the aggregation never asked for (none, unless it stopped early) are closed.
        for case .success(let entries) in preopened.values {
            for (_, attempt) in entries {
                if case .success(let (file, _)) = attempt { file.closeNow() }
            }
        }
        var all = diagnostics + extra
        for entry in opened {
            if let failure = entry.file.readError {
                all.append(.error("\(entry.role.noun) \"\(entry.label)\": \(failure.message)", at: entry.origin, hint: failure.hint))
            }
            entry.file.closeNow()
        }
        var byLabel: [String: Int] = [:]
        for (index, entry) in opened.enumerated() where byLabel[entry.label] == nil { byLabel[entry.label] = index }
        all = all.flatMap { diagnostic -> [Diagnostic] in
            guard diagnostic.severity == .error, let position = diagnostic.position, position.line == 0,
                  let found = byLabel[position.file] else { return [diagnostic] }
            let entry = opened[found]
            var here = diagnostic
            here.message = "\(entry.role.noun) \"\(entry.label)\": \(diagnostic.message)"
            here.position = entry.origin
            return [here]
        }
        return (result, all)
    }
}

/// A file as opened for one role: the same file may be read as figures and as the
/// previous phase's figures, but not twice as either.
private struct OpenedKey: Hashable {
    var role: FileRole
    var path: String
}

/// What opening one file of an entry gave.
private typealias OpenResult = Result<(file: GuardedFile, label: String), Diagnostic>

/// An entry of the data file, by where it was written and what it says.
private struct EntryKey: Hashable {
    var line: Int
    var column: Int
    var value: String

    init(_ name: Located<String>) {
        line = name.position.line
        column = name.position.column
        value = name.value
    }
}
