import FlyingFox
import FlyingSocks
import Foundation

/// One connection, served request after request (HTTP/1.1 keep-alive) until the client or
/// the registry closes it: the head read within the limits, the app's handler, the response.
struct WebConnection: Sendable {
    let reader: ConnectionReader
    let handler: any HTTPHandler
    let limits: ServerLimits

    func serve() async {
        let registry = reader.registry, id = reader.id
        defer {
            reader.endBody()
            registry.remove(id)
            try? reader.socket.close()
        }
        while true {
            registry.idle(id, true)
            let head: RequestHead
            do {
                guard let read = try await reader.readHead(limits: limits) else { return }
                head = read
            } catch let refusal as RequestRefusal {
                try? await send(refusal)
                return
            } catch {
                return
            }
            registry.idle(id, false)
            do {
                guard try await serve(head) else { return }
            } catch let refusal as RequestRefusal {
                try? await send(refusal)
                return
            } catch {
                return
            }
        }
    }

    /// Serves one request; true when the connection stays open for the next one.
    private func serve(_ head: RequestHead) async throws -> Bool {
        // Bodies sent in chunks: browsers send a length with every body this app takes.
        if head.headers[.transferEncoding] != nil {
            throw RequestRefusal(status: .lengthRequired, message: "yêu cầu phải ghi rõ độ dài nội dung (Content-Length); gửi theo khúc không được hỗ trợ")
        }
        var length = 0
        if let text = head.headers[.contentLength] {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else { throw RequestRefusal.badRequest("Content-Length") }
            length = value
        }
        if length > limits.bodyBytes {
            throw RequestRefusal(status: .payloadTooLarge, message: "nội dung gửi lên quá lớn (\(length >> 20) MB), tối đa \(limits.bodyBytes >> 20) MB")
        }
        if length > 0, head.headers[HTTPHeader("Expect")]?.lowercased() == "100-continue" {
            try await reader.write(Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        let request = HTTPRequest(method: HTTPMethod(head.method), version: head.version, target: head.httpTarget,
                                  headers: HTTPHeaders(head.headers), body: reader.body(length: length))
        var response: HTTPResponse
        do {
            response = try await handler.handleRequest(request)
        } catch {
            response = Reply.refusal(.internalServerError, "máy chủ gặp lỗi khi xử lý yêu cầu")
            SecurityHeaders.apply(&response)
        }
        // A body the app did not read (a refused upload) is not skipped over: the connection
        // closes instead, so its bytes are never taken for the next request's head.
        // A client refused at the gate (no token, another Host, no password) is not served
        // again on the same connection: thousands of pipelined refusals kept a clerk waiting.
        let refused = response.statusCode == .forbidden || response.statusCode == .misdirectedRequest || response.statusCode == .unauthorized
        let keep = head.keepsAlive && reader.bodyLeft == 0 && !reader.registry.isShutDown(reader.id) && !refused
        reader.endBody()
        try await write(response, keepAlive: keep, echoing: head.headers[.connection], withBody: head.method != "HEAD")
        return keep
    }

    /// The refusal, then a lingering close: closing with the client's bytes still unread
    /// would reset the connection and the client could lose the answer before reading it.
    private func send(_ refusal: RequestRefusal) async throws {
        var response = Reply.refusal(refusal.status, refusal.message)
        SecurityHeaders.apply(&response)
        try await write(response, keepAlive: false, echoing: nil)
        reader.registry.idle(reader.id, true)
        await reader.drain(atMost: 1 << 20, seconds: 2)
    }

    /// The response in one write: status line, headers (by name, as FlyingFox wrote them),
    /// the length, the body.
    /// A response to HEAD has the length of the body but not the body (RFC 9110 §9.3.2).
    private func write(_ response: HTTPResponse, keepAlive: Bool, echoing connection: String?, withBody: Bool = true) async throws {
        let body = try await response.bodyData
        var headers = response.headers
        headers[.contentLength] = String(body.count)
        headers.removeValue(.transferEncoding)
        if !keepAlive {
            headers[.connection] = "close"
        } else if headers[.connection] == nil, let connection {
            headers[.connection] = connection
        }
        var text = "HTTP/1.1 \(response.statusCode.code) \(response.statusCode.phrase)\r\n"
        for (name, value) in headers.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            // Never a line break from a value into the head (response splitting).
            let clean = value.filter { $0 != "\r" && $0 != "\n" }
            text += "\(name.rawValue): \(clean)\r\n"
        }
        text += "\r\n"
        var data = Data(text.utf8)
        if withBody { data.append(body) }
        try await reader.write(data)
    }
}
