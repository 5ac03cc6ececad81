import Foundation
import Testing
@testable import ThiDuaKit

/// The example report's structure and the report's number formatting (its figures are
/// recomputed independently in `ReportExampleRecomputationTests`).
@Suite("Report example figures")
struct ReportExampleTests {
    @Test func reportPartsComeInConventionOrder() throws {
        let document = try #require(try TestSupport.loadExample("bao-cao-so-ket-2025.yaml").0)
        #expect(document.sections.map(\.title) == ["ĐẶC ĐIỂM TÌNH HÌNH", "KẾT QUẢ THỰC HIỆN", "ĐÁNH GIÁ CHUNG", "BÀI HỌC KINH NGHIỆM",
                                                    "PHƯƠNG HƯỚNG, NHIỆM VỤ", "ĐỀ XUẤT, KIẾN NGHỊ", "KHEN THƯỞNG"])
        #expect(document.references.first?.numberAndSymbol == "12/KH-LĐLĐ")
    }

    @Test func moneyAndPercentFollowOneRoundingRule() {
        // Three significant digits at least: billions with two decimals, millions with one.
        #expect(ReportFigureText.money(3_432_800_000) == "3,43 tỷ đồng")
        #expect(ReportFigureText.money(1_120_000_000) == "1,12 tỷ đồng")
        #expect(ReportFigureText.money(13_849_999_999) == "13,85 tỷ đồng")
        #expect(ReportFigureText.money(13_844_999_999) == "13,84 tỷ đồng")
        #expect(ReportFigureText.money(2_000_000_000) == "2 tỷ đồng")
        #expect(ReportFigureText.money(999_960_000) == "1 tỷ đồng")
        #expect(ReportFigureText.money(250_450_000) == "250,5 triệu đồng")
        #expect(ReportFigureText.money(50_000_000) == "50 triệu đồng")
        #expect(ReportFigureText.money(850_000) == "850.000 đồng")
        #expect(ReportFigureText.percent(ExactRatio(985, 1000)) == "98,5%")
        #expect(ReportFigureText.percent(ExactRatio(2323, 1000)) == "232,3%")
        #expect(ReportFigureText.percent(ExactRatio(1, 0)) == nil)
    }

    @Test func indicatorsFromTheDataFileOverrideDefaults() throws {
        let yaml = TestSupport.minimalPlan
            .replacingOccurrences(of: "loai: ke_hoach", with: "loai: bao_cao")
            .replacingOccurrences(of: "ky_hieu: KH-LĐLĐ", with: "ky_hieu: BC-LĐLĐ") + """
        bao_cao:
          hinh_thuc: so_ket
          so_lieu: [a.csv]
          chi_tieu:
            - ma: doan_vien_moi
              chi_tieu: 100
            - ma: nu_cong
              ten: Nữ công nhân được tập huấn
              don_vi_tinh: người
            - ma: ty_le_x
              ty_le: { tu_so: nu_cong, mau_so: doan_vien_moi }
              ten: Tỷ lệ
              don_vi_tinh: "%"
            - ma: la
              kieu: tienn
            - ma: ngoai_te
              kieu: tien
              don_vi_tinh: USD
            - ma: kinh_phi
              kieu: tien
              ten: Kinh phí hỗ trợ
              don_vi_tinh: triệu đồng
            - ma: kinh_phi_2
              kieu: tien
              ten: Kinh phí khác (triệu đồng)
              don_vi_tinh: đồng

        """
        let (document, diagnostics) = TestSupport.load(yaml)
        // Money is in đồng: the figures of a form headed "(USD)" could not be read back.
        #expect(diagnostics.contains { $0.description.contains("đơn vị tính \"USD\" của chỉ tiêu tiền `ngoai_te` không phải đồng") }, "\(diagnostics)")
        // Tables, workbook and form hold money in đồng: the unit says so, and a name stating millions is refused.
        #expect(diagnostics.contains { $0.description.contains("tên chỉ tiêu tiền `kinh_phi_2` ghi đơn vị tính bội số của đồng") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.description.contains("kiểu chỉ tiêu \"tienn\" không hợp lệ — có phải ý bạn là `tien`?") })
        let indicators = try #require(document?.report?.indicators)
        #expect(indicators["kinh_phi"]?.unit == "đồng")
        #expect(indicators.keys.prefix(3) == ["doan_vien_moi", "nu_cong", "ty_le_x"] && indicators.keys.contains("kinh_phi"))
        #expect(indicators["doan_vien_moi"]?.target == 100)
        #expect(indicators["doan_vien_moi"]?.name == "Phát triển đoàn viên")
        #expect(indicators["ty_le_x"]?.aggregation == .ratio(numerator: "nu_cong", denominator: "doan_vien_moi"))
    }

    @Test func expectedUnitsListAcceptsHeadersInVietnamese() {
        let (units, diagnostics) = ExpectedUnit.parseList(Array("Đơn vị;Khối\nSở Y tế;Khối HCSN\n\n CĐCS xã A ;\n".utf8), file: "ds.csv")
        #expect(diagnostics.isEmpty)
        #expect(units == [ExpectedUnit(name: "Sở Y tế", group: "Khối HCSN"), ExpectedUnit(name: "CĐCS xã A", group: nil)])
        let (_, bad) = ExpectedUnit.parseList(Array("ten;x\nA;B\n".utf8), file: "ds.csv")
        #expect(bad.first?.message == "danh sách đơn vị không có cột `don_vi`")
    }
}
