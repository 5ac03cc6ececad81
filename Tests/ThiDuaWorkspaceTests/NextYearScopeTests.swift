import Foundation
import TestFixtures
import Testing
@testable import ThiDuaWorkspace

/// `nam-sau` moves a plan of one year (or one school year): a movement of five years is not
/// planned again each year, and its draft named "giai đoạn 2026-2030" over 2027-2031.
@Suite struct NextYearScopeTests {
    @Test func aMovementOfSeveralYearsIsRefusedAndNothingIsWritten() throws {
        let folder = try Fixture.folder()
        let plan = SampleData.plan(subject: "Phát động thi đua giai đoạn 2026 - 2030")
            .replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2026-02-20")
            + "thoi_gian: { tu: 2026-01-01, den: 2030-12-31 }\n"
        try Fixture.write(plan, to: folder + "/giai-doan.yaml")
        let job = StarterJob(workspace: try Workspace(root: folder))
        let result = job.nextYear(from: folder + "/giai-doan.yaml", to: folder + "/nam-sau.yaml")
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains("`nam-sau` dùng cho kế hoạch một năm") },
                "\(result.diagnostics) \(String(describing: result.error))")
        #expect(!FileManager.default.fileExists(atPath: folder + "/nam-sau.yaml"))
        // A school year (about ten months) is one movement a year.
        let school = SampleData.plan().replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2025-08-20")
            + "thoi_gian: { tu: 2025-09-01, den: 2026-05-31 }\n"
        try Fixture.write(school, to: folder + "/nam-hoc.yaml")
        let moved = job.nextYear(from: folder + "/nam-hoc.yaml", to: folder + "/nam-hoc-sau.yaml")
        #expect(!moved.diagnostics.contains { $0.message.contains("`nam-sau` dùng cho") }, "\(moved.diagnostics)")
    }
}
