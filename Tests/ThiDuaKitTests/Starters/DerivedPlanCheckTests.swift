import Foundation
import Testing
@testable import ThiDuaKit

/// `check` of a plan against the upper level's plan it cites by `tep:`.
@Suite("Checks: a derived plan against its parent")
struct DerivedPlanCheckTests {
    static func parent(_ extra: String = "") -> Document? {
        TestSupport.load(TestSupport.minimalPlan.replacingOccurrences(of: "muc:\n", with: """
        thoi_gian: { tu: 2025-02-01, den: 2025-12-31 }
        muc:
          - ten: Chỉ tiêu
            noi_dung:
              - cac_chi_tieu:
                  - { ma: ty_le_cdcs_phat_dong, gia_tri: 100 }
                  - { ma: doan_vien_moi, gia_tri: 3500 }
        \(extra)
        """), file: "cha.yaml").0
    }

    static func child(_ targets: String, start: String = "2025-03-01", year: String = "2025") -> [Diagnostic] {
        let yaml = TestSupport.minimalPlan
            .replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: \(year)-03-01\nloi_dan: thuc_hien\ncan_cu:\n  - tep: cha.yaml")
            .replacingOccurrences(of: "muc:\n", with: """
            thoi_gian: { tu: \(start), den: \(year)-12-31 }
            muc:
              - ten: Chỉ tiêu của phường
                noi_dung:
                  - cac_chi_tieu:
            \(targets)

            """)
        guard let parent = parent(), let read = Document.load(text: yaml, file: "con.yaml").0 else { return [.error("không đọc được")] }
        return Renderer.check(read, linked: LinkedDocuments(["cha.yaml": parent])).1
    }

    @Test("Consistent targets give no warning")
    func consistent() {
        let messages = Self.child("          - { ma: ty_le_cdcs_phat_dong, gia_tri: 100 }\n          - { ma: doan_vien_moi, gia_tri: 120 }").map(\.message)
        #expect(!messages.contains { $0.contains("chỉ tiêu") }, "\(messages)")
    }

    @Test("A target the parent does not set, a lower rate, an amount above the whole")
    func contradictions() {
        let messages = Self.child("""
                  - { ma: ty_le_cdcs_phat_dong, gia_tri: 90 }
                  - { ma: doan_vien_moi, gia_tri: 5000 }
                  - { ma: thanh_lap_cdcs, gia_tri: 2 }
        """).map(\.message)
        #expect(messages.contains { $0.contains("`ty_le_cdcs_phat_dong` 90% thấp hơn chỉ tiêu 100%") }, "\(messages)")
        #expect(messages.contains { $0.contains("`doan_vien_moi` (5.000) vượt chỉ tiêu của cả") })
        #expect(messages.contains { $0.contains("`thanh_lap_cdcs` không có trong") })
    }

    @Test("Starting before the parent, citing last year's parent")
    func datesAndYears() {
        let early = Self.child("          - { ma: doan_vien_moi, gia_tri: 1 }", start: "2025-01-15").map(\.message)
        #expect(early.contains { $0.contains("bắt đầu 15/01/2025, trước thời gian của") })
        let later = Self.child("          - { ma: doan_vien_moi, gia_tri: 1 }", start: "2026-01-01", year: "2026").map(\.message)
        #expect(later.contains { $0.contains("là kế hoạch năm 2025, văn bản này cho năm 2026") })
    }

    @Test("A section copied word for word is flagged")
    func copiedSection() throws {
        let parent = try #require(Self.parent())
        var child = parent
        child.references = [DocumentReference(kind: "Kế hoạch", numberAndSymbol: nil, date: nil, issuer: nil, subject: nil,
                                              position: SourcePosition(file: "con.yaml", line: 3, column: 3),
                                              dataFile: Located("cha.yaml", at: SourcePosition(file: "con.yaml", line: 3, column: 9)), subjectStyle: nil)]
        let messages = child.checkAgainstLinked(LinkedDocuments(["cha.yaml": parent])).map(\.message)
        #expect(messages.contains { $0.contains("còn chép nguyên văn") }, "\(messages)")
    }

    @Test("A hand-written reference to last year's plan is flagged; this year's is not")
    func referenceYears() {
        func messages(_ year: String) -> [String] {
            TestSupport.load(TestSupport.minimalPlan.replacingOccurrences(of: "muc:\n", with: """
            can_cu:
              - { loai: Kế hoạch, so: 5, ky_hieu: KH-TLĐ, ngay: 2025-01-24, co_quan: Tổng Liên đoàn, trich_yeu: phát động thi đua năm \(year) }
            muc:

            """)).1.map(\.message)
        }
        #expect(messages("2024").contains { $0.contains("là văn bản của năm 2024, văn bản này cho năm 2025") })
        #expect(!messages("2025").contains { $0.contains("là văn bản của năm") })
    }
}
