import Foundation
import Testing
import ThiDuaKit
@testable import ThiDuaWorkspace

/// Every file a data file names is opened through the one guard.
@Suite("Guarded access to the files a data file names")
struct GuardedAccessTests {
    func check(_ folder: String, _ report: String, root: String? = nil) throws -> JobResult {
        try Fixture.write(report, to: folder + "/bc.yaml")
        let job = DocumentJob(workspace: try Workspace(root: root), templates: try TemplateSet())
        return job.run(file: folder + "/bc.yaml", bytes: try Workspace().readDataFile(folder + "/bc.yaml"))
    }

    func errors(_ result: JobResult) -> [Diagnostic] {
        result.diagnostics.filter { $0.severity == .error }
    }

    @Test func aFIFOAndDevicesAreRefusedQuicklyWhereverTheyAre() throws {
        let folder = try Fixture.folder()
        #expect(mkfifo(folder + "/ong.csv", 0o644) == 0)
        let clock = ContinuousClock()
        let start = clock.now
        // With the root at "/", only the guard stands between the job and the devices.
        let result = try check(folder, Documents.report(figures: ["ong.csv", "/dev/zero", "/dev/urandom"]), root: "/")
        #expect(clock.now - start < .seconds(5))
        let found = errors(result)
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.message.contains("không phải tệp thường") }, "\(found)")
        #expect(found.map { $0.position?.line } == [14, 15, 16], "each at the line where the path was written")
    }

    @Test func pathsLeavingTheRootAreRefusedWithoutReadingThem() throws {
        let folder = try Fixture.folder()
        try FileManager.default.createDirectory(atPath: folder + "/bao-cao", withIntermediateDirectories: true)
        try Fixture.write(Documents.figures, to: folder + "/bao-cao/dung.csv")
        #expect(symlink("/etc/passwd", folder + "/lien-ket.csv") == 0)
        let result = try check(folder, Documents.report(figures: [
            "/etc/passwd", "../../../../../../etc/passwd", "/proc/self/environ", "lien-ket.csv", "bao-cao/../../x.csv",
        ]))
        let found = errors(result)
        #expect(found.count == 5, "\(found)")
        #expect(found.allSatisfy { $0.message.contains("nằm ngoài thư mục được phép") || $0.message.contains("không tìm thấy") })
        let everything = result.diagnostics.map(\.description).joined(separator: "\n")
        #expect(!everything.contains("root:"), "nothing of /etc/passwd is quoted")
        #expect(!everything.contains("PATH="), "nothing of the environment is quoted")
    }

    @Test func aFileInsideTheRootIsRead() throws {
        let folder = try Fixture.folder()
        try FileManager.default.createDirectory(atPath: folder + "/bao-cao", withIntermediateDirectories: true)
        try Fixture.write(Documents.figures, to: folder + "/bao-cao/dung.csv")
        let result = try check(folder, Documents.report(figures: ["bao-cao/dung.csv", folder + "/bao-cao/dung.csv"]))
        // The same file twice, relative and absolute: both opened (the second is inside the
        // root too), found to be one file, read once and said once.
        #expect(result.accounts.first?.contains("đọc 2 dòng từ 1 tệp") == true, "\(result.accounts)")
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("đã có trong danh sách (dòng 14); lần sau bị bỏ qua") },
                "\(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.message.contains("có hai dòng") })
    }

    @Test func aBinaryFileNamedAsFiguresIsRefusedByWhatItIs() throws {
        let folder = try Fixture.folder()
        try Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0x00, 0xFF]).write(to: URL(fileURLWithPath: folder + "/so-lieu.csv"))
        let found = errors(try check(folder, Documents.report(figures: ["so-lieu.csv"])))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("tệp PDF") == true, "\(found)")
        #expect(found.first?.position?.line == 14)
    }

    @Test func theDataFileItselfGoesThroughTheGuard() throws {
        let folder = try Fixture.folder()
        #expect(mkfifo(folder + "/ong.yaml", 0o644) == 0)
        #expect(throws: WorkspaceError.self) { try Workspace().readDataFile(folder + "/ong.yaml") }
        #expect(throws: WorkspaceError.self) { try Workspace().readDataFile("/dev/zero") }
        #expect(throws: WorkspaceError.self) { try Workspace().readDataFile(folder + "/khong-co.yaml") }
        do {
            _ = try Workspace().readDataFile(folder)
            Issue.record("a folder was read as a data file")
        } catch let error as WorkspaceError {
            #expect(error.isUsage)
            #expect(error.description.contains("là thư mục"))
        }
        let confined = try Workspace(root: folder, confinesDataFiles: true)
        #expect(throws: WorkspaceError.self) { try confined.readDataFile("/etc/hostname") }
    }

    @Test func aCitedDocumentIsReadThroughTheSameGuardAndCompletesTheReference() throws {
        let folder = try Fixture.folder()
        try Fixture.write(Documents.plan(subject: "Phát động thi đua năm 2025", number: 12), to: folder + "/tinh.yaml")
        let district = Documents.plan(subject: "Thực hiện thi đua", number: 7, extra: """
        loi_dan: thuc_hien
        can_cu:
          - tep: tinh.yaml
          - tep: /etc/passwd
        """)
        try Fixture.write(district, to: folder + "/huyen.yaml")
        let job = DocumentJob(workspace: try Workspace(), templates: try TemplateSet())
        let result = job.run(file: folder + "/huyen.yaml", bytes: try Workspace().readDataFile(folder + "/huyen.yaml"))
        let found = errors(result)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message.contains("nằm ngoài thư mục được phép") == true)

        try Fixture.write(district.replacingOccurrences(of: "  - tep: /etc/passwd", with: ""), to: folder + "/huyen.yaml")
        let good = job.run(file: folder + "/huyen.yaml", bytes: try Workspace().readDataFile(folder + "/huyen.yaml"))
        #expect(!good.failed, "\(good.diagnostics)")
        let reference = try #require(good.document?.references.first)
        #expect(reference.numberAndSymbol == "12/KH-LĐLĐ")
        #expect(reference.issuer == "Ban Thường vụ Liên đoàn Lao động tỉnh Bến Tre")
        #expect(reference.subject == "phát động thi đua năm 2025")
    }

    @Test func citationsThatLoopAreRefused() throws {
        let folder = try Fixture.folder()
        try Fixture.write(Documents.plan(number: 1, extra: "can_cu:\n  - tep: b.yaml\n"), to: folder + "/a.yaml")
        try Fixture.write(Documents.plan(number: 2, extra: "can_cu:\n  - tep: a.yaml\n"), to: folder + "/b.yaml")
        let job = DocumentJob(workspace: try Workspace(), templates: try TemplateSet())
        let result = job.run(file: folder + "/a.yaml", bytes: try Workspace().readDataFile(folder + "/a.yaml"))
        #expect(result.failed)
        #expect(result.diagnostics.contains { $0.message.contains("dẫn vòng") }, "\(result.diagnostics)")
    }
}
