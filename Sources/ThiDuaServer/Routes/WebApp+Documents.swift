import FlyingFox
import Foundation
import ThiDuaKit
import ThiDuaWorkspace

/// One line of the list: a data file and its state, from the same check as `thidua check`.
struct FileEntry: Codable, Equatable {
    var ten: String
    /// "ke_hoach", "huong_dan", "bao_cao", or nil when the file cannot be read as one.
    var loai: String?
    var so: String?
    var ngay: String?
    var trich_yeu: String?
    /// "san_sang", "canh_bao" or "loi".
    var trang_thai: String
    var loi: Int
    var canh_bao: Int
}

/// The list's entries by name, kept while the file's content is unchanged.
final class StateCache: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var entries: [String: (hash: String, entry: FileEntry)] = [:]

    func entry(_ name: String, hash: String, make: () -> FileEntry) -> FileEntry {
        lock.lock()
        let cached = entries[name]
        lock.unlock()
        if let cached, cached.hash == hash { return cached.entry }
        let entry = make()
        lock.lock()
        entries[name] = (hash, entry)
        lock.unlock()
        return entry
    }
}

extension WebApp {
    /// The job of `thidua check`: every format prepared, nothing written.
    func checkJob() -> DocumentJob {
        DocumentJob(workspace: folder.workspace, templates: templates)
    }

    /// Every data file with its kind, number, date and state; the figure files.
    func list() -> HTTPResponse {
        struct Listing: Encodable {
            var tep: [FileEntry]
            var so_lieu: [String]
        }
        var entries: [FileEntry] = []
        for name in folder.files(withExtensions: WorkingFolder.dataExtensions) {
            guard let bytes = try? folder.readDataFile(name), let path = try? folder.resolve(name) else { continue }
            entries.append(states.entry(name, hash: WorkingFolder.contentHash(bytes)) {
                let result = checkJob().run(file: path, bytes: bytes)
                return Self.entry(name, result)
            })
        }
        return Reply.json(Listing(tep: entries, so_lieu: folder.files(withExtensions: WorkingFolder.figureExtensions)))
    }

    static func entry(_ name: String, _ result: JobResult) -> FileEntry {
        let errors = result.diagnostics.filter { $0.severity == .error }.count + (result.error == nil ? 0 : 1)
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        let document = result.document
        let header = document?.header
        return FileEntry(
            ten: name, loai: document?.kind.rawValue,
            so: header.map { DocumentFormat.numberLine(number: $0.number, symbol: $0.symbol.value) },
            ngay: header.map { $0.date.value.short() }, trich_yeu: document?.subject,
            trang_thai: errors > 0 ? "loi" : warnings > 0 ? "canh_bao" : "san_sang", loi: errors, canh_bao: warnings)
    }

    /// A data file's text and fingerprint, for the editor.
    func open(_ name: String) -> HTTPResponse {
        struct Opened: Encodable {
            var ten: String
            var noi_dung: String
            var dau_van_tay: String
        }
        // A name the folder refuses is a request given wrongly (400), not a missing file.
        if let refusal = WorkingFolder.refusal(of: name, writing: false) { return Reply.refusal(.badRequest, refusal) }
        do {
            let bytes = try folder.readDataFile(name)
            return Reply.json(Opened(ten: name, noi_dung: String(decoding: bytes, as: UTF8.self), dau_van_tay: WorkingFolder.contentHash(bytes)))
        } catch {
            return Reply.refusal(.notFound, folder.relativeNames(in: SystemErrorText.describe(error: error)))
        }
    }

    /// The request of a check, a save: a name in the folder and the file, as text (the YAML
    /// tab) or as the form's tree with the text it was loaded from.
    struct Edited: Decodable {
        var ten: String
        var noi_dung: String?
        var cay: DataNode?
        /// With `cay`: the text the form was loaded from, whose comments and layout the
        /// written file keeps (`DataNode.yaml(kind:replacing:)`).
        var goc: String?
        /// The fingerprint read when the file was opened; nil for a new file.
        var dau_van_tay: String?
        /// Overwrite whatever is on disk (the clerk chose to, after a conflict).
        var ghi_de: Bool?
    }

    /// The check of `thidua check` on unsaved text, and the preview as it will print.
    func check(_ body: [UInt8]) throws -> HTTPResponse {
        struct Checked: Encodable {
            var chan_doan: [DiagnosticJSON]
            var loi: Int
            var canh_bao: Int
            var xem_truoc: String?
            /// The text checked, when the form sent a tree: what a save will write.
            var noi_dung: String?
        }
        let edited = try JSONDecoder().decode(Edited.self, from: Data(body))
        let path = try folder.resolve(edited.ten, writing: true)
        let (text, positions) = try text(of: edited)
        var job = checkJob()
        job.withPreview = true
        let result = job.run(file: path, bytes: Array(text.utf8))
        var diagnostics = folder.relative(result.diagnostics)
        if let error = result.error {
            if case .invalid(let found) = error { diagnostics += folder.relative(found) } else { diagnostics.append(.error(folder.relativeNames(in: error.description))) }
        }
        var preview = result.preview
        if preview == nil, let document = result.document {
            do {
                preview = try templates.previewHTML(document)
            } catch {
                diagnostics.append(.error("không dựng được bản xem trước: \(error)"))
            }
        }
        return Reply.json(Checked(chan_doan: fields(of: diagnostics, file: edited.ten, positions: positions),
                                  loi: diagnostics.filter { $0.severity == .error }.count,
                                  canh_bao: diagnostics.filter { $0.severity == .warning }.count,
                                  xem_truoc: preview, noi_dung: edited.cay == nil ? nil : text))
    }

    /// Saves the text atomically with a backup; 409 when the file changed since it was opened.
    func save(_ body: [UInt8]) throws -> HTTPResponse {
        struct Saved: Encodable {
            var ten: String
            var dau_van_tay: String
            var sao_luu: String?
            var noi_dung: String
        }
        struct Conflict: Encodable {
            var thong_diep: String
            var dau_van_tay_hien_tai: String?
        }
        let edited = try JSONDecoder().decode(Edited.self, from: Data(body))
        let text = try text(of: edited).text
        do {
            let outcome = try folder.save(edited.ten, bytes: Array(text.utf8), expecting: edited.dau_van_tay,
                                          overwriting: edited.ghi_de == true)
            return Reply.json(Saved(ten: edited.ten, dau_van_tay: outcome.hash, sao_luu: outcome.backup, noi_dung: text))
        } catch let conflict as SaveConflict {
            let message = conflict.current == nil
                ? "tệp \(edited.ten) đã bị xóa hoặc đổi tên kể từ khi mở"
                : edited.dau_van_tay == nil
                    ? "đã có tệp \(edited.ten) trong thư mục; chọn tên khác hoặc ghi đè"
                    : "tệp \(edited.ten) đã được sửa ở nơi khác (tab khác, chương trình khác) kể từ khi mở"
            return Reply.json(Conflict(thong_diep: message, dau_van_tay_hien_tai: conflict.current), status: .conflict)
        }
    }

    /// Puts an uploaded figures file into the folder.
    func upload(_ name: String, bytes: [UInt8]) -> HTTPResponse {
        do {
            let outcome = try folder.upload(name, bytes: bytes)
            return Reply.json(["ten": name, "dau_van_tay": outcome.hash])
        } catch {
            // Named from the served folder: its absolute path is nobody's business in the browser.
            return Reply.refusal(.badRequest, folder.relativeNames(in: SystemErrorText.describe(error: error)))
        }
    }

    /// An output of a saved file, the bytes of `thidua render`.
    func download(_ name: String, format: String) -> HTTPResponse {
        let outcome = folder.download(name, format: format, templates: templates)
        if let file = outcome.file { return Reply.download(file) }
        struct Failed: Encodable {
            var thong_diep: String
            var chan_doan: [DiagnosticJSON]
        }
        let message = outcome.error.map { folder.relativeNames(in: $0) } ?? "tệp dữ liệu có lỗi; sửa các lỗi rồi tải lại"
        return Reply.json(Failed(thong_diep: message, chan_doan: folder.relative(outcome.diagnostics).map(DiagnosticJSON.init)),
                          status: outcome.diagnostics.hasErrors ? .unprocessableContent : .badRequest)
    }

    /// The commemorations of a year, for the phases' picker.
    func calendar(_ text: String) -> HTTPResponse {
        struct Day: Encodable {
            var ma: String
            var ten: String
            var ngay: String
            var so_nam: Int
            var loai: String
        }
        guard let year = Int(text), (1900...2200).contains(year) else {
            return Reply.refusal(.badRequest, "năm phải từ 1900 đến 2200")
        }
        let days = CommemorationCatalog.builtin.anniversaries(in: year).map { item in
            Day(ma: item.commemoration.key, ten: item.commemoration.name, ngay: item.date.short(), so_nam: item.years,
                loai: item.kind == .round ? "nam_tron" : item.kind == .halfRound ? "nam_le_5" : "")
        }
        return Reply.json(days)
    }
}
