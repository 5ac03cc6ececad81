import Testing
@testable import ThiDuaKit

/// Total and subtotal rows are never added as units, whatever their label or none: counted,
/// they add the units above them a second time (a black-box review found "TỔNG CỘNG:",
/// "Cộng Khối Doanh nghiệp", "I. Tổng cộng" and others doubling a report's figures).
@Suite struct TotalRowTests {
    @Test(arguments: [
        "Tổng cộng", "TỔNG CỘNG", "TỔNG CỘNG:", "TỔNG CỘNG.", "Tổng cộng:", "* Tổng cộng", "I. Tổng cộng", "II. Tổng cộng",
        "Tổng cộng toàn tỉnh", "Tổng cộng (19 đơn vị)", "Tổng số", "Tổng", "Tong cong", "TONG CONG", "Toàn tỉnh", "Toàn ngành",
        "Tổng cộng: 40 đơn vị", "To\u{0302}\u{0309}ng co\u{0323}\u{0302}ng",
        "Tổng toàn tỉnh", "Toàn ngành Giáo dục", "Tổng I + II", "Tổng hợp chung", "Toàn khu công nghiệp", "Tổng (1+2)",
    ])
    func grandTotalLabels(_ label: String) {
        #expect(TotalRowLabel.kind(of: ReportText.normalizedName(label)) == .grandTotal, "\(label)")
    }

    @Test(arguments: ["Cộng", "Cộng:", "Cộng khối", "Cộng Khối Doanh nghiệp", "Cộng: Khối Doanh nghiệp", "Cộng toàn tỉnh", "a) Cộng nhóm 1", "- Cộng"])
    func subtotalLabels(_ label: String) {
        #expect(TotalRowLabel.kind(of: ReportText.normalizedName(label)) == .subtotal, "\(label)")
    }

    /// Unit names that share the first letters stay units.
    @Test(arguments: ["Công đoàn Giáo dục", "Tổng công ty Điện lực", "Tong cong ty Dien luc", "Cong ty TNHH A", "Cộng đồng doanh nghiệp trẻ",
                      "Trường THCS A", "Toàn Thắng", "Công ty CP Tổng hợp", "CĐCS Tổng kho 3", "Tông Lệnh",
                      "Tổng đội Thanh niên xung phong", "Tổng kho Xăng dầu", "Tổng cục Thuế", "Toàn Phát"])
    func unitNames(_ name: String) {
        #expect(TotalRowLabel.kind(of: ReportText.normalizedName(name)) == nil, "\(name)")
    }

    static let header = "don_vi;nhom;doan_vien_moi;thanh_lap_cdcs;sang_kien\n"

    @Test func labelledTotalsAreNotAdded() {
        let text = Self.header + "A;K1;10;1;1\nB;K1;20;2;1\nCộng: Khối 1;;30;3;2\nC;K2;5;1;1\nTỔNG CỘNG:;;35;4;3\n"
        let (outcomes, _) = ReportFixture.parse(text)
        #expect(ReportFixture.units(outcomes).map(\.name) == ["A", "B", "C"])
    }

    /// A row whose figures are the sum of the rows above it is a total whatever it is named,
    /// and the reading says so.
    @Test func unlabelledSubtotalsAreFoundBySum() {
        let text = Self.header + "A;K1;10;1;1\nB;K1;20;2;1\nKhối 1;;30;3;2\nC;K2;5;1;1\nD;K2;7;2;3\nK2;K2;12;3;4\nI - KHỐI KHÁC;;42;6;6\n"
        let (outcomes, diagnostics) = ReportFixture.parse(text)
        #expect(ReportFixture.units(outcomes).map(\.name) == ["A", "B", "C", "D"])
        #expect(ReportFixture.skipped(outcomes).map(\.reason) == [.sumOfRowsAbove(rows: 2), .sumOfRowsAbove(rows: 2), .sumOfRowsAbove(rows: 4)])
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("'Khối 1' có mọi số liệu bằng tổng 2 dòng") })
    }

    /// A row named as a unit whose figures happen to be the sum of the rows above is a
    /// unit: counted, with a warning (a unit dropped would be as false as a total counted).
    @Test func aUnitWhoseFiguresAddUpIsCountedAndWarned() {
        let text = Self.header + "Công đoàn phường A;K1;42;12;160\nCông đoàn phường B;K1;18;4;45\nCông đoàn phường C;K1;60;16;205\n"
        let (outcomes, diagnostics) = ReportFixture.parse(text)
        #expect(ReportFixture.units(outcomes).count == 3)
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("vẫn được cộng như một đơn vị") }, "\(diagnostics)")
    }

    /// Chance equalities are not totals: one row above, or zeros.
    @Test func aUnitEqualToOneRowOrToZerosStaysAUnit() {
        let one = Self.header + "A;K1;10;1;1\nB;K1;10;1;1\n"
        #expect(ReportFixture.units(ReportFixture.parse(one).0).count == 2)
        let zeros = Self.header + "A;K1;0;0;0\nB;K1;0;0;0\nC;K1;0;0;0\n"
        #expect(ReportFixture.units(ReportFixture.parse(zeros).0).count == 3)
        // Two figures only: a CĐCS of 2 and 2 under two of 1 and 1 is a unit.
        let twoFigures = Self.header + "A;K1;1;1;\nB;K1;1;1;\nC;K1;2;2;\n"
        #expect(ReportFixture.units(ReportFixture.parse(twoFigures).0).count == 3)
        // A numbered row is a unit whatever its figures.
        let numbered = "stt;" + Self.header + "1;A;K1;10;1;1\n2;B;K1;20;2;1\n3;C;K1;30;3;2\n"
        #expect(ReportFixture.units(ReportFixture.parse(numbered).0).count == 3)
    }

    @Test func aTotalLineOfTheExpectedListIsNotAUnit() {
        let (units, _) = ExpectedUnit.parseList(Array("don_vi;nhom\nA;K1\nB;K1\nTổng cộng: 2 đơn vị;\n".utf8), file: "ds.csv")
        #expect(units.map(\.name) == ["A", "B"])
    }

    /// A hand-made two-tier header: a title merged over the parts of one indicator pair, the
    /// unit column merged down. The second tier names the columns, alone or with the title.
    @Test func aSecondTierOfNamesUnderAMergedTitleIsRead() {
        let text = "Đơn vị;Khối;Sáng kiến;;Mái ấm Công đoàn;\n;;Số sáng kiến;Giá trị làm lợi;Số nhà;Kinh phí (đồng)\nA;K1;3;5000000;2;100000000\n"
        let (outcomes, diagnostics) = ReportFixture.parse(text)
        let units = ReportFixture.units(outcomes)
        #expect(units.count == 1, "\(diagnostics)")
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let unit = units.first
        #expect(unit?.values[ReportFixture.index("sang_kien")] == 3)
        #expect(unit?.values[ReportFixture.index("gia_tri_lam_loi")] == 5_000_000)
        #expect(unit?.values[ReportFixture.index("mai_am_so_nha")] == 2)
        #expect(unit?.values[ReportFixture.index("mai_am_kinh_phi")] == 100_000_000)
    }

    /// The first data row is never taken for a tier of names, even when a cell of it reads
    /// like an indicator (a note "Sáng kiến" under an unknown column).
    @Test func aDataRowIsNotASecondTier() {
        let text = "Đơn vị;Ghi chú;sang_kien\nA;Sáng kiến;3\nB;;4\n"
        let units = ReportFixture.units(ReportFixture.parse(text).0)
        #expect(units.map(\.name) == ["A", "B"])
    }

    /// A money column in millions (or thousands) is read into đồng: read as đồng, the report
    /// would state "1.680 đồng" for 1,68 tỷ.
    @Test func moneyInMillionsIsReadInDong() {
        let text = "Đơn vị;Giá trị làm lợi (triệu đồng);Kinh phí Mái ấm Công đoàn (nghìn đồng)\nA;1.250;40.000\nB;310,5;2,5\nC;0,0000001;1\n"
        let (outcomes, diagnostics) = ReportFixture.parse(text)
        let units = ReportFixture.units(outcomes)
        #expect(units.map { $0.values[ReportFixture.index("gia_tri_lam_loi")] } == [1_250_000_000, 310_500_000])
        #expect(units.map { $0.values[ReportFixture.index("mai_am_kinh_phi")] } == [40_000_000, 2_500])
        // Below a đồng, or past four decimals: refused at the cell.
        #expect(diagnostics.contains { $0.severity == .error && $0.position?.line == 4 }, "\(diagnostics)")
    }

    /// Sub-header words beside names of their own in one tier: "Chỉ tiêu | Thực hiện | Tỷ lệ
    /// (%)" under one title, "Số nhà | Kinh phí" under another.
    @Test func aTierMixingSubHeaderWordsAndNamesIsRead() {
        let text = "STT;Đơn vị;Phát triển đoàn viên;;;Mái ấm Công đoàn;\n;;Chỉ tiêu;Thực hiện;Tỷ lệ (%);Số nhà;Kinh phí\n1;A;100;90;90,0;2;50000000\n"
        let (outcomes, diagnostics) = ReportFixture.parse(text)
        let unit = ReportFixture.units(outcomes).first
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        #expect(unit?.values[ReportFixture.index("doan_vien_moi")] == 90)
        #expect(unit?.targets[ReportFixture.index("doan_vien_moi")] == 100)
        #expect(unit?.values[ReportFixture.index("mai_am_so_nha")] == 2)
        #expect(unit?.values[ReportFixture.index("mai_am_kinh_phi")] == 50_000_000)
    }

    /// A named row without any figure is a unit that sent nothing, in a CSV as in a sheet.
    @Test func aRowWithoutFiguresIsNotAReport() {
        let (outcomes, _) = ReportFixture.parse("don_vi;nhom;doan_vien_moi\nA;K1;10\nB;K1;\n")
        #expect(ReportFixture.units(outcomes).map(\.name) == ["A"])
    }

    /// The unit in square brackets or after a dash, as forms write it too.
    @Test func unitsInOtherBracketsAreRead() {
        let (outcomes, diagnostics) = ReportFixture.parse("Đơn vị;Giá trị làm lợi [triệu đồng];Sáng kiến - sáng kiến\nA;1,5;3\n")
        let unit = ReportFixture.units(outcomes).first
        #expect(unit?.values[ReportFixture.index("gia_tri_lam_loi")] == 1_500_000, "\(diagnostics)")
        #expect(unit?.values[ReportFixture.index("sang_kien")] == 3)
    }

    /// A file's own total that differs from its rows is said (rows missing, twice or mistyped);
    /// one that agrees is not. The report adds up the unit rows either way.
    @Test func aStatedTotalIsComparedWithTheRows() {
        let wrong = Self.header + "A;K1;10;1;1\nB;K1;20;2;1\nTổng cộng;;99;3;2\n"
        let (outcomes, diagnostics) = ReportFixture.parse(wrong)
        #expect(ReportFixture.units(outcomes).count == 2)
        #expect(diagnostics.filter { $0.message.contains("các dòng đơn vị phía trên cộng lại 30") }.count == 1, "\(diagnostics)")
        let right = Self.header + "I;Khối 1;;;\nA;;10;1;1\nB;;20;2;1\nCộng Khối 1;;30;3;2\nTổng cộng;;30;3;2\n"
        #expect(!ReportFixture.parse(right).1.contains { $0.message.contains("cộng lại") })
    }
}
