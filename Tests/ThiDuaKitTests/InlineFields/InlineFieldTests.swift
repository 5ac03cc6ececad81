import Testing
@testable import ThiDuaKit

/// Inline fields in running text (`{ky_niem …}`, `{dai_hoi …}`): computed when read, every
/// fault at the line and column of the part at fault.
@Suite("Inline fields")
struct InlineFieldTests {
    /// The minimal plan with `paragraph` as the only paragraph of section I (as a quoted string
    /// on line 12, column 9: the `{` of a field at offset k is at column 10 + k).
    func plan(_ paragraph: String, extra: String = "") -> String {
        TestSupport.minimalPlan
            .replacingOccurrences(of: "      - Động viên đoàn viên thi đua lao động sản xuất.",
                                  with: "      - \"\(paragraph)\"")
            + extra
    }

    func paragraph(_ yaml: String) -> (String?, [String]) {
        let (document, diagnostics) = TestSupport.load(yaml)
        guard case .paragraph(let text, _)? = document?.sections.first?.blocks.first else { return (nil, diagnostics.map(\.description)) }
        return (text, diagnostics.map(\.description))
    }

    @Test func anniversaryInRunningTextIsComputed() {
        let (text, messages) = paragraph(plan("Chào mừng: Kỷ niệm {ky_niem thanh_lap_dang}, {ky_niem: sinh_nhat_bac}."))
        #expect(text == "Chào mừng: Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam, 135 năm Ngày sinh Chủ tịch Hồ Chí Minh.")
        #expect(messages.isEmpty, "\(messages)")
    }

    @Test func rangeAndAnotherYear() {
        let (text, _) = paragraph(plan("{ky_niem thanh_lap_dang, khoang} và {ky_niem thanh_lap_dang, nam 2030}"))
        #expect(text == "95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025) và 100 năm Ngày thành lập Đảng Cộng sản Việt Nam")
    }

    @Test func combinedCommemorationsOfOneAge() {
        let (text, _) = paragraph(plan("Kỷ niệm {ky_niem cach_mang_thang_tam + quoc_khanh, khoang}"))
        #expect(text == "Kỷ niệm 80 năm Cách mạng Tháng Tám (19/8/1945 - 19/8/2025) và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2025)")
        let (_, wrong) = paragraph(plan("{ky_niem cach_mang_thang_tam + thanh_lap_dang}"))
        #expect(wrong.contains { $0.contains("lỗi: các ngày kỷ niệm nối bằng `+` phải cùng số năm") })
    }

    @Test func clerksOwnWordingKeepsTheComputedNumber() {
        let (text, _) = paragraph(plan("kỷ niệm {ky_niem giai_phong_mien_nam, khoang, ten ngày Giải phóng hoàn toàn miền Nam}"))
        #expect(text == "kỷ niệm 50 năm ngày Giải phóng hoàn toàn miền Nam (30/4/1975 - 30/4/2025)")
    }

    @Test func unknownCodeIsAnErrorAtItsColumn() {
        let (_, messages) = paragraph(plan("Chào mừng {ky_niem thanh_lap_dagn}."))
        // Line 12: `      - "Chào mừng {ky_niem thanh_lap_dagn}."`; the code starts at column 29.
        #expect(messages.contains("tệp.yaml:12:29: lỗi: không có ngày kỷ niệm mã `thanh_lap_dagn` — có phải ý bạn là `thanh_lap_dang`?"), "\(messages)")
    }

    @Test func wrongNumberWrittenInTheFieldIsAnError() {
        let (_, messages) = paragraph(plan("{ky_niem thanh_lap_dang, so_nam 85}"))
        #expect(messages.contains { $0.hasPrefix("tệp.yaml:12:35: lỗi: số năm ghi \"85\" nhưng năm 2025 là 95 năm") }, "\(messages)")
        let (_, right) = paragraph(plan("{ky_niem thanh_lap_dang, so_nam 95}"))
        #expect(right.isEmpty, "\(right)")
    }

    @Test func handTypedNumberNextToAFieldIsAnError() {
        let (_, wrong) = paragraph(plan("Kỷ niệm 85 năm {ky_niem thanh_lap_dang}"))
        #expect(wrong.contains { $0.hasPrefix("tệp.yaml:12:25: lỗi: trước trường {ky_niem thanh_lap_dang} ghi tay \"85 năm\" nhưng số năm đúng là 95") }, "\(wrong)")
        let (_, doubled) = paragraph(plan("Kỷ niệm 95 năm {ky_niem thanh_lap_dang}"))
        #expect(doubled.contains { $0.contains("đã ghi tay \"95 năm\": trường tự in số năm") })
    }

    @Test func unknownKindAndOptionSuggestTheNearest() {
        let (_, kind) = paragraph(plan("{ky_nem thanh_lap_dang}"))
        #expect(kind.contains { $0.hasPrefix("tệp.yaml:12:11: lỗi: không có loại trường `ky_nem`") && $0.contains("`{ky_niem …}`") }, "\(kind)")
        let (_, option) = paragraph(plan("{ky_niem thanh_lap_dang, khoan}"))
        #expect(option.contains { $0.contains("không có tùy chọn `khoan`") && $0.contains("`khoang`") })
    }

    @Test func strayAndDoubledBraces() {
        let (text, ok) = paragraph(plan("Ghi {{tên đơn vị}} vào ô trống"))
        #expect(text == "Ghi {tên đơn vị} vào ô trống")
        #expect(ok.isEmpty)
        let (_, stray) = paragraph(plan("Ghi {tên đơn vị} vào ô"))
        #expect(stray.contains { $0.hasPrefix("tệp.yaml:12:14: lỗi: trường {tên đơn vị} viết sai") }, "\(stray)")
        let (_, closing) = paragraph(plan("Ghi tên đơn vị} vào ô"))
        #expect(closing.contains { $0.hasPrefix("tệp.yaml:12:24: lỗi: dấu `}` không mở hay đóng trường nào") }, "\(closing)")
    }

    @Test func anEventNotYetHappenedIsAnError() {
        let extra = "ngay_ky_niem:\n  - { ma: moi, ten: Ngày thành lập đơn vị, ngay_goc: 2030-01-01 }\n"
        let (_, messages) = paragraph(plan("{ky_niem moi}", extra: extra))
        #expect(messages.contains { $0.contains("lỗi: Ngày thành lập đơn vị có ngày gốc 01/01/2030, chưa đến kỷ niệm nào trong năm 2025") })
    }

    @Test func congressFieldNamesADeclaredCongress() {
        let extra = "dai_hoi:\n  - { ma: dh, ten: Đại hội Công đoàn tỉnh lần thứ I, ngay: 2025-12-16 }\n"
        let (text, messages) = paragraph(plan("chào mừng {dai_hoi dh, ngay}", extra: extra))
        #expect(text == "chào mừng Đại hội Công đoàn tỉnh lần thứ I (16/12/2025)")
        #expect(messages.isEmpty, "\(messages)")
        let (_, unknown) = paragraph(plan("{dai_hoi dai_hoi_x}", extra: extra))
        #expect(unknown.contains { $0.contains("không có đại hội mã `dai_hoi_x`") })
    }

    @Test func aFieldInAPhaseThemeCountsToThePhasesYear() throws {
        // A plan for 2026 signed in December 2025: the theme's anniversary is the one in the phase.
        let yaml = TestSupport.minimalPlan.replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2025-12-20") + """
        dot_thi_dua:
          - tu: 2026-01-01
            den: 2026-02-28
            chu_de: chào mừng {ky_niem thanh_lap_dang}
            ky_niem: [thanh_lap_dang]

        """
        let document = try #require(TestSupport.load(yaml).0)
        #expect(document.phases.first?.theme == "chào mừng 96 năm Ngày thành lập Đảng Cộng sản Việt Nam")
        #expect(document.inlineFields.first?.phaseIndex == 0)
    }

    @Test func theFieldsAreRecordedForTheChecks() throws {
        let document = try #require(TestSupport.load(plan("{ky_niem cach_mang_thang_tam + quoc_khanh}")).0)
        #expect(document.inlineFields.map { $0.codes.map(\.value) } == [["cach_mang_thang_tam", "quoc_khanh"]])
    }
}
