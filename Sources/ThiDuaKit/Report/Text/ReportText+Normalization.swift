import Foundation

/// Text helpers of the report module, tuned for 100,000-row files: unit names
/// are folded to byte keys for identity and compared without Foundation.
/// Number grouping goes through the shared `VietnameseNumber`.
enum ReportText {
    /// Unicode NFC, the form every stored and compared text is in.
    static func nfc(_ s: String) -> String {
        // Foundation's normalization costs microseconds per call; 100,000-row files call this
        // for every name, and almost all are already NFC.
        if isSurelyNFC(s) { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is one that is NFC on its own and cannot combine with a
    /// neighbour: ASCII, the Latin blocks below U+0300 and Latin Extended Additional
    /// (U+1E00–U+1EFF, where precomposed Vietnamese lives). Anything else takes the slow path.
    static func isSurelyNFC(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0.value < 0x0300 || (0x1E00...0x1EFF).contains($0.value) }
    }

    /// True when `normalizedName` would return the string unchanged: surely NFC, no
    /// invisible or special white-space characters, single inner spaces, no outer spaces.
    private static func isCleanName(_ s: String) -> Bool {
        var previousSpace = true
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v == 0x20 {
                if previousSpace { return false }
                previousSpace = true
                continue
            }
            previousSpace = false
            if v < 0x20 || (0x7F...0xA0).contains(v) || v == 0xAD { return false }
            if v < 0x0300 || (0x1E00...0x1EFF).contains(v) { continue }
            return false
        }
        return !previousSpace || s.isEmpty
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

    /// A name as it should be displayed: NFC, invisible characters removed, every run of
    /// white space (including no-break spaces) made one space, trimmed.
    static func normalizedName(_ s: String) -> String {
        if isCleanName(s) { return s }
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if isInvisible(scalar) { continue }
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
        return nfc(String(scalars))
    }

    /// The form two names are compared in to decide they are the same unit or header:
    /// normalized, lower-cased, with the Icelandic Ð/ð that legacy converters substitute
    /// for Đ/đ mapped back.
    static func folded(_ s: String) -> String {
        foldedNormalized(normalizedName(s))
    }

    /// `folded` for a string already passed through `normalizedName`.
    static func foldedNormalized(_ s: String) -> String {
        String(decoding: foldedBytes(normalized: s), as: UTF8.self)
    }

    /// The folded form as UTF-8 bytes, for dictionary keys. Swift hashes and compares
    /// non-ASCII `String`s under canonical equivalence, normalizing as it goes, which makes
    /// each lookup cost microseconds; these strings are already NFC, so their bytes can be
    /// compared as they are.
    static func key(_ s: String) -> FoldedKey {
        FoldedKey(foldedBytes(normalized: normalizedName(s)))
    }

    /// Lower-cases Latin text through a table, byte by byte: String.lowercased() costs
    /// microseconds, and identifying 100,000 units folds every name twice.
    static func foldedBytes(normalized s: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                bytes.append((0x41...0x5A).contains(v) ? UInt8(v + 0x20) : UInt8(v))
            } else if v == 0x00D0 || v == 0x00F0 {
                // The Icelandic Ð/ð that legacy converters substitute for Đ/đ.
                bytes += [0xC4, 0x91]
            } else if v < 0x0250 || (0x1E00...0x1EFF).contains(v) {
                let lower = lowercaseLatin[v] ?? scalar
                UTF8.encode(lower) { bytes.append($0) }
            } else {
                return Array(nfc(slowFolded(s)).utf8)
            }
        }
        return bytes
    }

    private static func slowFolded(_ s: String) -> String {
        let lower = s.lowercased()
        guard lower.unicodeScalars.contains(where: { $0.value == 0x00F0 }) else { return lower }
        return String(String.UnicodeScalarView(lower.unicodeScalars.map { $0.value == 0x00F0 ? "\u{0111}" : $0 }))
    }

    /// Single-scalar lower-case mappings of the Latin blocks (Vietnamese letters included).
    private static let lowercaseLatin: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        for value in Array(0x0080...0x024F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let mapped = Array(scalar.properties.lowercaseMapping.unicodeScalars)
            if mapped.count == 1, mapped[0] != scalar { table[UInt32(value)] = mapped[0] }
        }
        // İ lower-cases to two scalars; keep it as the letter i so the key stays one letter.
        table[0x0130] = "i"
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

/// A folded name as UTF-8 bytes, hashed in one block (hashing `[UInt8]` feeds the hasher
/// byte by byte, which dominated the cost of identifying 100,000 units).
struct FoldedKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// `group ␟ name`, the identity of a unit.
    init(group: FoldedKey, name: FoldedKey) {
        self.bytes = group.bytes + [0x1F] + name.bytes
    }

    var isEmpty: Bool { bytes.isEmpty }

    static let empty = FoldedKey([])

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (lhs: FoldedKey, rhs: FoldedKey) -> Bool {
        lhs.bytes == rhs.bytes
    }
}
