import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import ThiDuaServer

/// A blocking TCP client on loopback, for bytes no HTTP library would send.
final class RawConnection {
    let fd: Int32

    /// Connects to 127.0.0.1:`port`; reads give up after `timeout` seconds.
    ///
    /// The default is long on purpose: the in-process server runs on the cooperative pool,
    /// which the rest of the suite, running in parallel, keeps busy with blocking work for
    /// minutes on two cores; the server then answers late, not wrongly. A server that never
    /// answers still fails, after the wait.
    init?(port: UInt16, timeout: Double = RawConnection.patience) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            return nil
        }
    }

    /// How long a read waits for the in-process server (see `init`).
    static let patience: Double = 300

    deinit { Glibc.close(fd) }

    /// Sends every byte; false once the server has closed or reset the connection.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// What the server sends until it closes, `limit` bytes are in, or the timeout.
    func receive(limit: Int = 1 << 20) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < limit {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return bytes
    }

    /// One response read off the connection: its status, headers and body (by Content-Length).
    func response() -> (status: Int, head: String, body: String)? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while !bytes.ends(with: Array("\r\n\r\n".utf8)) {
            guard recv(fd, &byte, 1, 0) == 1 else { return nil }
            bytes.append(byte)
        }
        let head = String(decoding: bytes, as: UTF8.self)
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        var body = [UInt8](repeating: 0, count: length)
        var read = 0
        while read < length {
            let count = body[read...].withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            read += count
        }
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, head, String(decoding: body, as: UTF8.self))
    }

    /// The status of a response to a plain GET of `path` on this connection.
    func get(_ path: String, port: UInt16, headers: String = "") -> Int? {
        send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(headers)\r\n")
        return response()?.status
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }

    /// The status code of the first response in these bytes, 0 if none.
    var status: Int {
        let line = String(decoding: prefix { $0 != 13 }, as: UTF8.self)
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

/// Runs blocking client code on a thread of its own: on the cooperative pool (two threads on
/// a two-core machine) it would starve the in-process server it talks to.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// A real server over a fresh folder, listening on a free loopback port.
struct LiveServer: Sendable {
    let folder: URL
    let running: RunningServer
    var port: UInt16 { running.port }

    init(limits: ServerLimits = ServerLimits()) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-wire-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        running = try await WebServer.start(ServeOptions(folder: folder.path), token: TestApp.token,
                                            templates: TestApp.templates, limits: limits)
    }

    /// Runs `body` with a server that is stopped afterwards, whatever happens.
    static func with(_ limits: ServerLimits = ServerLimits(), _ body: (LiveServer) async throws -> Void) async throws {
        let server = try await LiveServer(limits: limits)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func stop() async {
        await running.server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A normal request on a new connection (no token: 403 from the gate), as a clerk's
    /// browser would send it right after the hostile one.
    func answersNormally() async throws -> Bool {
        try await blocking { [port] in RawConnection(port: port)?.get("/api/tep", port: port) == 403 }
    }

    var cookie: String { "Cookie: thidua_\(port)=\(TestApp.token)\r\n" }
}
