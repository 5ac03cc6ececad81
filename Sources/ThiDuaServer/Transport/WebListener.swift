import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The web app's HTTP/1.1 server: a listening socket, an accept loop that outlives running
/// out of descriptors, at most `ServerLimits.connectionLimit` connections, each served by
/// `WebConnection` with the head read within the limits.
///
/// FlyingFox 0.27.1's `HTTPServer` is not used for this (only its request, response and
/// handler types, and FlyingSocks' sockets and event loop): its decoder reads a line in time
/// quadratic in its length with no bound (`HeadScanner` says how), and its accept loop ends
/// on the first error `accept` returns, `EMFILE` included, closing the listener for good;
/// neither the decoder nor the loop can be replaced from outside the package.
public final class WebListener: Sendable {
    /// The port it listens on.
    public let port: UInt16
    let socket: Socket
    let limits: ServerLimits
    let registry: ConnectionRegistry
    private let pool: any AsyncSocketPool
    private let tasks = TaskBox()

    /// Binds and listens on `address` (port 0: one the system picks); serves nothing until
    /// `start(_:)`.
    ///
    /// - Throws: the socket's error when the address cannot be bound (port taken).
    public init(address: some SocketAddress, limits: ServerLimits = ServerLimits()) throws {
        let socket = try Socket(domain: Int32(type(of: address).family))
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen()
            switch try socket.sockname() {
            case .ip4(_, let port), .ip6(_, let port): self.port = port
            case .unix: self.port = 0
            }
        } catch {
            try? socket.close()
            throw error
        }
        self.socket = socket
        self.limits = limits
        self.registry = ConnectionRegistry(limit: limits.connectionLimit, bodyBudget: limits.bodyBudgetBytes)
        self.pool = HTTPServer.defaultPool()
    }

    /// Starts accepting connections and serving them with `handler`.
    public func start(_ handler: some HTTPHandler) async throws {
        try await pool.prepare()
        let listening = try AsyncSocket(socket: socket, pool: pool)
        let poolTask = Task { [pool] in try await pool.run() }
        let acceptTask = Task { await self.acceptLoop(listening, handler: handler) }
        let limits = limits, registry = registry
        let sweepTask = Task {
            // Often enough that a stalled connection is closed within a quarter over its time.
            let period = max(0.05, min(5, limits.stallSeconds / 4))
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(Int(period * 1000)))
                registry.shutDownStalled(after: limits.stallSeconds)
            }
        }
        tasks.set([acceptTask, sweepTask], pool: poolTask)
    }

    /// Stops accepting, closes every connection and the listening socket.
    public func stop() async {
        let (loops, poolTask) = tasks.take()
        for task in loops { task.cancel() }
        for task in loops { await task.value }
        registry.shutDownAll()
        // The connections end on the end of stream; the event loop must run until they have.
        for _ in 0..<200 where registry.count > 0 { try? await Task.sleep(for: .milliseconds(10)) }
        poolTask?.cancel()
        try? socket.close()
    }

    private func acceptLoop(_ listening: AsyncSocket, handler: some HTTPHandler) async {
        while !Task.isCancelled {
            let accepted: AsyncSocket
            do {
                accepted = try await listening.accept()
            } catch SocketError.failed(_, let code, _) where Self.outOfDescriptors(code) {
                // EMFILE and kin: the pending connection stays queued. Free a descriptor by
                // closing the connection idle the longest (its task closes it in a moment),
                // then try again after a pause: without one the loop would spin on an accept
                // that fails at once. Longer when every connection is busy.
                let shed = registry.shedIdle()
                try? await Task.sleep(for: .milliseconds(shed ? 10 : 100))
                continue
            } catch {
                // Cancelled (stop), or an error of one connection (ECONNABORTED): go on.
                if Task.isCancelled { return }
                try? await Task.sleep(for: .milliseconds(10))
                continue
            }
            var on: Int32 = 1
            _ = setsockopt(accepted.socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
            guard let id = registry.admit(accepted.socket) else {
                Task { await Self.refuse(accepted) }
                continue
            }
            let reader = ConnectionReader(socket: accepted, id: id, registry: registry)
            let connection = WebConnection(reader: reader, handler: handler, limits: limits)
            Task { await connection.serve() }
        }
    }

    static func outOfDescriptors(_ code: Int32) -> Bool {
        [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(code)
    }

    /// Every place taken by a connection being served: say so and close, without reading.
    private static func refuse(_ socket: AsyncSocket) async {
        var response = Reply.refusal(.serviceUnavailable, "máy chủ đang bận (quá nhiều kết nối cùng lúc); thử lại sau ít phút")
        SecurityHeaders.apply(&response)
        var text = "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n"
        for (name, value) in response.headers { text += "\(name.rawValue): \(value)\r\n" }
        let body = (try? await response.bodyData) ?? Data()
        text += "Content-Length: \(body.count)\r\n\r\n"
        // One short write: a client that does not read gets nothing rather than a task waiting.
        _ = try? socket.socket.write(Data(text.utf8) + body)
        try? socket.close()
    }
}

/// The server's tasks, set once by `start` and taken once by `stop`.
private final class TaskBox: @unchecked Sendable {
    // @unchecked: both fields are read and written under `lock`.
    private let lock = NSLock()
    private var loops: [Task<Void, Never>] = []
    private var pool: Task<Void, any Error>?

    func set(_ loops: [Task<Void, Never>], pool: Task<Void, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        self.loops = loops
        self.pool = pool
    }

    func take() -> ([Task<Void, Never>], Task<Void, any Error>?) {
        lock.lock()
        defer { lock.unlock() }
        defer { loops = []; pool = nil }
        return (loops, pool)
    }
}
