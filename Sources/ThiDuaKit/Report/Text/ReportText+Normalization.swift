import Foundation

/// Text helpers of the report module, tuned for 100,000-row files: unit names are
/// normalized and folded without Foundation when they are plain Latin/Vietnamese text,
/// and hashed as bytes for identity (`FoldedKey`). Number grouping goes through the
/// shared `VietnameseNumber`.
enum ReportText {
    /// Unicode NFC, the form every stored and compared text is in.
    static func nfc(_ s: String) -> String {
        // Foundation's normalization costs microseconds per call; 100,000-row files call this
        // for every name, and almost all are made only of scalars that are NFC together.
        if s.unicodeScalars.allSatisfy({ isStableNFC($0.value) }) { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// True for characters that are invisible and carry no meaning in a name
    /// (zero-width space/joiners, word joiner, BOM, soft hyphen), which Excel and web
    /// copy-paste leave behind.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return true
        default: return false
        }
    }

    /// Unicode White_Space (no-break spaces included), the same set as
    /// `Unicode.Scalar.Properties.isWhitespace` but without a property-table lookup,
    /// which dominated reading 100,000-row files.
    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// True for scalars that are in NFC on their own and never compose with a neighbour
    /// (NFC_Quick_Check = Yes and no combining class): below U+0300 (Latin-1, Latin
    /// Extended-A/B with Ơ, Ư, Đ), the precomposed Latin Extended Additional block
    /// U+1E00–U+1EFF (every other Vietnamese letter), and general punctuation. A string
    /// made only of these is already NFC.
    @inline(__always)
    static func isStableNFC(_ v: UInt32) -> Bool {
        v < 0x300 || (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
    }

    /// True when `normalizedName(s)` is `s` itself: no invisible characters, no white
    /// space but single spaces between words, and only `isStableNFC` scalars. Almost
    /// every cell of a real file passes, and then nothing is copied.
    static func isNormalizedName(_ s: String) -> Bool {
        let answer: Bool? = s.withUTF8Bytes { bytes in
            var previousSpace = true // a leading space is not normalized
            // Byte by byte: ASCII, and the two-byte (U+0080–U+02FF) and Latin Extended
            // Additional (U+1E00–U+1EFF) letters Vietnamese is written with, which are all
            // `isStableNFC`; among them only U+0085, U+00A0 (white space) and U+00AD (soft
            // hyphen) are not kept as they are. Anything else goes scalar by scalar (nil).
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte >= 0x80 {
                    if byte >= 0xC2 && byte <= 0xCB, i + 1 < count {
                        let second = bytes[i + 1]
                        if byte == 0xC2 && (second == 0x85 || second == 0xA0 || second == 0xAD) { return false }
                        previousSpace = false
                        i += 2
                        continue
                    }
                    if byte == 0xE1, i + 2 < count, bytes[i + 1] >= 0xB8 && bytes[i + 1] <= 0xBB {
                        previousSpace = false
                        i += 3
                        continue
                    }
                    return nil
                }
                if byte == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                } else {
                    if byte >= 0x09 && byte <= 0x0D { return false }
                    previousSpace = false
                }
                i += 1
            }
            return !previousSpace || count == 0
        }
        return answer ?? isNormalizedNameSlow(s)
    }

    /// `isNormalizedName` scalar by scalar, for any text: the general rule the byte-wise
    /// loop above bypasses for the common letters (tests compare the two).
    static func isNormalizedNameSlow(_ s: String) -> Bool {
        var previousSpace = true
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v == 0x20 {
                if previousSpace { return false }
                previousSpace = true
                continue
            }
            if isWhitespace(v) || isInvisible(scalar) || !isStableNFC(v) { return false }
            previousSpace = false
        }
        return !previousSpace || s.isEmpty
    }

    /// A name as it should be displayed: NFC, invisible characters removed, every run of
    /// white space (including no-break spaces) made one space, trimmed.
    static func normalizedName(_ s: String) -> String {
        if isNormalizedName(s) { return s }
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if isInvisible(scalar) { continue }
            if isWhitespace(scalar.value) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        return nfc(String(scalars))
    }

    /// The form two names are compared in to decide they are the same unit or header:
    /// normalized, lower-cased, tone marks of "oa", "oe", "uy" placed one way
    /// (`placingTones`), with the Icelandic Ð/ð that legacy converters substitute for Đ/đ
    /// mapped back.
    static func folded(_ s: String) -> String {
        let lower = placingTones(lowercased(normalizedName(s)))
        // ð (U+00F0) is C3 B0 in UTF-8; C3 is never a continuation byte.
        let hasEth = lower.withUTF8Bytes { bytes in
            bytes.indices.dropLast().contains { bytes[$0] == 0xC3 && bytes[$0 + 1] == 0xB0 }
        }
        guard hasEth else { return lower }
        return String(String.UnicodeScalarView(lower.unicodeScalars.map { $0.value == 0x00F0 ? "\u{0111}" : $0 }))
    }

    /// `String.lowercased()`, which maps each scalar through its lowercase mapping. Text of
    /// Latin letters (Vietnamese included) takes a table built once from those same
    /// mappings; anything else goes to the standard library.
    static func lowercased(_ s: String) -> String {
        let table = lowercaseTable
        var unmapped = false
        // Written straight into the string's storage (a byte array then a string was two
        // allocations per name). A mapping grows a scalar's UTF-8 by half at most (two
        // bytes to three), so 3/2 of the length is room enough.
        let lower = String(unsafeUninitializedCapacity: s.utf8.count + s.utf8.count / 2 + 4) { buffer in
            s.withUTF8Bytes { bytes in
                var count = 0
                var i = 0
                while i < bytes.count {
                    // The scalars of the table's ranges decoded from the bytes: one byte, two,
                    // or three starting E1 (U+1000–U+1FFF); any other lead is outside the table.
                    let b = bytes[i]
                    let v: UInt32
                    if b < 0x80 {
                        v = UInt32(b)
                        i += 1
                    } else if b >= 0xC2 && b <= 0xDF && i + 1 < bytes.count {
                        v = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                    } else if b == 0xE1 && i + 2 < bytes.count {
                        v = 0x1000 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        unmapped = true
                        return 0
                    }
                    let mapped: UInt32
                    if v < 0x250 {
                        mapped = table[Int(v)]
                    } else if v >= 0x1E00 && v <= 0x1EFF {
                        mapped = table[0x250 + Int(v - 0x1E00)]
                    } else {
                        mapped = 0
                    }
                    guard mapped != 0, let m = Unicode.Scalar(mapped), count + 4 <= buffer.count else {
                        unmapped = true
                        return 0
                    }
                    UTF8.encode(m) { buffer[count] = $0; count += 1 }
                }
                return count
            }
        }
        return unmapped ? s.lowercased() : lower
    }

    /// The lowercase mapping of U+0000–U+024F then U+1E00–U+1EFF, from the standard
    /// library; 0 where a mapping is not exactly one scalar (İ → i̇), so those take the slow path.
    static let lowercaseTable: [UInt32] = {
        var table: [UInt32] = []
        let ranges: [ClosedRange<UInt32>] = [0...0x24F, 0x1E00...0x1EFF]
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else {
                    table.append(0)
                    continue
                }
                let mapping = scalar.properties.lowercaseMapping.unicodeScalars
                table.append(mapping.count == 1 ? (mapping.first?.value ?? 0) : 0)
            }
        }
        return table
    }()

    /// Levenshtein distance over characters, used to suggest the header the clerk meant.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The closest candidate to `word`, if it is close enough to be a plausible typo
    /// (at most a third of the word's length, and at least 2 edits allowed).
    static func nearest(_ word: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let d = editDistance(word, candidate)
            if best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(2, word.count / 3)
        return distance <= allowed ? candidate : nil
    }

    /// An integer with "." between thousands, as Vietnamese documents write it ("1.234").
    static func grouped(_ n: Int64) -> String {
        VietnameseNumber.integer(n)
    }

    /// `grouped` for `Int` counts.
    static func grouped(_ n: Int) -> String {
        grouped(Int64(n))
    }
}
