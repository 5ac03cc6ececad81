import Testing
@testable import ThiDuaKit

/// How plans and guidance are written by clerks: phase wording, salutes, ordinal and "1-"
/// lists, sub-headings, one-sentence assignments, reference wording, drafts.
@Suite("Plan and guidance wording")
struct PlanWordingTests {
    static func render(_ yaml: String, _ format: OutputFormat = .txt, width: Int = 80) throws -> String {
        let (document, diagnostics) = TestSupport.load(yaml)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return try Renderer.render(try #require(document), format: format, templates: try TemplateSet(), width: width)
    }

    func withPhases(_ phases: String, extra: String = "") -> String {
        TestSupport.minimalPlan + extra + "dot_thi_dua:\n" + phases
    }

    @Test func phaseBoundsAsWritten() throws {
        let text = try Self.render(withPhases("""
          - tu: 2025-01
            den: 2025-06-30
            danh_gia: so_ket
            dip_danh_gia: thanh_lap_cong_doan
          - tu: 2025-07-01
            den: cuoi_nam
            danh_gia: tong_ket
            dip_danh_gia: cuoi_nam

        """), width: 200)
        #expect(text.contains("Đợt 1: Từ tháng 01/2025 đến ngày 30/6/2025."))
        #expect(text.contains("Sơ kết đợt 1 vào dịp kỷ niệm 96 năm Ngày thành lập Công đoàn Việt Nam (28/7/2025)."))
        #expect(text.contains("Đợt 2: Từ ngày 01/7/2025 đến cuối năm 2025."))
        // The summing-up is of the movement, not of the last phase.
        #expect(text.contains("Tổng kết phong trào thi đua năm 2025 vào cuối năm 2025."))
        #expect(!text.contains("Tổng kết đợt 2"))
        let edge = try Self.render(withPhases("  - { tu: dau_nam, den: 2025-08 }\n"))
        #expect(edge.contains("Đợt 1: Từ đầu năm đến hết tháng 8/2025."))
        let document = try #require(TestSupport.load(withPhases("  - { tu: dau_nam, den: 2025-08 }\n")).0)
        #expect(document.phases[0].start.value == CivilDate(year: 2025, month: 1, day: 1))
        #expect(document.phases[0].end.value == CivilDate(year: 2025, month: 8, day: 31))
    }

    @Test func phaseIntroductionAsANumberedItemAndTheLeadInFromTheData() throws {
        let yaml = TestSupport.minimalPlan.replacingOccurrences(of: "  - ten: Mục đích, yêu cầu\n", with: "  - ten: Mục đích, yêu cầu\n    cac_dot: true\n") + """
        gioi_thieu_dot: { tieu_muc: "Phong trào thi đua năm 2025 được tổ chức 1 đợt như sau:" }
        loi_chao_mung: "Tập trung thi đua lập thành tích chào mừng:"
        dot_thi_dua:
          - tu: 2025-01-01
            den: 2025-02-10
            ky_niem: [thanh_lap_dang]

        """
        let text = try Self.render(yaml)
        #expect(text.contains("\n1. Phong trào thi đua năm 2025 được tổ chức 1 đợt như sau:\n"))
        #expect(text.contains("    Tập trung thi đua lập thành tích chào mừng:\n"))
        #expect(!text.contains("Thi đua lập thành tích chào mừng:"))
        let wrongCount = TestSupport.messages(yaml.replacingOccurrences(of: "tổ chức 1 đợt", with: "tổ chức 2 đợt"))
        #expect(wrongCount.contains { $0.contains("lỗi: lời giới thiệu ghi 2 đợt nhưng kế hoạch có 1 đợt") })
    }

    @Test func combinedCommemorationsInOnePhaseLine() throws {
        let text = try Self.render(withPhases("""
          - tu: 2025-08-15
            den: 2025-09-05
            ky_niem:
              - [cach_mang_thang_tam, quoc_khanh]

        """), width: 200)
        #expect(text.contains("- Kỷ niệm 80 năm Cách mạng Tháng Tám (19/8/1945 - 19/8/2025) và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2025)."))
        #expect(text.components(separatedBy: "Kỷ niệm 80 năm").count == 2)
        let mixed = TestSupport.messages(withPhases("""
          - tu: 2025-08-15
            den: 2025-09-05
            ky_niem:
              - ma: [cach_mang_thang_tam, dien_bien_phu_tren_khong]

        """).replacingOccurrences(of: "den: 2025-09-05", with: "den: 2025-12-31"))
        #expect(mixed.contains { $0.contains("lỗi: các ngày kỷ niệm gộp một dòng phải cùng số năm") })
    }

    @Test func ownWordingAndSalutesRunningOnInTheParagraph() throws {
        let text = try Self.render(withPhases("""
          - tu: 2025-04-01
            den: 2025-05-31
            chu_de: thi đua lập thành tích
            ky_niem_lien: true
            ky_niem:
              - { ma: giai_phong_mien_nam, ten: ngày Giải phóng hoàn toàn miền Nam, so_nam: 50 }
              - sinh_nhat_bac

        """), width: 300)
        #expect(text.contains("Đợt 1: Từ ngày 01/4/2025 đến ngày 31/5/2025: thi đua lập thành tích. Thi đua lập thành tích chào mừng: Kỷ niệm 50 năm ngày Giải phóng hoàn toàn miền Nam (30/4/1975 - 30/4/2025); kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025)."))
    }

    @Test func ordinalAndDashLabelledLists() throws {
        let yaml = TestSupport.minimalPlan.replacingOccurrences(of: "      - Động viên đoàn viên thi đua lao động sản xuất.\n", with: """
              - kieu: mot_la
                cac_y: [Thứ nhất., Thứ hai., Thứ ba., Thứ tư., Thứ năm., Thứ sáu., Thứ bảy.]
              - kieu: so_gach
                cac_y: [Một., Hai.]

        """)
        let text = try Self.render(yaml)
        for (index, word) in ["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy"].enumerated() {
            #expect(text.contains("    \(word) là: Thứ"), "\(index)")
        }
        #expect(text.contains("    1- Một.\n") && text.contains("    2- Hai.\n"))
        let md = try Self.render(yaml, .md)
        #expect(md.contains("\nBốn là: Thứ tư.\n"))
        #expect(VietnameseNumber.ordinalWord(11) == "Mười một" && VietnameseNumber.ordinalWord(21) == "Hai mươi mốt")
        #expect(VietnameseNumber.ordinalWord(24) == "Hai mươi tư" && VietnameseNumber.ordinalWord(15) == "Mười lăm")
    }

    @Test func unnumberedSubheadingKeepsTheNumberingGoing() throws {
        let yaml = TestSupport.minimalPlan.replacingOccurrences(of: "      - Động viên đoàn viên thi đua lao động sản xuất.\n", with: """
              - tieu_muc: Trước
                noi_dung: [Một đoạn.]
              - de_muc: "Các phong trào thi đua trọng tâm:"
                noi_dung:
                  - tieu_muc: Sau
                    noi_dung: [Đoạn khác.]

        """)
        let text = try Self.render(yaml)
        #expect(text.contains("\n* Các phong trào thi đua trọng tâm:\n\n2. Sau\n"))
        let md = try Self.render(yaml, .md)
        #expect(md.contains("\n**\\* Các phong trào thi đua trọng tâm:**\n"))
    }

    @Test func assignmentWrittenAsOneNumberedSentence() throws {
        let yaml = TestSupport.minimalPlan.replacingOccurrences(of: "      - Động viên đoàn viên thi đua lao động sản xuất.\n", with: """
              - tieu_muc: Thời gian tổ chức phát động
                noi_dung:
                  - giao: Công đoàn cấp trên trực tiếp cơ sở
                    mot_cau: true
                    han_thang: 2025-03
                  - giao: Công đoàn cơ sở
                    mot_cau: true
                    nhiem_vu: Tổ chức lễ phát động.
                    han_thang: 2025-04

        """).replacingOccurrences(of: "  - ten: LĐLĐ các huyện\n", with: "  - ten: Công đoàn các cấp\n")
        let text = try Self.render(yaml, width: 120)
        #expect(text.contains("\n1.1. Công đoàn cấp trên trực tiếp cơ sở hoàn thành trong tháng 03 năm 2025.\n"))
        #expect(text.contains("\n1.2. Công đoàn cơ sở tổ chức lễ phát động, hoàn thành trong tháng 04 năm 2025.\n"))
        #expect(!text.contains("Thời hạn:"))
        let document = try #require(TestSupport.load(yaml).0)
        #expect(TaskList(documents: [document]).rows.map(\.body) == ["Công đoàn cấp trên trực tiếp cơ sở", "Công đoàn cơ sở"])
    }

    @Test func referenceWordingChosenInTheData() throws {
        let yaml = TestSupport.minimalPlan + """
        loi_dan: can_cu_vao
        cach_dan: ve_viec
        can_cu:
          - { loai: Kế hoạch, so: 2, ky_hieu: KH-TLĐ, ngay: 2025-02-10, co_quan: Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam, trich_yeu: Phát động phong trào thi đua năm 2025 }
          - { loai: Chỉ thị, so_ky_hieu: 01/CT-UBND, ngay: 2025-01-06, co_quan: UBND tỉnh, trich_yeu: về phát động thi đua, cach_dan: ve }
          - { loai: Kế hoạch, so: 10, ky_hieu: KH-LĐLĐ, ngay: 2025-01-12, co_quan: Ban Thường vụ LĐLĐ tỉnh, trich_yeu: phát động phong trào thi đua, cach_dan: lien }

        """
        let text = try Self.render(yaml, width: 400)
        #expect(text.contains("Căn cứ vào Kế hoạch số 02/KH-TLĐ ngày 10/02/2025 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam “Về việc Phát động phong trào thi đua năm 2025”; Chỉ thị số 01/CT-UBND ngày 06/01/2025 của UBND tỉnh về phát động thi đua; Kế hoạch số 10/KH-LĐLĐ ngày 12/01/2025 của Ban Thường vụ LĐLĐ tỉnh phát động phong trào thi đua."))
    }

    @Test func draftWithTheDayLeftBlank() throws {
        let yaml = TestSupport.minimalPlan.replacingOccurrences(of: "so: 5\n", with: "so:\ndu_thao: true\n")
            .replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2025-02")
        let text = try Self.render(yaml)
        #expect(text.hasPrefix(String(repeating: " ", count: 73) + "DỰ THẢO\n"))
        #expect(text.contains("Bến Tre, ngày      tháng 02 năm 2025"))
        #expect(text.contains("Số:      /KH-LĐLĐ"))
        let md = try Self.render(yaml, .md)
        #expect(md.hasPrefix("**DỰ THẢO**\n"))
        #expect(md.contains("*Bến Tre, ngày\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}tháng 02 năm 2025*"))
        // A reference dated later in the same month is not "after" a document of that month.
        let cited = yaml + "can_cu:\n  - { loai: Kế hoạch, so: 1, ky_hieu: KH-TLĐ, ngay: 2025-02-25 }\n"
        #expect(!TestSupport.messages(cited).contains { $0.contains("sau ngày ban hành") })
        // A document whose day is still blank cannot be cited by data file.
        let draft = try #require(TestSupport.load(yaml.replacingOccurrences(of: "so:\n", with: "so: 5\n")).0)
        let citing = try #require(TestSupport.load(TestSupport.minimalPlan.replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2025-03-20")
            + "can_cu:\n  - tep: du-thao.yaml\n").0)
        let (_, diagnostics) = citing.linking(LinkedDocuments(["du-thao.yaml": draft]))
        #expect(diagnostics.contains { $0.message.contains("chưa có ngày ban hành") })
    }
}
