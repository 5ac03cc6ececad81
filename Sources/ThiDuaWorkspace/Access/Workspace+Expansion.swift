#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ThiDuaKit

extension Workspace {
    /// The most files one entry of a data file may stand for (a folder or a pattern).
    public static let maxFilesPerEntry = 10_000

    /// The files one entry written in a data file stands for: itself; every file of a folder
    /// (`bao-cao/nhan-ve/`); or every file matching a pattern (`bao-cao/nhan-ve/*.xlsx`,
    /// `*`, `?` and `[…]` as in a shell), in name order.
    ///
    /// In a folder, hidden files and the lock files Excel and LibreOffice leave beside an open
    /// workbook (`~$…`, `.~lock.…#`) are passed over; only names ending in one of
    /// `extensions` are taken (.xls and .ods too, to be refused with a message saying how to
    /// save them as .xlsx; not .txt, which a folder of received files holds as letters and
    /// notes — a text file of figures is named on its own or by a pattern). Each file found is then opened like a single entry, so the
    /// confinement rule and the guard apply to every one.
    ///
    /// - Returns: one entry per file, at the position where the folder or pattern was
    ///   written; or why the entry stands for no file.
    public func expand(_ written: Located<String>, namedIn dataFile: String,
                       extensions: Set<String> = ["csv", "tsv", "xlsx", "xlsm", "xls", "ods"]) -> Result<[Located<String>], Diagnostic> {
        let raw = written.value
        let folder = Self.folder(of: dataFile)
        let isPattern = raw.contains { "*?[".contains($0) }
        let absolute = raw.hasPrefix("/") ? raw : folder + "/" + raw
        if isPattern {
            // The folder part before the first wildcard must itself be inside the root:
            // a pattern is never even listed outside it.
            let fixed = String(absolute.prefix { !"*?[".contains($0) })
            let base = fixed.hasSuffix("/") ? String(fixed.dropLast()) : Self.folder(of: fixed)
            if let allowed = root ?? Self.realPath(folder), let real = Self.realPath(base.isEmpty ? "/" : base),
               !Self.isInside(real, allowed) {
                return .failure(.error("mẫu \"\(raw)\" trỏ ra ngoài thư mục được phép đọc (\(Self.displayName(allowed)))",
                                       at: written.position, hint: "chỉ ghi mẫu cho các tệp nằm trong thư mục của tệp dữ liệu (hoặc --root)"))
            }
            let matches = Self.glob(absolute).filter { Self.isCandidate(($0 as NSString).lastPathComponent) }
            // "*/../../*.csv" starts inside and matches outside: refused whole, no name shown.
            if let allowed = root ?? Self.realPath(folder), matches.contains(where: { !Self.isInside(Self.realPath($0) ?? $0, allowed) }) {
                return .failure(.error("mẫu \"\(raw)\" trỏ ra ngoài thư mục được phép đọc (\(Self.displayName(allowed)))",
                                       at: written.position, hint: "chỉ ghi mẫu cho các tệp nằm trong thư mục của tệp dữ liệu (hoặc --root)"))
            }
            guard !matches.isEmpty else {
                return .failure(.error("không có tệp nào khớp mẫu \"\(raw)\"", at: written.position,
                                       hint: "kiểm tra tên thư mục và mẫu (ví dụ `bao-cao/nhan-ve/*.xlsx`)"))
            }
            return limited(matches.map { Located(Self.relative($0, to: folder, written: raw), at: written.position) }, written)
        }
        guard raw.hasSuffix("/") || Self.isDirectory(absolute) else { return .success([written]) }
        // A folder is listed only inside the root: its names are not shown from outside.
        if let allowed = root ?? Self.realPath(folder), let reached = Self.reachedPath(absolute),
           !Self.isInside(reached, allowed) {
            return .failure(.error("thư mục \"\(raw)\" nằm ngoài thư mục được phép đọc (\(Self.displayName(allowed)))", at: written.position,
                                   hint: "chép các tệp nhận về vào một thư mục nằm trong thư mục của tệp dữ liệu (hoặc --root)"))
        }
        guard let real = Self.realPath(absolute), Self.isDirectory(real) else {
            return .failure(.error("không tìm thấy thư mục \"\(raw)\"", at: written.position, hint: "kiểm tra tên thư mục"))
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: real)) ?? []).filter { name in
            Self.isCandidate(name) && extensions.contains((name as NSString).pathExtension.lowercased())
        }.sorted()
        guard !names.isEmpty else {
            return .failure(.error("thư mục \"\(raw)\" không có tệp số liệu nào (.csv, .xlsx)", at: written.position,
                                   hint: "chép các tệp nhận về vào thư mục này"))
        }
        let prefix = raw.hasSuffix("/") ? raw : raw + "/"
        return limited(names.map { Located(prefix + $0, at: written.position) }, written)
    }

    private func limited(_ entries: [Located<String>], _ written: Located<String>) -> Result<[Located<String>], Diagnostic> {
        guard entries.count <= Self.maxFilesPerEntry else {
            return .failure(.error("\"\(written.value)\" có \(entries.count) tệp, nhiều hơn \(Self.maxFilesPerEntry) tệp được phép",
                                   at: written.position, hint: "chia thành nhiều thư mục, hoặc ghi mẫu hẹp hơn"))
        }
        return .success(entries)
    }

    /// Not hidden, not an office lock file.
    static func isCandidate(_ name: String) -> Bool {
        !name.hasPrefix(".") && !name.hasPrefix("~$")
    }

    /// `glob(3)`, sorted; no match gives an empty list.
    static func glob(_ pattern: String) -> [String] {
        var found = glob_t()
        defer { globfree(&found) }
        guard Glibc.glob(pattern, 0, nil, &found) == 0 else { return [] }
        return (0..<Int(found.gl_pathc)).compactMap { index in found.gl_pathv[index].map { String(cString: $0) } }
    }

    /// A match written as the clerk would: relative to the data file's folder when the
    /// pattern was relative.
    static func relative(_ match: String, to folder: String, written: String) -> String {
        guard !written.hasPrefix("/"), match.hasPrefix(folder + "/") else { return match }
        return String(match.dropFirst(folder.count + 1))
    }
}
