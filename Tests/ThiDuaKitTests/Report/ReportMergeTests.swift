import Foundation
import Testing
import BenchSupport
@testable import ThiDuaKit

@Suite struct ReportMergeTests {
    @Test func sameUnitInNFCAndNFDIsOneUnitAndTheSecondRowIsReported() throws {
        let nfc = "Đơn vị;Khối;so_cdcs\nCông đoàn Trường Tiểu học Kim Đồng;Khối Giáo dục;12\n"
        let nfd = ("Đơn vị;Khối;so_cdcs\nB;Khối Giáo dục;1\n  công đoàn trường tiểu học kim đồng ;KHỐI GIÁO DỤC;15\n").decomposedStringWithCanonicalMapping
        let r = ReportFixture.aggregate([("huyen-a.csv", nfc), ("huyen-b.csv", nfd)])
        #expect(r.statistics.unitCount == 2)
        #expect(r.statistics.totals(for: "so_cdcs")?.total == 13)
        let d = try #require(r.diagnostics.first { $0.message.contains("có hai dòng") })
        #expect(d.severity == .error)
        #expect(d.message.contains("huyen-a.csv:2:1"))
        #expect(d.message.contains("huyen-b.csv:3:1"))
        #expect(r.reconciliation.skipped == [SkippedRow(position: SourcePosition(file: "huyen-b.csv", line: 3),
                                                        reason: .duplicateUnit(firstAt: SourcePosition(file: "huyen-a.csv", line: 2, column: 1)))])
    }

    @Test func identicalDuplicateIsOnlyAWarning() {
        let text = "don_vi;so_cdcs\nA;1\nA;1\n"
        let r = ReportFixture.aggregate([("t.csv", text)])
        #expect(!r.diagnostics.hasErrors)
        #expect(r.diagnostics.count == 1)
        #expect(r.statistics.totals(for: "so_cdcs")?.total == 1)
        #expect(r.reconciliation.skipped.count == 1)
    }

    @Test func sameNameInDifferentGroupsIsTwoUnits() {
        let text = "don_vi;huyen;so_cdcs\nTrường Tiểu học Kim Đồng;Ba Tri;1\nTrường Tiểu học Kim Đồng;Châu Thành;2\n"
        let r = ReportFixture.aggregate([("t.csv", text)])
        #expect(r.diagnostics.isEmpty)
        #expect(r.statistics.unitCount == 2)
        #expect(r.statistics.groups.map(\.name) == ["Ba Tri", "Châu Thành"])
    }

    @Test func groupSpellingsMergeCaseInsensitively() {
        let r = ReportFixture.aggregate([("a.csv", "don_vi;khoi;so_cdcs\nA;Khối Doanh nghiệp;1\n"),
                                         ("b.csv", "don_vi;khoi;so_cdcs\nB;KHỐI DOANH  NGHIỆP;2\n")])
        #expect(r.statistics.groups.map(\.name) == ["Khối Doanh nghiệp"])
        #expect(r.statistics.groups[0].totals(for: "so_cdcs")?.total == 3)
    }

    @Test func unitsWithoutGroupComeLast() {
        let r = ReportFixture.aggregate([("a.csv", "don_vi;khoi;so_cdcs\nA;;1\nB;Khối Z;2\nC;Cụm 1;3\n")])
        #expect(r.statistics.groups.map(\.name) == ["Cụm 1", "Khối Z", ""])
    }

    @Test func expectedListFindsMissingAndUnexpectedUnits() throws {
        let expected = [
            ExpectedUnit(name: "Công đoàn Xã Ân Thi", group: "Cụm 2"),
            ExpectedUnit(name: "Công đoàn Xã An Phú", group: "Cụm 1"),
            ExpectedUnit(name: "Công đoàn Xã Bình Minh", group: "Cụm 1"),
            ExpectedUnit(name: "Công đoàn Xã Đông Hòa", group: "Cụm 2"),
        ]
        let text = """
            don_vi;nhom;so_cdcs
            Công đoàn Xã An Phú;Cụm 1;1
            Công đoàn Xã Ân Thi;Cụm 3;2
            Công đoàn Xã Binh Minh;Cụm 1;3
            Công đoàn Xã Hòa Lạc;Cụm 1;4

            """
        let r = ReportFixture.aggregate([("t.csv", text)], expected: expected)
        let s = r.statistics
        #expect(s.missingUnits.map(\.name) == ["Công đoàn Xã Bình Minh", "Công đoàn Xã Đông Hòa"])
        #expect(s.unexpectedUnits.map(s.name(ofUnit:)) == ["Công đoàn Xã Binh Minh", "Công đoàn Xã Hòa Lạc"])
        // The list's group and order win: Cụm 2 (Ân Thi) first, as on the list.
        #expect(s.groups.map(\.name) == ["Cụm 2", "Cụm 1"])
        #expect(s.groups[1].units.map(s.name(ofUnit:)) == ["Công đoàn Xã An Phú", "Công đoàn Xã Binh Minh", "Công đoàn Xã Hòa Lạc"])
        let typo = try #require(r.diagnostics.first { $0.message.contains("Binh Minh") })
        #expect(typo.hint?.contains("Công đoàn Xã Bình Minh") == true)
        #expect(r.diagnostics.contains { $0.message.contains("nhóm 'Cụm 3'") })
        #expect(r.diagnostics.contains { $0.message.hasPrefix("2 đơn vị") && $0.message.contains("chưa gửi số liệu") })
        #expect(!r.diagnostics.hasErrors)
        #expect(s.totals(for: "so_cdcs")?.total == 10)
    }

    /// Units that sent nothing are named in Vietnamese order, not in the list file's.
    @Test func missingUnitsAreListedInVietnameseOrder() {
        let expected = ["Công ty Ươm tơ", "Đài Phát thanh", "Công ty Dầu khí", "Bảo hiểm xã hội", "Công ty Cổ phần A"]
            .map { ExpectedUnit(name: $0, group: nil) }
        let r = ReportFixture.aggregate([("t.csv", "don_vi;so_cdcs\nCông ty Cổ phần A;1\n")], expected: expected)
        #expect(r.statistics.missingUnits.map(\.name) == ["Bảo hiểm xã hội", "Công ty Dầu khí", "Công ty Ươm tơ", "Đài Phát thanh"])
    }

    @Test func summaryLine() {
        let account = Reconciliation(
            filesRead: 3, rowsRead: 1234, unitsUsed: 1230,
            skipped: [
                SkippedRow(position: SourcePosition(file: "a", line: 2), reason: .raggedRow(expected: 5, found: 4)),
                SkippedRow(position: SourcePosition(file: "a", line: 3), reason: .duplicateUnit(firstAt: SourcePosition(file: "a", line: 1))),
                SkippedRow(position: SourcePosition(file: "b", line: 3), reason: .duplicateUnit(firstAt: SourcePosition(file: "a", line: 1))),
                SkippedRow(position: SourcePosition(file: "c", line: 9), reason: .invalidFigures(count: 2)),
            ])
        #expect(account.isBalanced)
        #expect(account.summary == "đọc 1.234 dòng từ 3 tệp; tổng hợp 1.230 đơn vị; bỏ qua 4: 2 dòng trùng đơn vị, 1 dòng có số liệu sai, 1 dòng sai số ô")
        #expect(Reconciliation(filesRead: 1, rowsRead: 2, unitsUsed: 2).summary == "đọc 2 dòng từ 1 tệp; tổng hợp 2 đơn vị; không bỏ qua dòng nào")
        #expect(account.summary(formatCount: { "<\($0)>" }).hasPrefix("đọc <1234> dòng"))
    }

    /// Three files of 1.500 rows with faults planted at known rows: every row must be either
    /// used or skipped with the right reason.
    @Test func thousandsOfRowsWithKnownFaultsReconcile() {
        var files: [(label: String, text: String)] = []
        var expected: [String: Int] = [:]
        var expectedUsed = 0
        var expectedRows = 0
        var firstNames: [String] = []
        for f in 0..<3 {
            var text = "STT;Đơn vị;Khối;so_cdcs;cdcs_phat_dong;sang_kien;gia_tri_lam_loi\r\n"
            for r in 0..<1500 {
                let n = f * 1500 + r
                var name = "Công đoàn cơ sở số \(n)"
                var cells = ["\(r + 1)", name, "Cụm \(n % 7)", "\(n % 50 + 10)", "\(n % 10)", "\(n % 13)", "\(n * 1000)"]
                expectedRows += 1
                if r % 250 == 3 { text += "\r\n;;;;;;\r\n" } // blank rows, not counted
                if n % 101 == 7 {
                    cells.append("thừa")
                    expected["sai số ô", default: 0] += 1
                } else if n % 103 == 11 {
                    cells[5] = "\(n % 13) sáng kiến"
                    expected["có số liệu sai", default: 0] += 1
                } else if n % 109 == 17 {
                    cells[1] = "  "
                    expected["thiếu tên đơn vị", default: 0] += 1
                } else if n % 113 == 19 {
                    cells[4] = "\(n % 50 + 11)"
                    expected["có số liệu sai", default: 0] += 1
                } else if f > 0 && n % 97 == 23 {
                    // A unit of file 1 sent again in NFD (same group), by another body.
                    let k = firstNames.count > r ? r : 0
                    name = firstNames[k].decomposedStringWithCanonicalMapping
                    cells[1] = name
                    cells[2] = "Cụm \(k % 7)"
                    expected["trùng đơn vị", default: 0] += 1
                } else {
                    expectedUsed += 1
                }
                if f == 0 { firstNames.append(name) }
                text += cells.joined(separator: ";") + "\r\n"
            }
            if f == 2 {
                text += "\"Công đoàn chưa đóng ngoặc;1;1;1;1;1\r\n"
                expectedRows += 1
                expected["lỗi dấu ngoặc kép", default: 0] += 1
            }
            files.append(("cum-\(f + 1).csv", text))
        }
        let r = ReportFixture.aggregate(files)
        let account = r.reconciliation
        #expect(account.filesRead == 3)
        #expect(account.rowsRead == expectedRows)
        #expect(account.unitsUsed == expectedUsed)
        #expect(account.isBalanced)
        #expect(account.blankRows == 18)
        #expect(r.statistics.unitCount == expectedUsed)
        let byCategory = Dictionary(uniqueKeysWithValues: account.skippedByCategory.map { ($0.category, $0.count) })
        #expect(byCategory == expected)
        #expect(account.summary.hasPrefix("đọc 4.501 dòng từ 3 tệp; tổng hợp \(ReportText.grouped(expectedUsed)) đơn vị; bỏ qua \(account.skipped.count): "))
        // Every skipped row has an error or warning at its line.
        for row in account.skipped {
            #expect(r.diagnostics.contains { $0.position?.file == row.position.file && $0.position?.line == row.position.line },
                    "no diagnostic for \(row.position)")
        }
    }

    @Test func duplicateEntryInTheExpectedList() {
        let r = ReportFixture.aggregate([("t.csv", "don_vi;so_cdcs\nA;1\n")],
                                        expected: [ExpectedUnit(name: "A"), ExpectedUnit(name: " a ")])
        #expect(r.diagnostics.contains { $0.message.contains("ghi hai lần trong danh sách") })
        #expect(r.statistics.missingUnits.isEmpty)
    }

    @Test func manyUnexpectedUnitsAreSummarised() {
        var text = "don_vi;so_cdcs\n"
        for k in 0..<60 { text += "Đơn vị \(k);1\n" }
        let r = ReportFixture.aggregate([("t.csv", text)], expected: [ExpectedUnit(name: "Đơn vị 0")])
        #expect(r.statistics.unexpectedUnits.count == 59)
        #expect(r.diagnostics.filter { $0.message.hasPrefix("đơn vị 'Đơn vị") }.count == 50)
        #expect(r.diagnostics.contains { $0.message.hasPrefix("và 9 đơn vị khác") })
    }

    @Test func theSameFileTwiceIsAccountedForWithoutAFloodOfMessages() {
        let text = ReportBenchmark.syntheticCSV(units: 600, groups: 3, indicators: .default, seed: 5)
        let r = ReportFixture.aggregate([("a.csv", text), ("a-ban-sao.csv", text)])
        #expect(r.reconciliation.rowsRead == 1200)
        #expect(r.reconciliation.unitsUsed == 600)
        #expect(r.reconciliation.isBalanced)
        #expect(r.diagnostics.filter { $0.message.contains("có hai dòng") }.count == ReportAccumulator.diagnosticLimit)
        #expect(r.diagnostics.contains { $0.message.hasPrefix("còn 100 đơn vị trùng khác") })
    }

    @Test func aSystematicMistakeIsListedUpToTheLimit() {
        var text = "don_vi;so_cdcs\n"
        for k in 0..<700 { text += "Đơn vị \(k);\(k) CĐCS\n" }
        let r = ReportFixture.aggregate([("t.csv", text)])
        #expect(r.reconciliation.skipped.count == 700)
        #expect(r.diagnostics.count == FigureFileParser.rowFindingsPerKind + 1)
        #expect(r.diagnostics.last?.message.hasPrefix("còn 600 ô số liệu sai khác trong tệp không liệt kê (đến dòng 701)") == true)
    }
}
