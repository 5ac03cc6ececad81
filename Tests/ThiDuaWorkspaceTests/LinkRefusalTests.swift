import Foundation
import Testing
@testable import ThiDuaWorkspace

/// Links planted where thidua writes, and data files written under names of other kinds.
@Suite struct LinkRefusalTests {
    /// A link at the set's lock name (`.z.khoa`) pointing outside: the set is refused and
    /// nothing is created where the link points.
    @Test func aLockNamePlantedAsALinkIsRefused() throws {
        let out = try Fixture.folder()
        let outside = try Fixture.folder() + "/tao-ra-o-day"
        #expect(symlink(outside, out + "/.z.khoa") == 0)
        #expect(throws: WorkspaceError.self) {
            try OutputSet(folder: out, base: "z", entries: [("z.md", .bytes(Array("x".utf8)))]).commit()
        }
        #expect(!FileManager.default.fileExists(atPath: outside))
        #expect(!FileManager.default.fileExists(atPath: out + "/z.md"))
    }

    /// `nam-sau`, `trien-khai` and `moi` write YAML only under a data file's name.
    @Test func startersWriteOnlyDataFileNames() throws {
        let folder = try Fixture.examples()
        let job = StarterJob(workspace: try Workspace(root: folder))
        for name in ["ns.csv", "ns.docx", "ke-hoach-tinh-2025.yaml.bak"] {
            let result = job.nextYear(from: folder + "/ke-hoach-tinh-2025.yaml", to: folder + "/" + name)
            #expect(result.error?.isUsage == true, "\(name)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/" + name), "\(name)")
        }
        let written = job.nextYear(from: folder + "/ke-hoach-tinh-2025.yaml", to: folder + "/ns.yml")
        #expect(written.error == nil && written.written == [folder + "/ns.yml"], "\(String(describing: written.error))")
    }
}

/// `trien-khai` tells the clerk which of the parent's deadlines it left blank.
@Suite struct DerivedDeadlineNoteTests {
    @Test func aTaskDueBeforeTheLowerPlanStartsIsNamedInTheNotes() throws {
        let folder = try Fixture.examples()
        let plan = folder + "/ke-hoach-tinh-2025.yaml"
        var text = try String(contentsOfFile: plan, encoding: .utf8)
        let range = try #require(text.range(of: "\nmuc:\n"))
        text.replaceSubrange(range, with: """

        muc:
          - ten: Giao việc
            noi_dung:
              - giao: Công đoàn các xã, phường
                nhiem_vu: Gửi kế hoạch hưởng ứng.
                han: 2025-03-15
              - giao: Các CĐCS trực thuộc
                nhiem_vu: Gửi báo cáo kết quả.
                han_thang: 2025-12

        """)
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        let job = StarterJob(workspace: try Workspace(root: folder))
        let result = job.derive(from: plan, to: folder + "/phuong.yaml", periodFrom: "1/9/2025", to: nil)
        #expect(result.error == nil, "\(String(describing: result.error))")
        #expect(result.notes.filter { $0.hasPrefix("việc giao cho") } == [
            "việc giao cho \"Công đoàn các xã, phường\": hạn của kế hoạch cấp trên (trước ngày 15/3/2025) trước khi kế hoạch này bắt đầu; đã để trống `han`, ghi hạn mới",
        ])
    }
}
