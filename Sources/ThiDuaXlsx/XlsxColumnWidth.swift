/// Approximate Excel column widths for text, so sheets open with readable columns
/// without a layout engine.
///
/// Excel measures a column in "characters of the default font's digit 0". A text's
/// on-screen length is estimated by counting grapheme clusters, so a Vietnamese
/// letter written with combining marks ("ế" as e + ◌̂ + ◌́) counts once, exactly as
/// it is drawn; capitals and East Asian wide characters count a little or a lot more,
/// narrow punctuation and spaces less.
public enum XlsxColumnWidth {
    /// Narrowest width returned, so that short columns (STT) still show a header.
    public static let minimum: Double = 5
    /// Widest width returned, so one long name does not make a column unprintable.
    public static let maximum: Double = 60
    /// Room for the cell's inner margins and a filter drop-down.
    static let padding: Double = 2

    /// The column width (in Excel character units) that shows `text` on one line.
    ///
    /// Multi-line text is measured by its longest line. The result is clamped to
    /// ``minimum`` … ``maximum``.
    ///
    /// - Parameters:
    ///   - text: the cell's displayed text.
    ///   - bold: bold glyphs are about 10 % wider.
    public static func width(for text: String, bold: Bool = false) -> Double {
        min(max(unclampedWidth(for: text, bold: bold), minimum), maximum)
    }

    /// ``width(for:bold:)`` before clamping, to work out how many lines a wrapped text needs.
    static func unclampedWidth(for text: String, bold: Bool = false) -> Double {
        (fastUnits(of: text) ?? slowUnits(of: text)) * (bold ? 1.1 : 1.0) + padding
    }

    /// Width of the longest line, walking Unicode scalars instead of grapheme clusters.
    ///
    /// For Latin script (Vietnamese included, composed or decomposed) a grapheme cluster
    /// is one base scalar followed by combining marks, so skipping the marks counts
    /// exactly the clusters, and is several times faster than `Character` iteration,
    /// which matters when measuring tens of thousands of unit names. Returns `nil` for
    /// text containing scripts where that shortcut is not exact (Hangul, CJK, emoji
    /// sequences…), which then take ``slowUnits(of:)``.
    static func fastUnits(of text: String) -> Double? {
        var longest = 0.0
        var current = 0.0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value == 0x0A || value == 0x0B || value == 0x0C || value == 0x0D {
                    longest = max(longest, current)
                    current = 0
                } else {
                    current += asciiUnits[Int(value)]
                }
                continue
            }
            if isCombiningMark(value) { continue }
            if value >= 0x1100 && !(0x1E00 ... 0x1EFF).contains(value) { return nil }
            if value == 0x85 || value == 0x2028 || value == 0x2029 {
                longest = max(longest, current)
                current = 0
                continue
            }
            current += isUppercase(scalar) ? 1.2 : 1
        }
        return max(longest, current)
    }

    /// `scalar.properties.isUppercase`, from a table for Latin letters (Vietnamese
    /// included), which are measured for every unit name of a large report.
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x250 { return uppercaseTable[Int(value)] }
        if value >= 0x1E00 && value <= 0x1EFF { return uppercaseTable[0x250 + Int(value - 0x1E00)] }
        return scalar.properties.isUppercase
    }

    /// `isUppercase` of U+0000–U+024F then U+1E00–U+1EFF, from the Unicode properties.
    private static let uppercaseTable: [Bool] = (Array(UInt32(0) ... 0x24F) + Array(UInt32(0x1E00) ... 0x1EFF)).map {
        Unicode.Scalar($0)?.properties.isUppercase ?? false
    }

    /// Width of the longest line, one grapheme cluster at a time.
    static func slowUnits(of text: String) -> Double {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map(units(of:))
            .max() ?? 0
    }

    /// Estimated width of one line in "0"-widths, before padding and clamping.
    static func units(of line: Substring) -> Double {
        var total = 0.0
        for character in line {
            total += units(of: character)
        }
        return total
    }

    /// Estimated width of one grapheme cluster in "0"-widths.
    static func units(of character: Character) -> Double {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value < 0x80 { return asciiUnits[Int(value)] }
        // CJK, Hangul, full-width forms and most emoji take two cells in Excel.
        if (0x1100 ... 0x115F).contains(value) || (0x2E80 ... 0xA4CF).contains(value)
            || (0xAC00 ... 0xD7A3).contains(value) || (0xF900 ... 0xFAFF).contains(value)
            || (0xFF00 ... 0xFF60).contains(value) || (0x1F300 ... 0x1FAFF).contains(value) {
            return 2
        }
        return scalar.properties.isUppercase ? 1.2 : 1
    }

    /// Combining marks that attach to the previous letter (Vietnamese tone and vowel marks
    /// are in the first block).
    static func isCombiningMark(_ value: UInt32) -> Bool {
        (0x0300 ... 0x036F).contains(value) || (0x1AB0 ... 0x1AFF).contains(value)
            || (0x1DC0 ... 0x1DFF).contains(value) || (0x20D0 ... 0x20FF).contains(value)
            || (0xFE20 ... 0xFE2F).contains(value)
    }

    /// Widths of the ASCII characters: capitals wider, narrow punctuation and spaces
    /// narrower, control characters nothing. Letters are not told apart by shape (an
    /// "i" and an "ỉ" count the same), so composed and decomposed text measure alike.
    static let asciiUnits: [Double] = (0 ..< 128).map { code in
        let character = Character(Unicode.Scalar(UInt8(code)))
        if code < 0x20 || code == 0x7F { return 0 }
        if ".,:;'|!()[] ".contains(character) { return 0.6 }
        if (65 ... 90).contains(code) { return 1.2 }
        return 1
    }
}
