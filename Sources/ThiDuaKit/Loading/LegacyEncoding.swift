import Foundation

/// The legacy 8-bit Vietnamese encodings still found in old files.
public enum LegacyEncoding: String, Sendable, CaseIterable {
    case tcvn3 = "TCVN3 (ABC)"
    case vni = "VNI"
    case windows1258 = "Windows-1258"

    /// The name clerks know it by (as Unikey lists it).
    public var name: String { rawValue }

    /// What to tell the clerk.
    public var howToConvert: String {
        switch self {
        case .tcvn3, .vni:
            return "chuyển sang Unicode bằng Unikey (Công cụ chuyển mã: nguồn \(rawValue), đích Unicode) rồi lưu dạng UTF-8"
        case .windows1258:
            return "mở bằng trình soạn thảo, chọn bảng mã Windows-1258 rồi lưu lại dạng UTF-8 (ví dụ: iconv -f CP1258 -t UTF-8)"
        }
    }

    /// The encoding the bytes most likely use, or nil when none fits.
    ///
    /// Byte statistics alone cannot tell these apart (all three put
    /// Vietnamese letters in 0x80–0xFF, and so does Latin-1 French), so each
    /// candidate decodes the bytes and the words with non-ASCII letters are
    /// checked against the shape of Vietnamese syllables (onset, vowel
    /// nucleus, final consonant, at most one tone). The encoding under which
    /// most such words are real syllables wins, if at least 60% are.
    public static func guess(_ bytes: ArraySlice<UInt8>) -> LegacyEncoding? {
        var best: (encoding: LegacyEncoding, share: Double)?
        for encoding in [LegacyEncoding.windows1258, .vni, .tcvn3] {
            let text = encoding.decode(bytes)
            guard let share = VietnameseSyllable.validShare(of: text), share >= 0.6 else { continue }
            if best == nil || share > (best?.share ?? 0) { best = (encoding, share) }
        }
        return best?.encoding
    }

    /// The bytes read in this encoding (unknown bytes become U+FFFD), NFC.
    func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        switch self {
        case .windows1258:
            for byte in bytes { scalars.append(Self.cp1258(byte)) }
        case .tcvn3:
            for byte in bytes {
                scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : (Self.tcvn3Letters[byte] ?? "\u{FFFD}"))
            }
        case .vni:
            Self.decodeVNI(bytes, into: &scalars)
        }
        return VietnameseText.nfc(String(scalars))
    }

    // MARK: Tables

    /// Windows-1258 is Latin-1 but for these bytes; tones are combining marks.
    private static func cp1258(_ byte: UInt8) -> Unicode.Scalar {
        switch byte {
        case 0xC3: return "Ă"
        case 0xCC: return "\u{0300}"
        case 0xD0: return "Đ"
        case 0xD2: return "\u{0309}"
        case 0xD5: return "Ơ"
        case 0xDD: return "Ư"
        case 0xDE: return "\u{0303}"
        case 0xE3: return "ă"
        case 0xEC: return "\u{0301}"
        case 0xF0: return "đ"
        case 0xF2: return "\u{0323}"
        case 0xF5: return "ơ"
        case 0xFD: return "ư"
        case 0x80...0x9F: return "\u{FFFD}"  // Windows punctuation; never in a syllable
        default: return Unicode.Scalar(byte)
        }
    }

    /// TCVN 5712:1993 VN3 ("ABC"): precomposed lowercase letters and seven capitals.
    private static let tcvn3Letters: [UInt8: Unicode.Scalar] = {
        let letters: [(UInt8, Unicode.Scalar)] = [
            (0xA1, "Ă"), (0xA2, "Â"), (0xA3, "Ê"), (0xA4, "Ô"), (0xA5, "Ơ"), (0xA6, "Ư"), (0xA7, "Đ"),
            (0xA8, "ă"), (0xA9, "â"), (0xAA, "ê"), (0xAB, "ô"), (0xAC, "ơ"), (0xAD, "ư"), (0xAE, "đ"),
            (0xB5, "à"), (0xB6, "ả"), (0xB7, "ã"), (0xB8, "á"), (0xB9, "ạ"),
            (0xBB, "ằ"), (0xBC, "ẳ"), (0xBD, "ẵ"), (0xBE, "ắ"), (0xC6, "ặ"),
            (0xC7, "ầ"), (0xC8, "ẩ"), (0xC9, "ẫ"), (0xCA, "ấ"), (0xCB, "ậ"),
            (0xCC, "è"), (0xCE, "ẻ"), (0xCF, "ẽ"), (0xD0, "é"), (0xD1, "ẹ"),
            (0xD2, "ề"), (0xD3, "ể"), (0xD4, "ễ"), (0xD5, "ế"), (0xD6, "ệ"),
            (0xD7, "ì"), (0xD8, "ỉ"), (0xDC, "ĩ"), (0xDD, "í"), (0xDE, "ị"),
            (0xDF, "ò"), (0xE1, "ỏ"), (0xE2, "õ"), (0xE3, "ó"), (0xE4, "ọ"),
            (0xE5, "ồ"), (0xE6, "ổ"), (0xE7, "ỗ"), (0xE8, "ố"), (0xE9, "ộ"),
            (0xEA, "ờ"), (0xEB, "ở"), (0xEC, "ỡ"), (0xED, "ớ"), (0xEE, "ợ"),
            (0xEF, "ù"), (0xF1, "ủ"), (0xF2, "ũ"), (0xF3, "ú"), (0xF4, "ụ"),
            (0xF5, "ừ"), (0xF6, "ử"), (0xF7, "ữ"), (0xF8, "ứ"), (0xF9, "ự"),
            (0xFA, "ỳ"), (0xFB, "ỷ"), (0xFC, "ỹ"), (0xFD, "ý"), (0xFE, "ỵ"),
        ]
        return Dictionary(uniqueKeysWithValues: letters)
    }()

    /// VNI writes a letter and then a mark byte: tone, circumflex + tone or
    /// breve + tone (lowercase marks 0xE0–0xFC, capital ones 0xC0–0xDC).
    private static let vniMarks: [UInt8: [Unicode.Scalar]] = {
        let tones: [Unicode.Scalar] = ["\u{0301}", "\u{0300}", "\u{0309}", "\u{0303}", "\u{0323}"]
        var table: [UInt8: [Unicode.Scalar]] = [:]
        for (lower, tone) in zip([0xF9, 0xF8, 0xFB, 0xF5, 0xEF] as [UInt8], tones) {
            table[lower] = [tone]
            table[lower - 0x20] = [tone]
        }
        for (lower, tone) in zip([0xE1, 0xE0, 0xE5, 0xE3, 0xE4] as [UInt8], tones) {
            table[lower] = ["\u{0302}", tone]
            table[lower - 0x20] = ["\u{0302}", tone]
        }
        for (lower, tone) in zip([0xE9, 0xE8, 0xFA, 0xFC, 0xEB] as [UInt8], tones) {
            table[lower] = ["\u{0306}", tone]
            table[lower - 0x20] = ["\u{0306}", tone]
        }
        table[0xE2] = ["\u{0302}"]
        table[0xC2] = ["\u{0302}"]
        table[0xEA] = ["\u{0306}"]
        table[0xCA] = ["\u{0306}"]
        return table
    }()

    /// Letters that VNI writes as one byte: đ, ơ, ư and i with a tone.
    private static let vniLetters: [UInt8: Unicode.Scalar] = [
        0xF1: "đ", 0xD1: "Đ", 0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư",
        0xED: "í", 0xEC: "ì", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị",
        0xCD: "Í", 0xCC: "Ì", 0xC6: "Ỉ", 0xD3: "Ĩ", 0xD2: "Ị",
    ]

    private static func decodeVNI(_ bytes: ArraySlice<UInt8>, into scalars: inout String.UnicodeScalarView) {
        var previousIsVowel = false
        for byte in bytes {
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
                previousIsVowel = "aeiouyAEIOUY".utf8.contains(byte)
            } else if previousIsVowel, let marks = vniMarks[byte] {
                scalars.append(contentsOf: marks)
                previousIsVowel = false
            } else if let letter = vniLetters[byte] {
                scalars.append(letter)
                // ơ and ư take their tone mark from the next byte.
                previousIsVowel = "ơƠưƯ".unicodeScalars.contains(letter)
            } else {
                scalars.append("\u{FFFD}")
                previousIsVowel = false
            }
        }
    }
}

/// The shape of a Vietnamese syllable, used only to recognise encodings.
enum VietnameseSyllable {
    static let onsets = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
                         "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""]
    static let codas = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""]
    static let nuclei: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi",
        "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
        "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
    ]
    /// Each toned vowel (à, ấ, ự …) → the same vowel without its tone.
    static let toneless: [Character: Character] = {
        let tones = ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]
        var table: [Character: Character] = [:]
        for vowel in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for tone in tones {
                let toned = (vowel + tone).precomposedStringWithCanonicalMapping
                if let key = toned.first, let base = vowel.first { table[key] = base }
            }
        }
        return table
    }()

    /// Enough words to judge an encoding; a big file need not be read whole.
    static let sampleSize = 200

    /// Among the words that have a non-ASCII letter, the share that are
    /// Vietnamese syllables; nil when there is no such word.
    static func validShare(of text: String) -> Double? {
        var candidates = 0, valid = 0
        for word in text.split(whereSeparator: { !$0.isLetter && $0 != "\u{FFFD}" }) where !word.allSatisfy(\.isASCII) {
            candidates += 1
            if isSyllable(word) { valid += 1 }
            if candidates == sampleSize { break }
        }
        return candidates == 0 ? nil : Double(valid) / Double(candidates)
    }

    static func isSyllable(_ word: Substring) -> Bool {
        guard word.count <= 8 else { return false }
        var toneCount = 0
        var letters = ""
        for character in word.lowercased() {
            if let base = toneless[character] {
                toneCount += 1
                letters.append(base)
            } else {
                letters.append(character)
            }
        }
        return toneCount <= 1 && shapes.contains(letters)
    }

    /// Every onset + nucleus + coda, without tones (about 14,000 strings):
    /// one set lookup per word instead of trying each split.
    static let shapes: Set<String> = {
        var all = Set<String>()
        for onset in onsets {
            for nucleus in nuclei {
                for coda in codas { all.insert(onset + nucleus + coda) }
            }
        }
        return all
    }()
}
