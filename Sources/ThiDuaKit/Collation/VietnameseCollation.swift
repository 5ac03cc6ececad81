import Foundation

/// Vietnamese alphabetical order, following the CLDR `vi` standard collation.
///
/// Letters compare first (a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z,
/// case-insensitive), then tones (none, huyền, hỏi, ngã, sắc, nặng), then case (lower before
/// upper), exactly the three levels of the Unicode Collation Algorithm with the CLDR `vi`
/// tailoring `&̀<<̉<<̃<<́<<̣ &a<ă<â &d<đ &e<ê &o<ô<ơ &u<ư`. As in CLDR root, spaces and
/// punctuation sort before digits and digits before letters; digits compare one by one
/// ("10" < "9"), not as numbers.
///
/// NFC and NFD input give the same keys. Zero-width characters and soft hyphens are ignored.
/// Two strings whose keys are equal (they differ only in ignorable characters) compare equal.
public enum VietnameseCollation {
    /// The sort key of a string: compare keys instead of strings when sorting many names,
    /// because building a key is the expensive part.
    public static func sortKey(_ s: String) -> VietnameseSortKey {
        VietnameseSortKey(bytes: CollationKeyBuilder.build(s))
    }

    /// True when `a` comes strictly before `b` in Vietnamese order.
    public static func compare(_ a: String, _ b: String) -> Bool {
        sortKey(a) < sortKey(b)
    }

    /// Sorts strings in Vietnamese order, computing each key once.
    public static func sorted<S: Sequence>(_ strings: S) -> [String] where S.Element == String {
        sorted(strings, by: { $0 })
    }

    /// Sorts any elements by a name in Vietnamese order, computing each key once.
    /// The sort is stable: elements with equal keys keep their input order.
    public static func sorted<S: Sequence>(_ elements: S, by name: (S.Element) -> String) -> [S.Element] {
        let items = Array(elements)
        let keys = items.map { sortKey(name($0)) }
        let order = items.indices.sorted { lhs, rhs in
            if keys[lhs] != keys[rhs] { return keys[lhs] < keys[rhs] }
            return lhs < rhs
        }
        return order.map { items[$0] }
    }
}

/// A precomputed Vietnamese collation key; keys order exactly as their strings do.
///
/// The key is a compact byte string (about three bytes per letter), compared like `memcmp`,
/// so that holding keys for 100,000 names stays within a few megabytes.
public struct VietnameseSortKey: Hashable, Comparable, Sendable {
    /// The encoded key: primary weights, 0, secondary weights, 0, tertiary weights.
    public let bytes: [UInt8]

    /// Wraps already-encoded key bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Byte-wise lexicographic order; a key that is a prefix of another comes first.
    public static func < (lhs: VietnameseSortKey, rhs: VietnameseSortKey) -> Bool {
        lhs.bytes.withUnsafeBufferPointer { l in
            rhs.bytes.withUnsafeBufferPointer { r in
                let common = min(l.count, r.count)
                if common > 0, let lb = l.baseAddress, let rb = r.baseAddress {
                    let c = memcmp(lb, rb, common)
                    if c != 0 { return c < 0 }
                }
                return l.count < r.count
            }
        }
    }
}

/// Builds the three-level key. Kept apart from the public enum so that the tables stay private.
enum CollationKeyBuilder {
    /// One collation element: a primary encoded as bytes (its first byte tells its class and
    /// length), a secondary (tone + foreign accent) and a tertiary (case).
    private struct Element {
        var primary: Primary
        var secondary: UInt8
        var tertiary: UInt8
    }

    /// Primary weight classes. The first byte of each class orders the classes:
    /// spaces < punctuation and symbols < digits < Latin letters < other scripts.
    /// Every first byte is at least 2, so the level separator 0 sorts before anything.
    private enum Primary {
        case space
        case symbol(UInt32)
        case digit(UInt8)
        case letter(UInt8)
        case other(UInt32)

        func append(to out: inout [UInt8]) {
            switch self {
            case .space:
                out.append(0x02)
            case .symbol(let cp):
                out.append(0x03)
                append24(cp, to: &out)
            case .digit(let d):
                out.append(0x04)
                out.append(d)
            case .letter(let index):
                out.append(0x10 + index)
            case .other(let cp):
                out.append(0x40)
                append24(cp, to: &out)
            }
        }

        private func append24(_ v: UInt32, to out: inout [UInt8]) {
            out.append(UInt8(truncatingIfNeeded: v >> 16))
            out.append(UInt8(truncatingIfNeeded: v >> 8))
            out.append(UInt8(truncatingIfNeeded: v))
        }
    }

    // Letter indices in the Vietnamese alphabet extended with f j w z where CLDR root puts them.
    private static let a: UInt8 = 0, aBreve: UInt8 = 1, aCircumflex: UInt8 = 2
    private static let d: UInt8 = 5, dStroke: UInt8 = 6
    private static let e: UInt8 = 7, eCircumflex: UInt8 = 8
    private static let o: UInt8 = 18, oCircumflex: UInt8 = 19, oHorn: UInt8 = 20
    private static let u: UInt8 = 26, uHorn: UInt8 = 27

    /// Index of each ASCII lowercase letter `a`…`z` in the extended alphabet.
    private static let asciiLetterIndex: [UInt8] = [
        0,  // a
        3,  // b
        4,  // c
        5,  // d
        7,  // e
        9,  // f
        10, // g
        11, // h
        12, // i
        13, // j
        14, // k
        15, // l
        16, // m
        17, // n
        18, // o
        21, // p
        22, // q
        23, // r
        24, // s
        25, // t
        26, // u
        28, // v
        29, // w
        30, // x
        31, // y
        32, // z
    ]

    /// Secondary weights: 1 = no tone, then huyền, hỏi, ngã, sắc, nặng (CLDR vi order).
    /// Accents foreign to Vietnamese add multiples of 8 so they sort after every tone.
    private static func toneWeight(_ mark: UInt32) -> UInt8? {
        switch mark {
        case 0x0300: return 2 // huyền (grave)
        case 0x0309: return 3 // hỏi (hook above)
        case 0x0303: return 4 // ngã (tilde)
        case 0x0301: return 5 // sắc (acute)
        case 0x0323: return 6 // nặng (dot below)
        default: return nil
        }
    }

    private static func foreignAccentIndex(_ mark: UInt32) -> UInt8 {
        switch mark {
        case 0x0302: return 1  // circumflex on a letter that has no Vietnamese circumflex form
        case 0x0306: return 2  // breve
        case 0x030C: return 3  // caron
        case 0x030A: return 4  // ring
        case 0x0308: return 5  // diaeresis
        case 0x030B: return 6  // double acute
        case 0x0307: return 7  // dot above
        case 0x0304: return 8  // macron
        case 0x0327: return 9  // cedilla
        case 0x0328: return 10 // ogonek
        case 0x031B: return 11 // horn on a letter other than o, u
        case 0x0338: return 12 // stroke overlay (ø written decomposed)
        default: return 30
        }
    }

    private static func elements(of s: String) -> [Element] {
        var elements: [Element] = []
        elements.reserveCapacity(s.utf8.count)
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in s.utf8 { appendASCII(byte, to: &elements) }
        } else if let decomposed = fastDecomposition(s) {
            appendScalars(decomposed, to: &elements)
        } else {
            appendScalars(Array(s.decomposedStringWithCanonicalMapping.unicodeScalars), to: &elements)
        }
        return elements
    }

    /// The primary level of the key alone (letters, digits, symbols, without tones or
    /// case), appended to `out`. Keys whose primaries differ compare as their primaries do
    /// (byte-wise, a prefix first): every primary starts with a non-zero byte, and the full
    /// key puts a 0 right after the primaries. Only equal primaries need the full key.
    static func appendPrimary(of s: String, to out: inout [UInt8]) {
        if appendTablePrimary(of: s, to: &out) { return }
        appendGeneralPrimary(of: s, to: &out)
    }

    /// `appendPrimary` by the general code, for any text.
    static func appendGeneralPrimary(of s: String, to out: inout [UInt8]) {
        for element in elements(of: s) { element.primary.append(to: &out) }
    }

    static func build(_ s: String) -> [UInt8] {
        let elements = elements(of: s)
        var out: [UInt8] = []
        out.reserveCapacity(elements.count * 3 + 2)
        for element in elements { element.primary.append(to: &out) }
        out.append(0)
        for element in elements { out.append(element.secondary) }
        out.append(0)
        for element in elements { out.append(element.tertiary) }
        return out
    }

    private static func appendASCII(_ byte: UInt8, to elements: inout [Element]) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
            elements.append(Element(primary: .letter(asciiLetterIndex[Int(byte - UInt8(ascii: "a"))]), secondary: 1, tertiary: 1))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            elements.append(Element(primary: .letter(asciiLetterIndex[Int(byte - UInt8(ascii: "A"))]), secondary: 1, tertiary: 2))
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            elements.append(Element(primary: .digit(byte - UInt8(ascii: "0")), secondary: 1, tertiary: 1))
        case 0x09...0x0D, 0x20:
            elements.append(Element(primary: .space, secondary: 1, tertiary: 1))
        case 0x00...0x1F, 0x7F:
            break // control characters are ignorable
        default:
            elements.append(Element(primary: .symbol(symbolWeight(UInt32(byte))), secondary: 1, tertiary: 1))
        }
    }

    /// Walks NFD scalars. A base scalar opens an element; the combining marks after it are
    /// gathered first and resolved together, because canonical ordering puts the dot below
    /// (class 220) before the circumflex (class 230): "ậ" is a + ◌̣ + ◌̂.
    private static func appendScalars(_ scalars: [Unicode.Scalar], to elements: inout [Element]) {
        var i = 0
        // A mark with no base (at the start) has nothing to modify and is ignored.
        while i < scalars.count && isMark(scalars[i]) { i += 1 }
        while i < scalars.count {
            let base = scalars[i]
            var end = i + 1
            while end < scalars.count && isMark(scalars[end]) { end += 1 }
            appendBase(base, marks: scalars[(i + 1)..<end], to: &elements)
            i = end
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (0x0300...0x036F).contains(v) { return true }
        if v < 0x0300 { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func appendBase(_ base: Unicode.Scalar, marks: ArraySlice<Unicode.Scalar>, to elements: inout [Element]) {
        let value = base.value
        if value < 0x80 && marks.isEmpty {
            appendASCII(UInt8(value), to: &elements)
            return
        }
        // Zero-width characters and the soft hyphen carry no weight in CLDR.
        switch value {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
            return
        default:
            break
        }
        let props = base.properties
        let isUpper = value < 0x80 ? (0x41...0x5A).contains(value)
            : value < 0x250 ? latinUppercase[Int(value)]
            : (props.isUppercase || props.generalCategory == .titlecaseLetter)
        let tertiary: UInt8 = isUpper ? 2 : 1

        if let (letters, implicitAccent) = latinLetters(of: value) {
            var tone: UInt8 = 1
            var foreign: UInt8 = implicitAccent
            var first = letters[0]
            for markScalar in marks {
                let mark = markScalar.value
                if let modified = vietnameseModified(first, by: mark) {
                    first = modified
                } else if let t = toneWeight(mark), tone == 1 {
                    tone = t
                } else if foreign == 0 {
                    foreign = foreignAccentIndex(mark)
                }
            }
            let secondary = tone &+ 8 &* foreign
            elements.append(Element(primary: .letter(first), secondary: secondary, tertiary: tertiary))
            for extra in letters.dropFirst() {
                elements.append(Element(primary: .letter(extra), secondary: secondary, tertiary: tertiary))
            }
            return
        }
        if props.numericType == .decimal, let n = props.numericValue, n >= 0, n <= 9 {
            elements.append(Element(primary: .digit(UInt8(n)), secondary: 1, tertiary: 1))
            return
        }
        if props.isWhitespace {
            elements.append(Element(primary: .space, secondary: 1, tertiary: 1))
            return
        }
        switch props.generalCategory {
        case .control, .format:
            return
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            elements.append(Element(primary: .symbol(symbolWeight(value)), secondary: 1, tertiary: 1))
        default:
            var secondary: UInt8 = 1
            if let mark = marks.first { secondary = 1 &+ 8 &* foreignAccentIndex(mark.value) }
            elements.append(Element(primary: .other(value), secondary: secondary, tertiary: tertiary))
        }
    }

    /// The letter a Vietnamese modifier makes: a+breve → ă, a/e/o+circumflex → â ê ô,
    /// o/u+horn → ơ ư. Nil when the mark is not such a modifier for this letter.
    private static func vietnameseModified(_ letter: UInt8, by mark: UInt32) -> UInt8? {
        switch (letter, mark) {
        case (a, 0x0306): return aBreve
        case (a, 0x0302): return aCircumflex
        case (e, 0x0302): return eCircumflex
        case (o, 0x0302): return oCircumflex
        case (o, 0x031B): return oHorn
        case (u, 0x031B): return uHorn
        default: return nil
        }
    }

    /// The alphabet indices a Latin base letter (after NFD) stands for, with the foreign
    /// accent it carries implicitly (ø is o with a stroke), or nil if it is not such a letter.
    /// Letters without a decomposition are listed here so that they sort with their
    /// Vietnamese look-alikes instead of after z.
    private static func latinLetters(of value: UInt32) -> ([UInt8], UInt8)? {
        switch value {
        case 0x61...0x7A: return ([asciiLetterIndex[Int(value - 0x61)]], 0)
        case 0x41...0x5A: return ([asciiLetterIndex[Int(value - 0x41)]], 0)
        // Đ đ, and the look-alike Icelandic Ð ð that legacy converters put in place of Đ.
        case 0x0110, 0x0111, 0x00D0, 0x00F0: return ([dStroke], 0)
        case 0x00C6, 0x00E6: return ([a, e], 31)     // Æ æ
        case 0x0152, 0x0153: return ([o, e], 31)     // Œ œ
        case 0x00DF: return ([24, 24], 31)           // ß
        case 0x00D8, 0x00F8: return ([o], 12)        // Ø ø
        case 0x0141, 0x0142: return ([15], 12)       // Ł ł
        case 0x0131: return ([12], 29)               // dotless ı
        default: return nil
        }
    }
}
