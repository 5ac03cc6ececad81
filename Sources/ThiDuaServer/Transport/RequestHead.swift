import FlyingFox
import Foundation

/// A request's head as it came off the wire, before FlyingFox's `HTTPRequest` is made of it.
struct RequestHead: Sendable {
    var method: String
    /// The request target as sent (`/api/mo?ten=a.yaml`), still percent-encoded.
    var target: String
    var version: HTTPVersion
    /// Last value wins for a repeated header, as FlyingFox's own decoder did.
    var headers: [HTTPHeader: String]

    /// FlyingFox's split of the target; `HTTPRequest(target:)` then decodes path and query
    /// exactly as FlyingFox's server did.
    var httpTarget: HTTPRequest.Target {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return HTTPRequest.Target(path: String(parts.first ?? ""), query: parts.count > 1 ? String(parts[1]) : "")
    }

    /// HTTP/1.1 keeps the connection unless `Connection: close`; HTTP/1.0 only with `keep-alive`.
    var keepsAlive: Bool {
        let tokens = (headers[.connection] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return version == .http11 ? !tokens.contains("close") : tokens.contains("keep-alive")
    }
}

/// A request refused before it reaches the app: the status and the Vietnamese message sent.
struct RequestRefusal: Error, Sendable {
    var status: HTTPStatusCode
    var message: String

    static func badRequest(_ part: String) -> RequestRefusal {
        RequestRefusal(status: .badRequest, message: "yêu cầu HTTP không đúng dạng (\(part))")
    }
}

/// Finds the lines of a head in one pass over its bytes as they arrive, refusing a line or
/// a head past the limits as soon as that many bytes are in.
///
/// FlyingFox 0.27.1's decoder collects a line byte by byte and, after every byte, compares
/// the line's end with "\n" through `Sequence.suffix`, which walks the whole line so far:
/// a line of n bytes costs n²/2 steps (1 MB: minutes of CPU), before any token check.
/// Here every byte is looked at once, and no line may grow past `lineBytes`.
struct HeadScanner {
    let limits: ServerLimits
    /// The lines found so far, line breaks excluded, as ranges of the buffer.
    private(set) var lines: [Range<Int>] = []
    private var lineStart = 0
    private var scanned = 0

    init(limits: ServerLimits) { self.limits = limits }

    /// Looks at the bytes not seen yet; the index after the head's blank line once the head
    /// is complete, nil while more bytes are needed. The head starts at index 0 of `bytes`.
    mutating func scan(_ bytes: [UInt8]) throws(RequestRefusal) -> Int? {
        while scanned < bytes.count {
            guard let newline = bytes[scanned...].firstIndex(of: UInt8(ascii: "\n")) else {
                scanned = bytes.count
                break
            }
            scanned = newline + 1
            try check(lineLength: scanned - lineStart, headLength: scanned)
            var end = newline
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = lineStart..<end
            lineStart = scanned
            if line.isEmpty {
                // RFC 9112 §2.2: blank lines before the request line are skipped.
                if lines.isEmpty { continue }
                return scanned
            }
            lines.append(line)
        }
        try check(lineLength: bytes.count - lineStart, headLength: bytes.count)
        return nil
    }

    private func check(lineLength: Int, headLength: Int) throws(RequestRefusal) {
        let kilobytes = { (bytes: Int) in "\(bytes / 1024) KB" }
        if lineLength > limits.lineBytes {
            if lines.isEmpty {
                throw RequestRefusal(status: .uriTooLong, message: "địa chỉ của yêu cầu quá dài (dòng đầu tối đa \(kilobytes(limits.lineBytes)))")
            }
            throw RequestRefusal(status: .requestHeaderFieldsTooLarge, message: "một dòng tiêu đề của yêu cầu quá dài (tối đa \(kilobytes(limits.lineBytes)))")
        }
        if headLength > limits.headBytes {
            throw RequestRefusal(status: .requestHeaderFieldsTooLarge, message: "phần tiêu đề của yêu cầu quá lớn (tối đa \(kilobytes(limits.headBytes)))")
        }
    }

    /// The head made of the lines found (`scan` returned an index).
    func head(of bytes: [UInt8]) throws(RequestRefusal) -> RequestHead {
        guard let first = lines.first else { throw .badRequest("thiếu dòng đầu") }
        let parts = bytes[first].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }),
              parts[0].allSatisfy({ (0x41...0x5A).contains($0) }) else { throw .badRequest("dòng đầu") }
        let version: HTTPVersion
        switch String(decoding: parts[2], as: UTF8.self) {
        case "HTTP/1.1": version = .http11
        case "HTTP/1.0": version = HTTPVersion("HTTP/1.0")
        default: throw RequestRefusal(status: .httpVersionNotSupported, message: "chỉ dùng được HTTP/1.0 và HTTP/1.1")
        }
        // Origin form only: a browser never sends anything else to this server.
        guard parts[1].first == UInt8(ascii: "/"), !parts[1].contains(where: { $0 < 0x21 || $0 == 0x7F }) else {
            throw .badRequest("địa chỉ")
        }
        var headers: [HTTPHeader: String] = [:]
        for line in lines.dropFirst() {
            let field = bytes[line]
            // A name with space or tab before the colon, or a folded line (RFC 9112 §5.1-5.2).
            guard let colon = field.firstIndex(of: UInt8(ascii: ":")), colon > field.startIndex,
                  !field[..<colon].contains(where: { $0 == 0x20 || $0 == 0x09 }) else { throw .badRequest("tiêu đề") }
            let value = field[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
            let trimmed = value.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            let name = HTTPHeader(String(decoding: field[..<colon], as: UTF8.self))
            let text = String(decoding: trimmed, as: UTF8.self)
            // Two lengths, two hosts or two encodings: which one the server read is what a
            // request smuggled past another reader depends on (RFC 9112 §6.3); refused.
            if let earlier = headers[name], [.contentLength, .host, .transferEncoding].contains(name), earlier != text {
                throw .badRequest("tiêu đề \(name.rawValue) ghi hai lần")
            }
            headers[name] = text
        }
        return RequestHead(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
                           version: version, headers: headers)
    }
}
