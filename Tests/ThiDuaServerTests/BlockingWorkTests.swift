import Dispatch
import Foundation
import TestFixtures
import Testing
@testable import ThiDuaServer

/// Work that blocks runs on threads of its own: with more of it waiting than there are
/// cores, a light request is still answered. When rendering ran on Swift's shared pool (one
/// thread per core), six PDF conversions held the session request for 11 s.
@Suite struct BlockingWorkTests {
    @Test func lightRequestsAreAnsweredWhileBlockingWorkWaits() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let release = DispatchSemaphore(value: 0)
        let count = ProcessInfo.processInfo.activeProcessorCount * 4
        var held: [Task<Void, Never>] = []
        for _ in 0 ..< count {
            held.append(Task.detached {
                _ = await BlockingWork.run {
                    release.wait()
                    return Reply.refusal(.ok, "")
                }
            })
        }
        // Answered, or the test fails after 20 s rather than hanging.
        let answered = await withTaskGroup(of: Int?.self) { group in
            group.addTask { try? await app.request("GET", "/api/phien").status }
            group.addTask { try? await Task.sleep(for: .seconds(20)); return nil }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        for _ in 0 ..< count { release.signal() }
        for task in held { await task.value }
        #expect(answered == 200)
    }

    /// Messages name files from the served folder, never by where the folder is.
    @Test func messagesNameFilesFromTheServedFolder() async throws {
        let app = try TestApp()
        defer { app.remove() }
        try app.write("ke-hoach.yaml", SampleData.plan())
        let (status, _, data) = try await app.request("GET", "/api/tai-ve", query: ["ten": "ke-hoach.yaml", "dinh_dang": "xlsx"])
        #expect(status == 400)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("ke-hoach.yaml"), "\(text)")
        #expect(!text.contains(app.folder.path), "\(text)")
        #expect(!text.contains("/tmp/"), "\(text)")
    }

    /// A name the folder takes can be saved: the temporary and lock files beside it fit.
    @Test func aNameOfTheLongestPartAcceptedCanBeSaved() async throws {
        let app = try TestApp()
        defer { app.remove() }
        let stem = String(repeating: "a", count: 200 - ".yaml".utf8.count)
        let body = try JSONSerialization.data(withJSONObject: ["ten": stem + ".yaml", "noi_dung": SampleData.plan()])
        let saved = try await app.request("POST", "/api/luu", body: body)
        #expect(saved.status == 200, "\(String(decoding: saved.body, as: UTF8.self))")
        let longer = try JSONSerialization.data(withJSONObject: ["ten": "a" + stem + ".yaml", "noi_dung": SampleData.plan()])
        let refused = try await app.request("POST", "/api/luu", body: longer)
        #expect(refused.status == 400)
        #expect(String(decoding: refused.body, as: UTF8.self).contains("dài quá 200 byte"))
    }
}
