import ArgumentParser
import Dispatch
import Foundation
import ThiDuaKit
import ThiDuaServer
import ThiDuaWorkspace

/// `thidua serve`: the web app over one working folder (Sources/ThiDuaServer).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Mở ứng dụng web để soạn, kiểm tra, xem trước và tải văn bản trong trình duyệt.",
        discussion: """
        Chỉ máy này vào được (127.0.0.1), qua địa chỉ có mã truy cập in ra khi chạy; mỗi lần \
        chạy một mã mới. Mọi tệp đọc, ghi, tải lên đều nằm trong THƯ-MỤC. Nhấn Ctrl+C để dừng.
        Ví dụ:
          thidua serve Examples
          thidua serve . --port 8080
          thidua serve . --host 192.168.1.10 --mat-khau 'mật khẩu dài'   (máy khác trong mạng vào được)
          THIDUA_MAT_KHAU='mật khẩu dài' thidua serve . --host 192.168.1.10   (mật khẩu không hiện trong ps)
        """
    )

    @Argument(help: ArgumentHelp("Thư mục làm việc (mặc định: thư mục hiện tại).", valueName: "thư-mục"))
    var folder: String = "."

    @Option(name: .long, help: ArgumentHelp("Cổng (mặc định: một cổng trống).", valueName: "số"))
    var port: Int = 0

    @Option(name: .long, help: ArgumentHelp("Địa chỉ nghe (mặc định 127.0.0.1: chỉ máy này). Địa chỉ khác cần --mat-khau.", valueName: "địa-chỉ"))
    var host: String = "127.0.0.1"

    @Option(name: .customLong("mat-khau"), help: ArgumentHelp(
        "Mật khẩu, bắt buộc khi --host không phải 127.0.0.1. Có thể đặt trong biến môi trường \(Self.passwordVariable) thay cho tùy chọn này: người khác trên máy không đọc được qua lệnh ps.",
        valueName: "mật-khẩu"))
    var password: String?

    /// The environment variable that may hold the password: a command line is visible to
    /// every user of the machine (`ps`), the environment only to the clerk's own processes.
    static let passwordVariable = "THIDUA_MAT_KHAU"

    /// `--mat-khau` when given, else the environment's password (an empty one is none).
    var effectivePassword: String? {
        if let password { return password }
        let fromEnvironment = ProcessInfo.processInfo.environment[Self.passwordVariable] ?? ""
        return fromEnvironment.isEmpty ? nil : fromEnvironment
    }

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port phải từ 0 đến 65535, đang là \(port)")
        }
    }

    func run() throws {
        let options = ServeOptions(folder: folder, host: host, port: UInt16(port), password: effectivePassword)
        let started = DispatchSemaphore(value: 0)
        let outcome = StartOutcome()
        Task.detached {
            do {
                outcome.set(.success(try await WebServer.start(options)))
            } catch {
                outcome.set(.failure(error))
            }
            started.signal()
        }
        started.wait()
        switch outcome.get() {
        case .success(let running):
            var lines = [
                "thidua đang phục vụ thư mục \(Workspace.displayName(folder)).",
                "Mở địa chỉ này trong trình duyệt (Chromium, Firefox):",
                "  \(running.address)",
                "Mã truy cập đổi sau mỗi lần chạy; đừng gửi địa chỉ này cho người khác. Nhấn Ctrl+C để dừng.",
            ]
            if !options.isLoopback {
                lines.append("Chú ý: máy chủ nghe trên \(host), máy khác trong mạng vào được khi có mã và mật khẩu; kết nối HTTP không mã hóa, chỉ dùng trong mạng nội bộ tin cậy.")
            }
            Output.write(lines.joined(separator: "\n") + "\n", to: STDOUT_FILENO)
            dispatchMain()
        case .failure(let error):
            throw error
        case nil:
            throw WorkspaceError.usage("không khởi động được máy chủ")
        }
    }
}

/// The result of starting, handed from the server's task to the command's thread.
final class StartOutcome: @unchecked Sendable {
    // @unchecked: written once before the semaphore is signalled, read after.
    private var value: Result<RunningServer, Error>?
    private let lock = NSLock()

    func set(_ result: Result<RunningServer, Error>) {
        lock.lock()
        value = result
        lock.unlock()
    }

    func get() -> Result<RunningServer, Error>? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
