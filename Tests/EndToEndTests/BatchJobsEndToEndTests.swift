import Foundation
import TestFixtures
import Testing

/// `render --jobs N` with more workers than cores finishes: a file claims its output names
/// only once the files before it are done, so every worker must run at once. With `--jobs 3`
/// on two cores, five files hung for ever on a worker never started.
@Suite struct BatchJobsEndToEndTests {
    @Test(arguments: [3, 8])
    func moreWorkersThanCoresFinish(jobs: Int) throws {
        let folder = try Run.tempFolder()
        var files: [String] = []
        for index in 1 ... 7 {
            let path = folder.appendingPathComponent("k\(index).yaml").path
            try Data(SampleData.plan(number: index).utf8).write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        // `timeout` turns a hang into a failure (exit 124) instead of a suite that never ends.
        let result = try Run.program("/usr/bin/timeout", ["60", Run.binary, "render"] + files
                                     + ["--jobs", String(jobs), "--format", "md", "--out", folder.appendingPathComponent("o").path])
        #expect(result.status == 0, "\(result.status): \(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("o").path).filter { $0.hasSuffix(".md") }
        #expect(written.count == 7, "\(written)")
    }
}
