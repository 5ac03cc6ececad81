import Dispatch
import Foundation
import FlyingFox

/// Work that blocks a thread (reading, checking and rendering documents, converting to PDF
/// with LibreOffice, writing files) runs on threads of its own, never on Swift's shared
/// pool: that pool has one thread per core, and the connections, the accepting of new ones
/// and the sweep of stalled ones all wait on it. Six PDF conversions at once held a request
/// for the session for 11 s on two cores; now such a request is answered at once.
///
/// At most `slots` pieces of work run at a time (others wait their turn, off the pool),
/// and at most one conversion to PDF, which starts a whole office suite.
enum BlockingWork {
    private static let queue = DispatchQueue(label: "thidua.serve.work", qos: .userInitiated, attributes: .concurrent)
    private static let slots = DispatchSemaphore(value: max(2, ProcessInfo.processInfo.activeProcessorCount))
    private static let conversions = DispatchSemaphore(value: 1)

    /// `body`'s result, computed on a work thread; `convertsToPDF` takes the one PDF slot too.
    static func run(convertsToPDF: Bool = false, _ body: @escaping @Sendable () -> HTTPResponse) async -> HTTPResponse {
        await withCheckedContinuation { continuation in
            queue.async {
                if convertsToPDF { conversions.wait() }
                slots.wait()
                let response = body()
                slots.signal()
                if convertsToPDF { conversions.signal() }
                continuation.resume(returning: response)
            }
        }
    }
}
