import Testing
@testable import ThiDuaKit

/// One test per check of plans.
@Suite("Checks of plans")
struct PlanCheckTests {
    let base = TestSupport.minimalPlan

    func withPhases(_ phases: String) -> String {
        base + "dot_thi_dua:\n" + phases
    }

    /// A plan's trích yếu naming a year outside its movement's period is a warning, as a
    /// report's is: a plan copied from last year's kept "năm 2025" over a movement of 2026.
    @Test func aSubjectYearOutsideThePeriodIsAWarning() {
        let plan = base + "thoi_gian: { tu: 2026-01-01, den: 2026-12-31 }\n"
        let messages = TestSupport.messages(plan.replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2026-02-20"))
        #expect(messages.contains { $0.contains("cảnh báo: trích yếu ghi năm 2025 nhưng thời gian phong trào là 01/01/2026 - 31/12/2026") }, "\(messages)")
        let right = plan.replacingOccurrences(of: "trich_yeu: Phát động thi đua năm 2025", with: "trich_yeu: Phát động thi đua năm 2026")
        #expect(right != plan)
        #expect(!TestSupport.messages(right).contains { $0.contains("trích yếu ghi năm") })
    }

    /// A review "vào dịp" an anniversary that falls early in the phase (the first after its
    /// start) is questioned, as a deadline typed that early is: "Sơ kết đợt 1 vào dịp 30/4"
    /// of a phase to 31/8 was written without a word.
    @Test func aReviewOccasionEarlyInThePhaseIsAWarning() {
        let early = TestSupport.messages(withPhases("""
          - tu: 2025-03-01
            den: 2025-08-31
            danh_gia: so_ket
            dip_danh_gia: giai_phong_mien_nam

        """))
        #expect(early.contains { $0.contains("cảnh báo: hạn sơ kết đợt 1 (30/4/2025, dịp ghi ở `dip_danh_gia`) sớm hơn một tháng trước khi đợt 1 kết thúc (31/8/2025)") }, "\(early)")
        let late = TestSupport.messages(withPhases("""
          - tu: 2025-01-01
            den: 2025-06-30
            danh_gia: so_ket
            dip_danh_gia: thanh_lap_cong_doan

        """))
        #expect(!late.contains { $0.contains("sớm hơn một tháng") }, "\(late)")
    }

    @Test func unknownCommemorationSuggestsNearestKey() {
        let messages = TestSupport.messages(withPhases("""
          - tu: 2025-01-01
            den: 2025-06-30
            ky_niem: [thanh_lap_dan]

        """))
        #expect(messages.contains { $0.contains("lỗi: không có ngày kỷ niệm mã `thanh_lap_dang`") == false && $0.contains("`thanh_lap_dan`") && $0.contains("`thanh_lap_dang`?") })
    }

    @Test func wrongAnniversaryNumberIsCaught() {
        // The 2015 plan that wrote "85 năm" is right; 84 is wrong.
        let messages = TestSupport.messages(withPhases("""
          - tu: 2015-01-01
            den: 2015-06-30
            ky_niem:
              - ma: thanh_lap_dang
                so_nam: 84
                khoang: 03/02/1930 - 03/02/2014

        """).replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2015-01-05"))
        #expect(messages.contains { $0.contains("ghi 84 nhưng năm 2015 là 85 năm") })
        #expect(messages.contains { $0.contains("khoảng ngày kỷ niệm \"03/02/1930 - 03/02/2014\" sai, đúng là \"03/02/1930 - 03/02/2015\"") })
    }

    @Test func correctWrittenAnniversaryPasses() {
        // A phase holding only this anniversary, so no other round one goes unsaluted.
        let (_, diagnostics) = TestSupport.load(withPhases("""
          - tu: 2025-01-01
            den: 2025-02-20
            ky_niem:
              - ma: thanh_lap_dang
                so_nam: 95
                khoang: 3/2/1930-3/2/2025

        """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func commemorationOutsideItsPhaseWarns() {
        let messages = TestSupport.messages(withPhases("""
          - tu: 2025-01-01
            den: 2025-06-30
            ky_niem: [quoc_khanh]

        """))
        #expect(messages.contains { $0.contains("cảnh báo: Quốc khánh") && $0.contains("không rơi vào đợt 1") })
    }

    @Test func overlappingPhasesAreAnError() {
        let messages = TestSupport.messages(withPhases("""
          - tu: 2025-01-01
            den: 2025-08-31
          - tu: 2025-08-01
            den: 2025-12-31

        """))
        #expect(messages.contains { $0.contains("Đợt 2 (từ 01/8/2025) chồng lên Đợt 1 (đến 31/8/2025)") })
    }

    @Test func phasesOutOfOrderAreAnError() {
        let messages = TestSupport.messages(withPhases("""
          - tu: 2025-09-01
            den: 2025-12-31
          - tu: 2025-01-01
            den: 2025-08-31

        """))
        #expect(messages.contains { $0.contains("Đợt 2 bắt đầu (01/01/2025) trước Đợt 1") })
    }

    @Test func phaseEndingBeforeItStartsIsAnError() {
        let messages = TestSupport.messages(withPhases("""
          - tu: 2025-09-01
            den: 2025-03-31

        """))
        #expect(messages.contains { $0.contains("Đợt 1 kết thúc (31/3/2025) trước khi bắt đầu (01/9/2025)") })
    }

    @Test func referenceDatedAfterThePlanIsAnError() {
        let yaml = base + """
        can_cu:
          - loai: Kế hoạch
            so: 2
            ky_hieu: KH-TLĐ
            ngay: 2025-03-01

        """
        #expect(TestSupport.messages(yaml).contains { $0.contains("Kế hoạch số 02/KH-TLĐ ghi ngày 01/3/2025, sau ngày ban hành văn bản này (20/02/2025)") })
    }

    /// A cited document's symbol follows the rule of the document's own: it was printed
    /// "Kế hoạch số 07/KH - TLĐ" without a word.
    @Test func aCitedSymbolWithSpacesIsAnError() {
        let yaml = base + """
        can_cu:
          - loai: Kế hoạch
            so: 7
            ky_hieu: KH - TLĐ
            ngay: 2025-01-10

        """
        #expect(TestSupport.messages(yaml).contains { $0.contains("lỗi: ký hiệu \"KH - TLĐ\" của văn bản được dẫn có dấu cách") && $0.contains("`KH-TLĐ`") })
    }

    /// The archive line comes from `luu`: one typed among the recipients printed two.
    @Test func anArchiveLineAmongTheRecipientsIsAWarning() {
        let yaml = base.replacingOccurrences(of: "    muc_dich: để th/hiện\n", with: "    muc_dich: để th/hiện\n  - '- Lưu: VT, VP'\n  - Lưu Văn Bình\n")
        #expect(yaml != base)
        let messages = TestSupport.messages(yaml)
        #expect(messages.filter { $0.contains("là dòng lưu") }.count == 1, "\(messages)")
        #expect(messages.contains { $0.contains("cảnh báo: người nhận \"Lưu: VT, VP\" là dòng lưu") && $0.contains("`luu: [VT, VP]`") })
    }

    /// Congress ordinals in running text are Roman, as in a congress's own name.
    @Test func anArabicCongressOrdinalInTheTextIsAWarning() {
        let yaml = base.replacingOccurrences(of: "muc:\n", with: "mo_dau:\n  - Chào mừng Đại hội Đảng toàn quốc lần thứ 14; chỉ đạo tổ chức Đại hội 28 Công đoàn cơ sở; Đại hội Công đoàn tỉnh lần thứ 05.\nmuc:\n")
        #expect(yaml != base)
        let messages = TestSupport.messages(yaml)
        #expect(messages.contains { $0.contains("cảnh báo: \"Đại hội Đảng toàn quốc lần thứ 14\": số thứ tự đại hội phải viết bằng chữ số La Mã") && $0.contains("\"Đại hội Đảng toàn quốc lần thứ XIV\"") }, "\(messages)")
        #expect(!messages.contains { $0.contains("XXVIII") }, "a count of 28 congresses is not an ordinal")
        #expect(Document.romanized("Đại hội Công đoàn tỉnh lần thứ 05", 5) == "Đại hội Công đoàn tỉnh lần thứ V")
        let fine = base.replacingOccurrences(of: "muc:\n", with: "mo_dau:\n  - Chào mừng Đại hội Đảng toàn quốc lần thứ XIV; đợt thứ 2 bắt đầu ngày 01/7; cổ vũ Đại hội Thể thao Đông Nam Á lần thứ 31.\nmuc:\n")
        #expect(!TestSupport.messages(fine).contains { $0.contains("chữ số La Mã") })
    }

    @Test func symbolWithSpacesOrWrongTypeCode() {
        let spaced = TestSupport.messages(base.replacingOccurrences(of: "ky_hieu: KH-LĐLĐ", with: "ky_hieu: KH - LĐLĐ"))
        #expect(spaced.contains { $0.contains("có dấu cách") && $0.contains("`KH-LĐLĐ`") })
        let wrong = TestSupport.messages(base.replacingOccurrences(of: "ky_hieu: KH-LĐLĐ", with: "ky_hieu: HD-LĐLĐ"))
        #expect(wrong.contains { $0.contains("lỗi: ký hiệu \"HD-LĐLĐ\" không bắt đầu bằng mã loại `KH`") })
    }

    /// Nghị định 30: no academic title before the signer's name, with or without its dot,
    /// alone or joined ("PGS.TS."); the fix names the bare name. "ThS" without a dot used
    /// to pass unseen, and "PGS.TS" was fixed as "TS Nguyễn Văn A".
    @Test(arguments: ["TS.", "ThS", "THS.", "PGS.TS", "PGS. TS.", "GS.TSKH.", "BS.CKII", "NGƯT"])
    func academicTitleBeforeSignerIsAnError(title: String) {
        let messages = TestSupport.messages(base.replacingOccurrences(of: "ho_ten: Nguyễn Văn A", with: "ho_ten: \(title) Nguyễn Văn A"))
        #expect(messages.contains { $0.contains("lỗi: họ tên người ký có học hàm, học vị hay danh hiệu") && $0.contains("bỏ học hàm, học vị: `ho_ten: Nguyễn Văn A`") },
                "\(title): \(messages)")
    }

    @Test func namesThatLookLikeNoTitleStayUntouched() {
        for name in ["Thái Sơn", "Tô Sơn", "Cù Ngọc Sơn", "Ks'ơr H'Ly"] {
            let messages = TestSupport.messages(base.replacingOccurrences(of: "ho_ten: Nguyễn Văn A", with: "ho_ten: \(name)"))
            #expect(!messages.contains { $0.contains("học hàm") }, "\(name)")
        }
    }

    @Test func emptySectionIsAnError() {
        let yaml = base.replacingOccurrences(of: "  - ten: Mục đích, yêu cầu\n", with: "  - ten: Nội dung\n  - ten: Mục đích, yêu cầu\n")
        #expect(TestSupport.messages(yaml).contains { $0.contains("mục \"NỘI DUNG\" không có nội dung") })
    }

    @Test func checksRunOnTheExamplesWithoutFindings() throws {
        for name in ["ke-hoach-tinh-2025.yaml", "ke-hoach-phuong-2025.yaml", "huong-dan-tinh-2025.yaml"] {
            let (_, diagnostics) = try TestSupport.loadExample(name)
            #expect(diagnostics.isEmpty, "\(name): \(diagnostics)")
        }
    }
}
