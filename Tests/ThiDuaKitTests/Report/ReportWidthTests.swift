import Testing
@testable import ThiDuaKit

/// No line of a report's plain text is wider than `--width` (grapheme clusters, counted
/// here by Swift's `Character`), whatever the tables: the example's 11 indicators and the
/// default set's 18, at 60, 80 and 120 columns.
@Suite struct ReportWidthTests {
    typealias F = ReportComposeFixture

    /// 14 units with long names in three groups, every figure of the default set.
    static var eighteen: String {
        let keys = IndicatorSet.default.indicators.filter { !$0.isComputed }.map(\.key)
        var lines = ["don_vi;nhom;" + keys.joined(separator: ";") + ";chi_tieu_doan_vien_moi"]
        let names = ["Công ty Trách nhiệm hữu hạn Một thành viên Cấp thoát nước và Môi trường đô thị", "Sở Giáo dục và Đào tạo",
                     "Bệnh viện Đa khoa khu vực Cù Lao Minh", "CĐCS xã Tân Thành Bình", "Trường Trung học phổ thông chuyên Bến Tre",
                     "Công ty Cổ phần Xuất nhập khẩu Thủy sản Bến Tre", "Kho bạc Nhà nước tỉnh", "CĐCS thị trấn Mỏ Cày",
                     "Ngân hàng Thương mại cổ phần Công Thương Việt Nam chi nhánh Bến Tre", "Đài Phát thanh và Truyền hình",
                     "CĐCS Trạm Y tế xã Phước Mỹ Trung", "Công ty TNHH Giày Ân Hòa", "Sở Nông nghiệp và Môi trường", "CĐCS xã An Thạnh"]
        for (i, name) in names.enumerated() {
            let group = ["Khối Doanh nghiệp", "Khối Hành chính - Sự nghiệp", "Liên đoàn Lao động huyện Mỏ Cày Nam"][i % 3]
            let values = keys.enumerated().map { k, key -> String in
                switch key {
                case "so_cdcs": return String(20 + i)
                case "cdcs_phat_dong": return String(19 + i)
                case "gia_tri_lam_loi", "mai_am_kinh_phi": return String(1_234_567_890 + i * 7_654_321)
                default: return String((i * 37 + k * 11) % 900)
                }
            }
            lines.append("\(name);\(group);" + values.joined(separator: ";") + ";\(100 + i)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func check(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.count > width }.map { "dòng \($0.offset + 1) rộng \($0.element.count) > \(width): \($0.element)" }
    }

    @Test(arguments: [60, 80, 120])
    func theExampleWithElevenIndicators(width: Int) throws {
        let document = try #require(try TestSupport.loadExample("bao-cao-so-ket-2025.yaml").0)
        #expect(document.report?.indicators?.count == 11)
        let text = try Renderer.render(document, format: .txt, templates: TemplateSet(), width: width)
        #expect(Self.check(text, width: width) == [])
        // Split tables keep every unit: all 38 names, each in one piece or wrapped in its cell.
        #expect(text.contains("TỔNG CỘNG"))
    }

    @Test(arguments: [60, 80, 120])
    func theDefaultSetOfEighteenIndicators(width: Int) throws {
        let outcome = F.run(F.report("  so_lieu: [a.csv]\n  bang_don_vi: true"), files: ["a.csv": Self.eighteen], width: width)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.messages)")
        #expect(outcome.result?.statistics.indicators.count == 18)
        let text = try outcome.text()
        #expect(Self.check(text, width: width) == [])
        // Every indicator's column header is somewhere in the annex, split or not.
        let annex = try #require(text.range(of: "PHỤ LỤC").map { String(text[$0.lowerBound...]) })
        let flattened = annex.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        for word in ["Giấy", "Bằng", "vững", "Mái"] { #expect(flattened.contains(word)) }
        if width < 120 { #expect(annex.contains("(tiếp theo)")) }
    }

    @Test func narrowColumnsWrapInsideTheirCellsAndRepeatTheUnitColumn() {
        let table = Table(headers: ["STT", "Đơn vị", "Cá nhân đăng ký thi đua", "Giá trị làm lợi", "Công trình, sản phẩm"],
                          rows: [["1", "Công ty Trách nhiệm hữu hạn Một thành viên Xổ số kiến thiết", "1.234", "3.432.800.000", "12"]],
                          alignments: [.right, .left, .right, .right, .right], headerColumns: 2)
        for width in [40, 50, 60] {
            let text = TableLayout.plain(table, width: width)
            #expect(Self.check(text, width: width) == [], "\(width)\n\(text)")
            let parts = text.components(separatedBy: "(tiếp theo)")
            for part in parts { #expect(part.contains("Đơn vị")) }
        }
        #expect(!TableLayout.plain(table, width: 200).contains("(tiếp theo)"))
    }
}
