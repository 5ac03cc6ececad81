import Foundation
import Testing
@testable import ThiDuaServer

/// Many idle connections: a cap well below the descriptor limit (the oldest idle one makes
/// room), stalled ones closed, and running out of descriptors never stopping the listener.
/// FlyingFox's accept loop ended on EMFILE: nothing listened any more, every request refused.
@Suite struct ConnectionFloodTests {
    @Test func idleConnectionsBeyondTheCapCloseTheOldest() async throws {
        try await LiveServer.with(ServerLimits(connections: 8)) { server in
            let port = server.port
            let (answered, oldestClosed) = try await blocking { () -> (Bool, Bool) in
                let idle = (0..<40).compactMap { _ in RawConnection(port: port) }
                let answered = RawConnection(port: port)?.get("/api/tep", port: port) == 403
                // The first ones were shut down by the server: end of stream, not the timeout.
                let oldestClosed = idle.count == 40 && idle[0].receive().isEmpty && idle[1].receive().isEmpty
                return (answered, oldestClosed)
            }
            #expect(answered)
            #expect(oldestClosed)
            #expect(server.running.server.registry.count <= 10)
        }
    }

    /// A client refused at the gate is answered once and its connection closed: pipelined
    /// refusals by the thousand kept a clerk's request waiting.
    @Test func aRefusedClientIsNotServedAgainOnItsConnection() async throws {
        try await LiveServer.with(ServerLimits()) { server in
            let port = server.port
            let (status, head, rest) = try await blocking { () -> (Int?, String, Int) in
                guard let client = RawConnection(port: port) else { return (nil, "", -1) }
                let request = "GET /api/tep HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"
                client.send(request + request + request)
                let first = client.response()
                return (first?.status, first?.head ?? "", client.receive().count)
            }
            #expect(status == 403)
            #expect(head.lowercased().contains("connection: close"), "\(head)")
            #expect(rest == 0)
            #expect(try await server.answersNormally())
        }
    }

    @Test func aConnectionThatStallsIsClosed() async throws {
        try await LiveServer.with(ServerLimits(stallSeconds: 0.3)) { server in
            let port = server.port
            let (closed, seconds) = try await blocking { () -> (Bool, Double) in
                guard let slow = RawConnection(port: port) else { return (false, 0) }
                slow.send("GET / HT")
                let start = Date()
                return (slow.receive().isEmpty, Date().timeIntervalSince(start))
            }
            #expect(closed)
            // Closed by the server, not by the client's own wait.
            #expect(seconds < RawConnection.patience - 10)
            #expect(try await server.answersNormally())
        }
    }

    @Test func runningOutOfDescriptorsLeavesTheServerListening() async throws {
        let served = try ServedBinary()
        defer { served.stop() }
        let port = try #require(served.port, "\(served.output)")
        // Warmed up first: a request served, so that what the process opens once (its
        // threads' descriptors, the app's files) is open before the limit is lowered. Under
        // the load of the whole suite the server can still be starting when it prints.
        let warm = try await blocking { RawConnection(port: port)?.get("/api/tep", port: port) }
        #expect(warm == 403)
        Thread.sleep(forTimeInterval: 0.5)
        // A descriptor limit a few above what the server holds now: the connections below
        // make accept fail with EMFILE, as 20,000 did with the usual limit.
        let open = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(served.process.processIdentifier)/fd").count
        let limited = try ServedBinary.program("/usr/bin/prlimit", ["--pid", "\(served.process.processIdentifier)", "--nofile=\(open + 6):20000"])
        #expect(limited == 0)
        let (during, after) = try await blocking { () -> (Int?, Int?) in
            var idle = (0..<200).compactMap { _ in RawConnection(port: port, timeout: 30) }
            let during = RawConnection(port: port, timeout: 30)?.get("/api/tep", port: port)
            idle.removeAll()
            Thread.sleep(forTimeInterval: 0.5)
            return (during, RawConnection(port: port, timeout: 30)?.get("/api/tep", port: port))
        }
        let errors = (try? String(contentsOf: served.folder.appendingPathComponent("stderr.txt"), encoding: .utf8)) ?? ""
        #expect(during == 403, "\(errors.suffix(2000))")
        #expect(after == 403)
        #expect(served.process.isRunning, "exit \(served.process.isRunning ? 0 : served.process.terminationStatus): \(errors.suffix(2000))")
    }
}

/// The built `thidua serve` on a fresh folder, its address read from what it prints.
final class ServedBinary {
    let process = Process()
    let folder: URL
    private(set) var output = ""

    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["THIDUA_BIN"] { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("thidua").path,
                          Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("thidua").path,
                          root.appendingPathComponent(".build/debug/thidua").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[2]
    }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-flood-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", folder.path]
        let out = Pipe()
        process.standardOutput = out
        // Kept in a file: if the server dies under the descriptor limit, the test says why.
        FileManager.default.createFile(atPath: folder.appendingPathComponent("stderr.txt").path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr.txt"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !output.contains("?t="), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
        }
    }

    /// The port of the address printed (`http://127.0.0.1:PORT/?t=…`).
    var port: UInt16? {
        guard let range = output.range(of: "127.0.0.1:") else { return nil }
        return UInt16(output[range.upperBound...].prefix { $0.isNumber })
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    static func program(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
