import Foundation
import ThiDuaKit

/// `thidua moi`, `trien-khai`, `nam-sau`: reads what the starter needs through the
/// workspace's guard, calls the pure transform in ThiDuaKit (`Starter`), and writes the new
/// data file with `NewDataFile` (never over an existing file).
public struct StarterJob: Sendable {
    /// Where files are read and written.
    public let workspace: Workspace

    /// A job reading and writing through `workspace`.
    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// A new data file of `kind` at `path` (default `ke-hoach-moi.yaml` …).
    public func new(kind: DocumentKind, to path: String?) -> JobResult {
        let target = path ?? "\(kind.templateName)-moi.yaml"
        var result = JobResult(file: target)
        let tree = Starter.newDocument(kind)
        let heading = ["\(kind.title.capitalizedFirst) mới: điền các chỗ trống (sau dấu `:` không có gì), rồi chạy `thidua check \(target)`.",
                       "Dòng `#` là ghi chú, thidua bỏ qua; khóa không dùng thì xóa cả dòng."]
        write(Starter.fileText(tree, heading: heading), to: target, result: &result)
        if result.error == nil {
            result.notes.append("còn \(Starter.blanks(in: tree).count) chỗ trống cần điền; `thidua check \(target)` chỉ ra từng chỗ")
        }
        return result
    }

    /// The lower level's plan answering the plan `parentPath`, at `path` (default: beside the
    /// parent, `<tên>-trien-khai.yaml`), for the period `from`–`to` (dates as written by a
    /// clerk; each defaults to the parent's).
    public func derive(from parentPath: String, to path: String?, periodFrom from: String?, to end: String?) -> JobResult {
        let target = path ?? Self.sibling(of: parentPath, suffix: "-trien-khai")
        var result = JobResult(file: target)
        guard let (tree, parent) = read(parentPath, result: &result) else { return result }
        guard parent.kind == .keHoach else {
            result.diagnostics.append(.error("chỉ triển khai được từ một kế hoạch (loai: ke_hoach)", at: SourcePosition(file: parentPath),
                                             hint: "chọn tệp dữ liệu kế hoạch của cấp trên"))
            return result
        }
        var period: Period?
        if from != nil || end != nil {
            guard let start = Self.date(from, or: parent.period?.start.value), let finish = Self.date(end, or: parent.period?.end.value) else {
                result.error = .usage("--tu/--den phải là ngày, ví dụ 2025-08-11 hoặc 11/8/2025 (kế hoạch cấp trên không có `thoi_gian` thì cần cả hai)")
                return result
            }
            guard start <= finish else {
                result.error = .usage("--tu (\(start.short())) sau --den (\(finish.short()))")
                return result
            }
            let place = SourcePosition(file: target)
            period = Period(start: Located(start, at: place), end: Located(finish, at: place))
        }
        let citing = NewDataFile.relativePath(to: parentPath, from: Workspace.folder(of: target))
        let derived = Starter.derive(from: tree, parentDocument: parent, citing: citing, period: period)
        let heading = ["Kế hoạch triển khai \(parent.citationName): bản nháp (du_thao: true) chép từ kế hoạch cấp trên.",
                       "Điền phần đầu và chữ ký của đơn vị mình, sửa các mục cho phù hợp, rồi bỏ `du_thao`.",
                       "`thidua check` đối chiếu với kế hoạch cấp trên (đợt, hạn, chỉ tiêu) và báo mục còn chép nguyên văn."]
        write(Starter.fileText(derived, heading: heading), to: target, result: &result)
        // A review deadline before the lower plan starts is left blank: say so, `check` asks for one.
        if result.error == nil, let start = period?.start.value ?? parent.period?.start.value {
            for phase in parent.phases {
                if let deadline = phase.reviewDeadline?.value, deadline < start, phase.end.value >= start {
                    result.notes.append("\(phase.name): hạn \(phase.review == .tongKet ? "tổng kết" : "sơ kết") của kế hoạch cấp trên (\(deadline.short())) trước khi kế hoạch này bắt đầu; đã để trống `han_danh_gia`, ghi hạn mới")
                }
            }
            // So is a task's deadline (the opening is not copied, nor its tasks).
            let copied = parent.sections.flatMap { Document.assignments(in: $0.blocks) } + Document.assignments(in: parent.closing)
            for assignment in copied {
                guard let deadline = assignment.deadline, let last = deadline.value.lastDay, last < start else { continue }
                let key = if case .month = deadline.value { "han_thang" } else { "han" }
                result.notes.append("việc giao cho \"\(assignment.body)\": hạn của kế hoạch cấp trên (\(Document.describe(deadline.value))) trước khi kế hoạch này bắt đầu; đã để trống `\(key)`, ghi hạn mới")
            }
        }
        if result.error == nil, citing.hasPrefix("../") {
            // thidua reads a cited file outside the data file's folder only when allowed.
            result.notes.append("kế hoạch cấp trên nằm ngoài thư mục của \(target): chạy `thidua check \(target) --root <thư mục chứa cả hai>`")
        }
        return result
    }

    /// Next year's plan from the plan `sourcePath`, at `path` (default: the year in the name
    /// moved on, `…-2026.yaml`, else `<tên>-nam-sau.yaml`).
    public func nextYear(from sourcePath: String, to path: String?) -> JobResult {
        var result = JobResult(file: path ?? sourcePath)
        guard let (tree, document) = read(sourcePath, result: &result) else { return result }
        guard document.kind != .baoCao else {
            result.diagnostics.append(.error("`nam-sau` dùng cho kế hoạch hoặc hướng dẫn, không cho báo cáo", at: SourcePosition(file: sourcePath),
                                             hint: "báo cáo năm sau bắt đầu bằng `thidua moi bao-cao`"))
            return result
        }
        // A movement of several years is not planned again each year: moved by one, its
        // draft named "giai đoạn 2026-2030" over a period of 2027-2031.
        if let period = document.period, period.end.value.ordinal - period.start.value.ordinal > 400 {
            result.diagnostics.append(.error(
                "`nam-sau` dùng cho kế hoạch một năm (hay một năm học); phong trào này kéo dài \(period.start.value.short()) - \(period.end.value.short())",
                at: period.start.position, hint: "kế hoạch của năm trong giai đoạn: `thidua trien-khai` với `--tu` và `--den` của năm đó"))
            return result
        }
        let year = document.movementYear
        // The year after 2200 is one no data file may hold (`check`: 1900–2200).
        guard year < 2200, document.header.date.value.year < 2200 else {
            result.diagnostics.append(.error("năm sau của kế hoạch năm \(year) vượt năm 2200, năm lớn nhất thidua nhận",
                                             at: document.header.date.position, hint: "kiểm tra `ngay` và `thoi_gian` của kế hoạch"))
            return result
        }
        let target = path ?? Self.nextYearName(sourcePath, year: year)
        result.file = target
        var (moved, notes) = Starter.nextYear(tree, document: document)
        moved = Self.retargetingLinks(moved, from: Workspace.folder(of: sourcePath), to: Workspace.folder(of: target))
        var heading = ["Kế hoạch năm \(year + 1), chép từ kế hoạch năm \(year): bản nháp (du_thao: true); số và ngày để trống.",
                       "Ngày các đợt, hạn đã dời một năm; số năm kỷ niệm thidua tự tính lại."]
        if notes.oldReferences > 0 {
            heading.append("Các căn cứ vẫn là văn bản năm \(year): thay bằng văn bản năm \(year + 1) (`thidua check` nhắc đến khi sửa xong).")
        }
        write(Starter.fileText(moved, heading: heading), to: target, result: &result)
        guard result.error == nil else { return result }
        for line in notes.proposedAnniversaries { result.notes.append("đề xuất chào mừng — \(line)") }
        for name in notes.droppedCongresses { result.notes.append("đã bỏ đại hội của năm \(year): \(name)") }
        // As `derive` says it: a cited file outside the new file's folder is read only when allowed.
        let cited = moved["can_cu"]?.items?.compactMap { $0["tep"]?.text } ?? []
        if cited.contains(where: { $0.hasPrefix("../") }) {
            result.notes.append("văn bản được dẫn nằm ngoài thư mục của \(target): chạy `thidua check \(target) --root <thư mục chứa cả hai>`")
        }
        return result
    }

    // MARK: - Helpers

    private func read(_ path: String, result: inout JobResult) -> (DataNode, Document)? {
        do {
            let bytes = try workspace.readDataFile(path)
            let (loaded, diagnostics) = try workspace.loadDocument(path)
            result.diagnostics = diagnostics
            guard let loaded, !diagnostics.hasErrors else {
                if !diagnostics.hasErrors { result.error = .usage("không đọc được \(path)") }
                return nil
            }
            let (tree, treeDiagnostics) = DataNode.parse(bytes: bytes, file: path)
            guard let tree else {
                result.diagnostics += treeDiagnostics
                return nil
            }
            return (tree, loaded)
        } catch let error as WorkspaceError {
            result.error = error
        } catch {
            result.error = .usage("không đọc được \(path)")
        }
        return nil
    }

    private func write(_ text: String, to path: String, result: inout JobResult) {
        // A data file is YAML under a data file's name: "ns.csv" or "a.yaml.bak" would be
        // a figures file, or nothing thidua reads, holding YAML.
        // What is written is YAML with `#` comments: under ".json" no JSON tool would read it.
        let ext = (path as NSString).pathExtension.lowercased()
        guard WorkingFolder.dataExtensions.contains(ext), ext != "json" else {
            result.error = .usage("tên tệp dữ liệu \(path) phải kết thúc bằng .yaml hoặc .yml (tệp mới được ghi dạng YAML có ghi chú)")
            return
        }
        do {
            try NewDataFile.write(text, to: path, in: workspace)
            result.written.append(path)
        } catch let error as WorkspaceError {
            result.error = error
        } catch {
            result.error = .output(path: path, message: SystemErrorText.describe(error: error))
        }
    }

    static func date(_ written: String?, or fallback: CivilDate?) -> CivilDate? {
        guard let written else { return fallback }
        if case .success(let date) = CivilDate.parse(written.trimmingCharacters(in: .whitespaces)) { return date }
        return nil
    }

    /// `folder/name<suffix>.yaml` beside `path`.
    static func sibling(of path: String, suffix: String) -> String {
        let folder = Workspace.folder(of: path)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let file = "\(name)\(suffix).yaml"
        return path.contains("/") ? "\(folder)/\(file)" : file
    }

    /// The year in the file name moved on ("ke-hoach-tinh-2025.yaml" → "…-2026.yaml").
    static func nextYearName(_ path: String, year: Int) -> String {
        let name = (path as NSString).lastPathComponent
        guard name.contains(String(year)) else { return sibling(of: path, suffix: "-nam-sau") }
        let moved = name.replacingOccurrences(of: String(year), with: String(year + 1))
        return path.contains("/") ? "\(Workspace.folder(of: path))/\(moved)" : moved
    }

    /// `tep:` paths of `can_cu`, written from `old`, rewritten from `new` when the file moves folder.
    static func retargetingLinks(_ tree: DataNode, from old: String, to new: String) -> DataNode {
        guard Workspace.realPath(old) != Workspace.realPath(new), let references = tree["can_cu"]?.items else { return tree }
        var out = tree
        out["can_cu"] = .sequence(references.map { reference in
            guard let file = reference["tep"]?.text, !file.hasPrefix("/") else { return reference }
            var moved = reference
            moved["tep"] = .scalar(NewDataFile.relativePath(to: "\(old)/\(file)", from: new))
            return moved
        })
        return out
    }
}

extension String {
    /// "KẾ HOẠCH" → "Kế hoạch".
    var capitalizedFirst: String {
        let lower = lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }
}
