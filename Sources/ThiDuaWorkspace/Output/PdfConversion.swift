import Foundation
import ThiDuaKit

/// PDF from a Word file through LibreOffice in headless mode (`soffice --convert-to pdf`),
/// in a private temporary folder with a LibreOffice profile of its own (so a LibreOffice
/// the clerk has open, or another conversion running, cannot interfere), removed after.
public enum PdfConversion {
    /// The Debian package that provides `soffice` without a desktop.
    public static let package = "libreoffice-writer-nogui"
    /// A conversion taking longer than this is stopped (a hung LibreOffice must not hang us).
    static let timeout: TimeInterval = 180

    /// The path of `soffice` (or `libreoffice`) on PATH, if installed.
    static func program() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["soffice", "libreoffice"] {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Why PDF cannot be written here, in Vietnamese, or nil when LibreOffice is installed.
    public static func unavailable() -> String? {
        program() == nil
            ? "cần LibreOffice để ghi PDF nhưng máy chưa có lệnh soffice: cài gói \(package) (sudo apt-get install \(package)) rồi chạy lại; không ghi tệp nào"
            : nil
    }

    /// The PDF of `docx`; `name` only names the temporary files and messages.
    public static func convert(docx: [UInt8], name: String) throws -> [UInt8] {
        guard let soffice = program() else { throw WorkspaceError.usage(unavailable() ?? package) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-pdf-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw WorkspaceError.output(path: "\(name).pdf", message: "không tạo được thư mục tạm để chuyển sang PDF (\(SystemErrorText.describe(error: error)))")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("\(name).docx")
        let log = folder.appendingPathComponent("soffice.log")
        try Data(docx).write(to: source)
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)",
                             "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder.path, source.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try? FileHandle(forWritingTo: log)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw WorkspaceError.output(path: "\(name).pdf", message: "không chạy được \(soffice) (\(SystemErrorText.describe(error: error)))")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw WorkspaceError.output(path: "\(name).pdf", message: "LibreOffice chưa chuyển xong sau \(Int(timeout)) giây; đã dừng")
        }
        let pdf = folder.appendingPathComponent("\(name).pdf")
        guard process.terminationStatus == 0, let bytes = try? Data(contentsOf: pdf), bytes.starts(with: Array("%PDF".utf8)) else {
            let detail = (try? String(contentsOf: log, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            throw WorkspaceError.output(path: "\(name).pdf",
                                        message: "LibreOffice không chuyển được tệp Word sang PDF (mã \(process.terminationStatus))\(detail.isEmpty ? "" : ": \(detail)")")
        }
        return [UInt8](bytes)
    }
}
