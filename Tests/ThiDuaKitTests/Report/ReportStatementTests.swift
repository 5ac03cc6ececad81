import Testing
@testable import ThiDuaKit

/// Items 1–6 of the report's statements, each on a small report worked out by hand; each
/// test fails on the text the composer wrote before (all-unit comparisons, the report's own
/// targets, the reconciliation line, three bullets for one rate, ties picked arbitrarily, the
/// missing units as a loose section).
@Suite struct ReportStatementTests {
    typealias F = ReportComposeFixture

    /// Units A, B (in both periods), C (new); D reported last time only.
    static let current = """
        don_vi;nhom;so_cdcs;cdcs_phat_dong;doan_vien_moi;chi_tieu_doan_vien_moi;gia_tri_lam_loi;mai_am_so_nha;mai_am_kinh_phi
        CĐCS A;Khối 1;10;9;30;40;2.000.000.000;2;120.000.000
        CĐCS B;Khối 1;5;5;20;20;1.432.800.000;1;60.000.000
        CĐCS C;Khối 2;4;4;10;40;0;0;0

        """
    static let previous = """
        don_vi;nhom;so_cdcs;cdcs_phat_dong;doan_vien_moi;gia_tri_lam_loi;mai_am_so_nha;mai_am_kinh_phi
        CĐCS A;Khối 1;10;8;25;1.000.000.000;1;50.000.000
        CĐCS B;Khối 1;5;4;;1.000.000.000;1;60.000.000
        CĐCS D;Khối 2;7;7;40;500.000.000;3;150.000.000

        """
    static let list = "don_vi;nhom\nCĐCS A;Khối 1\nCĐCS B;Khối 1\nCĐCS C;Khối 2\nCĐCS D;Khối 2\n"

    static let spec = """
          so_lieu: [nay.csv]
          ky_truoc: [truoc.csv]
          don_vi_du_kien: ds.csv
          chi_tieu:
            - ma: so_cdcs
            - ma: cdcs_phat_dong
            - ma: ty_le_cdcs_phat_dong
            - ma: doan_vien_moi
            - ma: gia_tri_lam_loi
            - ma: mai_am_so_nha
            - ma: mai_am_kinh_phi
        """

    static func run(_ spec: String = spec, extra: String = "", linked: [String: String] = [:]) -> F.Outcome {
        F.run(F.report(spec + extra), files: ["nay.csv": current, "truoc.csv": previous, "ds.csv": list], linked: linked)
    }

    @Test("1. changes are computed over the units with figures in both periods, which the text names")
    func likeForLike() throws {
        let outcome = Self.run()
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.messages)")
        let text = try outcome.text()
        #expect(text.contains("Các số liệu so với đợt trước tính trên 2 đơn vị có số liệu cả hai kỳ; không so sánh "
                              + "1 đơn vị chỉ có số liệu đợt trước (CĐCS D) và 1 đơn vị chỉ có số liệu kỳ này (CĐCS C)."))
        // A + B now 3.432.800.000, then 2.000.000.000: +1,43 tỷ (71,6%); with D the old text said +0,93 tỷ.
        #expect(text.contains("Giá trị làm lợi 3,43 tỷ đồng; so với đợt trước tăng 1,43 tỷ đồng (71,6%)"))
        #expect(!text.contains("tăng 932,8 triệu"))
        // Đoàn viên: B has no previous figure, so only A: 30 against 25.
        #expect(text.contains("so với đợt trước tăng 5 đoàn viên (20,0%; tính trên 1 đơn vị có số liệu cả hai kỳ: 30 so với 25 đoàn viên)"))
        // The rate: A + B 14/15 against 12/15.
        #expect(text.contains("tăng 13,3 điểm phần trăm (tính trên 2 đơn vị: 93,3% so với 80,0%)"))
        let stats = try #require(outcome.result?.statistics)
        let group = try #require(stats.group(named: "Khối 1")?.totals(for: "gia_tri_lam_loi")?.change)
        #expect(group.currentTotal == 3_432_800_000 && group.previousTotal == 2_000_000_000 && group.units == 2)
        #expect(stats.group(named: "Khối 2")?.totals(for: "gia_tri_lam_loi")?.change == nil)
        #expect(stats.comparison?.onlyPrevious.map(\.name) == ["CĐCS D"])
    }

    @Test("2. targets come from the reviewed plan's data file")
    func targetsFromThePlan() throws {
        let linked = ["ke-hoach.yaml": F.plan]
        let outcome = Self.run(Self.spec.replacingOccurrences(of: "  so_lieu:", with: "  ke_hoach: { tep: ke-hoach.yaml }\n  so_lieu:"),
                               linked: linked)
        let text = try outcome.text()
        #expect(text.contains("Thực hiện Kế hoạch số 12/KH-LĐLĐ ngày 20/02/2025 của Ban Thường vụ Liên đoàn Lao động tỉnh Bến Tre về phát động phong trào thi đua năm 2025."))
        #expect(text.contains("Phát triển được 60 đoàn viên mới, đạt 60,0% chỉ tiêu (100 đoàn viên)"))
        #expect(text.contains("(chỉ tiêu 100%)"))
        // The units' own targets (40 + 20 + 40) are the plan's 100: no warning.
        #expect(!outcome.messages.contains { $0.contains("cộng lại") }, "\(outcome.messages)")

        // The report's own different target contradicts the plan: an error naming both.
        let own = Self.spec.replacingOccurrences(of: "  so_lieu:", with: "  ke_hoach: { tep: ke-hoach.yaml }\n  so_lieu:")
            .replacingOccurrences(of: "    - ma: doan_vien_moi", with: "    - ma: doan_vien_moi\n      chi_tieu: 779")
        let contradiction = Self.run(own, linked: linked)
        #expect(contradiction.messages.contains { $0.hasPrefix("bc.yaml:") && $0.contains("lỗi: chỉ tiêu `doan_vien_moi` ghi là 779 đoàn viên nhưng Kế hoạch số 12/KH-LĐLĐ giao 100 đoàn viên") },
                "\(contradiction.messages)")
    }

    @Test("2. per-unit targets that do not add up to the plan's are a warning with both numbers")
    func unitTargetsAgainstThePlan() {
        let plan = F.plan.replacingOccurrences(of: "gia_tri: 100, cau", with: "gia_tri: 3500, cau")
        let spec = Self.spec.replacingOccurrences(of: "  so_lieu:", with: "  ke_hoach: { tep: ke-hoach.yaml }\n  so_lieu:")
            .replacingOccurrences(of: "  don_vi_du_kien: ds.csv\n", with: "")
        let outcome = F.run(F.report(spec), files: ["nay.csv": Self.current, "truoc.csv": Self.previous], linked: ["ke-hoach.yaml": plan])
        #expect(outcome.messages.contains {
            $0.contains("cảnh báo: chỉ tiêu riêng 'chi_tieu_doan_vien_moi' của 3 đơn vị cộng lại 100 đoàn viên, khác chỉ tiêu kế hoạch giao (3.500 đoàn viên)")
        }, "\(outcome.messages)")
        // With a unit yet to report, a sum below the plan's may be completed by it: no warning.
        let waiting = F.run(F.report(spec + "\n  don_vi_du_kien: ds.csv"), files: ["nay.csv": Self.current, "truoc.csv": Self.previous, "ds.csv": Self.list],
                            linked: ["ke-hoach.yaml": plan])
        #expect(!waiting.messages.contains { $0.contains("cộng lại") }, "\(waiting.messages)")
    }

    @Test("3. the program's reconciliation is not document text")
    func noReconciliationInTheText() throws {
        let outcome = Self.run()
        let text = try outcome.text() + outcome.markdown()
        #expect(!text.contains("Nguồn số liệu") && !text.contains("dòng từ") && !text.contains("không bỏ qua"))
        #expect(outcome.result?.reconciliation.summary == "đọc 3 dòng từ 1 tệp; tổng hợp 3 đơn vị; không bỏ qua dòng nào")
    }

    @Test("4. counts say what they mean, one statement per fact")
    func countsAndStatements() throws {
        let text = try Self.run().text()
        #expect(text.contains("Có 3/4 đơn vị đã gửi báo cáo; kết quả chủ yếu như sau:"))
        #expect(!text.contains("Tổng hợp từ báo cáo của"))
        // The count and its rate in one statement, the abbreviation written out once.
        #expect(text.contains("- Có 18/19 Công đoàn cơ sở (CĐCS) tổ chức phát động thi đua, đạt 94,7%"))
        #expect(!text.contains("- Toàn đơn vị có"))
        #expect(text.components(separatedBy: "Công đoàn cơ sở (CĐCS)").count == 2)
        // Money with three digits; the amount joins the houses it paid for.
        #expect(text.contains("Giá trị làm lợi 3,43 tỷ đồng"))
        #expect(text.contains("- Xây dựng, sửa chữa 3 Mái ấm Công đoàn với tổng kinh phí 180 triệu đồng; so với đợt trước tăng 1 nhà (50,0%), "
                              + "kinh phí Mái ấm Công đoàn tăng 70 triệu đồng (63,6%)."))
        #expect(!text.contains("- Với tổng kinh phí"))
        // No target anywhere but đoàn viên's own: the group table's target columns are there for it only.
        let withoutTargets = try F.run(F.report("  so_lieu: [a.csv]"), files: ["a.csv": "don_vi;nhom;sang_kien\nA;K;3\nB;K;1\n"]).text()
        #expect(!withoutTargets.contains("% chỉ tiêu") && !withoutTargets.contains("Chỉ tiêu "))
        #expect(text.contains("% chỉ tiêu"))
    }

    @Test("4. the data chooses \"so với cùng kỳ\" or \"so với đợt trước\"")
    func comparisonWording() throws {
        let text = try Self.run(extra: "\n  so_sanh_voi: cung_ky").text()
        #expect(text.contains("so với cùng kỳ tăng 1,43 tỷ đồng") && !text.contains("đợt trước"))
        let wrong = Self.run(extra: "\n  so_sanh_voi: cung_kyy")
        #expect(wrong.messages.contains { $0.contains("bc.yaml:") && $0.contains("cung_ky") }, "\(wrong.messages)")
    }

    @Test("5. leaders are never picked among equals")
    func ties() throws {
        let figures = """
            don_vi;thanh_lap_cdcs;chi_tieu_thanh_lap_cdcs;gia_tri_lam_loi
            An;1;1;300
            Bình;1;1;200
            Châu;1;1;200
            Dung;1;1;200
            Giang;1;1;100

            """
        let outcome = F.run(F.report("  so_lieu: [a.csv]\n  so_don_vi_noi_bat: 2\n  chi_tieu: [{ ma: thanh_lap_cdcs }, { ma: gia_tri_lam_loi }]"),
                            files: ["a.csv": figures])
        let text = try outcome.text()
        // 200 đồng is shared by three units at the cut: the first is named, the tie counted.
        #expect(text.contains("- Giá trị làm lợi: An (300 đồng) và 3 đơn vị khác cùng đạt 200 đồng."), "\(text)")
        // Everybody founded one CĐCS: not a leaders' list.
        #expect(!text.contains("- Thành lập CĐCS:"))
    }

    @Test("6. units that have not reported are listed under Tồn tại, hạn chế as an official list")
    func missingUnits() throws {
        let list = Self.list + "CĐCS E;Khối 2\n"
        let outcome = F.run(F.report(Self.spec), files: ["nay.csv": Self.current, "truoc.csv": Self.previous, "ds.csv": list])
        let text = try outcome.text()
        let weaknesses = try #require(text.range(of: "Tồn tại, hạn chế").map { String(text[$0.lowerBound...]) })
        #expect(weaknesses.hasPrefix("Tồn tại, hạn chế\n\n    Việc báo cáo còn chậm.\n\n    Còn 2/5 đơn vị chưa gửi báo cáo:\n\n- CĐCS D (Khối 2);\n- CĐCS E (Khối 2).\n"),
                "\(weaknesses.prefix(300))")
        #expect(!text.contains("Tình hình báo cáo của các đơn vị"))
        #expect(!text.contains("Tất cả các đơn vị"))
        // Where the data says: in the results.
        let there = try F.run(F.report(Self.spec + "\n  don_vi_chua_bao_cao: ket_qua"),
                              files: ["nay.csv": Self.current, "truoc.csv": Self.previous, "ds.csv": list]).text()
        let results = try #require(there.range(of: "1. Kết quả chung").map { String(there[$0.lowerBound...]) })
        #expect(results.contains("Còn 2/5 đơn vị chưa gửi báo cáo:\n\n- CĐCS D (Khối 2);\n- CĐCS E (Khối 2).") && !there.contains("Tồn tại, hạn chế\n\n    Việc báo cáo còn chậm.\n\n    Còn"))
        // In the annex, with the sentence pointing to it.
        let annexed = try F.run(F.report(Self.spec + "\n  don_vi_chua_bao_cao: phu_luc"),
                                files: ["nay.csv": Self.current, "truoc.csv": Self.previous, "ds.csv": list]).text()
        #expect(annexed.contains("Còn 2/5 đơn vị chưa gửi báo cáo (danh sách tại Phụ lục)."))
        #expect(annexed.contains("PHỤ LỤC\n") && annexed.contains("DANH SÁCH ĐƠN VỊ CHƯA GỬI BÁO CÁO"))
    }
}
