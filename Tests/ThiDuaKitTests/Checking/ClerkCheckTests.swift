import Testing
@testable import ThiDuaKit

/// The checks a clerk would want (issue 12): forgotten round anniversaries, plans against the
/// plan they answer, the signature form against the issuer, dates that cannot be, grouped
/// recipients, YAML comments, the 2025 reorganisation.
@Suite("Checks a clerk would want")
struct ClerkCheckTests {
    let base = TestSupport.minimalPlan

    func withPhases(_ phases: String) -> String { base + "dot_thi_dua:\n" + phases }

    @Test func roundAnniversaryInAPhaseThatIsNotSalutedWarns() {
        let yaml = withPhases("""
          - tu: 2025-08-01
            den: 2025-08-31
            ky_niem: [thanh_lap_cong_doan]

        """)
        let messages = TestSupport.messages(yaml)
        #expect(messages.contains("tệp.yaml:23:5: cảnh báo: Đợt 1 có kỷ niệm 80 năm Cách mạng Tháng Tám (19/8/2025, năm tròn) nhưng không chào mừng — thêm `cach_mang_thang_tam` vào `ky_niem` của đợt 1"), "\(messages)")
        // Saluted in running text counts too.
        let named = yaml.replacingOccurrences(of: "      - Động viên đoàn viên thi đua lao động sản xuất.",
                                              with: "      - \"Chào mừng {ky_niem cach_mang_thang_tam}.\"")
        #expect(!TestSupport.messages(named).contains { $0.contains("không chào mừng") })
    }

    /// A movement from 01/3/2025: the Party's 3/2/2025 is behind it; 19/8 is not; `nam 2026`
    /// is the clerk's choice; from 01/01 (a plan issued on 20/02 for the year) 3/2 is inside.
    /// A phase from 01/8 saluting 3/2 in its theme is told too.
    @Test func anAnniversaryAlreadyOverInTheTextWarns() {
        func text(_ line: String, from start: String = "2025-03-01") -> String {
            base.replacingOccurrences(of: "      - Động viên đoàn viên thi đua lao động sản xuất.", with: "      - \"\(line)\"")
                + "thoi_gian:\n  tu: \(start)\n  den: 2025-12-31\n"
        }
        let past = TestSupport.messages(text("Chào mừng {ky_niem thanh_lap_dang}."))
        #expect(past.contains { $0.contains("cảnh báo: {ky_niem thanh_lap_dang} là kỷ niệm 95 năm ngày 03/02/2025, đã qua trước thời gian của phong trào (từ 01/3/2025)") }, "\(past)")
        for line in ["Chào mừng {ky_niem cach_mang_thang_tam}.", "Chào mừng {ky_niem thanh_lap_dang, nam 2026}.", "Chào mừng {ky_niem thanh_lap_dang, nam: 2025}."] {
            #expect(!TestSupport.messages(text(line)).contains { $0.contains("đã qua") }, "\(line)")
        }
        #expect(!TestSupport.messages(text("Chào mừng {ky_niem thanh_lap_dang}.", from: "2025-01-01")).contains { $0.contains("đã qua") })
        let phase = TestSupport.messages(withPhases("""
          - tu: 2025-08-01
            den: 2025-12-31
            chu_de: thi đua chào mừng {ky_niem thanh_lap_dang}
            ky_niem: [cach_mang_thang_tam]

        """))
        #expect(phase.contains { $0.contains("đã qua trước đợt 1 (từ 01/8/2025)") }, "\(phase)")
    }

    @Test func anniversaryWhoseBaseIsAfterThePhaseIsAnError() {
        let yaml = withPhases("""
          - tu: 2025-01-01
            den: 2025-02-10
            ky_niem: [thanh_lap_dang, moi]
        ngay_ky_niem:
          - { ma: moi, ten: Ngày thành lập đơn vị mới, ngay_goc: 2026-01-01 }

        """)
        let messages = TestSupport.messages(yaml)
        #expect(messages.contains { $0.contains("lỗi: Ngày thành lập đơn vị mới có ngày gốc 01/01/2026, sau đợt 1") })
        #expect(!messages.contains { $0.contains("không rơi vào") })
    }

    @Test func documentYearOutside1900To2200IsAnError() {
        for year in ["1899", "2201", "9999"] {
            let messages = TestSupport.messages(base.replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: \(year)-02-20"))
            #expect(messages.contains { $0.hasPrefix("tệp.yaml:7:7: lỗi: năm ban hành \(year) nằm ngoài khoảng 1900–2200") }, "\(messages)")
        }
    }

    @Test func bracketedNameOfAnOwnCommemorationIsAnError() {
        let yaml = base + "ngay_ky_niem:\n  - { ma: x, ten: Ngày A (Ngày B), ngay_goc: 2000-01-01 }\n"
        #expect(TestSupport.messages(yaml).contains { $0.contains("kết thúc bằng dấu ngoặc") })
    }

    /// The assignments and recipients of a real provincial guidance (2021): every assignee
    /// receives it through a group line; the old name matching gave eight false warnings.
    @Test func groupedRecipientsCoverTheirMembers() {
        let recipients = ["Thường trực Tỉnh ủy", "Thường trực Tổng LĐLĐVN", "Thường trực UBND tỉnh", "Ban DV, TG Tỉnh ủy",
                          "Ban KTCS-XH&TĐKT TLĐ", "Ban TĐ-KT tỉnh", "Thường trực LĐLĐ tỉnh", "Các Ban LĐLĐ tỉnh",
                          "CĐ cấp trên trực tiếp cơ sở", "CĐCS, đơn vị trực thuộc LĐLĐ tỉnh", "Trang Website CĐTH"]
        let assignees = ["Ban Tuyên giáo – Nữ công", "Ban Chính sách, pháp luật & Quan hệ lao động",
                         "Các Ban, đơn vị trực thuộc LĐLĐ tỉnh", "Công đoàn cấp trên trực tiếp cơ sở và CĐCS trực thuộc LĐLĐ tỉnh",
                         "Công đoàn Viên chức tỉnh", "Công đoàn Khu kinh tế Nghi Sơn & Các khu công nghiệp", "Công đoàn cơ sở",
                         "LĐLĐ các huyện, TX, TP, Công đoàn ngành & tương đương"]
        let coverage = RecipientCoverage(recipients: recipients)
        for assignee in assignees {
            #expect(coverage.covers(assignee), "\(assignee)")
        }
        // A body no line reaches still warns.
        let narrow = RecipientCoverage(recipients: ["Thường trực LĐLĐ tỉnh", "Ban Tuyên giáo - Nữ công"])
        #expect(!narrow.covers("Ban Chính sách - Pháp luật"))
        #expect(!narrow.covers("Công đoàn cơ sở"))
        #expect(!RecipientCoverage(recipients: ["Các Ban LĐLĐ tỉnh"]).covers("Công đoàn Viên chức tỉnh"))
        // Old and new tone placement name one body.
        #expect(RecipientCoverage(recipients: ["Uỷ ban nhân dân tỉnh"]).covers("UBND tỉnh"))
        #expect(RecipientCoverage(recipients: ["Công đoàn ngành Thủy sản"]).covers("Công đoàn ngành Thuỷ sản"))
    }

    @Test func commentsAfterAValueAreOrdinaryComments() {
        let quiet = base.replacingOccurrences(of: "  - ten: Mục đích, yêu cầu\n", with: "  - ten: Mục đích, yêu cầu  # ghi chú của người soạn\n")
            .replacingOccurrences(of: "dia_danh: Bến Tre", with: "dia_danh: Bến Tre # nơi ban hành")
        #expect(!TestSupport.messages(quiet).contains { $0.contains("ghi chú và đã bỏ") }, "\(TestSupport.messages(quiet))")
        let glued = base.replacingOccurrences(of: "trich_yeu: Phát động thi đua năm 2025", with: "trich_yeu: Phát động thi đua đợt #1 năm 2025")
        #expect(TestSupport.messages(glued).contains { $0.contains("phần “#1 năm 2025” sau dấu `#`") })
        let cut = base.replacingOccurrences(of: "trich_yeu: Phát động thi đua năm 2025", with: "trich_yeu: Phát động phong trào thi đua đợt # 1 năm 2025")
        #expect(TestSupport.messages(cut).contains { $0.contains("phần “# 1 năm 2025” sau dấu `#`") })
    }

    @Test func signatureFormAgainstTheIssuer() {
        let issuedByTheBoard = base + "mo_dau:\n  - \"Ban Thường vụ Liên đoàn Lao động tỉnh ban hành Kế hoạch như sau:\"\n"
        func signed(_ yaml: String, _ block: String) -> [String] {
            TestSupport.messages(yaml.replacingOccurrences(of: """
            chu_ky:
              hinh_thuc: TM.
              thay_mat: Ban Thường vụ
              chuc_vu: Chủ tịch
            """, with: "chu_ky:\n" + block))
        }
        let kt = signed(issuedByTheBoard, "  hinh_thuc: KT.\n  thay_mat: Chủ tịch\n  chuc_vu: Phó Chủ tịch")
        #expect(kt.contains { $0.hasPrefix("tệp.yaml:18:3: cảnh báo: văn bản do Ban Thường vụ ban hành (đoạn mở đầu) nhưng khối chữ ký là \"KT. CHỦ TỊCH\"") }, "\(kt)")
        #expect(signed(issuedByTheBoard, "  hinh_thuc: TM.\n  thay_mat: Ban Thường vụ\n  chuc_vu: Phó Chủ tịch").filter { $0.contains("chữ ký") || $0.contains("KT.") || $0.contains("TM.") }.isEmpty)
        #expect(signed(base, "  hinh_thuc: KT.\n  thay_mat: Ban Thường vụ\n  chuc_vu: Phó Chủ tịch").contains { $0.contains("ký thay mặt tập thể thì dùng \"TM.\"") })
        #expect(signed(base, "  hinh_thuc: KT.\n  thay_mat: Chủ tịch\n  chuc_vu: Chủ tịch").contains { $0.contains("do cấp phó ký") })
        #expect(signed(base, "  hinh_thuc: KT.\n  thay_mat: Văn phòng\n  chuc_vu: Phó Chủ tịch").contains { $0.contains("cần chức danh người đứng đầu") })
        #expect(signed(base, "  hinh_thuc: TM.\n  thay_mat: Chủ tịch\n  chuc_vu: Phó Chủ tịch").contains { $0.contains("\"TM.\" dùng khi thay mặt tập thể") })
        // An authority inside the title printed "TM. BAN THƯỜNG VỤ / KT. CHỦ TỊCH" with no word.
        let inTitle = signed(base, "  hinh_thuc: TM.\n  thay_mat: Ban Thường vụ\n  chuc_vu: KT. Chủ tịch")
        #expect(inTitle.contains { $0.contains("lỗi: chức vụ \"KT. CHỦ TỊCH\" bắt đầu bằng \"KT.\"") && $0.contains("`chuc_vu: Phó Chủ tịch`") }, "\(inTitle)")
        // "TM. BAN CHẤP HÀNH / Q. CHỦ TỊCH": an acting chair signing for the body, as written.
        #expect(!signed(base, "  hinh_thuc: TM.\n  thay_mat: Ban Thường vụ\n  chuc_vu: Q. Chủ tịch").contains { $0.contains("bắt đầu bằng") })
        let acting = signed(base, "  chuc_vu: Q. Chủ tịch")
        #expect(acting.contains { $0.contains("lỗi: chức vụ \"Q. CHỦ TỊCH\" bắt đầu bằng \"Q.\"") && $0.contains("`hinh_thuc: Q.` và `thay_mat: CHỦ TỊCH`") }, "\(acting)")
    }

    @Test func namesAfterTheReorganisationOf2025() {
        let after = base.replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2025-07-01")
        #expect(TestSupport.messages(after).contains("tệp.yaml:3:19: cảnh báo: cơ quan ban hành \"Liên đoàn Lao động tỉnh Bến Tre\" trong văn bản ngày 01/7/2025: từ 01/7/2025 tỉnh Bến Tre đã hợp nhất vào tỉnh Vĩnh Long — dùng tên mới, hoặc kiểm tra lại ngày ban hành"))
        #expect(!TestSupport.messages(base).contains { $0.contains("hợp nhất") })
        let district = after.replacingOccurrences(of: "co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre", with: "co_quan_ban_hanh: Liên đoàn Lao động huyện Châu Thành")
        #expect(TestSupport.messages(district).contains { $0.contains("không còn cấp huyện") })
        let renamed = after.replacingOccurrences(of: "tỉnh Bến Tre", with: "tỉnh Vĩnh Long")
        #expect(!TestSupport.messages(renamed).contains { $0.contains("hợp nhất") || $0.contains("cấp huyện") })
        // 63 provinces and cities: 29 merged away into 23 new units, 11 unchanged → 34.
        #expect(Reorganisation2025.mergedInto.count == 29)
        #expect(Set(Reorganisation2025.mergedInto.values).count == 23)
    }
}

/// A data file of 60,000 unknown keys: the first findings are listed, the rest counted in
/// one line that stays an error, so `check` and the web app's answer stay small.
@Suite struct FindingCapTests {
    @Test func findingsPastTheCapAreCountedNotListed() {
        let keys = (0..<5_000).map { "khoa_la_\($0): 1" }.joined(separator: "\n")
        let (_, diagnostics) = TestSupport.load(TestSupport.minimalPlan + keys + "\n")
        #expect(diagnostics.count <= YAMLReader.maxFindings + 20, "\(diagnostics.count)")
        let last = diagnostics.first { $0.message.hasPrefix("còn ") && $0.message.contains("không liệt kê") }
        #expect(last?.severity == .error, "\(diagnostics.suffix(3))")
        #expect(last?.message.contains("4.800 lỗi") == true, "\(String(describing: last?.message))")
    }
}
