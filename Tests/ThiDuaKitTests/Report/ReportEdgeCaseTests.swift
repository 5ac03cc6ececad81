import Testing
@testable import ThiDuaKit

/// Reports that used to pass silently, plans' targets as data, and the annex as data.
@Suite struct ReportEdgeCaseTests {
    typealias F = ReportComposeFixture

    @Test func aReportWithNoUnitIsAnErrorAtItsFigureFiles() {
        let headerOnly = F.run(F.report("  so_lieu:\n    - a.csv"), files: ["a.csv": "don_vi;nhom;so_cdcs\n"])
        #expect(headerOnly.messages.contains("bc.yaml:13:3: lỗi: không có số liệu của đơn vị nào trong \"a.csv\": báo cáo không có gì để tổng hợp — kiểm tra các tệp số liệu có dòng của từng đơn vị dưới dòng tiêu đề"),
                "\(headerOnly.messages)")
        #expect(headerOnly.messages.contains { $0.hasPrefix("a.csv:1: cảnh báo: tệp không có dòng số liệu nào") })
        #expect(headerOnly.document?.sections.isEmpty ?? true || headerOnly.result == nil || headerOnly.diagnostics.hasErrors)
        let empty = F.run(F.report("  so_lieu: []"), files: [:])
        #expect(empty.messages.contains { $0.hasPrefix("bc.yaml:13:3: lỗi: không có tệp số liệu nào") }, "\(empty.messages)")
    }

    @Test func aPeriodEndingAfterTheReportIsAnError() {
        let outcome = F.run(F.report("  so_lieu: [a.csv]", date: "2025-06-20"), files: ["a.csv": "don_vi;so_cdcs\nA;1\n"])
        #expect(outcome.messages.contains { $0.hasPrefix("bc.yaml:12:30: lỗi: kỳ báo cáo kết thúc ngày 30/6/2025, sau ngày ban hành báo cáo (20/6/2025)") },
                "\(outcome.messages)")
    }

    @Test func aPeriodOutsideThePlansIsAWarningAndAReportBeforeItsPlanAnError() {
        let plan = F.plan.replacingOccurrences(of: "thoi_gian: { tu: 2025-01-01, den: 2025-12-31 }", with: "thoi_gian: { tu: 2025-03-01, den: 2025-05-31 }")
        let yaml = F.report("  ke_hoach: { tep: ke-hoach.yaml }\n  so_lieu: [a.csv]")
        let outcome = F.run(yaml, files: ["a.csv": "don_vi;so_cdcs\nA;1\n"], linked: ["ke-hoach.yaml": plan])
        #expect(outcome.messages.contains { $0.hasPrefix("bc.yaml:12:13: cảnh báo: kỳ báo cáo bắt đầu ngày 01/01/2025, trước thời gian của Kế hoạch số 12/KH-LĐLĐ (từ 01/3/2025)") },
                "\(outcome.messages)")
        #expect(outcome.messages.contains { $0.hasPrefix("bc.yaml:12:30: cảnh báo: kỳ báo cáo kết thúc ngày 30/6/2025, sau thời gian của Kế hoạch số 12/KH-LĐLĐ") })
        let early = F.run(F.report("  ke_hoach: { tep: ke-hoach.yaml }\n  so_lieu: [a.csv]", date: "2025-02-01")
                            .replacingOccurrences(of: "ky: { tu: 2025-01-01, den: 2025-06-30 }", with: "ky: { tu: 2025-01-01, den: 2025-01-31 }"),
                          files: ["a.csv": "don_vi;so_cdcs\nA;1\n"], linked: ["ke-hoach.yaml": F.plan])
        #expect(early.messages.contains { $0.hasPrefix("bc.yaml:7:7: lỗi: báo cáo ban hành ngày 01/02/2025, trước ngày của Kế hoạch số 12/KH-LĐLĐ") },
                "\(early.messages)")
    }

    @Test func aNumeratorAboveItsDenominatorIsCaughtWithoutTheRateListed() {
        let outcome = F.run(F.report("  so_lieu: [a.csv]\n  chi_tieu: [{ ma: so_cdcs }, { ma: cdcs_phat_dong }]"),
                            files: ["a.csv": "don_vi;so_cdcs;cdcs_phat_dong\nA;2;30\nB;3;3\n"])
        #expect(outcome.messages.contains { $0.hasPrefix("a.csv:2:5: lỗi: 'A': CĐCS tổ chức phát động (30) lớn hơn Số CĐCS (2)") }, "\(outcome.messages)")
        #expect(IndicatorSet([IndicatorSet.default["so_cdcs"], IndicatorSet.default["cdcs_phat_dong"]].compactMap { $0 }).boundedPairs
                == [IndicatorSet.BoundedPair(numerator: 1, denominator: 0)])
    }

    @Test func unitsArePairedByGroupAndNameThenByAnUnambiguousName() throws {
        // "Trường A" moved from Khối 2 to Khối 1: the same unit. "Trường B" is in both groups
        // now and was in one then: which is which cannot be told, so neither is paired by name.
        let now = "don_vi;nhom;sang_kien\nTrường A;Khối 1;5\nTrường B;Khối 1;3\nTrường B;Khối 3;4\nTrường C;Khối 1;1\n"
        let then = "don_vi;nhom;sang_kien\nTRƯỜNG A;Khối 2;2\nTrường B;Khối 2;1\nTrường C;khối 1;1\n"
        let result = ReportFixture.aggregate([("nay.csv", now)], previous: [("truoc.csv", then)])
        let comparison = try #require(result.statistics.comparison)
        #expect(comparison.pairedUnits == 2)
        #expect(comparison.onlyPrevious.map(\.name) == ["Trường B"])
        #expect(comparison.onlyCurrent.map { result.statistics.name(ofUnit: $0) } == ["Trường B", "Trường B"])
        let change = try #require(result.statistics.totals(for: "sang_kien")?.change)
        #expect(change.currentTotal == 6 && change.previousTotal == 3 && change.units == 2)
    }

    @Test func theFooterUnderTheGrandTotalIsNotReadAsFigures() {
        // thidua's own workbook (and many forms) sign under the table; a named row there is still a unit.
        let csv = "STT;Đơn vị;so_cdcs\n1;A;3\n;TỔNG CỘNG;3\n;;Bến Tre, ngày 20 tháng 6 năm 2025\n;;Lê Thị Thu Hà\n2;B;4\n"
        let outcome = F.run(F.report("  so_lieu: [a.csv]"), files: ["a.csv": csv])
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.messages)")
        #expect(outcome.result?.statistics.unitCount == 2)
        #expect(outcome.result?.reconciliation.skipped.isEmpty == true)
    }

    @Test func anIndicatorNoFileHasIsNotStatedAsZero() throws {
        // The default set's 18 indicators, figures for two of them only.
        let outcome = F.run(F.report("  so_lieu: [a.csv]\n  bang_don_vi: true"), files: ["a.csv": "don_vi;so_cdcs;sang_kien\nA;1;2\nB;2;\n"])
        let text = try outcome.text()
        #expect(text.contains("- Toàn đơn vị có 3 Công đoàn cơ sở (CĐCS);\n- Có 2 sáng kiến, cải tiến kỹ thuật được công nhận."))
        for word in ["cá nhân đăng ký", "Giá trị làm lợi", "Bằng khen", "đạt chưa tính"] { #expect(!text.contains(word), "\(word)") }
        #expect(!text.contains("Kết quả theo khối, cụm"))
    }

    @Test func aPlanStatesItsTargetsAsDataAndPrintsThem() throws {
        let (document, diagnostics) = Renderer.load(bytes: Array(F.plan.utf8), file: "kh.yaml")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let plan = try #require(document)
        #expect(plan.targets.map(\.key.value) == ["doan_vien_moi", "ty_le_cdcs_phat_dong"])
        #expect(plan.targets.map(\.value.value) == [100, 100])
        #expect(plan.targets.map(\.sentence) == ["Phát triển mới 100 đoàn viên.", "Tỷ lệ CĐCS phát động: 100%."])
        let text = try Renderer.render(plan, format: .txt, templates: TemplateSet())
        #expect(text.contains("- Phát triển mới 100 đoàn viên.\n- Tỷ lệ CĐCS phát động: 100%."))
        let bad = F.plan.replacingOccurrences(of: "{ ma: ty_le_cdcs_phat_dong, gia_tri: 100 }", with: "{ ma: doan_vien_mo, gia_tri: 5 }")
        let messages = Renderer.load(bytes: Array(bad.utf8), file: "kh.yaml").1.map(\.description)
        #expect(messages.contains { $0.hasPrefix("kh.yaml:15:13: lỗi: chỉ tiêu `doan_vien_mo` không có trong bộ chỉ tiêu mặc định") && $0.contains("`doan_vien_moi`") },
                "\(messages)")
        let twice = F.plan.replacingOccurrences(of: "{ ma: ty_le_cdcs_phat_dong, gia_tri: 100 }", with: "{ ma: doan_vien_moi, gia_tri: 5 }")
        #expect(Renderer.load(bytes: Array(twice.utf8), file: "kh.yaml").1.contains { $0.message.contains("ghi hai lần (lần đầu ở dòng 14)") })
    }

    @Test func aPlanTargetTheReportDoesNotReportIsAWarning() {
        let yaml = F.report("  ke_hoach: { tep: ke-hoach.yaml }\n  so_lieu: [a.csv]\n  chi_tieu: [{ ma: so_cdcs }]")
        let outcome = F.run(yaml, files: ["a.csv": "don_vi;so_cdcs\nA;1\n"], linked: ["ke-hoach.yaml": F.plan])
        #expect(outcome.messages.contains { $0.hasPrefix("bc.yaml:13:20: cảnh báo: Kế hoạch số 12/KH-LĐLĐ giao chỉ tiêu `doan_vien_moi` (“Phát triển mới 100 đoàn viên.”) nhưng báo cáo không có chỉ tiêu này") },
                "\(outcome.messages)")
    }

    @Test func theAnnexIsDataInTheViewModelAndFollowsTheSignature() throws {
        let outcome = F.run(F.report("  so_lieu: [a.csv]\n  bang_don_vi: true"), files: ["a.csv": "don_vi;nhom;so_cdcs\nA;K;1\nB;K;2\n"])
        let document = try #require(outcome.document)
        #expect(document.annexes.map(\.title) == ["KẾT QUẢ THI ĐUA CỦA TỪNG ĐƠN VỊ"])
        #expect(document.annexes.first?.landscape == true)
        guard case .table(let table, _)? = document.annexes.first?.blocks.first else {
            Issue.record("phụ lục không có bảng")
            return
        }
        #expect(table.headerColumns == 2 && table.rows.count == 4)
        let context = DocumentView().context(for: document)
        let annex = try #require(context["annexes"].flatMap { if case .list(let l) = $0 { return l.first } else { return nil } })
        #expect(annex["label"] == .string("PHỤ LỤC"))
        #expect(annex["accompanies"] == .string("(Kèm theo Báo cáo số 41/BC-LĐLĐ ngày 10/7/2025 của Ban Thường vụ Liên đoàn Lao động tỉnh Bến Tre)"))
        for text in [try outcome.text(), try outcome.markdown()] {
            let signature = try #require(text.range(of: "Nguyễn Văn A"))
            let label = try #require(text.range(of: "PHỤ LỤC"))
            #expect(label.lowerBound > signature.lowerBound)
        }
        // Without a number yet, the blank is kept for the office.
        let unnumbered = F.run(F.report("  so_lieu: [a.csv]\n  bang_don_vi: true").replacingOccurrences(of: "so: 41\n", with: ""),
                               files: ["a.csv": "don_vi;so_cdcs\nA;1\n"])
        #expect(try unnumbered.text().contains("(Kèm theo Báo cáo số \u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}/BC-LĐLĐ ngày 10/7/2025"))
    }
}
