import Foundation
import Testing
@testable import ThiDuaKit

/// The example report's figures, computed here by a naive independent
/// reading of its CSV files, must be the ones the rendered text states.
@Suite("Report example figures")
struct ReportExampleTests {
    /// Unit → column → value, read the simplest possible way.
    static func naiveRead(_ file: String) throws -> [(group: String, values: [String: Int64])] {
        var text = try String(contentsOf: TestSupport.example(file), encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let separator: Character = lines[0].contains(";") ? ";" : ","
        let header = lines[0].split(separator: separator).map(String.init)
        return lines.dropFirst().map { line in
            let cells = line.split(separator: separator, omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\"", with: "") }
            var values: [String: Int64] = [:]
            for (index, name) in header.enumerated().dropFirst(2) {
                values[name] = Int64(cells[index].replacingOccurrences(of: ".", with: ""))
            }
            return (cells[1], values)
        }
    }

    static func totals(_ rows: [(group: String, values: [String: Int64])], _ key: String, group: String? = nil) -> Int64 {
        rows.filter { group == nil || $0.group == group }.reduce(0) { $0 + ($1.values[key] ?? 0) }
    }

    @Test func renderedTextStatesTheIndependentlyComputedFigures() throws {
        let rows = try Self.naiveRead("bao-cao/so-lieu-cac-khoi.csv") + Self.naiveRead("bao-cao/so-lieu-cac-huyen.csv")
        let previous = try Self.naiveRead("bao-cao/so-lieu-dot-truoc.csv")
        #expect(rows.count == 38)
        let document = try #require(try TestSupport.loadExample("bao-cao-so-ket-2025.yaml").0)
        let text = try Renderer.render(document, format: .txt, templates: TemplateSet(), width: 200)

        let registered = Self.totals(rows, "dang_ky_ca_nhan")
        #expect(text.contains("\(VietnameseNumber.integer(registered)) cá nhân đăng ký thi đua"))
        let members = Self.totals(rows, "doan_vien_moi")
        let memberTarget = Self.totals(rows, "chi_tieu_doan_vien_moi")
        let percent = try #require(VietnameseNumber.percent(members, of: memberTarget))
        #expect(text.contains("Phát triển được \(VietnameseNumber.integer(members)) đoàn viên mới, đạt \(percent) chỉ tiêu cả năm (\(VietnameseNumber.integer(memberTarget)) đoàn viên)"))
        let reached = rows.filter { ($0.values["doan_vien_moi"] ?? 0) >= ($0.values["chi_tieu_doan_vien_moi"] ?? 0) }.count
        #expect(text.contains("\(reached)/38 đơn vị đạt chỉ tiêu được giao"))
        let launched = Self.totals(rows, "cdcs_phat_dong"), unions = Self.totals(rows, "so_cdcs")
        #expect(text.contains("\(try #require(VietnameseNumber.percent(launched, of: unions))) CĐCS tổ chức phát động thi đua"))
        let initiatives = Self.totals(rows, "sang_kien"), before = Self.totals(previous, "sang_kien")
        let change = try #require(VietnameseNumber.percent(initiatives - before, of: before))
        #expect(text.contains("Có \(initiatives) sáng kiến, cải tiến kỹ thuật được công nhận; so với đợt trước tăng \(initiatives - before) sáng kiến (\(change))"))
        // The unit table's grand total row and a group subtotal.
        let value = Self.totals(rows, "gia_tri_lam_loi", group: "Khối Doanh nghiệp")
        #expect(text.contains(VietnameseNumber.integer(value)))
        #expect(text.contains("Còn 2 đơn vị chưa gửi báo cáo:"))
        #expect(text.contains("- Công ty CP Vận tải Ba Tri (Khối Doanh nghiệp)"))
        #expect(text.contains("Nguồn số liệu: đọc 38 dòng từ 2 tệp; tổng hợp 38 đơn vị; không bỏ qua dòng nào."))
    }

    @Test func reportPartsComeInConventionOrder() throws {
        let document = try #require(try TestSupport.loadExample("bao-cao-so-ket-2025.yaml").0)
        #expect(document.sections.map(\.title) == ["ĐẶC ĐIỂM TÌNH HÌNH", "KẾT QUẢ THỰC HIỆN", "ĐÁNH GIÁ CHUNG", "BÀI HỌC KINH NGHIỆM",
                                                    "PHƯƠNG HƯỚNG, NHIỆM VỤ", "ĐỀ XUẤT, KIẾN NGHỊ", "KHEN THƯỞNG"])
        #expect(document.references.first?.numberAndSymbol == "12/KH-LĐLĐ")
    }

    @Test func moneyAndPercentFollowOneRoundingRule() {
        #expect(ReportFigureText.money(13_849_999_999) == "13,8 tỷ đồng")
        #expect(ReportFigureText.money(13_850_000_000) == "13,9 tỷ đồng")
        #expect(ReportFigureText.money(250_450_000) == "250,5 triệu đồng")
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

        """
        let (document, diagnostics) = TestSupport.load(yaml)
        #expect(diagnostics.contains { $0.description.contains("kiểu chỉ tiêu \"tienn\" không hợp lệ — có phải ý bạn là `tien`?") })
        let indicators = try #require(document?.report?.indicators)
        #expect(indicators.keys == ["doan_vien_moi", "nu_cong", "ty_le_x"])
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
