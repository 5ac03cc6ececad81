extension ReportText {
    /// A lower-cased NFC name with its tone marks placed one way: Vietnamese writes an open
    /// syllable ending in "oa", "oe" or "uy" with the tone on either vowel — "Hòa"/"Hoà",
    /// "khỏe"/"khoẻ", "Thủy"/"Thuỷ", "Ủy ban"/"Uỷ ban" — and two clerks spell one unit both
    /// ways. The key puts it on the second vowel; a syllable with a final consonant
    /// ("hoàng", "thuyền") has one spelling and is left alone.
    static func placingTones(_ lower: String) -> String {
        // Nearly every name has no such pair ("Cụm 1" has a toned u, but no "y" after it):
        // looked for in the bytes before anything is copied. A toned "o" or "u" is C3 B2, B3,
        // B5, B9, BA, C5 A9 or E1 BB 8D, 8F, A5, A7; then "a", "e" or "y"; then the end, or a
        // byte that starts no letter.
        let hasPair = lower.withUTF8Bytes { bytes in
            var i = 0
            while i + 2 < bytes.count {
                let width: Int
                switch (bytes[i], bytes[i + 1]) {
                case (0xC3, 0xB2), (0xC3, 0xB3), (0xC3, 0xB5), (0xC3, 0xB9), (0xC3, 0xBA), (0xC5, 0xA9): width = 2
                case (0xE1, 0xBB) where bytes[i + 2] == 0x8D || bytes[i + 2] == 0x8F || bytes[i + 2] == 0xA5 || bytes[i + 2] == 0xA7: width = 3
                default:
                    i += 1
                    continue
                }
                let next = i + width
                if next < bytes.count, bytes[next] == 0x61 || bytes[next] == 0x65 || bytes[next] == 0x79 {
                    let after = next + 1
                    // An ASCII letter after it means the syllable goes on; a non-ASCII byte
                    // may start a letter or not, which the scalars below decide.
                    if after == bytes.count || bytes[after] >= 0x80 || !Self.isASCIILetter(bytes[after]) {
                        return true
                    }
                }
                i = next
            }
            return false
        }
        guard hasPair else { return lower }
        var scalars = Array(lower.unicodeScalars)
        var changed = false
        var i = 0
        while i + 1 < scalars.count {
            if let (base, tone) = tonedFirstVowel[scalars[i].value],
               let toned = tonedSecondVowel[scalars[i + 1].value], toned.first == base,
               i + 2 == scalars.count || !scalars[i + 2].properties.isAlphabetic {
                scalars[i] = Unicode.Scalar(base)
                if let moved = Unicode.Scalar(toned.marked[tone]) { scalars[i + 1] = moved }
                changed = true
                i += 2
            } else {
                i += 1
            }
        }
        guard changed else { return lower }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    /// "o" or "u" with a tone (grave, acute, hook, tilde, dot below: 0…4) → its letter and tone.
    private static let tonedFirstVowel: [UInt32: (UInt8, Int)] = {
        var table: [UInt32: (UInt8, Int)] = [:]
        for (i, v) in [0xF2, 0xF3, 0x1ECF, 0xF5, 0x1ECD].enumerated() { table[UInt32(v)] = (UInt8(ascii: "o"), i) }
        for (i, v) in [0xF9, 0xFA, 0x1EE7, 0x169, 0x1EE5].enumerated() { table[UInt32(v)] = (UInt8(ascii: "u"), i) }
        return table
    }()

    /// The plain second vowel of the pair → the first vowel it pairs with, and its toned forms.
    private static let tonedSecondVowel: [UInt32: (first: UInt8, marked: [UInt32])] = [
        UInt32(UInt8(ascii: "a")): (UInt8(ascii: "o"), [0xE0, 0xE1, 0x1EA3, 0xE3, 0x1EA1]),
        UInt32(UInt8(ascii: "e")): (UInt8(ascii: "o"), [0xE8, 0xE9, 0x1EBB, 0x1EBD, 0x1EB9]),
        UInt32(UInt8(ascii: "y")): (UInt8(ascii: "u"), [0x1EF3, 0xFD, 0x1EF7, 0x1EF9, 0x1EF5]),
    ]
}
