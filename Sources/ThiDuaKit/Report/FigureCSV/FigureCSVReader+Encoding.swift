/// The pure tests a CSV reader makes on a file's first bytes, before any record: its
/// encoding and its separator.
extension FigureCSVReader {
    /// "LE" or "BE" when the first bytes are ASCII text in UTF-16 without a BOM (every
    /// other byte 0), which Excel's "Unicode Text" and some exports write.
    ///
    /// Vietnamese text is not all ASCII ("Đơn vị" is 10 01 A1 01 6E 00 … in UTF-16 LE), so
    /// beyond the first bytes the test is statistical: in UTF-16 LE the zero bytes are the
    /// high halves of ASCII characters, at odd offsets, and almost none are at even ones.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4 else { return nil }
        if bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0 { return "LE" }
        if bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0 { return "BE" }
        let sample = bytes.prefix(256)
        guard sample.count >= 16 else { return nil }
        var even = 0, odd = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let pairs = sample.count / 2
        if odd * 4 >= pairs && even * 20 <= pairs { return "LE" }
        if even * 4 >= pairs && odd * 20 <= pairs { return "BE" }
        return nil
    }

    /// The separator of a file whose first bytes are `bytes`: the one Excel's "sep=;" line
    /// names (`namedByLine`: that line is not part of the table), else the most frequent of
    /// comma, semicolon and tab outside quotes on the first line with text.
    static func separator(ofHeader bytes: [UInt8]) -> (separator: UInt8, namedByLine: Bool) {
        // The first line with text is the header (leading blank lines are skipped).
        var line = bytes.drop { $0 == 0x0A || $0 == 0x0D }
        var inQuotes = false
        if let end = line.firstIndex(where: { byte in
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            return (byte == 0x0A || byte == 0x0D) && !inQuotes
        }) {
            line = line[..<end]
        }
        // Excel's "sep=;" line names the separator outright and is not part of the table.
        if line.count == 5, line.starts(with: Array("sep=".utf8)), let separator = line.last {
            return (separator, true)
        }
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 0x09: 0]
        inQuotes = false
        for byte in line {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if !inQuotes, let n = counts[byte] { counts[byte] = n + 1 }
        }
        // Ties (including a one-column header) go to the comma of RFC 4180, then semicolon.
        let order: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]
        var best = order[0]
        for candidate in order.dropFirst() where (counts[candidate] ?? 0) > (counts[best] ?? 0) {
            best = candidate
        }
        return (best, false)
    }
}
