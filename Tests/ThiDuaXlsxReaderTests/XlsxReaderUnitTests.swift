import Testing
@testable import ThiDuaKit
@testable import ThiDuaXlsxReader

/// The parts of the reader that need no outside tool: cell places, stored numbers, dates,
/// content sniffing, package paths.
struct XlsxReaderUnitTests {
    @Test func workbookPositionsPrintAsExcelNamesThem() {
        #expect(SourcePosition(file: "a.xlsx", sheet: "Số liệu", row: 12, column: 3).description == "a.xlsx!Số liệu!C12")
        #expect(SourcePosition(file: "a.xlsx", sheet: "T", row: 7).description == "a.xlsx!T!7:7")
        #expect(SourcePosition(file: "a.xlsx", sheet: "T").description == "a.xlsx!T")
        #expect(SourcePosition(file: "a.csv", line: 3, column: 4).description == "a.csv:3:4")
        #expect(SourcePosition.columnLetters(27) == "AA")
        #expect(SourcePosition.columnLetters(16_384) == "XFD")
    }

    @Test func storedNumbersAreReadExactlyNotAsVietnameseText() {
        // "1.5" would be refused as ambiguous text; as a stored number it is one and a half.
        let ratio = FigureRecord(line: 2, cells: [.text("A"), .number("1.5")], layout: .sheet(name: "T"))
        #expect(FigureNumber.parse(ratio[1], kind: .ratio) == .value(15_000))
        #expect(FigureNumber.parse(FigureCell.number("1234"), kind: .count) == .value(1234))
        #expect(FigureNumber.parse(FigureCell.number("1.2E+3"), kind: .count) == .value(1200))
        #expect(FigureNumber.parse(FigureCell.number("12.000000000000002"), kind: .count) == .value(12))
        // Float noise is relative to the value: what Excel stores for =0.1*3*10^9 and others.
        for (stored, value) in [("300000000.00000006", Int64(300_000_000)), ("10000000.000000002", 10_000_000),
                                ("30000000.000000004", 30_000_000), ("9999999.9999999981", 10_000_000),
                                ("112800000.00000002", 112_800_000), ("3300000.0000000005", 3_300_000)] {
            #expect(FigureNumber.parse(FigureCell.number(stored), kind: .money) == .value(value), "\(stored)")
        }
        // A real fraction is still one, large or small.
        for stored in ["300000000.5", "1234567.25", "0.5", "99999999.01"] {
            if case .value = FigureNumber.parse(FigureCell.number(stored), kind: .money) { Issue.record("\(stored) must be refused") }
        }
        #expect(FigureNumber.parse(FigureCell.text("1.234"), kind: .count) == .value(1234))
        if case .invalid(let message, _) = FigureNumber.parse(FigureCell.number("12.5"), kind: .count) {
            #expect(message.contains("phần thập phân"))
        } else { Issue.record("12.5 in a count column must be refused") }
        if case .invalid(let message, _) = FigureNumber.parse(FigureCell.number("-3"), kind: .money) {
            #expect(message.contains("số âm"))
        } else { Issue.record("a negative number must be refused") }
        if case .invalid(let message, _) = FigureNumber.parse(FigureCell.number("1E+30"), kind: .count) {
            #expect(message.contains("quá lớn"))
        } else { Issue.record("1E+30 must be too large") }
        if case .invalid(let message, _) = FigureNumber.parse(FigureCell.formulaWithoutValue, kind: .count) {
            #expect(message.contains("công thức"))
        } else { Issue.record("a formula without value must be refused") }
    }

    @Test func dateSerialsAndFormats() {
        let styles = XlsxDateStyles()
        #expect(styles.format(serial: "45658") == "01/01/2025")
        #expect(styles.format(serial: "1") == "01/01/1900")
        #expect(styles.format(serial: "61") == "01/03/1900")
        #expect(XlsxDateStyles.isDateCode("dd/mm/yyyy"))
        #expect(XlsxDateStyles.isDateCode("[$-42A]d mmmm yyyy"))
        #expect(!XlsxDateStyles.isDateCode("#,##0"))
        #expect(!XlsxDateStyles.isDateCode("0 \"ngày\""))
    }

    @Test func contentDecidesNotTheName() {
        #expect(XlsxContent.isWorkbook(prefix: Array("PK\u{3}\u{4}rest".utf8), name: "so-lieu.csv"))
        #expect(!XlsxContent.isWorkbook(prefix: Array("don_vi,so_cdcs\n".utf8), name: "so-lieu.xlsx"))
        #expect(XlsxContent.isWorkbook(prefix: Array("<html>".utf8), name: "so-lieu.xls"))
        #expect(!XlsxContent.isWorkbook(prefix: Array("<html>".utf8), name: "so-lieu.csv"))
    }

    @Test func relationshipTargetsNeverLeaveThePackage() {
        #expect(XlsxWorkbookReader.resolve("worksheets/sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
        #expect(XlsxWorkbookReader.resolve("/xl/sharedStrings.xml", from: "xl") == "xl/sharedStrings.xml")
        #expect(XlsxWorkbookReader.resolve("../../etc/passwd", from: "xl") == nil)
        #expect(XlsxWorkbookReader.resolve("./a/../b.xml", from: "xl") == "xl/b.xml")
        #expect(XlsxWorkbookReader.resolve("worksheets//sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
        #expect(XlsxWorkbookReader.resolve("xl/workbook.xml", from: "") == "xl/workbook.xml")
        #expect(XlsxWorkbookReader.resolve("..", from: "xl") == nil)
        #expect(XlsxWorkbookReader.resolve("../trang.xml", from: "xl/worksheets") == "xl/trang.xml")
        #expect(XlsxWorkbookReader.resolve("./", from: "xl") == "xl")
    }

    @Test func refusalsSayWhatTheFileIs() {
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1].map(UInt8.init) + [UInt8](repeating: 0, count: 100)
        #expect(throws: XlsxReadError.legacyExcel(file: "a.xls")) { try XlsxWorkbookReader(bytes: ole, file: "a.xls") }
        let encrypted = ole + Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(throws: XlsxReadError.encrypted(file: "a.xlsx")) { try XlsxWorkbookReader(bytes: encrypted, file: "a.xlsx") }
        #expect(throws: XlsxReadError.notAZip(file: "a.xlsx", looksLike: nil)) { try XlsxWorkbookReader(bytes: Array("abc".utf8), file: "a.xlsx") }
        let truncated = Array("PK\u{3}\u{4}".utf8) + [UInt8](repeating: 7, count: 40)
        #expect(throws: XlsxReadError.damaged(file: "a.xlsx", part: nil)) { try XlsxWorkbookReader(bytes: truncated, file: "a.xlsx") }
        #expect(XlsxReadError.encrypted(file: "a.xlsx").diagnostic.description.hasPrefix("a.xlsx: lỗi: tệp được đặt mật khẩu"))
    }

    /// A cell's text buffer keeps every byte across growth, empties per cell, and keeps
    /// its room: pieces of every size, as libxml2 hands text over.
    @Test func cellTextBufferGrowsAndEmpties() {
        var scratch = ByteScratch(capacity: 4)
        defer { scratch.release() }
        var expected: [UInt8] = []
        for size in [0, 1, 3, 17, 255, 256, 4_000, 70_000, 2] {
            let piece = (0 ..< size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ size) }
            piece.withUnsafeBufferPointer { scratch.append($0) }
            expected += piece
            #expect(Array(scratch.bytes) == expected)
        }
        scratch.removeAll()
        #expect(scratch.bytes.isEmpty)
        Array("Công đoàn".utf8).withUnsafeBufferPointer { scratch.append($0) }
        #expect(String(decoding: scratch.bytes, as: UTF8.self) == "Công đoàn")
        #expect(XlsxText.decode(scratch.bytes) == "Công đoàn")
        #expect(XlsxText.decode(Array("a_x0009_b_x005F_c".utf8)) == "a\tb_c")
        #expect(XlsxText.decode(Array("ten_xa".utf8)) == "ten_xa")
    }
}
