import Foundation
import Testing
import BenchSupport
@testable import ThiDuaKit

/// The shortcuts taken for speed with 100,000-unit files must give exactly what the
/// general code gives: each is checked here against that code, exhaustively where the
/// input space is small and on generated text otherwise.
@Suite struct ReportFastPathTests {
    /// The original `normalizedName`: Foundation NFC after cleaning, for every string.
    static func referenceNormalizedName(_ s: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if ReportText.isInvisible(scalar) { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Pieces that exercise every branch: Vietnamese in NFC and NFD, capitals, Đ/ð,
    /// every kind of space, invisible characters, combining marks, other scripts.
    static let pieces = [
        "Công", "đoàn", "ĐOÀN", "Trường", "THCS", "Ánh", "Dương", "Ư", "Ơ", "ở", "Ẩ", "Ệ", "ð", "Ð",
        "Co\u{0302}\u{0301}ng", "e\u{0301}", "\u{0301}", "İ", "ß", "ẞ", "Σ", "東京", "한국", "🙂",
        " ", "  ", "\u{00A0}", "\u{2007}", "\u{202F}", "\t", "\n", "\u{3000}", "\u{200B}", "\u{00AD}",
        "\u{FEFF}", "-", "–", ";", ",", "\"", "(", ")", "1", "2025", "x", "Y", "",
    ]

    static func generated(_ count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let n = Int(random.next() % 8)
            return (0..<n).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test func whitespaceMatchesTheUnicodeProperty() {
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            #expect(ReportText.isWhitespace(v) == scalar.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
    }

    @Test func stableScalarsAreNFCAloneAndTogether() {
        var stable: [Unicode.Scalar] = []
        for v in UInt32(0)...0x2FFF where ReportText.isStableNFC(v) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            stable.append(scalar)
            let text = String(scalar)
            #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars), "U+\(String(v, radix: 16))")
        }
        // A stable scalar never composes with the next one.
        var random = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let a = stable[Int(random.next() % UInt64(stable.count))], b = stable[Int(random.next() % UInt64(stable.count))]
            var text = String.UnicodeScalarView()
            text.append(a)
            text.append(b)
            let s = String(text)
            #expect(s.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(s.unicodeScalars))
        }
    }

    @Test func normalizedNameMatchesTheGeneralCode() {
        for s in Self.generated(20_000, seed: 1) + Self.pieces {
            let fast = ReportText.normalizedName(s)
            let reference = Self.referenceNormalizedName(s)
            #expect(fast.unicodeScalars.elementsEqual(reference.unicodeScalars), "\(Array(s.unicodeScalars))")
            if ReportText.isNormalizedName(s) { #expect(s.unicodeScalars.elementsEqual(reference.unicodeScalars)) }
        }
    }

    /// The byte-wise loop of `isNormalizedName` against the scalar-wise rule, on every
    /// scalar it reads by bytes (U+0080–U+02FF, U+1E00–U+1EFF) alone, between letters and
    /// next to spaces, and on generated text.
    @Test func byteWiseNormalizedCheckMatchesTheScalarRule() {
        var texts = Self.generated(20_000, seed: 3) + Self.pieces
        for v in Array(UInt32(0x80)...0x2FF) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let c = String(scalar)
            texts += [c, "a" + c + "b", c + " ", " " + c, "Công " + c, c + c]
        }
        for s in texts {
            #expect(ReportText.isNormalizedName(s) == ReportText.isNormalizedNameSlow(s), "\(Array(s.unicodeScalars))")
        }
    }

    @Test func lowercasedMatchesTheStandardLibrary() {
        for v in Array(UInt32(0)...0x24F) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(scalar)
            #expect(ReportText.lowercased(s).unicodeScalars.elementsEqual(s.lowercased().unicodeScalars), "U+\(String(v, radix: 16))")
        }
        for s in Self.generated(20_000, seed: 2) {
            #expect(ReportText.lowercased(s).unicodeScalars.elementsEqual(s.lowercased().unicodeScalars))
        }
    }

    @Test func plainNumbersMatchTheFullRules() {
        var random = SplitMix64(seed: 3)
        let alphabet: [Character] = ["0", "1", "5", "9", ".", ".", ",", " ", "-", "+", "a", "%", "\u{00A0}"]
        var cells = ["", "0", "00", "007", "0.500", "1.234", "1.234.567", "12.34", "1.", ".5", "1..000", "999999999999999999",
                     "9999999999999999999", "99999999999999", "999999999999999", "1.000.000.000.000.000.000"]
        for _ in 0..<30_000 {
            let n = 1 + Int(random.next() % 12)
            cells.append(String((0..<n).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
        }
        for cell in cells {
            for kind in [Indicator.Kind.count, .money, .ratio] {
                #expect(FigureNumber.parse(cell, kind: kind) == FigureNumber.parseFully(cell, kind: kind), "'\(cell)' \(kind)")
            }
        }
    }

    @Test func trimmedAndBlankMatchTheGeneralCode() {
        for s in Self.generated(5_000, seed: 4) {
            let reference = String(String.UnicodeScalarView(s.unicodeScalars.filter { !ReportText.isInvisible($0) }))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(FigureNumber.trimmed(s) == reference)
        }
    }

    @Test func fastDecompositionMatchesFoundation() {
        for v in Array(UInt32(0)...0x24F) + Array(UInt32(0x1E00)...0x1EFF) + Array(UInt32(0x2002)...0x206F) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(scalar)
            #expect(CollationKeyBuilder.fastDecomposition(s) == Array(s.decomposedStringWithCanonicalMapping.unicodeScalars))
        }
        for s in Self.generated(10_000, seed: 5) {
            if let fast = CollationKeyBuilder.fastDecomposition(s) {
                #expect(fast == Array(s.decomposedStringWithCanonicalMapping.unicodeScalars), "\(Array(s.unicodeScalars))")
            }
        }
    }

    @Test func tablePrimaryKeysMatchTheGeneralCode() {
        func both(_ s: String) -> (table: [UInt8], general: [UInt8]) {
            var table: [UInt8] = [9], general: [UInt8] = [9]
            CollationKeyBuilder.appendPrimary(of: s, to: &table)
            CollationKeyBuilder.appendGeneralPrimary(of: s, to: &general)
            return (table, general)
        }
        var scalars: [Unicode.Scalar] = []
        for v in Array(UInt32(0)...0x2FF) + Array(UInt32(0x1DF0)...0x1F10) + [0x2013, 0x20AB, 0xFEFF, 0x1F600] {
            guard let scalar = Unicode.Scalar(v) else { continue }
            scalars.append(scalar)
            let (table, general) = both(String(scalar))
            #expect(table == general, "U+\(String(v, radix: 16))")
        }
        // Combining marks after a table letter (NFD text, a breve making ă) take the general path.
        for s in ["a\u{0306}n", "Đo\u{0302}\u{0301}ng", "CĐCS đơn vị số 50", "Tổ 7 – Xưởng", "x\u{0323}"] {
            let (table, general) = both(s)
            #expect(table == general, "\(Array(s.unicodeScalars))")
        }
        var random = SplitMix64(seed: 8)
        for s in Self.generated(10_000, seed: 9) {
            let (table, general) = both(s)
            #expect(table == general, "\(Array(s.unicodeScalars))")
            var mixed = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 6) { mixed.append(scalars[Int(random.next() % UInt64(scalars.count))]) }
            let (mixedTable, mixedGeneral) = both(String(mixed))
            #expect(mixedTable == mixedGeneral, "\(Array(mixed))")
        }
    }

    @Test func foldedKeysMatchLikeStrings() {
        let texts = Self.generated(3_000, seed: 6).map(ReportText.folded)
        for (a, b) in zip(texts, texts.shuffled()) {
            #expect((FoldedKey(a) == FoldedKey(b)) == (a == b))
        }
        // NFD and NFC spellings are one key.
        #expect(FoldedKey("co\u{0302}\u{0301}ng") == FoldedKey("cống"))
        #expect(FoldedKey("co\u{0302}\u{0301}ng").hashValue == FoldedKey("cống").hashValue)
        #expect(FoldedKey("co\u{0302}\u{0301}ng") != FoldedKey("công"))
        // İ folds as the standard library lower-cases it (i + U+0307), so its precomposed
        // and decomposed spellings stay one unit.
        #expect(FoldedKey(ReportText.folded("İnci")) == FoldedKey(ReportText.folded("I\u{0307}nci")))
        #expect(FoldedKey(ReportText.folded("İnci")) == FoldedKey(ReportText.folded("i\u{0307}nci")))
    }

    /// A key whose hashes always collide, to exercise `HashIndex`'s second table.
    struct Colliding: Hashable {
        var text: String
        func hash(into hasher: inout Hasher) { hasher.combine(0) }
    }

    @Test func hashIndexFindsEveryKeyDespiteCollisions() {
        let keys = (0..<200).map { Colliding(text: "đơn vị \($0)") }
        var index = HashIndex<Colliding>()
        for (i, key) in keys.enumerated() {
            #expect(index.insertIfAbsent(key, Int32(i)) { keys[Int($0)] } == nil)
        }
        for (i, key) in keys.enumerated() {
            #expect(index.find(key) { keys[Int($0)] } == Int32(i))
            #expect(index.insertIfAbsent(key, 999) { keys[Int($0)] } == Int32(i))
        }
        #expect(index.find(Colliding(text: "khác")) { keys[Int($0)] } == nil)
    }

    @Test func nameTableRoundTrips() {
        var table = NameTable()
        let names = Self.generated(2_000, seed: 8)
        for name in names { table.append(name) }
        table.compact()
        #expect(table.count == names.count)
        for (i, name) in names.enumerated() { #expect(table[i].utf8.elementsEqual(name.utf8)) }
    }

    @Test func duplicateUnitsAreFoundAfterCompacting() {
        var accumulator = ReportAccumulator(indicators: .default)
        func row(_ name: String, _ group: String?) -> UnitFigures {
            UnitFigures(name: name, group: group, values: [], targets: [], position: SourcePosition(file: "a.csv", line: 2))
        }
        #expect(accumulator.add(row("Công ty A", "Khối 1")) == nil)
        accumulator.compact()
        #expect(accumulator.add(row("CÔNG TY A", "khối 1")) != nil)
        #expect(accumulator.add(row("Công ty A", "Khối 2")) == nil)
        #expect(accumulator.unitCount == 2)
    }

    @Test func topUnitsMatchAFullSort() {
        var random = SplitMix64(seed: 11)
        for trial in 0..<20 {
            let units = 50 + trial * 7
            var lines = ["don_vi;nhom;so_cdcs;cdcs_phat_dong;gia_tri_lam_loi"]
            for u in 0..<units {
                let n = Int(random.next() % 5) + 1
                lines.append("Đơn vị \(Int(random.next() % 1000)) số \(u);Khối \(u % 3);\(n);\(Int(random.next() % UInt64(n + 1)));\(Int(random.next() % 4) * 1000)")
            }
            let s = ReportFixture.aggregate([("t.csv", lines.joined(separator: "\n"))]).statistics
            for key in ["gia_tri_lam_loi", "ty_le_cdcs_phat_dong"] {
                for n in [1, 3, 10, units + 5] {
                    for group in [nil, "Khối 1"] as [String?] {
                        let candidates = group.map { s.group(named: $0)?.units ?? [] } ?? Array(0..<s.unitCount)
                        let isRatio = key.hasPrefix("ty_le")
                        let entries: [(Int, Int64, ExactRatio?)] = candidates.compactMap { u in
                            if isRatio { return s.ratio(ofUnit: u, key: key).map { (u, $0.numerator, $0) } }
                            return s.value(ofUnit: u, key: key).map { (u, $0, nil) }
                        }
                        for descending in [true, false] {
                            let sorted = entries.sorted { a, b in
                                if isRatio, let ra = a.2, let rb = b.2, ra != rb { return descending ? ra > rb : ra < rb }
                                if !isRatio && a.1 != b.1 { return descending ? a.1 > b.1 : a.1 < b.1 }
                                return s.nameRank[a.0] < s.nameRank[b.0]
                            }
                            let expected = sorted.prefix(n).map(\.0)
                            let got = (descending ? s.top(n, by: key, inGroup: group) : s.bottom(n, by: key, inGroup: group)).map(\.unit)
                            #expect(got == expected)
                        }
                    }
                }
            }
        }
    }

    @Test func nameRanksMatchSortingFullKeys() {
        var random = SplitMix64(seed: 12)
        // Names that often share their letters and differ only in tones, case or digits.
        let stems = ["Công đoàn", "CÔNG ĐOÀN", "Cong doan", "Cống đoạn", "Trường", "truong", "Tường", "Ánh", "Anh", "anh",
                     "Đa", "Da", "Đá", "Số 10", "Số 9", "số 09", "A-B", "A B", "ab", "", "ÄB", "東京", "🙂"]
        // The last size is keyed on several cores, in parts joined in order.
        for size in (0..<30).map({ 20 + $0 * 13 }) + [StatisticsBuilder.parallelKeyNames + 3_001] {
            var table = NameTable()
            var names: [String] = []
            for _ in 0..<size {
                let n = 1 + Int(random.next() % 3)
                let name = (0..<n).map { _ in stems[Int(random.next() % UInt64(stems.count))] }.joined(separator: " ")
                names.append(name)
                table.append(name)
            }
            let keys = names.map(VietnameseCollation.sortKey)
            let expected = names.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            var rank = [Int32](repeating: 0, count: names.count)
            for (position, unit) in expected.enumerated() { rank[unit] = Int32(position) }
            #expect(StatisticsBuilder.rankByName(table) == rank)
        }
    }

    @Test func figureColumnsHoldWhatIsAppended() {
        var column = FigureColumn(repeating: -7, count: 3)
        for v in 0..<20_000 { column.append(Int64(v)) }
        #expect(column.count == 20_003)
        #expect(column[0] == -7 && column[2] == -7 && column[3] == 0 && column[20_002] == 19_999 && column[8_195] == 8_192)
        #expect(FigureColumn().isEmpty)
    }

    @Test func packedKeysCompareLikeSortKeys() {
        var packed = PackedKeys()
        let texts = Self.generated(3_000, seed: 13) + [String(repeating: "x", count: 70_000)]
        let keys = texts.map(VietnameseCollation.sortKey)
        for key in keys { packed.append(key.bytes) }
        var random = SplitMix64(seed: 14)
        for _ in 0..<20_000 {
            let a = Int(random.next() % UInt64(keys.count)), b = Int(random.next() % UInt64(keys.count))
            let c = packed.compare(a, b)
            #expect((c < 0) == (keys[a] < keys[b]) && (c == 0) == (keys[a] == keys[b]))
        }
    }

    @Test func stableWrapMatchesTheGeneralWrap() {
        var random = SplitMix64(seed: 15)
        let pieces = ["Công", "đoàn", "cơ", "sở", "Ư", "“Xanh", "-", "Sạch”", "…", "1.234.567", "a)", "12,5%", " ", "  ", "\t",
                      "\u{0085}", "\u{00A0}", "\u{00AD}", "\u{0001}", "\u{009F}", "x", String(repeating: "ằ", count: 30),
                      String(repeating: "W", count: 95), "\n"]
        for _ in 0..<20_000 {
            let n = Int(random.next() % 14)
            let text = (0..<n).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(separator: random.next() % 3 == 0 ? "" : " ")
            let width = 10 + Int(random.next() % 80)
            let indents: [(String, String)] = [("", ""), ("    ", ""), ("1.1. ", "     "), ("đ) ", "   "), ("  + ", "    ")]
            let (first, rest) = indents[Int(random.next() % UInt64(indents.count))]
            guard VietnameseText.isStableNFC(text) else { continue }
            #expect(VietnameseText.wrapStable(text, width: width, firstIndent: first, restIndent: rest)
                    == VietnameseText.wrapGeneral(text, width: width, firstIndent: first, restIndent: rest), "\(Array(text.unicodeScalars)) \(width)")
        }
    }
}
