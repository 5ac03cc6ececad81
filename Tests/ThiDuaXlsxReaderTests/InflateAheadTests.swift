import Foundation
import Testing
import ThiDuaKit
import ThiDuaXlsx
import ThiDuaXlsxReader

/// A large part is inflated on a thread of its own while it is parsed; whether a part is
/// read that way or inflated by the parsing thread, the reading is the same: the same rows,
/// findings, limits met at the same bytes, damage found at the same place.
@Suite("Inflating a part ahead of its parse")
struct InflateAheadTests {
    /// A workbook of an instructions sheet (passed over) and a figures sheet of `rows` rows.
    static func workbook(rows: Int, instructions: Int = 40) throws -> [UInt8] {
        try WrittenWorkbook.bytes { book in
            let notes = try book.addWorksheet(named: "Hướng dẫn")
            for row in 0..<instructions { try notes.writeString("Điền số liệu vào trang Số liệu, dòng \(row)", row: row, column: 0) }
            let sheet = try book.addWorksheet(named: "Số liệu")
            for (column, header) in ["Đơn vị", "Khối", "gia_tri_lam_loi", "doan_vien_moi"].enumerated() {
                try sheet.writeString(header, row: 0, column: column)
            }
            for row in 1...rows {
                try sheet.writeString("Đơn vị \(row)", row: row, column: 0)
                try sheet.writeString("Khối \(row % 7)", row: row, column: 1)
                try sheet.write(.integer(Int64(row * 37 % 10_007)), row: row, column: 2)
                try sheet.write(.integer(Int64(row % 11)), row: row, column: 3)
            }
        }
    }

    /// What a report reads from `bytes`: every diagnostic and the totals.
    static func reading(_ bytes: [UInt8], ahead: Bool, limits: XlsxReadLimits = .standard) -> [String] {
        var limits = limits
        limits.inflateAheadBytes = ahead ? 0 : .max
        let source = FigureSource(label: "t.xlsx", tables: XlsxFigureSource(bytes: bytes, file: "t.xlsx", limits: limits))
        let result = ReportAggregator.aggregate(ReportInputs(sources: [source]))
        return result.diagnostics.map(\.description)
            + result.statistics.totals.map { "\($0.key) \($0.total) \($0.reportingUnits)" }
            + ["\(result.reconciliation)"]
    }

    @Test func aWholeWorkbookReadsTheSame() throws {
        let bytes = try Self.workbook(rows: 3_000)
        let inflatedHere = Self.reading(bytes, ahead: false)
        #expect(inflatedHere.contains { $0.hasPrefix("gia_tri_lam_loi ") && !$0.hasSuffix(" 0") })
        #expect(Self.reading(bytes, ahead: true) == inflatedHere)
    }

    @Test func aLimitIsMetAtTheSameBytes() throws {
        let bytes = try Self.workbook(rows: 3_000)
        var limits = XlsxReadLimits()
        limits.maxPartBytes = 150_000
        let inflatedHere = Self.reading(bytes, ahead: false, limits: limits)
        #expect(inflatedHere.contains { $0.contains("lỗi") }, "\(inflatedHere.prefix(3))")
        #expect(Self.reading(bytes, ahead: true, limits: limits) == inflatedHere)
    }

    /// A big instructions sheet is given up after 30 rows: the chunks inflated ahead of it
    /// and never parsed must not count towards the workbook's total, or a limit near it
    /// would refuse the workbook in one run and accept it in another.
    @Test func chunksNeverParsedCountForNothing() throws {
        let bytes = try Self.workbook(rows: 3_000, instructions: 30_000)
        for step in 1...32 {
            var limits = XlsxReadLimits()
            limits.maxTotalBytes = Int64(step) * 96 * 1_024
            Self.expectSameReading(bytes, limits: limits, "\(limits.maxTotalBytes) bytes in all")
        }
    }

    static func expectSameReading(_ bytes: [UInt8], limits: XlsxReadLimits, _ what: String,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        let inflatedHere = reading(bytes, ahead: false, limits: limits)
        let ahead = reading(bytes, ahead: true, limits: limits)
        #expect(ahead == inflatedHere, "\(what): \(ahead.first ?? "") / \(inflatedHere.first ?? "")", sourceLocation: sourceLocation)
    }

    @Test func aWorkbookOfTooManyEntriesIsRefusedOnce() throws {
        var limits = XlsxReadLimits()
        limits.maxEntries = 2
        #expect(throws: XlsxReadError.self) { try XlsxWorkbookReader(bytes: try Self.workbook(rows: 3), file: "t.xlsx", limits: limits) }
    }

    @Test func damageIsFoundAtTheSamePlace() throws {
        let whole = try Self.workbook(rows: 3_000)
        // Bytes flipped at several places of the file: inside the big sheet's data, most of them.
        for fraction in [0.3, 0.5, 0.7] {
            var bytes = whole
            let at = Int(Double(bytes.count) * fraction)
            for offset in 0..<16 { bytes[at + offset] ^= 0x5A }
            let inflatedHere = Self.reading(bytes, ahead: false)
            #expect(inflatedHere.contains { $0.contains("lỗi") }, "\(fraction)")
            #expect(Self.reading(bytes, ahead: true) == inflatedHere, "\(fraction)")
        }
    }
}
