import Foundation
import Testing
import ThiDuaKit
@testable import ThiDuaWorkspace

/// `so_lieu` entries that stand for a folder of received files or a pattern.
@Suite("Folders and patterns of figure files")
struct ExpansionTests {
    func received() throws -> String {
        let folder = try Fixture.folder()
        let inbox = folder + "/nhan-ve"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try Fixture.write("Đơn vị;Khối;so_cdcs\nCĐCS Trường A;Khối 1;3\n", to: inbox + "/huyen-a.csv")
        try Fixture.write("Đơn vị;Khối;so_cdcs\nCĐCS Trường B;Khối 2;4\n", to: inbox + "/huyen-b.csv")
        // What Excel and LibreOffice leave beside an open workbook, and a note: never read.
        try Fixture.write("khóa", to: inbox + "/~$huyen-c.xlsx")
        try Fixture.write("khóa", to: inbox + "/.~lock.huyen-c.xlsx#")
        try Fixture.write("ghi chú", to: inbox + "/ghi-chu.docx")
        return folder
    }

    func run(_ folder: String, _ entries: [String], root: String? = nil) throws -> JobResult {
        try Fixture.write(Documents.report(figures: entries), to: folder + "/bc.yaml")
        let job = DocumentJob(workspace: try Workspace(root: root), templates: try TemplateSet())
        return job.run(file: folder + "/bc.yaml", bytes: try Workspace().readDataFile(folder + "/bc.yaml"))
    }

    @Test(arguments: ["nhan-ve", "nhan-ve/", "nhan-ve/*.csv", "nhan-ve/huyen-?.csv"])
    func aFolderOrAPatternReadsEveryReceivedFile(_ entry: String) throws {
        let folder = try received()
        let result = try run(folder, [entry])
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(result.accounts.first?.contains("đọc 2 dòng từ 2 tệp") == true, "\(result.accounts)")
    }

    @Test func aPatternWithNoMatchOrAnEmptyFolderIsAnErrorWhereItWasWritten() throws {
        let folder = try received()
        try FileManager.default.createDirectory(atPath: folder + "/trong", withIntermediateDirectories: true)
        let result = try run(folder, ["nhan-ve/*.xlsx", "trong/"])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map { $0.position?.line } == [14, 15], "\(errors)")
        #expect(errors.first?.message.contains("không có tệp nào khớp mẫu") == true)
        #expect(errors.last?.message.contains("không có tệp số liệu nào") == true)
    }

    @Test func everyMatchStaysUnderTheConfinementRule() throws {
        let folder = try received()
        let inner = folder + "/bao-cao"
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
        #expect(symlink(folder + "/nhan-ve/huyen-a.csv", inner + "/lien-ket.csv") == 0)
        try Fixture.write(Documents.report(figures: ["../nhan-ve/*.csv", "/etc/*.conf"]), to: inner + "/bc.yaml")
        let job = DocumentJob(workspace: try Workspace(), templates: try TemplateSet())
        let result = job.run(file: inner + "/bc.yaml", bytes: try Workspace().readDataFile(inner + "/bc.yaml"))
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.allSatisfy { $0.message.contains("ra ngoài thư mục được phép đọc") }, "\(errors)")
    }

    /// Nothing of what lies outside the root is shown: a folder there is not listed, a
    /// pattern that climbs out is refused whole, and a missing file there is "outside" as an
    /// existing one is (two answers would tell which exist).
    @Test func nothingOutsideTheRootIsListedOrProbed() throws {
        let base = try Fixture.folder()
        let outside = base + "/ngoai"
        let folder = base + "/trong"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/nhan-ve", withIntermediateDirectories: true)
        try Fixture.write("Đơn vị;so_cdcs\nA;1\n", to: outside + "/bi-mat-2025.csv")
        try Fixture.write("Đơn vị;so_cdcs\nB;1\n", to: folder + "/nhan-ve/b.csv")
        #expect(symlink(outside, folder + "/lien-ket") == 0)
        let result = try run(folder, ["../ngoai/", "lien-ket/", "n*/../../ngoai/*.csv", "../ngoai/khong-co.csv", "../ngoai/bi-mat-2025.csv"])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 5, "\(errors)")
        #expect(errors.allSatisfy { $0.message.contains("ngoài thư mục được phép đọc") }, "\(errors)")
        #expect(!errors.contains { $0.description.contains("bi-mat") && !$0.description.contains("\"../ngoai/bi-mat-2025.csv\"") }, "\(errors)")
    }

    /// A folder of received files holds letters and notes as .txt: only tables are taken.
    @Test func aFolderTakesTablesNotTextNotes() throws {
        let folder = try received()
        try Fixture.write("Kính gửi Liên đoàn Lao động tỉnh,\nđơn vị xin gửi số liệu kèm theo.\n", to: folder + "/nhan-ve/thu.txt")
        let result = try run(folder, ["nhan-ve/"])
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(result.accounts.first?.contains("đọc 2 dòng từ 2 tệp") == true, "\(result.accounts)")
    }
}
