import Foundation
import ThiDuaWorkspace

/// The bounds the web server keeps against a hostile or broken client, checked before the
/// access token is looked at (anyone who can reach the port can send bytes).
public struct ServerLimits: Sendable {
    /// The longest request line or header line, line break included (414 or 431 past it).
    public var lineBytes: Int
    /// The whole head: request line and headers (431 past it).
    public var headBytes: Int
    /// The largest body a request may announce (413 past it, before a byte of it is read).
    public var bodyBytes: Int
    /// The connections kept open at once; nil: `defaultConnections()`, from the descriptor limit.
    public var connections: Int?
    /// Seconds a connection may wait on the network (idle between requests, a head or body
    /// sent slowly, a reader that stopped reading) before it is closed.
    public var stallSeconds: Double
    /// The body bytes all connections together may be reading at once (503 past it): four
    /// uploads of the largest size, more than one clerk's browser sends at a time.
    public var bodyBudgetBytes: Int

    /// Limits like common servers': 8 KB a line, 64 KB of head, 20 MB of body (the upload cap).
    public init(lineBytes: Int = 8 * 1024, headBytes: Int = 64 * 1024, bodyBytes: Int = WorkingFolder.uploadCap,
                connections: Int? = nil, stallSeconds: Double = 60, bodyBudgetBytes: Int = 4 * WorkingFolder.uploadCap) {
        self.lineBytes = lineBytes
        self.headBytes = headBytes
        self.bodyBytes = bodyBytes
        self.connections = connections
        self.stallSeconds = stallSeconds
        self.bodyBudgetBytes = bodyBudgetBytes
    }

    /// Half of what the descriptor limit leaves after 64 for files, pipes and the listener,
    /// at most 1024: far enough below the limit that `accept` keeps finding a descriptor
    /// while the jobs open files, and more than a clerk's browser ever opens.
    public static func defaultConnections() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 256 }
        let soft = Int(clamping: limit.rlim_cur)  // RLIM_INFINITY clamps to Int.max
        return max(4, min(1024, (soft - 64) / 2))
    }

    var connectionLimit: Int { max(1, connections ?? Self.defaultConnections()) }
}
