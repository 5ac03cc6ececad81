extension VietnameseText {
    /// ASCII folding for file names: "Đ"->"D", "đ"->"d", strip all diacritics, keep [A-Za-z0-9._-], everything else -> "-", collapse repeated "-", trim "-" at ends. "13/KH-LĐLĐ" -> "13-KH-LDLD".
    ///
    /// File names travel by e-mail and Zalo to machines whose file systems and
    /// archivers still mangle non-ASCII names, so output files get folded names.
    /// Works on NFC and NFD input alike (combining marks are dropped). "Æ", "Œ"
    /// and "ß" become "AE", "OE" and "ss"; other non-Latin letters become "-".
    public static func asciiFold(_ s: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        func appendDash() {
            // Collapsing as we go keeps the output free of "--" runs.
            if let last = bytes.last, last == UInt8(ascii: "-") { return }
            bytes.append(UInt8(ascii: "-"))
        }
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let byte = UInt8(v)
                if isFileNameByte(byte) && byte != UInt8(ascii: "-") {
                    bytes.append(byte)
                } else {
                    appendDash()
                }
            } else if let base = latinBase(scalar) {
                bytes.append(contentsOf: base.utf8)
            } else if isCombiningMark(scalar) {
                continue
            } else {
                appendDash()
            }
        }
        var start = 0
        var end = bytes.count
        while start < end && bytes[start] == UInt8(ascii: "-") { start += 1 }
        while end > start && bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Lowercased, diacritics removed, "đ" -> "d", everything else kept: the form in
    /// which two keys are compared when one was typed without a Vietnamese keyboard.
    static func foldForComparison(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.lowercased().unicodeScalars {
            if scalar.value < 0x80 {
                out.append(scalar)
            } else if let base = latinBase(scalar) {
                out.append(contentsOf: base.unicodeScalars)
            } else if !isCombiningMark(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Letters, digits, ".", "_" and "-": the bytes that are safe in a file name everywhere.
    @inline(__always)
    private static func isFileNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// A combining mark, as in decomposed (NFD) input.
    @inline(__always)
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x300 && v <= 0x36F { return true }
        if v < 0x300 { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// The ASCII base of a precomposed Latin letter ("ễ" -> "e", "Đ" -> "D"), or nil.
    static func latinBase(_ scalar: Unicode.Scalar) -> String? {
        let v = Int(scalar.value)
        let table: [UInt8]
        let offset: Int
        if v >= 0xC0 && v <= 0x24F {
            table = FoldTable.latin
            offset = v - 0xC0
        } else if v >= 0x1E00 && v <= 0x1EFF {
            table = FoldTable.latinExtendedAdditional
            offset = v - 0x1E00
        } else {
            return nil
        }
        guard offset < table.count else { return nil }
        let byte = table[offset]
        if byte != UInt8(ascii: "_") { return String(UnicodeScalar(byte)) }
        // Ligatures that have a conventional two-letter spelling.
        switch v {
        case 0xC6: return "AE"
        case 0xE6: return "ae"
        case 0x152: return "OE"
        case 0x153: return "oe"
        case 0xDF: return "ss"
        default: return nil
        }
    }
}

/// Base letters of precomposed Latin letters, generated from the Unicode 14
/// canonical decompositions (first scalar of the NFD form when it is an ASCII
/// letter), plus letters with a stroke that do not decompose (Đ đ Ø ø Ł ł Ħ ħ …).
/// "_" means "no ASCII base". A table lookup is much faster than normalising.
private enum FoldTable {
    /// U+00C0 ... U+024F (Latin-1 Supplement letters, Latin Extended-A and -B).
    static let latin: [UInt8] = Array((
        "AAAAAA_CEEEEIIIIDNOOOOO_OUUUUY__" + // U+00C0
        "aaaaaa_ceeeeiiiidnooooo_ouuuuy_y" + // U+00E0
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGg" + // U+0100
        "GgGgHhHhIiIiIiIiIi__JjKk_LlLlLl_" + // U+0120
        "_LlNnNnNn___OoOoOo__RrRrRrSsSsSs" + // U+0140
        "SsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz_" + // U+0160
        "b________DD____________I________" + // U+0180
        "Oo_____________Uu____Zz_________" + // U+01A0
        "_____________AaIiOoUuUuUuUuUu_Aa" + // U+01C0
        "Aa____GgKkOoOo__j___Gg__NnAa____" + // U+01E0
        "AaAaEeEeIiIiOoOoRrRrUuUuSsTt__Hh" + // U+0200
        "______AaEeOoOoOoOoYy____________" + // U+0220
        "________________"                   // U+0240
    ).utf8)

    /// U+1E00 ... U+1EFF (Latin Extended Additional: ạ ả ấ … ỹ live here).
    static let latinExtendedAdditional: [UInt8] = Array((
        "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFf" + // U+1E00
        "GgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm" + // U+1E20
        "MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRr" + // U+1E40
        "SsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv" + // U+1E60
        "WwWwWwWwWwXxXxYyZzZzZzhtwy____S_" + // U+1E80
        "AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe" + // U+1EA0
        "EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOo" + // U+1EC0
        "OoOoUuUuUuUuUuUuUuYyYyYyYy______"   // U+1EE0
    ).utf8)
}
