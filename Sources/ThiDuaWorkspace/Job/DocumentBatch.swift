import Dispatch
import Foundation
import ThiDuaKit

/// Runs the document job on many data files, on several cores.
public struct DocumentBatch: Sendable {
    /// The job run on each file.
    public var job: DocumentJob
    /// The template folder the job's templates came from, so each worker parses its own.
    public var templateFolder: String?

    /// A batch of `job`.
    public init(job: DocumentJob, templateFolder: String? = nil) {
        self.job = job
        self.templateFolder = templateFolder
    }

    /// Reads every data file first (a missing one is a usage error before any work), then
    /// runs the job on each, `jobs` at a time; results come back in the order of `files`.
    ///
    /// - Throws: `WorkspaceError.usage` for a data file that cannot be read or an output
    ///   folder that cannot be made.
    public func run(files: [String], jobs: Int?) throws -> [JobResult] {
        if let folder = job.outputFolder { try OutputFolder.prepare(folder) }
        let inputs = try files.map { try self.job.workspace.readDataFile($0) }
        var job = self.job
        if files.count > 1 { job.claims = OutputClaims() }
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, files.count))
        if workers == 1 {
            // One worker (one file, or --jobs 1): on this thread. A dispatch worker thread
            // would allocate from a second malloc arena, which for one large report left
            // 10–20 MB more resident than the same work here.
            return files.indices.map { index in
                var own = job
                own.claimIndex = index
                return own.run(file: files[index], bytes: inputs[index])
            }
        }
        let results = ResultSlots(count: files.count)
        // Threads of their own, all running at once: a file claims its output names only
        // once every file before it is done (`OutputClaims`), so the workers must all run.
        // `concurrentPerform` ran no more iterations at a time than cores, and `--jobs 3` on
        // two cores waited for ever for a file of the third, never started.
        Self.runAtOnce(workers) { worker in
            // Each worker parses its own templates (about a millisecond): objects shared by
            // the threads would have their reference counts updated from both cores on
            // every use, which slowed both.
            var own = job
            if worker > 0, let templates = try? job.workspace.templates(overridingWith: templateFolder) {
                own.templates = templates
            }
            var index = worker
            while index < files.count {
                own.claimIndex = index
                results.set(index, own.run(file: files[index], bytes: inputs[index]))
                index += workers
            }
        }
        return results.all(files: files)
    }
}

extension DocumentBatch {
    /// Runs `body(0)` … `body(count - 1)` each on a thread of its own, all at once, and
    /// returns when every one has.
    static func runAtOnce(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let finished = DispatchGroup()
        for index in 0 ..< count {
            finished.enter()
            let thread = Thread {
                body(index)
                finished.leave()
            }
            // Deep enough for libxml2's and the YAML reader's recursion, as a main thread's.
            thread.stackSize = 8 << 20
            thread.start()
        }
        finished.wait()
    }
}

/// Results filled in by the workers, under a lock.
private final class ResultSlots: @unchecked Sendable {
    // @unchecked: every access to `slots` holds `lock`.
    private var slots: [JobResult?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: JobResult) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func all(files: [String]) -> [JobResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots.enumerated().map { $0.element ?? JobResult(file: files[$0.offset]) }
    }
}
