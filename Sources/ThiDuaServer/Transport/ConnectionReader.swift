import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The bytes of one connection: read in chunks into one buffer, the head cut from it in one
/// pass (`HeadScanner`), the body handed to the app as it asks for it.
///
/// Every wait on the socket is told to the registry, which closes a connection that waits
/// longer than `ServerLimits.stallSeconds` (a client sending one byte a minute).
final class ConnectionReader: @unchecked Sendable {
    // @unchecked: used by the one task serving the connection, one step at a time (the head,
    // then the body from inside the app's handler, which that same task awaits).
    let socket: AsyncSocket
    let id: Int
    let registry: ConnectionRegistry
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of the current request's body not read yet.
    private(set) var bodyLeft = 0

    init(socket: AsyncSocket, id: Int, registry: ConnectionRegistry) {
        self.socket = socket
        self.id = id
        self.registry = registry
    }

    /// The next request's head; nil when the client closed before sending a byte of it.
    ///
    /// - Throws: `RequestRefusal` for a head past the limits or malformed, socket errors.
    func readHead(limits: ServerLimits) async throws -> RequestHead? {
        // The head starts the buffer: what the last request left is moved to the front once.
        buffer.removeSubrange(0..<start)
        start = 0
        var scanner = HeadScanner(limits: limits)
        while true {
            if let end = try scanner.scan(buffer) {
                let head = try scanner.head(of: buffer)
                start = end
                return head
            }
            guard let chunk = try await receive() else {
                if buffer.isEmpty { return nil }
                throw SocketError.disconnected
            }
            buffer.append(contentsOf: chunk)
        }
    }

    /// One read off the socket (at most 4 KB, FlyingSocks' chunk); nil at end of stream.
    private func receive() async throws -> [UInt8]? {
        registry.waiting(id, true)
        defer { registry.waiting(id, false) }
        do {
            let bytes = try await socket.read(atMost: 4096)
            return bytes.isEmpty ? nil : bytes
        } catch SocketError.disconnected {
            return nil
        }
    }

    /// Ends the sending half, then reads and drops what the client still sends, until it
    /// closes or `bytes` or `seconds` are reached: bounded work, linear in the bytes.
    func drain(atMost bytes: Int, seconds: Double) async {
        #if canImport(Glibc)
        _ = Glibc.shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        #else
        _ = Foundation.shutdown(socket.socket.file.rawValue, SHUT_WR)
        #endif
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var dropped = 0
        while dropped < bytes, ContinuousClock.now < deadline, let chunk = try? await receive() {
            dropped += chunk.count
        }
    }

    /// Starts a body of `length` bytes, read by `body`.
    func beginBody(_ length: Int) {
        endBody()
        bodyLeft = length
    }

    /// Gives back the body budget the request's body took, once its request is answered.
    func endBody() {
        if reserved > 0 { registry.releaseBody(reserved) }
        reserved = 0
    }

    /// Body bytes taken from the registry's budget for the current body.
    private var reserved = 0

    /// The next bytes of the body, at most `count`; nil once it has all been read. The
    /// first read takes the whole announced length from the budget of all connections.
    ///
    /// - Throws: `BodyBudgetExceeded` when other bodies being read leave no room.
    func nextBodyBytes(_ count: Int) async throws -> [UInt8]? {
        guard bodyLeft > 0, count > 0 else { return nil }
        if reserved == 0 {
            guard registry.reserveBody(bodyLeft) else { throw BodyBudgetExceeded() }
            reserved = bodyLeft
        }
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
            guard let chunk = try await receive() else { throw SocketError.disconnected }
            buffer = chunk
        }
        let take = min(count, bodyLeft, buffer.count - start)
        let bytes = Array(buffer[start..<(start + take)])
        start += take
        bodyLeft -= take
        return bytes
    }

    /// The body as FlyingFox's request carries it: read only when the app asks for it, so a
    /// refused request (no token) never has its body read.
    func body(length: Int) -> HTTPBodySequence {
        beginBody(length)
        guard length > 0 else { return HTTPBodySequence(data: Data()) }
        return HTTPBodySequence(from: BodyBytes(reader: self), count: length)
    }

    /// Writes `data` in 64 KB pieces, each one a wait the registry watches, so that a slow
    /// download is not mistaken for a reader that stopped.
    func write(_ data: Data) async throws {
        var offset = data.startIndex
        while offset < data.endIndex {
            let end = min(offset + 65_536, data.endIndex)
            registry.waiting(id, true)
            defer { registry.waiting(id, false) }
            try await socket.write(Data(data[offset..<end]))
            offset = end
        }
    }
}

/// Thrown while reading a body that would take the server past its body budget
/// (`ServerLimits.bodyBudgetBytes`); the app answers 503.
struct BodyBudgetExceeded: Error {}

/// The body's bytes, for `HTTPBodySequence(from:count:)`.
struct BodyBytes: AsyncBufferedSequence, AsyncBufferedIteratorProtocol {
    typealias Element = UInt8
    let reader: ConnectionReader

    func makeAsyncIterator() -> BodyBytes { self }

    mutating func next() async throws -> UInt8? {
        try await reader.nextBodyBytes(1)?.first
    }

    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
        try await reader.nextBodyBytes(count)
    }
}
