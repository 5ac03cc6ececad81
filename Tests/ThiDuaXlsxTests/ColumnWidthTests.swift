import Testing
@testable import ThiDuaXlsx

@Suite("Column width helper")
struct ColumnWidthTests {
    @Test("a Vietnamese letter with combining marks counts as one character")
    func graphemeClusters() {
        let composed = "Liên đoàn Lao động tỉnh Bến Tre"
        let decomposed = "Lie\u{0302}n đoa\u{0300}n Lao đo\u{0302}\u{0323}ng ti\u{0309}nh Be\u{0302}\u{0301}n Tre"
        #expect(composed.count == decomposed.count)
        #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count)
        #expect(XlsxColumnWidth.width(for: composed) == XlsxColumnWidth.width(for: decomposed))
        // Same length as the ASCII spelling.
        #expect(XlsxColumnWidth.width(for: "Thực hiện") == XlsxColumnWidth.width(for: "Thuc hien"))
    }

    @Test("longer text is wider, bold is wider than regular")
    func ordering() {
        #expect(XlsxColumnWidth.width(for: "Công đoàn cơ sở Trường THPT") > XlsxColumnWidth.width(for: "Công đoàn cơ sở"))
        #expect(XlsxColumnWidth.width(for: "Phát triển đoàn viên", bold: true) > XlsxColumnWidth.width(for: "Phát triển đoàn viên"))
    }

    @Test("results are clamped to sensible bounds")
    func clamped() {
        #expect(XlsxColumnWidth.width(for: "") == XlsxColumnWidth.minimum)
        #expect(XlsxColumnWidth.width(for: "1") == XlsxColumnWidth.minimum)
        #expect(XlsxColumnWidth.width(for: String(repeating: "ư", count: 500)) == XlsxColumnWidth.maximum)
        let twenty = XlsxColumnWidth.width(for: String(repeating: "a", count: 20))
        #expect(twenty >= 20 && twenty <= 24)
    }

    @Test("multi-line text is measured by its longest line")
    func multiline() {
        #expect(XlsxColumnWidth.width(for: "ngắn\nmột dòng dài hơn hẳn") == XlsxColumnWidth.width(for: "một dòng dài hơn hẳn"))
    }

    @Test("East Asian wide characters count double")
    func wide() {
        #expect(XlsxColumnWidth.width(for: "工会工会工会") > XlsxColumnWidth.width(for: "abcdef"))
    }

    @Test("the fast scalar path measures exactly like grapheme-cluster iteration")
    func fastPathAgrees() throws {
        let samples = [
            "Liên đoàn Lao động tỉnh Bến Tre", "CÔNG ĐOÀN NGÀNH GIÁO DỤC", "Thực hiện\n% đạt",
            "Lie\u{0302}n đoa\u{0300}n ti\u{0309}nh", "Số: 13/KH-LĐLĐ (2025)", "", "a\r\nbc", "Ẫ ẫ Ự ự Đ đ",
        ]
        for sample in samples {
            let fast = try #require(XlsxColumnWidth.fastUnits(of: sample), "\(sample)")
            #expect(fast == XlsxColumnWidth.slowUnits(of: sample), "\(sample)")
        }
        #expect(XlsxColumnWidth.fastUnits(of: "工会") == nil)
        #expect(XlsxColumnWidth.fastUnits(of: "👍🏽") == nil)
    }
}
