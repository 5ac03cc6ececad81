import Testing
@testable import ThiDuaKit

/// What a document states about dates, anniversaries, its number and its signer must be
/// true and follow conventions.md (a black-box review of December 2026 found each of these).
@Suite struct TruthfulnessCheckTests {
    let base = TestSupport.minimalPlan

    func rendered(_ yaml: String) throws -> String {
        let (document, diagnostics) = TestSupport.load(yaml)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        let doc = try #require(document)
        return try Renderer.render(doc, format: .md, templates: try TemplateSet())
    }

    /// A school year from 1/9/2029: 3/2 and 30/4 of 2030 are meant, not of 2029.
    @Test func schoolYearTextCountsAnniversariesInThePeriod() throws {
        let yaml = base
            .replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2029-08-25")
            .replacingOccurrences(of: "trich_yeu: Phát động thi đua năm 2025", with: "trich_yeu: Phát động thi đua năm học 2029 - 2030, chào mừng {ky_niem thanh_lap_dang}")
            .replacingOccurrences(of: "      - Động viên đoàn viên thi đua lao động sản xuất.",
                                  with: "      - \"Chào mừng {ky_niem giai_phong_mien_nam, khoang}.\"")
            + "thoi_gian: { tu: 2029-09-01, den: 2030-05-31 }\n"
        let text = try rendered(yaml)
        #expect(text.contains("chào mừng 100 năm Ngày thành lập Đảng Cộng sản Việt Nam"), "\(text)")
        #expect(text.contains("55 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2030)"), "\(text)")
    }

    /// A phase over 2029–2030 salutes the 100th anniversary of 3/2/1930, and the round
    /// anniversaries of its second year are looked for too.
    @Test func phaseOfSeveralYearsSalutesTheRoundAnniversary() throws {
        let yaml = base.replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2026-01-10")
            + "thoi_gian: { tu: 2026-01-15, den: 2030-12-31 }\n" + """
        dot_thi_dua:
          - tu: 2026-01-15
            den: 2028-12-31
          - tu: 2029-01-01
            den: 2030-12-31
            ky_niem: [thanh_lap_dang]

        """
        let (document, diagnostics) = TestSupport.load(yaml)
        let doc = try #require(document)
        let phase = try #require(doc.phases.last)
        #expect(doc.anniversary(of: "thanh_lap_dang", in: phase)?.years == 100)
        // 2030 holds 100 years of the Women's Union (20/10/1930): warned although the phase starts in 2029.
        #expect(diagnostics.contains { $0.message.contains("Đợt 2 có kỷ niệm 100 năm") && $0.message.contains("2030") }, "\(diagnostics.map(\.description))")
    }

    @Test(arguments: [("BC-LĐLĐ", "không bắt đầu bằng mã loại `KH`"), ("kh-lđlđ", "phải viết hoa"), ("KH/LĐLĐ", "có dấu `/`")])
    func wrongSymbolsAreErrors(_ symbol: String, _ message: String) {
        let diagnostics = TestSupport.load(base.replacingOccurrences(of: "ky_hieu: KH-LĐLĐ", with: "ky_hieu: \(symbol)")).1
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains(message) }, "\(diagnostics.map(\.description))")
    }

    @Test func symbolWithSpacesIsOneError() {
        let diagnostics = TestSupport.load(base.replacingOccurrences(of: "ky_hieu: KH-LĐLĐ", with: "ky_hieu: KH - LĐLĐ")).1
        #expect(diagnostics.filter { $0.message.contains("ký hiệu") }.count == 1, "\(diagnostics.map(\.description))")
    }

    @Test func collectiveBodySignedKTIsAnError() {
        let yaml = base.replacingOccurrences(of: "  hinh_thuc: TM.", with: "  hinh_thuc: KT.")
        #expect(TestSupport.load(yaml).1.contains { $0.severity == .error && $0.message.contains("ký thay mặt tập thể thì dùng \"TM.\"") })
    }

    @Test func reviewDeadlinesAgainstTheIssueDate() {
        let phases = """
        thoi_gian: { tu: 2025-01-01, den: 2025-12-31 }
        dot_thi_dua:
          - tu: 2025-01-01
            den: 2025-06-30
            danh_gia: so_ket
            han_danh_gia: 2025-02-10
          - tu: 2025-07-01
            den: 2025-12-31
            danh_gia: tong_ket
            han_danh_gia: 2025-12-20

        """
        let messages = TestSupport.messages(base + phases)
        #expect(messages.contains { $0.contains("lỗi: hạn sơ kết đợt 1 (10/02/2025) trước ngày ban hành văn bản (20/02/2025)") }, "\(messages)")
        // 11 days before the phase ends is ordinary practice: nothing said.
        #expect(!messages.contains { $0.contains("đợt 2 kết thúc") })
        let late = base.replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2026-01-05") + phases
        #expect(TestSupport.messages(late).contains { $0.contains("lỗi: Kế hoạch ban hành ngày 05/01/2026, sau khi phong trào kết thúc (31/12/2025)") })
    }

    @Test func guidanceDeadlineJustOutsideTheMovementIsAWarning() {
        let yaml = base.replacingOccurrences(of: "      - Động viên đoàn viên thi đua lao động sản xuất.", with: """
              - { giao: LĐLĐ các huyện, nhiem_vu: Báo cáo kết quả., han: 2026-01-10 }
        """) + "thoi_gian: { tu: 2025-03-01, den: 2025-12-31 }\n"
        let diagnostics = TestSupport.load(yaml).1
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("nằm ngoài thời gian phong trào") }, "\(diagnostics.map(\.description))")
        // Far away (the year's awards honoured next May) is still a warning, with a sharper hint.
        let far = yaml.replacingOccurrences(of: "han: 2026-01-10", with: "han: 2027-01-10")
        #expect(TestSupport.load(far).1.contains { $0.severity == .warning && $0.message.contains("nằm ngoài thời gian phong trào")
            && $0.hint?.contains("hơn ba tháng") == true })
    }

    @Test func recipientsTypedWithTheirMarkAreNotMarkedTwice() throws {
        let yaml = base.replacingOccurrences(of: """
          - ten: LĐLĐ các huyện
            muc_dich: để th/hiện
        """, with: """
          - "- Như trên;"
          - ten: LĐLĐ các huyện;
            muc_dich: (để th/hiện);
        """)
        let text = try rendered(yaml)
        #expect(text.contains("- Như trên;") && !text.contains(";;") && !text.contains("- - "), "\(text)")
        #expect(text.contains("- LĐLĐ các huyện (để th/hiện);"), "\(text)")
    }

    @Test func movementNames() throws {
        func name(_ from: String, _ to: String) throws -> String {
            let yaml = base + "thoi_gian: { tu: \(from), den: \(to) }\n"
            return try #require(TestSupport.load(yaml).0).movementName
        }
        #expect(try name("2025-01-01", "2025-12-31") == "phong trào thi đua năm 2025")
        #expect(try name("2029-09-01", "2030-05-31") == "phong trào thi đua năm học 2029-2030")
        #expect(try name("2025-10-01", "2026-03-31") == "phong trào thi đua từ tháng 10/2025 đến tháng 3/2026")
        #expect(try name("2021-01-01", "2030-12-31") == "phong trào thi đua giai đoạn 2021-2030")
    }

    @Test func yearsNamedInText() {
        #expect(Document.yearsNamed(in: "Báo cáo tổng kết năm 2025 và phương hướng năm 2026", anyNumber: false) == [2025, 2026])
        #expect(Document.yearsNamed(in: "thi đua năm học 2029 - 2030", anyNumber: false) == [2029, 2030])
        #expect(Document.yearsNamed(in: "chào mừng 100 năm (03/02/1930 - 03/02/2030)", anyNumber: false) == [])
        #expect(Document.yearsNamed(in: "giai đoạn 2021-2025", anyNumber: false) == [2021, 2025])
        #expect(Document.yearsNamed(in: "6 tháng đầu năm 2026", anyNumber: true) == [2026])
    }

    @Test func moreThingsADocumentMustNotSay() {
        // A symbol with no issuer.
        #expect(TestSupport.load(base.replacingOccurrences(of: "ky_hieu: KH-LĐLĐ", with: "ky_hieu: KH-")).1
            .contains { $0.severity == .error && $0.message.contains("thiếu chữ viết tắt tên cơ quan") })
        // A congress ordinal in digits.
        let congress = base + "dai_hoi:\n  - { ma: dh, ten: Đại hội Công đoàn tỉnh lần thứ 12, ngay: 2025-12-16 }\n"
        #expect(TestSupport.load(congress).1.contains { $0.severity == .warning && $0.message.contains("chữ số La Mã") && $0.hint?.contains("lần thứ XII") == true })
        // Days in no phase.
        let gap = base + """
        dot_thi_dua:
          - { tu: 2025-01-01, den: 2025-06-30 }
          - { tu: 2025-08-01, den: 2025-12-31 }

        """
        #expect(TestSupport.messages(gap).contains { $0.contains("cảnh báo: giữa đợt 1 (đến 30/6/2025) và đợt 2 (từ 01/8/2025) có 31 ngày không thuộc đợt nào") },
                "\(TestSupport.messages(gap))")
        // A plan of no sections.
        let empty = base.replacingOccurrences(of: """
        muc:
          - ten: Mục đích, yêu cầu
            noi_dung:
              - Động viên đoàn viên thi đua lao động sản xuất.
        """, with: "muc: []")
        #expect(TestSupport.messages(empty).contains { $0.contains("cảnh báo: kế hoạch không có mục nào") }, "\(TestSupport.messages(empty))")
        // Types a data file never holds.
        let tagged = base.replacingOccurrences(of: "dia_danh: Bến Tre", with: "dia_danh: !!binary QmVuIFRyZQ==")
        #expect(TestSupport.messages(tagged).contains { $0.contains("lỗi: giá trị bắt đầu bằng `!!binary`") }, "\(TestSupport.messages(tagged))")
    }

    /// "6 tháng đầu năm 2026" over 16/12/2025 – 15/6/2026: figures closed on the 15th.
    @Test func aHalfYearClosedOnTheFifteenthFitsItsName() {
        let report = base.replacingOccurrences(of: "loai: ke_hoach", with: "loai: bao_cao")
            .replacingOccurrences(of: "ky_hieu: KH-LĐLĐ", with: "ky_hieu: BC-LĐLĐ")
            .replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2026-06-20") + """
        bao_cao:
          hinh_thuc: so_ket
          ten_ky: 6 tháng đầu năm 2026
          ky: { tu: 2025-12-16, den: 2026-06-15 }
          so_lieu: [a.csv]

        """
        #expect(!TestSupport.messages(report).contains { $0.contains("tên kỳ") }, "\(TestSupport.messages(report))")
    }
}
