extension ReportText {
    /// A lower-cased NFC name with its tone marks placed one way: Vietnamese writes an open
    /// syllable ending in "oa", "oe" or "uy" with the tone on either vowel — "Hòa"/"Hoà",
    /// "khỏe"/"khoẻ", "Thủy"/"Thuỷ", "Ủy ban"/"Uỷ ban" — and two clerks spell one unit both
    /// ways. The key puts it on the second vowel; a syllable with a final consonant
    /// ("hoàng", "thuyền") has one spelling and is left alone.
    static func placingTones(_ lower: String) -> String {
        // Nearly every name has no toned "o" or "u": looked for in the bytes before anything
        // is copied (ò ó õ ù ú are C3 B2…BA, ũ is C5 A9, ỏ ọ ủ ụ are E1 BB 8D…A7).
        let mayHavePair = lower.withUTF8Bytes { bytes in
            bytes.indices.dropLast().contains { i in
                switch (bytes[i], bytes[i + 1]) {
                case (0xC3, 0xB2), (0xC3, 0xB3), (0xC3, 0xB5), (0xC3, 0xB9), (0xC3, 0xBA), (0xC5, 0xA9): return true
                case (0xE1, 0xBB): return i + 2 < bytes.count && [0x8D, 0x8F, 0xA5, 0xA7].contains(bytes[i + 2])
                default: return false
                }
            }
        }
        guard mayHavePair else { return lower }
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
