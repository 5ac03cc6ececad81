import Testing
import BenchSupport
@testable import ThiDuaKit

/// The checks that read a string's UTF-8 bytes by position (every cell of a sheet goes
/// through them) give exactly what the scalar-wise rules give.
@Suite struct ByteScanFastPathTests {
    /// The literal parser as it was written over `Substring.UTF8View`.
    static func referenceDecimal(_ literal: String) -> (Int64, Int, Bool, Bool)? {
        var mantissa: Int64 = 0, significant = 0, exponent = 0
        var negative = false, droppedNonZero = false, sawDigit = false, sawDot = false
        var bytes = literal.utf8[...]
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        while let byte = bytes.first {
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
                let digit = Int64(byte - 0x30)
                if significant < 18 {
                    if mantissa > 0 || digit > 0 { significant += 1 }
                    mantissa = mantissa * 10 + digit
                    if sawDot { exponent -= 1 }
                } else {
                    if digit != 0 { droppedNonZero = true }
                    if !sawDot { exponent += 1 }
                }
            } else if byte == UInt8(ascii: "."), !sawDot {
                sawDot = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { return nil }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var sign = 1
            if bytes.first == UInt8(ascii: "-") { sign = -1; bytes = bytes.dropFirst() }
            else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard !bytes.isEmpty, bytes.count <= 5, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            exponent += sign * bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            bytes = bytes[bytes.endIndex...]
        }
        guard bytes.isEmpty else { return nil }
        return (mantissa, exponent, negative, droppedNonZero)
    }

    @Test func storedLiteralsParseAsBefore() {
        var random = SplitMix64(seed: 21)
        let alphabet: [String] = ["0", "1", "5", "9", "0", "7", ".", "-", "+", "e", "E", "x", " ", "đ", "1234567890"]
        var literals = ["", "-", "+", ".", "0", "-0", "1.5E-3", "1E+308", "12345678901234567890123", "1e00001", "1e123456", "1e", "1e-", "--1", "1.2.3"]
        for _ in 0 ..< 30_000 {
            let n = Int(random.next() % 12)
            literals.append((0 ..< n).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined())
        }
        for literal in literals {
            let parsed = StoredDecimal(literal)
            let reference = Self.referenceDecimal(literal)
            #expect((parsed == nil) == (reference == nil), "\(literal)")
            if let parsed, let reference {
                #expect(parsed.mantissa == reference.0 && parsed.exponent == reference.1
                        && parsed.isNegative == reference.2 && parsed.droppedNonZero == reference.3, "\(literal)")
            }
        }
    }

    /// Texts with every scalar the byte checks treat apart, among letters and spaces.
    static func texts() -> [String] {
        var texts = ReportFastPathTests.generated(20_000, seed: 22) + ReportFastPathTests.pieces
        let special = Array(UInt32(0) ... 0x2FF) + Array(UInt32(0x1E00) ... 0x1EFF) + Array(UInt32(0x2000) ... 0x206F)
            + [0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F642, 0x10FFFF, 0x0300, 0x0323]
        for v in special {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let c = String(scalar)
            texts += [c, "Trường " + c + "b", c + " ", "Công" + c + c]
        }
        return texts
    }

    @Test func nameChecksMatchTheScalarRule() {
        for text in Self.texts() {
            let expected = text.unicodeScalars.contains(where: InputText.isControlOrOverride)
            let problem = FigureRules.nameProblem(text, what: "tên")
            #expect((problem?.message.contains("ký tự điều khiển") ?? false) == expected, "\(Array(text.unicodeScalars))")
        }
        let long = String(repeating: "ằ", count: WorkbookLimits.maximumNameLength)
        #expect(FigureRules.nameProblem(long, what: "tên") == nil)
        #expect(FigureRules.nameProblem(long + "a", what: "tên") != nil)
        // Four UTF-8 bytes, two UTF-16 units: counted in UTF-16, as Excel counts.
        let emoji = String(repeating: "🙂", count: WorkbookLimits.maximumNameLength / 2)
        #expect(FigureRules.nameProblem(emoji, what: "tên") == nil)
        #expect(FigureRules.nameProblem(emoji + "🙂", what: "tên") != nil)
    }

    @Test func foldedKeysAreNFCAndCompareByBytes() {
        let texts = Self.texts()
        for text in texts {
            let key = FoldedKey(text)
            #expect(key.text.unicodeScalars.elementsEqual(ReportText.nfc(text).unicodeScalars), "\(Array(text.unicodeScalars))")
        }
        // Equal exactly when canonically equivalent, for NFD and NFC spellings alike.
        var random = SplitMix64(seed: 23)
        for _ in 0 ..< 5_000 {
            let a = texts[Int(random.next() % UInt64(texts.count))], b = texts[Int(random.next() % UInt64(texts.count))]
            #expect((FoldedKey(a) == FoldedKey(b)) == (a == b), "\(Array(a.unicodeScalars)) \(Array(b.unicodeScalars))")
        }
        #expect(FoldedKey("Co\u{0302}ng") == FoldedKey("Công"))
        #expect(FoldedKey("Co\u{0302}\u{0301}ng") == FoldedKey("Cống"))
    }

    @Test func sameBytesIsByteEquality() {
        #expect("Công".hasSameBytes(as: "Công"))
        #expect(!"Công".hasSameBytes(as: "Co\u{0302}\u{0301}ng"))
        #expect("".hasSameBytes(as: ""))
        #expect(!"a".hasSameBytes(as: ""))
        let long = String(repeating: "tệp-số-liệu/", count: 20)
        #expect(long.hasSameBytes(as: String(long.unicodeScalars)))
        #expect(!long.hasSameBytes(as: long + "x"))
    }

    @Test func foldingMapsEthWherever() {
        #expect(ReportText.folded("Ðoàn ð") == "đoàn đ")
        #expect(ReportText.folded("Công đoàn") == "công đoàn")
        #expect(ReportText.folded("ðð") == "đđ")
        // U+00C3 U+00B0 ("Ã°") is not an ð: its bytes are C3 83 C2 B0.
        #expect(ReportText.folded("Ã°") == "ã°")
    }

    /// `trimmed` keeps a text as it is only when the general path would give it back unchanged.
    @Test func plainlyTrimmedTextIsWhatTrimmingGives() {
        for text in Self.texts() {
            var view = String.UnicodeScalarView(text.unicodeScalars.filter { !ReportText.isInvisible($0) })
            while let first = view.first, ReportText.isWhitespace(first.value) { view.removeFirst() }
            while let last = view.last, ReportText.isWhitespace(last.value) { view.removeLast() }
            let reference = String(view)
            #expect(FigureNumber.trimmed(text).unicodeScalars.elementsEqual(reference.unicodeScalars), "\(Array(text.unicodeScalars))")
            if FigureNumber.isPlainlyTrimmed(text) { #expect(text.unicodeScalars.elementsEqual(reference.unicodeScalars)) }
        }
    }

    @Test func lowercasingFromBytesMatchesTheStandardLibrary() {
        for text in Self.texts() {
            #expect(ReportText.lowercased(text).unicodeScalars.elementsEqual(text.lowercased().unicodeScalars), "\(Array(text.unicodeScalars))")
        }
    }

    /// Only a name whose folded form starts with "cộng" or "tổng" can be a total row; the
    /// byte test lets every such name through (and "Công đoàn", "Trường" not).
    @Test func totalRowsAreFoldedWhenTheyCanBeOne() {
        var names = Self.texts().map(ReportText.normalizedName)
        for start in ["Cộng", "cộng", "CỘNG", "Tổng", "tổng", "TỔNG", "Co\u{0323}\u{0302}ng", "To\u{0302}\u{0309}ng", "Công", "Trường", "Tông",
                      "Tong", "cong", "Toàn", "TOÀN"] {
            names += [start, start + " khối 1", start + " cộng", start + "x", "* " + start, "II. " + start, "a) " + start, "1. " + start]
                .map(ReportText.normalizedName)
        }
        for name in names {
            // Any label `TotalRowLabel.kind` accepts must pass the byte test.
            if TotalRowLabel.kind(of: name) != nil || { () -> Bool in
                let core = TotalRowLabel.core(ReportText.folded(name))
                return core.hasPrefix("cộng") || core.hasPrefix("tổng") || core.hasPrefix("toàn") || core.hasPrefix("tong") || core.hasPrefix("cong")
            }() {
                #expect(TotalRowLabel.mayBeLabel(name), "\(Array(name.unicodeScalars))")
            }
        }
        #expect(!TotalRowLabel.mayBeLabel("Công đoàn cơ sở"))
        #expect(!TotalRowLabel.mayBeLabel("Trường THCS"))
        #expect(TotalRowLabel.mayBeLabel(ReportText.normalizedName("To\u{0302}\u{0309}ng co\u{0323}\u{0302}ng")))
    }
}
