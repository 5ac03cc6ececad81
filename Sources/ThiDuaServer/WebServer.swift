import FlyingSocks
import Foundation
import ThiDuaKit
import ThiDuaWorkspace

/// How `thidua serve` was asked to run.
public struct ServeOptions: Sendable {
    /// The working folder.
    public var folder: String
    /// The address to listen on; loopback unless the clerk says otherwise.
    public var host: String
    /// 0 for a free port.
    public var port: UInt16
    /// Required when `host` is not loopback.
    public var password: String?

    public init(folder: String, host: String = "127.0.0.1", port: UInt16 = 0, password: String? = nil) {
        self.folder = folder
        self.host = host
        self.port = port
        self.password = password
    }

    /// True for the addresses of this machine only.
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host.lowercased()) }
}

/// A running web app.
public struct RunningServer: Sendable {
    /// The server, to stop it.
    public let server: WebListener
    /// The address to open, token included.
    public let address: String
    /// The port it listens on.
    public let port: UInt16
}

/// Starts the web app (`WebListener` serving one handler: `WebApp`).
public enum WebServer {
    /// A new random access token (128 bits): one per start.
    public static func newToken() -> String { AccessGate.randomToken() }

    /// Starts listening and returns once the server accepts connections.
    ///
    /// - Parameter limits: the bounds kept against hostile clients (README, "Ứng dụng web").
    /// - Throws: `WorkspaceError.usage` for a folder that cannot be used, another address
    ///   without a password, or an address or port that cannot be listened on.
    public static func start(_ options: ServeOptions, token: String = WebServer.newToken(),
                             templates: TemplateSet? = nil, limits: ServerLimits = ServerLimits()) async throws -> RunningServer {
        if !options.isLoopback, (options.password ?? "").isEmpty {
            throw WorkspaceError.usage("nghe trên địa chỉ \(options.host) (máy khác trong mạng vào được) cần mật khẩu: thêm --mat-khau MẬT-KHẨU (hoặc đặt biến môi trường THIDUA_MAT_KHAU), hoặc bỏ --host để chỉ máy này dùng")
        }
        let folder = try WorkingFolder(path: options.folder)
        let templates = try templates ?? TemplateSet()
        let host = options.host.lowercased() == "localhost" ? "127.0.0.1" : options.host
        let address: any SocketAddress
        do {
            address = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: options.port)
                : try sockaddr_in.inet(ip4: host, port: options.port)
        } catch {
            throw WorkspaceError.usage("địa chỉ --host \(options.host) không hợp lệ (ghi dạng 192.168.1.10)")
        }
        // Bound before the app is made: the app needs the port (Host check, cookie name),
        // and port 0 is then the system's pick with no window for another program to take it.
        let listener: WebListener
        do {
            listener = try WebListener(address: address, limits: limits)
        } catch {
            throw WorkspaceError.usage("không nghe được trên \(options.host):\(options.port); cổng có thể đang bận, thử --port khác")
        }
        let port = listener.port
        let hosts: Set<String>? = options.isLoopback
            ? ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"] : nil
        let app = WebApp(folder: folder, templates: templates, token: token, csrf: AccessGate.randomToken(),
                         password: options.isLoopback ? nil : options.password, hosts: hosts, port: port)
        do {
            try await listener.start(app)
        } catch {
            await listener.stop()
            throw WorkspaceError.usage("không nghe được trên \(options.host):\(port); cổng có thể đang bận, thử --port khác")
        }
        let shown = host.contains(":") ? "[\(host)]" : host
        return RunningServer(server: listener, address: "http://\(shown):\(port)/?t=\(token)", port: port)
    }
}
