import Testing
@testable import ThiDuaKit

/// Units' own targets set against those units' figures only: when a unit reports a figure
/// but was given no target, the attainment leaves its figure out and says on what it is
/// computed, and the clerk is warned. The text used to set all 60 members against the
/// targets of two units (60/60 = 100,0%), claiming a target met that was not.
@Suite struct ReportPartialTargetTests {
    typealias F = ReportComposeFixture

    static let current = """
        don_vi;nhom;doan_vien_moi;chi_tieu_doan_vien_moi
        CĐCS A;Khối 1;20;30
        CĐCS B;Khối 1;10;30
        CĐCS C;Khối 2;30;

        """

    static func run(sentence: String? = nil) -> F.Outcome {
        let cau = sentence.map { ", cau: \"\($0)\"" } ?? ""
        return F.run(F.report("""
              so_lieu: [nay.csv]
              chi_tieu:
                - { ma: doan_vien_moi\(cau) }
            """), files: ["nay.csv": current])
    }

    @Test func theAttainmentIsComputedOnTheUnitsGivenATarget() throws {
        let outcome = Self.run()
        let text = try outcome.text()
        // 30 of A and B against their 60: 50,0%, not 60/60.
        #expect(text.contains("Phát triển được 60 đoàn viên mới, đạt 50,0% chỉ tiêu (60 đoàn viên; tính trên 2 đơn vị được giao chỉ tiêu: 30 đoàn viên); 0/2 đơn vị đạt chỉ tiêu được giao."), "\(text)")
        #expect(!text.contains("đạt 100,0% chỉ tiêu"))
        let warning = try #require(outcome.diagnostics.first { $0.message.contains("không có chỉ tiêu riêng") })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("1 đơn vị có số liệu 'Phát triển đoàn viên' nhưng không có chỉ tiêu riêng"), "\(warning.message)")
        #expect(warning.message.contains("(CĐCS C)"))
        #expect(warning.message.contains("% đạt chỉ tiêu chỉ tính trên 2 đơn vị được giao"))
    }

    @Test func aSentenceOfItsOwnGetsTheBasisAndTheCountOfUnitsGivenATarget() throws {
        let text = try Self.run(sentence: "Phát triển {gia_tri} đoàn viên, đạt {ty_le} chỉ tiêu; {so_don_vi_dat}/{so_don_vi_giao} đơn vị đạt").text()
        #expect(text.contains("Phát triển 60 đoàn viên, đạt 50,0% chỉ tiêu; 0/2 đơn vị đạt (tỷ lệ đạt chỉ tiêu tính trên 2 đơn vị được giao chỉ tiêu: 30 đoàn viên)"), "\(text)")
    }

    @Test func theGroupTableSaysWhatItsPercentageIsComputedOn() throws {
        let text = try Self.run().markdown()
        #expect(text.contains("*% chỉ tiêu tính trên các đơn vị được giao chỉ tiêu (Phát triển đoàn viên: 30 của 2 đơn vị được giao chỉ tiêu).*"), "\(text)")
    }

    @Test func aTargetOfZeroAssignsNothingAndIsNotCountedAsMet() throws {
        // CĐCS C given 0: it is not "được giao chỉ tiêu", so 0/2 units met theirs (not 1/3),
        // and its 30 stays out of the like-for-like total as a blank target does.
        let zero = Self.current.replacingOccurrences(of: "CĐCS C;Khối 2;30;", with: "CĐCS C;Khối 2;30;0")
        let outcome = F.run(F.report("""
              so_lieu: [nay.csv]
              chi_tieu:
                - ma: doan_vien_moi
            """), files: ["nay.csv": zero])
        let text = try outcome.text()
        #expect(text.contains("Phát triển được 60 đoàn viên mới, đạt 50,0% chỉ tiêu (60 đoàn viên; tính trên 2 đơn vị được giao chỉ tiêu: 30 đoàn viên); 0/2 đơn vị đạt chỉ tiêu được giao."), "\(text)")
        #expect(!text.contains("1/3 đơn vị"))
    }

    @Test func withEveryUnitGivenATargetNothingChanges() throws {
        let all = Self.current.replacingOccurrences(of: "CĐCS C;Khối 2;30;", with: "CĐCS C;Khối 2;30;40")
        let outcome = F.run(F.report("""
              so_lieu: [nay.csv]
              chi_tieu:
                - ma: doan_vien_moi
            """), files: ["nay.csv": all])
        let text = try outcome.text()
        #expect(text.contains("đạt 60,0% chỉ tiêu (100 đoàn viên)"), "\(text)")
        #expect(!text.contains("được giao chỉ tiêu:"))
        #expect(!outcome.diagnostics.contains { $0.message.contains("không có chỉ tiêu riêng") })
    }
}
