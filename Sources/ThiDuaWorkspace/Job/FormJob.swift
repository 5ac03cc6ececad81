import ThiDuaKit
import ThiDuaXlsx

/// `thidua bieu-mau`: the figures form of a report, for the units to fill. Reads the data
/// file and its list of expected units through the workspace's guard, and writes the
/// form (or one per unit) as one output set: all the forms or none.
public struct FormJob: Sendable {
    /// Where files are opened.
    public let workspace: Workspace

    /// A job reading through `workspace`.
    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Writes the form(s) of the report `dataFile` into `folder`; `perUnit` writes one per
    /// expected unit, named after it.
    public func run(dataFile: String, folder: String, perUnit: Bool) -> JobResult {
        var result = JobResult(file: dataFile)
        let document: Document
        do {
            let (loaded, diagnostics) = try workspace.loadDocument(dataFile)
            result.diagnostics = diagnostics
            guard let loaded, !diagnostics.hasErrors else { return result }
            document = loaded
        } catch let error as WorkspaceError {
            result.error = error
            return result
        } catch {
            result.error = .usage("không đọc được \(dataFile)")
            return result
        }
        guard document.kind == .baoCao, let spec = document.report else {
            result.diagnostics.append(.error("biểu mẫu số liệu chỉ tạo được từ báo cáo (loai: bao_cao)", at: SourcePosition(file: dataFile),
                                             hint: "chọn tệp dữ liệu của báo cáo sơ kết hoặc tổng kết"))
            return result
        }
        var units: [ExpectedUnit] = []
        if let name = spec.expectedUnitsFile {
            let (list, diagnostics) = expectedUnits(name, document: document)
            units = list
            result.diagnostics += diagnostics
            if diagnostics.hasErrors { return result }
        }
        if perUnit && units.isEmpty {
            result.diagnostics.append(.error("--mot-tep-moi-don-vi cần danh sách đơn vị (`don_vi_du_kien`) có ít nhất một đơn vị",
                                             at: SourcePosition(file: dataFile),
                                             hint: "thêm `don_vi_du_kien: danh-sach-don-vi.csv` vào khối `bao_cao`"))
            return result
        }
        let form = ReportFormInput(document: document, units: units)
        let base = OutputName.base(for: document)
        var entries: [(name: String, content: PreparedOutput)] = []
        var inputs: [ReportFormInput] = []
        if perUnit {
            var taken: Set<String> = []
            for input in form.perUnit() {
                // Two units may fold to the same name ("Công ty A" and "Công ty Á").
                var name = input.fileName, n = 2
                while taken.contains(name) {
                    name = String(input.fileName.dropLast(5)) + "-\(n).xlsx"
                    n += 1
                }
                taken.insert(name)
                entries.append((name, .file { path in try ReportForm.write(input, to: path) }))
                inputs.append(input)
            }
        } else {
            entries.append(("\(base)-bieu-mau.xlsx", .file { path in try ReportForm.write(form, to: path) }))
        }
        do {
            // An output folder that cannot be made (a file of that name) is the command
            // given wrongly, as for `render`.
            try OutputFolder.prepare(folder)
            result.written = try OutputSet(folder: folder, base: base + "-bieu-mau", entries: entries).commit()
        } catch let error as WorkspaceError {
            result.error = error
            return result
        } catch {
            result.error = .library(SystemErrorText.describe(error: error))
            return result
        }
        let rows = form.units.isEmpty ? "biểu trống \(form.blankRows) dòng" : "\(VietnameseNumber.integer(form.units.count)) đơn vị"
        result.notes.append("\(dataFile): \(entries.count) biểu mẫu (\(rows), \(form.columns.count) cột số liệu)")
        return result
    }

    /// The expected units, CSV or workbook, read through the guard.
    func expectedUnits(_ name: Located<String>, document: Document) -> ([ExpectedUnit], [Diagnostic]) {
        switch workspace.open(name, namedIn: document.sourceFile, role: .expectedUnits) {
        case .failure(let diagnostic):
            return ([], [diagnostic])
        case .success(let (file, label)):
            defer { file.closeNow() }
            switch FigureFileFormats.source(of: file, label: label, origin: name.position, role: .expectedUnits) {
            case .failure(let diagnostic):
                return ([], [diagnostic])
            case .success(let source):
                if let tables = source.tables { return ExpectedUnit.parseList(tables: tables, file: label) }
                return ExpectedUnit.parseList(chunks: source.chunks, file: label)
            }
        }
    }
}
