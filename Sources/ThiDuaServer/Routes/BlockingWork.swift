import Foundation
import FlyingFox

/// Work that blocks a thread (reading, checking and rendering documents, converting to PDF
/// with LibreOffice, writing files) runs on threads of its own, never on Swift's shared
/// pool: that pool has one thread per core, and the connections, the accepting of new ones
/// and the sweep of stalled ones all wait on it. Six PDF conversions at once held a request
/// for the session for 11 s on two cores.
///
/// Two lanes, each a few threads taking work in order: conversions to PDF, one at a time
/// (each starts a whole office suite), and everything else, one thread per core. Work
/// waiting its turn holds no thread at all, so twelve PDF downloads queued do not delay the
/// list of files (a semaphore waited on inside dispatch's threads had held them).
enum BlockingWork {
    private static let general = Lane(name: "thidua.serve.work", threads: max(2, ProcessInfo.processInfo.activeProcessorCount))
    private static let conversions = Lane(name: "thidua.serve.pdf", threads: 1)

    /// `body`'s result, computed on a work thread; `convertsToPDF` puts it in the PDF lane.
    static func run(convertsToPDF: Bool = false, _ body: @escaping @Sendable () -> HTTPResponse) async -> HTTPResponse {
        await withCheckedContinuation { continuation in
            (convertsToPDF ? conversions : general).submit {
                continuation.resume(returning: body())
            }
        }
    }

    /// Threads that take work from one queue, first come first served.
    final class Lane: @unchecked Sendable {
        // @unchecked: `jobs` is read and written under `condition` only.
        private let condition = NSCondition()
        private var jobs: [@Sendable () -> Void] = []
        private var next = 0

        init(name: String, threads: Int) {
            for index in 0 ..< threads {
                let thread = Thread { [self] in work() }
                thread.name = "\(name).\(index)"
                // Deep enough for libxml2's and the YAML reader's recursion, as a main thread's.
                thread.stackSize = 8 << 20
                thread.start()
            }
        }

        func submit(_ job: @escaping @Sendable () -> Void) {
            condition.lock()
            jobs.append(job)
            condition.signal()
            condition.unlock()
        }

        private func work() {
            while true {
                condition.lock()
                while next == jobs.count { condition.wait() }
                let job = jobs[next]
                next += 1
                // Taken jobs are dropped from time to time, not one by one (an O(n) removal each).
                if next > 64, next * 2 > jobs.count {
                    jobs.removeFirst(next)
                    next = 0
                }
                condition.unlock()
                job()
            }
        }
    }
}
