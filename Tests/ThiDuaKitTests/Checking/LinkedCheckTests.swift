import Testing
@testable import ThiDuaKit

/// A plan answering another plan (`tep:` in `can_cu`) against that plan, with the linked
/// documents built directly (the library opens no file).
@Suite("Checks against the cited plan")
struct LinkedCheckTests {
    static let parent = TestSupport.minimalPlan.replacingOccurrences(of: "so: 5", with: "so: 12") + """
    thoi_gian: { tu: 2025-01-01, den: 2025-12-31 }
    dot_thi_dua:
      - { tu: 2025-01-01, den: 2025-08-31, danh_gia: so_ket, han_danh_gia: 2025-09-15 }
      - { tu: 2025-09-01, den: 2025-12-31, danh_gia: tong_ket, han_danh_gia: 2025-12-20 }

    """

    func check(_ child: String) throws -> [String] {
        let parent = try #require(TestSupport.load(Self.parent, file: "tinh.yaml").0)
        let (read, _) = Renderer.read(bytes: Array(child.utf8), file: "con.yaml")
        let document = try #require(read)
        let (_, diagnostics) = Renderer.check(document, linked: LinkedDocuments(["tinh.yaml": parent]))
        return diagnostics.map(\.description)
    }

    func child(_ phases: String, period: String = "{ tu: 2025-03-01, den: 2025-12-31 }", extra: String = "") -> String {
        // Its own words: a section copied word for word from the parent is a warning of its own.
        TestSupport.minimalPlan.replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2025-03-04")
            .replacingOccurrences(of: "ten: Mục đích, yêu cầu", with: "ten: Mục đích, yêu cầu của huyện")
            + "loi_dan: thuc_hien\ncan_cu:\n  - tep: tinh.yaml\nthoi_gian: \(period)\n" + extra + "dot_thi_dua:\n" + phases
    }

    @Test func phasesInsideTheParentsAndReviewedInTimeRaiseNothing() throws {
        let messages = try check(child("""
          - { tu: 2025-03-01, den: 2025-08-31, danh_gia: so_ket, han_danh_gia: 2025-09-10 }
          - { tu: 2025-09-01, den: 2025-12-31, danh_gia: tong_ket, han_danh_gia: 2025-12-15 }

        """))
        #expect(!messages.contains { $0.contains("cấp trên") || $0.contains("Kế hoạch số 12") }, "\(messages)")
    }

    @Test func aPhaseOutsideTheParentsPhasesWarns() throws {
        let messages = try check(child("""
          - { tu: 2025-03-01, den: 2026-01-31 }

        """, period: "{ tu: 2025-03-01, den: 2026-01-31 }"))
        #expect(messages.contains { $0.hasPrefix("con.yaml:") && $0.contains("cảnh báo: Đợt 1 (01/3/2025 - 31/01/2026) nằm ngoài các đợt của Kế hoạch số 12/KH-LĐLĐ") }, "\(messages)")
        #expect(messages.contains { $0.contains("thời gian phong trào kết thúc 31/01/2026, sau thời gian của Kế hoạch số 12/KH-LĐLĐ (31/12/2025)") })
    }

    @Test func aReviewAfterTheParentsReviewWarnsAtItsDeadline() throws {
        let messages = try check(child("""
          - { tu: 2025-03-01, den: 2025-08-31, danh_gia: so_ket, han_danh_gia: 2025-09-20 }

        """))
        #expect(messages.contains { $0.contains("cảnh báo: Sơ kết đợt 1 (20/9/2025) muộn hơn sơ kết đợt 1 của Kế hoạch số 12/KH-LĐLĐ (15/9/2025)") }, "\(messages)")
        // At the line of `han_danh_gia` (the phase is the 1st entry after `dot_thi_dua:`).
        #expect(messages.contains { $0.hasPrefix("con.yaml:27:") && $0.contains("muộn hơn") }, "\(messages)")
    }

    @Test func anAssignmentDeadlineAfterTheParentsEndWarns() throws {
        let guidance = child("  - { tu: 2025-03-01, den: 2025-08-31 }\n").replacingOccurrences(of: "      - Động viên đoàn viên thi đua lao động sản xuất.\n", with: """
              - giao: LĐLĐ các huyện
                nhiem_vu: Báo cáo tổng kết.
                han: 2026-01-15

        """).replacingOccurrences(of: "den: 2025-12-31 }", with: "den: 2026-01-31 }")
        let messages = try check(guidance)
        #expect(messages.contains { $0.contains("hạn của \"LĐLĐ các huyện\" (trước ngày 15/01/2026) sau khi Kế hoạch số 12/KH-LĐLĐ kết thúc (31/12/2025)") }, "\(messages)")
    }
}
