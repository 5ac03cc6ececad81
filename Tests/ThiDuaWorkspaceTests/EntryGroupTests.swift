import Foundation
import Testing
import TestFixtures
import ThiDuaKit
@testable import ThiDuaWorkspace

/// `so_lieu` entries `{tep:, nhom:}`: each received file (district) kept as a group.
@Suite("Figure entries with a group")
struct EntryGroupTests {
    func folder() throws -> String {
        let folder = try Fixture.folder()
        let inbox = folder + "/nhan-ve"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try Fixture.write("Đơn vị;so_cdcs\nCĐCS Trường A;3\nCĐCS Trường B;4\n", to: inbox + "/Huyện Ba Tri.csv")
        try Fixture.write("Đơn vị;so_cdcs\nCĐCS Trường C;5\n", to: inbox + "/Huyện Mỏ Cày.csv")
        try Fixture.write("Đơn vị;Khối;so_cdcs\nCĐCS Công ty D;Khối Doanh nghiệp;7\nCĐCS Trường E;;2\n", to: folder + "/nganh.csv")
        return folder
    }

    func aggregate(_ folder: String, _ entries: String) throws -> (ReportResult?, [Diagnostic]) {
        let text = SampleData.report(figures: ["PLACEHOLDER"]).replacingOccurrences(of: "    - \"PLACEHOLDER\"", with: entries)
        try Fixture.write(text, to: folder + "/bc.yaml")
        let (document, loadDiagnostics) = Renderer.load(bytes: Array(text.utf8), file: folder + "/bc.yaml")
        #expect(!loadDiagnostics.hasErrors, "\(loadDiagnostics)")
        let loaded = try #require(document)
        return ReportFigures.aggregate(loaded, workspace: try Workspace())
    }

    func totals(_ result: ReportResult?) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: (result?.statistics.groups ?? []).map { ($0.name, $0.totals(for: "so_cdcs")?.total ?? -1) })
    }

    @Test func aNamedEntryAndAFolderByFileNameGiveEachFileItsGroup() throws {
        let folder = try folder()
        let (result, diagnostics) = try aggregate(folder, """
                - { tep: "nhan-ve/Huyện Ba Tri.csv", nhom: Huyện Ba Tri (ghi tay) }
                - { tep: "nhan-ve/Huyện Mỏ Cày.csv", nhom: Huyện Mỏ Cày }
            """)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(totals(result) == ["Huyện Ba Tri (ghi tay)": 7, "Huyện Mỏ Cày": 5])
        let (byName, nameDiagnostics) = try aggregate(folder, "    - { tep: nhan-ve/, nhom: theo_ten_tep }")
        #expect(!nameDiagnostics.hasErrors, "\(nameDiagnostics)")
        #expect(totals(byName) == ["Huyện Ba Tri": 7, "Huyện Mỏ Cày": 5])
    }

    @Test func aRowWithItsOwnGroupKeepsItAndTheFileSaysSoOnce() throws {
        let folder = try folder()
        let (result, diagnostics) = try aggregate(folder, "    - { tep: nganh.csv, nhom: Công đoàn ngành Giáo dục }")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(totals(result) == ["Khối Doanh nghiệp": 7, "Công đoàn ngành Giáo dục": 2])
        let warnings = diagnostics.filter { $0.severity == .warning && $0.message.contains("nhóm riêng") }
        #expect(warnings.count == 1, "\(diagnostics)")
        #expect(warnings.first?.position?.line == 2)
    }

    @Test func theSameUnitInTwoDistrictsIsADuplicate() throws {
        let folder = try folder()
        try Fixture.write("Đơn vị;so_cdcs\nCĐCS Trường C;6\n", to: folder + "/nhan-ve/Huyện Ba Tri.csv")
        let (_, diagnostics) = try aggregate(folder, "    - { tep: nhan-ve/*.csv, nhom: theo_ten_tep }")
        let duplicates = diagnostics.filter { $0.message.contains("có hai dòng") }
        #expect(duplicates.count == 1, "\(diagnostics)")
        #expect(duplicates.first?.severity == .error)
        #expect(duplicates.first?.message.contains("Huyện Ba Tri.csv") == true, "\(duplicates)")
    }

    @Test func thePreviousPeriodWithTheSameEntriesPairsEveryUnit() throws {
        let folder = try folder()
        try FileManager.default.createDirectory(atPath: folder + "/truoc", withIntermediateDirectories: true)
        try Fixture.write("Đơn vị;so_cdcs\nCĐCS Trường A;2\nCĐCS Trường B;4\n", to: folder + "/truoc/Huyện Ba Tri.csv")
        try Fixture.write("Đơn vị;so_cdcs\nCĐCS Trường C;1\n", to: folder + "/truoc/Huyện Mỏ Cày.csv")
        let (result, diagnostics) = try aggregate(folder, """
                - { tep: nhan-ve/, nhom: theo_ten_tep }
              ky_truoc:
                - { tep: truoc/, nhom: theo_ten_tep }
            """)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let comparison = try #require(result?.statistics.comparison)
        #expect(comparison.pairedUnits == 3)
        #expect(comparison.isComplete)
    }

    @Test func aUnitInTheEntryGroupMeetsTheSameUnitWhoseRowNamedThatGroup() throws {
        let folder = try folder()
        try Fixture.write("Đơn vị;Khối;so_cdcs\nCĐCS Trường C;Huyện Mỏ Cày;5\n", to: folder + "/tinh.csv")
        let (_, diagnostics) = try aggregate(folder, """
                - tinh.csv
                - { tep: "nhan-ve/Huyện Mỏ Cày.csv", nhom: Huyện Mỏ Cày }
            """)
        let duplicates = diagnostics.filter { $0.message.contains("có hai dòng") }
        #expect(duplicates.count == 1, "\(diagnostics)")
        #expect(duplicates.first?.severity == .warning)
    }
}
