import Testing
@testable import ThiDuaKit

/// One test per check of guidance documents.
@Suite("Checks of guidance")
struct GuidanceCheckTests {
    func guidance(_ body: String, period: String = "thoi_gian: {tu: 2025-03-01, den: 2025-12-31}\n") -> String {
        TestSupport.minimalPlan
            .replacingOccurrences(of: "loai: ke_hoach", with: "loai: huong_dan")
            .replacingOccurrences(of: "ky_hieu: KH-LĐLĐ", with: "ky_hieu: HD-LĐLĐ")
            .replacingOccurrences(of: "      - Động viên đoàn viên thi đua lao động sản xuất.\n", with: body)
            + period
    }

    @Test func deadlineBeforeTheDocumentIsAnError() {
        let messages = TestSupport.messages(guidance("""
              - giao: LĐLĐ các huyện
                nhiem_vu: Gửi kế hoạch.
                han: 2025-02-10

        """))
        #expect(messages.contains { $0.contains("hạn của \"LĐLĐ các huyện\" (trước ngày 10/02/2025) trước ngày ban hành văn bản (20/02/2025)") })
    }

    @Test func deadlineOutsideTheMovementPeriodIsAnError() {
        let messages = TestSupport.messages(guidance("""
              - giao: LĐLĐ các huyện
                nhiem_vu: Gửi báo cáo.
                han_thang: 2026-01

        """))
        #expect(messages.contains { $0.contains("(trong tháng 01 năm 2026) nằm ngoài thời gian phong trào (01/3/2025 - 31/12/2025)") })
    }

    @Test func bodyNotAmongRecipientsWarns() {
        let messages = TestSupport.messages(guidance("""
              - giao: Ban Tổ chức
                nhiem_vu: Theo dõi.

        """))
        #expect(messages.contains { $0.contains("cảnh báo: \"Ban Tổ chức\" được giao việc nhưng không có trong nơi nhận") })
    }

    @Test func numberingLevelSkippedOrTooDeep() {
        let skipped = TestSupport.messages(guidance("""
              - diem: Một điểm
                noi_dung:
                  - tieu_muc: Tiểu mục dưới điểm

        """))
        #expect(skipped.contains { $0.contains("tiểu mục \"Tiểu mục dưới điểm\" nằm dưới điểm a), b)…: thứ tự cấp đánh số bị đảo") })
        let deep = TestSupport.messages(guidance("""
              - tieu_muc: A
                noi_dung:
                  - tieu_muc: B
                    noi_dung:
                      - tieu_muc: C
                        noi_dung:
                          - tieu_muc: D

        """))
        #expect(deep.contains { $0.contains("tiểu mục \"D\" sâu quá 3 cấp (1.1.1.)") })
    }

    @Test func monthDeadlineWrittenBadlyIsAnError() {
        let messages = TestSupport.messages(guidance("""
              - giao: LĐLĐ các huyện
                nhiem_vu: Gửi kế hoạch.
                han_thang: tháng ba

        """))
        #expect(messages.contains { $0.contains("hạn theo tháng \"tháng ba\" không hợp lệ") })
    }

    @Test func taskListSortsByDeadlineAndKeepsPlaceholders() throws {
        let text = try String(contentsOf: TestSupport.example("huong-dan-tinh-2025.yaml"), encoding: .utf8)
        let document = try #require(TestSupport.load(text).0)
        let list = TaskList(documents: [document])
        #expect(list.rows.count == 7)
        // By last day (a month deadline counts to its end), then in the order written.
        #expect(list.rows.map(\.body) == ["Công đoàn các xã, phường", "Công đoàn các xã, phường và Công đoàn các khu công nghiệp",
                                          "Ban Tuyên giáo - Nữ công", "Công đoàn các khu công nghiệp", "Các CĐCS trực thuộc",
                                          "Công đoàn cơ sở", "Ban Chính sách - Pháp luật"])
        // A one-sentence assignment with no task of its own is about its heading.
        #expect(list.rows[1].task == "Thời gian tổ chức phát động hưởng ứng phong trào")
        let md = list.markdown()
        #expect(md.contains("| 1 | trước ngày 15/10/2025 | Công đoàn các xã, phường |"))
        let output = try Renderer.render(document, format: .md, templates: TemplateSet())
        #expect(output.contains("…(tên địa phương/ngành/đơn vị)"))
    }

    @Test func csvFieldsAreQuotedAndNeverFormulas() {
        #expect(TaskList.csvField("a,b") == "\"a,b\"")
        #expect(TaskList.csvField("=SUM(A1)") == "'=SUM(A1)")
        #expect(TaskList.csvField("nói \"x\"") == "\"nói \"\"x\"\"\"")
    }
}
