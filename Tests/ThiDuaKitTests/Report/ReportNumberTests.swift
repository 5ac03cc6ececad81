import Testing
@testable import ThiDuaKit

@Suite struct ReportNumberTests {
    private func value(_ s: String, _ kind: Indicator.Kind = .count) -> Int64? {
        if case .value(let v) = FigureNumber.parse(s, kind: kind) { return v }
        return nil
    }

    private func problem(_ s: String, _ kind: Indicator.Kind = .count) -> (message: String, hint: String)? {
        if case .invalid(let m, let h) = FigureNumber.parse(s, kind: kind) { return (m, h) }
        return nil
    }

    @Test func plainAndVietnameseIntegers() {
        #expect(value("1234") == 1234)
        #expect(value("1.234.567") == 1_234_567)
        #expect(value("0") == 0)
        #expect(value("007") == 7)
        #expect(value("  42 ") == 42)
        #expect(value("1 234") == 1234)
        #expect(value("1\u{00A0}234\u{00A0}567") == 1_234_567)
        #expect(value("\u{200B}12\u{FEFF}") == 12)
        #expect(value("13.800.000.000", .money) == 13_800_000_000)
    }

    @Test func emptyIsNoFigureNotZero() {
        #expect(FigureNumber.parse("", kind: .count) == .empty)
        #expect(FigureNumber.parse("   ", kind: .money) == .empty)
        #expect(FigureNumber.parse("0", kind: .count) == .value(0))
    }

    @Test func decimalCommaOnlyForRatios() {
        #expect(value("12,5", .ratio) == 125_000)
        #expect(value("1.234,5", .ratio) == 12_345_000)
        #expect(value("0,0001", .ratio) == 1)
        #expect(value("98", .ratio) == 980_000)
        let count = problem("12,5", .count)
        #expect(count?.message.contains("số đếm phải là số nguyên") == true)
        let money = problem("1,5", .money)
        #expect(money?.message.contains("đồng") == true)
        #expect(problem("12,34567", .ratio)?.message.contains("4 chữ số thập phân") == true)
    }

    @Test func unitWordsAreRejectedWithTheFix() {
        let p = problem("1.234 người")
        #expect(p?.hint == "bỏ đơn vị 'người', chỉ ghi số 1.234")
        #expect(problem("500.000 đồng", .money)?.hint.contains("bỏ đơn vị 'đồng'") == true)
        #expect(problem("98,5%", .ratio)?.hint.contains("bỏ '%'") == true)
        #expect(problem("13,8 tỷ", .money)?.hint.contains("13.800.000.000") == true)
        #expect(problem("abc")?.message.contains("không phải là số") == true)
    }

    @Test func negativesDashesAndSigns() {
        #expect(problem("-5")?.message.contains("số âm") == true)
        #expect(problem("\u{2212}5")?.message.contains("số âm") == true)
        #expect(problem("-")?.hint.contains("để trống") == true)
        #expect(problem("+5")?.hint.contains("bỏ dấu '+'") == true)
    }

    @Test func ambiguousSeparatorsAreRefused() {
        #expect(problem("1.5")?.message.contains("không rõ") == true)
        #expect(problem("1.5", .ratio)?.message.contains("số thập phân hay số hàng nghìn") == true)
        #expect(problem("0.125", .ratio) != nil)
        #expect(problem("12.50", .ratio) != nil)
        #expect(problem("1234.567") != nil)
        #expect(problem("1,234,567")?.message.contains("tiếng Anh") == true)
        #expect(problem("1,234.5", .ratio)?.message.contains("tiếng Anh") == true)
        #expect(problem("1..234") != nil)
        #expect(problem("1.") != nil)
        #expect(value(",5", .ratio) == 5_000)
    }

    @Test func excelScientificAndOverflow() {
        #expect(problem("1,23457E+11", .money)?.message.contains("khoa học") == true)
        #expect(problem("1.23E+11", .money)?.message.contains("khoa học") == true)
        #expect(problem("99999999999999999999")?.message.contains("quá lớn") == true)
        #expect(problem("999999999999999999", .ratio)?.message.contains("quá lớn") == true)
        #expect(value("9.223.372.036.854.775.807") == Int64.max)
    }
}
