import Foundation

/// Small text helpers private to the report module.
///
/// The shared `Formatting` module (VietnameseText, VietnameseNumber) is written concurrently
/// by another part of the project; until it lands, the report code keeps its own minimal
/// copies here so that the two can be swapped later without changing behaviour.
enum ReportText {
    /// Unicode NFC, the form every stored and compared text is in.
    static func nfc(_ s: String) -> String {
        // Pure ASCII is already NFC; skipping Foundation there keeps 100,000-row files fast.
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
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

    /// A name as it should be displayed: NFC, invisible characters removed, every run of
    /// white space (including no-break spaces) made one space, trimmed.
    static func normalizedName(_ s: String) -> String {
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
        let lower = normalizedName(s).lowercased()
        guard lower.unicodeScalars.contains(where: { $0.value == 0x00F0 }) else { return lower }
        return String(String.UnicodeScalarView(lower.unicodeScalars.map { $0.value == 0x00F0 ? "\u{0111}" : $0 }))
    }

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
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return out
    }

    /// `grouped` for `Int` counts.
    static func grouped(_ n: Int) -> String {
        grouped(Int64(n))
    }
}
