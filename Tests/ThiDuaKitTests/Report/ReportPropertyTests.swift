import PropertyBased
import Testing
@testable import ThiDuaKit

@Suite struct ReportPropertyTests {
    /// Pieces cells are made of: separators, quotes, line breaks, multi-byte Vietnamese.
    static let alphabet = ["a", "Đ", "ệ", "ư", " ", ";", ",", "\"", "\n", "\r\n", "\r", "\t", "1", ".", "ẫ", "Z"]

    static func quoteIfNeeded(_ s: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character and would hide a lone "\n".
        guard s.unicodeScalars.contains(where: { ";,\t\"\r\n".unicodeScalars.contains($0) }) else { return s }
        var out = "\""
        for ch in s { out += ch == "\"" ? "\"\"" : String(ch) }
        return out + "\""
    }

    /// The streaming reader returns the table that was written, whatever the dialect details
    /// (quotes, separators and line breaks inside cells, CRLF or LF) and wherever the chunk
    /// boundaries fall, even inside a UTF-8 sequence or between CR and LF.
    @Test func readerGivesTheSameRecordsWhateverTheChunks() async {
        await propertyCheck(
            count: 300,
            input: Gen.int(in: 2...4),
            Gen.int(in: 0...15).array(of: 0...5).array(of: 1...24),
            Gen.int(in: 0...2000).array(of: 0...12),
            Gen.bool()
        ) { columns, cellPieces, cuts, crlf in
            let cells = cellPieces.map { $0.map { Self.alphabet[$0] }.joined() }
            let rowCount = max(1, cells.count / columns)
            let table = (0..<rowCount).map { r in
                (0..<columns).map { c in r * columns + c < cells.count ? cells[r * columns + c] : "" }
            }
            let text = "\u{FEFF}" + table.map { $0.map(Self.quoteIfNeeded).joined(separator: ";") }
                .joined(separator: crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "")
            let bytes = Array(text.utf8)
            let (whole, wholeDiagnostics) = ReportFixture.records(bytes, splitAt: [])
            let (chunked, chunkedDiagnostics) = ReportFixture.records(bytes, splitAt: cuts.map { $0 % (bytes.count + 1) })
            #expect(whole.map(\.fields) == table)
            #expect(chunked == whole)
            #expect(chunkedDiagnostics == wholeDiagnostics)
            #expect(wholeDiagnostics.isEmpty)
        }
    }

    /// A generated unit: group, số CĐCS, CĐCS phát động, đoàn viên mới, chỉ tiêu (−1 = empty cell).
    struct Row: Sendable, CustomStringConvertible {
        var group, cdcs, launched, members, target: Int
        var description: String { "(\(group), \(cdcs), \(launched), \(members), \(target))" }
    }

    static let rows = zip(Gen.int(in: 0...4), Gen.int(in: -1...300), Gen.int(in: -1...300),
                          Gen.int(in: -1...300), Gen.int(in: -1...300))
        .map { (t: (Int, Int, Int, Int, Int)) in Row(group: t.0, cdcs: t.1, launched: t.2, members: t.3, target: t.4) }
        .array(of: 0...40)

    static func csv(_ rows: [Row], indices: [Int]) -> String {
        func cell(_ v: Int) -> String { v < 0 ? "" : ReportText.grouped(v) }
        var text = "don_vi;Khối;so_cdcs;cdcs_phat_dong;doan_vien_moi;chi_tieu_doan_vien_moi\n"
        for i in indices {
            let row = rows[i]
            let launched = row.cdcs >= 0 && row.launched > row.cdcs ? row.cdcs : row.launched
            text += "Đơn vị \(i);Cụm \(row.group);\(cell(row.cdcs));\(cell(launched));\(cell(row.members));\(cell(row.target))\n"
        }
        return text
    }

    /// Group totals add up to the grand total for every indicator and every count.
    @Test func groupTotalsAddUpToTheGrandTotal() async {
        await propertyCheck(count: 150, input: Self.rows) { rows in
            let r = ReportFixture.aggregate([("t.csv", Self.csv(rows, indices: Array(rows.indices)))])
            #expect(!r.diagnostics.hasErrors)
            let s = r.statistics
            #expect(s.groups.reduce(0) { $0 + $1.units.count } == s.unitCount)
            for (k, overall) in s.totals.enumerated() {
                let parts = s.groups.map { $0.totals[k] }
                #expect(parts.reduce(0) { $0 + $1.total } == overall.total)
                #expect(parts.reduce(0) { $0 + $1.reportingUnits } == overall.reportingUnits)
                #expect(parts.reduce(0) { $0 + ($1.denominatorTotal ?? 0) } == (overall.denominatorTotal ?? 0))
                #expect(parts.reduce(0) { $0 + $1.unitsWithOwnTarget } == overall.unitsWithOwnTarget)
                #expect(parts.reduce(0) { $0 + $1.unitsReachingOwnTarget } == overall.unitsReachingOwnTarget)
                #expect(parts.reduce(0) { $0 + ($1.target ?? 0) } == (overall.target ?? 0))
            }
            var direct: Int64 = 0
            for row in rows where row.members >= 0 { direct += Int64(row.members) }
            #expect(s.totals(for: "doan_vien_moi")?.total == direct)
        }
    }

    /// Merging the same units split over several files gives the same result in any file order.
    @Test func mergingFilesInAnyOrderGivesTheSameResult() async {
        await propertyCheck(count: 100, input: Self.rows, Gen.int(in: 1...4), Gen<[Int]>.shuffled([0, 1, 2, 3])) { rows, fileCount, order in
            let files = (0..<fileCount).map { f in
                (label: "tep-\(f).csv", text: Self.csv(rows, indices: rows.indices.filter { $0 % fileCount == f }))
            }
            let baseline = ReportFixture.aggregate(files)
            let permuted = order.filter { $0 < fileCount }.map { files[$0] }
            let other = ReportFixture.aggregate(permuted)
            let a = baseline.statistics, b = other.statistics
            #expect(a.totals == b.totals)
            #expect(a.groups.map(\.name) == b.groups.map(\.name))
            #expect(a.groups.map(\.totals) == b.groups.map(\.totals))
            #expect(a.orderedUnits.map(a.name(ofUnit:)) == b.orderedUnits.map(b.name(ofUnit:)))
            #expect(a.top(3, by: "doan_vien_moi").map(\.name) == b.top(3, by: "doan_vien_moi").map(\.name))
            #expect(baseline.reconciliation.rowsRead == other.reconciliation.rowsRead)
            #expect(baseline.reconciliation.unitsUsed == other.reconciliation.unitsUsed)
            #expect(Set(baseline.reconciliation.skipped) == Set(other.reconciliation.skipped))
            #expect(Set(baseline.diagnostics) == Set(other.diagnostics))
        }
    }
}
