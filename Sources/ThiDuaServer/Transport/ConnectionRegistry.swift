import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The open connections of a server: how many there are, which wait idle for a request,
/// which have waited on the network too long. Closing one from here is `shutdown(2)`, never
/// `close(2)`: the task serving it then wakes up on the end of stream and closes it itself
/// (a descriptor closed under a suspended read would leave that task waiting for ever).
final class ConnectionRegistry: @unchecked Sendable {
    // @unchecked: every field is read and written under `lock`.
    private struct Entry {
        let socket: Socket
        /// Since when it waits for the head of a request (nil: it is being served).
        var idleSince: ContinuousClock.Instant?
        /// Since when it waits on the socket (a read or a write under way).
        var waitingSince: ContinuousClock.Instant?
        var shutDown = false
    }

    let limit: Int
    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]
    private var nextID = 0
    /// Entries not shut down yet: what counts against `limit`.
    private var live = 0

    /// The body bytes all connections together may be reading into memory at once.
    let bodyBudget: Int
    private var bodyBytesReserved = 0

    init(limit: Int, bodyBudget: Int = ServerLimits().bodyBudgetBytes) {
        self.limit = limit
        self.bodyBudget = bodyBudget
    }

    /// Takes `bytes` of the body budget for a body being read; false when the bodies already
    /// being read leave no room (many uploads left unfinished each held 20 MB: 40 of them
    /// made the server use 880 MB). Given back by `releaseBody`.
    func reserveBody(_ bytes: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard bodyBytesReserved + bytes <= bodyBudget else { return false }
        bodyBytesReserved += bytes
        return true
    }

    func releaseBody(_ bytes: Int) {
        lock.lock()
        bodyBytesReserved = max(0, bodyBytesReserved - bytes)
        lock.unlock()
    }

    /// Makes room for one more connection and registers it; nil when every place is taken
    /// by a connection being served (the new one is then refused). Room is made by shutting
    /// down the connection idle the longest: a browser opens another when it needs one.
    func admit(_ socket: Socket) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if live >= limit, !shedIdleLocked() { return nil }
        nextID += 1
        let now = ContinuousClock.now
        entries[nextID] = Entry(socket: socket, idleSince: now)
        live += 1
        return nextID
    }

    /// Shuts down the connection idle the longest, to free a descriptor; false if none is idle.
    @discardableResult
    func shedIdle() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return shedIdleLocked()
    }

    private func shedIdleLocked() -> Bool {
        var oldest: (id: Int, since: ContinuousClock.Instant)?
        for (id, entry) in entries where !entry.shutDown {
            if let since = entry.idleSince, since < oldest?.since ?? .now { oldest = (id, since) }
        }
        guard let oldest else { return false }
        shutDownLocked(oldest.id)
        return true
    }

    private func shutDownLocked(_ id: Int) {
        guard var entry = entries[id], !entry.shutDown else { return }
        entry.shutDown = true
        entries[id] = entry
        live -= 1
        #if canImport(Glibc)
        _ = Glibc.shutdown(entry.socket.file.rawValue, Int32(SHUT_RDWR))
        #else
        _ = Foundation.shutdown(entry.socket.file.rawValue, SHUT_RDWR)
        #endif
    }

    /// Marks `id` as waiting for a request's head (evictable), or as being served.
    func idle(_ id: Int, _ isIdle: Bool) {
        lock.lock()
        defer { lock.unlock() }
        entries[id]?.idleSince = isIdle ? .now : nil
    }

    /// Marks the start or the end of a wait on the socket of `id`.
    func waiting(_ id: Int, _ isWaiting: Bool) {
        lock.lock()
        defer { lock.unlock() }
        entries[id]?.waitingSince = isWaiting ? .now : nil
    }

    /// True once `id` was shut down from here (its response then says `Connection: close`).
    func isShutDown(_ id: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return entries[id]?.shutDown ?? true
    }

    /// Forgets `id`; called by its task before it closes the descriptor, so that no
    /// `shutdown` from here can reach a descriptor number the system has given to another.
    func remove(_ id: Int) {
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries.removeValue(forKey: id), !entry.shutDown { live -= 1 }
    }

    /// Shuts down every connection waiting on the socket for more than `seconds`.
    func shutDownStalled(after seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        let deadline = ContinuousClock.now - .milliseconds(Int(seconds * 1000))
        for (id, entry) in entries where !entry.shutDown {
            if let since = entry.waitingSince, since < deadline { shutDownLocked(id) }
        }
    }

    /// Shuts down every connection (the server stops).
    func shutDownAll() {
        lock.lock()
        defer { lock.unlock() }
        for id in entries.keys { shutDownLocked(id) }
    }

    /// Open connections, shut down or not (for tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
