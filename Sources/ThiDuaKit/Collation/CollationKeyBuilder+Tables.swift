import Foundation

/// The tables the collation key builder reads per scalar, each made once: symbol order,
/// canonical decompositions of the Latin ranges, and the case of Latin letters.
extension CollationKeyBuilder {
    /// Punctuation and symbols in CLDR root order (from the DUCET), so that "Bà Rịa - Vũng Tàu"
    /// and names with brackets or quotes sort as other CLDR tools sort them. Symbols not listed
    /// follow, in code-point order.
    static let symbolOrder: [UInt32: UInt32] = {
        let order: [Unicode.Scalar] = [
            "_", "-", "\u{2013}", "\u{2014}", ",", ";", ":", "!", "?", ".", "\u{2026}", "\u{00B7}",
            "'", "\u{2018}", "\u{2019}", "\"", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}",
            "(", ")", "[", "]", "{", "}", "\u{00A7}", "\u{00B6}", "@", "*", "/", "\\", "&", "#", "%",
            "\u{2030}", "\u{2022}", "`", "^", "\u{00B0}", "\u{00A9}", "\u{00AE}", "+", "\u{00B1}",
            "\u{00F7}", "\u{00D7}", "<", "=", ">", "|", "~", "$", "\u{20AB}", "\u{20AC}", "\u{2116}",
        ]
        var table: [UInt32: UInt32] = [:]
        for (rank, scalar) in order.enumerated() { table[scalar.value] = UInt32(rank) }
        return table
    }()

    static func symbolWeight(_ value: UInt32) -> UInt32 {
        symbolOrder[value] ?? (0x100 + value)
    }

    /// NFD of text made only of U+0000–U+024F and U+1E00–U+1EFF (Latin, Vietnamese) and
    /// general punctuation U+2002–U+206F (dashes, curly quotes, which decompose to
    /// themselves), one scalar at a time from a table; nil for other text. None of these
    /// scalars is a combining mark and each decomposes to a base letter and its marks in
    /// canonical order, so the concatenation is exactly the NFD of the whole (no reordering
    /// across scalars), without Foundation's normalizer.
    static func fastDecomposition(_ s: String) -> [Unicode.Scalar]? {
        let table = decompositionTable
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                result.append(scalar)
            } else if v < 0x250 {
                result += table[Int(v)]
            } else if v >= 0x1E00 && v <= 0x1EFF {
                result += table[0x250 + Int(v - 0x1E00)]
            } else if v >= 0x2002 && v <= 0x206F {
                result.append(scalar)
            } else {
                return nil
            }
        }
        return result
    }

    /// Canonical decompositions of U+0000–U+024F then U+1E00–U+1EFF, from Foundation.
    static let decompositionTable: [[Unicode.Scalar]] = {
        var table: [[Unicode.Scalar]] = []
        let ranges: [ClosedRange<UInt32>] = [0...0x24F, 0x1E00...0x1EFF]
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else {
                    table.append([])
                    continue
                }
                table.append(Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars))
            }
        }
        return table
    }()

    /// Whether each scalar below U+0250 is an upper-case or title-case letter, read from
    /// its Unicode properties once: Đ and the other Latin letters of every name were
    /// looked up in the property tables for each key.
    static let latinUppercase: [Bool] = (0 ..< 0x250).map { v in
        guard let scalar = Unicode.Scalar(UInt32(v)) else { return false }
        return scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter
    }

    /// The primary weights of every scalar below U+0250 and in U+1E00–U+1EFF, as one flat
    /// table (`primaryBytes[primaryStart[i]..<primaryStart[i + 1]]`), each computed once by
    /// the general code on the scalar alone. None of these scalars is a combining mark, so a
    /// name made of them alone keys as the concatenation of its scalars' primaries; a name
    /// with a combining mark or another scalar takes the general path.
    static let primaryTable: (bytes: [UInt8], start: [Int32]) = {
        var bytes: [UInt8] = []
        var start: [Int32] = [0]
        for v in Array(UInt32(0)..<0x250) + Array(UInt32(0x1E00)...0x1EFF) {
            if let scalar = Unicode.Scalar(v) { appendGeneralPrimary(of: String(scalar), to: &bytes) }
            start.append(Int32(bytes.count))
        }
        return (bytes, start)
    }()

    /// `appendPrimary` from `primaryTable`, decoding the UTF-8 in place: false, with `out`
    /// unchanged, when a scalar is outside the table (the caller then takes the general path).
    /// The primary keys of 100,000 unit names were a sixth of the time after reading them.
    static func appendTablePrimary(of s: String, to out: inout [UInt8]) -> Bool {
        let table = primaryTable
        let mark = out.count
        var s = s
        let done: Bool = s.withUTF8 { utf8 in
            table.bytes.withUnsafeBufferPointer { bytes in
                table.start.withUnsafeBufferPointer { start in
                    var i = 0
                    let n = utf8.count
                    while i < n {
                        let lead = utf8[i]
                        let index: Int
                        if lead < 0x80 {
                            index = Int(lead)
                            i += 1
                        } else if lead & 0xE0 == 0xC0, i + 1 < n {
                            // Two bytes: U+0080–U+07FF; the table holds those below U+0250.
                            let v = Int(lead & 0x1F) << 6 | Int(utf8[i + 1] & 0x3F)
                            guard v < 0x250 else { return false }
                            index = v
                            i += 2
                        } else if lead == 0xE1, i + 2 < n {
                            // Three bytes starting E1: U+1000–U+1FFF; the table holds U+1E00–U+1EFF.
                            let v = 0x1000 | Int(utf8[i + 1] & 0x3F) << 6 | Int(utf8[i + 2] & 0x3F)
                            guard v >= 0x1E00, v <= 0x1EFF else { return false }
                            index = 0x250 + v - 0x1E00
                            i += 3
                        } else {
                            return false
                        }
                        // Letters, digits and spaces are one byte: appended alone, without a slice.
                        let from = Int(start[index]), to = Int(start[index + 1])
                        if to == from + 1 {
                            out.append(bytes[from])
                        } else if to > from {
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<to]))
                        }
                    }
                    return true
                }
            }
        }
        if !done { out.removeSubrange(mark...) }
        return done
    }
}
