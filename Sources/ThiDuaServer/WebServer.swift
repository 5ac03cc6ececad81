import FlyingFox
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
    public let server: HTTPServer
    /// The address to open, token included.
    public let address: String
    /// The port it listens on.
    public let port: UInt16
}

/// Starts the web app (FlyingFox's HTTP server, one handler: `WebApp`).
public enum WebServer {
    /// A new random access token (128 bits): one per start.
    public static func newToken() -> String { AccessGate.randomToken() }

    /// Starts listening and returns once the server accepts connections.
    ///
    /// - Throws: `WorkspaceError.usage` for a folder that cannot be used, another address
    ///   without a password, or an address or port that cannot be listened on.
    public static func start(_ options: ServeOptions, token: String = WebServer.newToken(),
                             templates: TemplateSet? = nil) async throws -> RunningServer {
        if !options.isLoopback, (options.password ?? "").isEmpty {
            throw WorkspaceError.usage("nghe trên địa chỉ \(options.host) (máy khác trong mạng vào được) cần mật khẩu: thêm --mat-khau MẬT-KHẨU, hoặc bỏ --host để chỉ máy này dùng")
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
        let port = try boundPort(address, wanted: options.port)
        let bound: any SocketAddress = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port)
            : try sockaddr_in.inet(ip4: host, port: port)
        let hosts: Set<String>? = options.isLoopback
            ? ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"] : nil
        let app = WebApp(folder: folder, templates: templates, token: token, csrf: AccessGate.randomToken(),
                         password: options.isLoopback ? nil : options.password, hosts: hosts, port: port)
        let server = HTTPServer(address: bound, timeout: 60, logger: .disabled, handler: app)
        Task { try? await server.run() }
        do {
            try await server.waitUntilListening(timeout: 10)
        } catch {
            throw WorkspaceError.usage("không nghe được trên \(options.host):\(port); cổng có thể đang bận, thử --port khác")
        }
        setNoDelay(onListenerAt: port)
        let shown = host.contains(":") ? "[\(host)]" : host
        return RunningServer(server: server, address: "http://\(shown):\(port)/?t=\(token)", port: port)
    }

    /// Turns Nagle's algorithm off on the server's listening socket, which the connections
    /// it accepts inherit (Linux). FlyingFox writes a response's header and body in separate
    /// writes; with Nagle on, the body waits for the ACK of the header, which the browser
    /// delays by up to 40 ms on a kept-alive connection: every check would take 40 ms more.
    /// FlyingFox does not expose its socket, so it is found by its port among our descriptors.
    static func setNoDelay(onListenerAt port: UInt16) {
        for descriptor in Int32(3)..<Int32(1024) {
            var address = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            guard named == 0 else { continue }
            var bound: UInt16 = 0
            switch Int32(address.ss_family) {
            case AF_INET:
                bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) } }
            case AF_INET6:
                bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) } }
            default: continue
            }
            var listening: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            guard bound == port, getsockopt(descriptor, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) == 0, listening == 1 else { continue }
            var on: Int32 = 1
            _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        }
    }

    /// The port to listen on: `wanted`, or a free one the system picks (bound once and
    /// released, so the address printed is known before the server starts).
    static func boundPort(_ address: some SocketAddress, wanted: UInt16) throws -> UInt16 {
        guard wanted == 0 else { return wanted }
        do {
            let socket = try Socket(domain: Int32(type(of: address).family))
            defer { try? socket.close() }
            try socket.bind(to: address)
            if case .ip4(_, let port) = try socket.sockname() { return port }
            if case .ip6(_, let port) = try socket.sockname() { return port }
        } catch {
            throw WorkspaceError.usage("không tìm được cổng trống để nghe; thử --port")
        }
        throw WorkspaceError.usage("không tìm được cổng trống để nghe; thử --port")
    }
}
