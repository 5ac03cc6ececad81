/// Approximate Excel column widths for text, so sheets open with readable columns
/// without a layout engine.
///
/// Excel measures a column in "characters of the default font's digit 0". A text's
/// on-screen length is estimated by counting grapheme clusters, so a Vietnamese
/// letter written with combining marks ("ế" as e + ◌̂ + ◌́) counts once, exactly as
/// it is drawn; capitals and East Asian wide characters count a little or a lot more,
/// narrow punctuation less.
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
        let longest = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map(units(of:))
            .max() ?? 0
        return longest * (bold ? 1.1 : 1.0) + padding
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
        // CJK, Hangul, full-width forms and most emoji take two cells in Excel.
        if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0x1F300...0x1FAFF).contains(value) {
            return 2
        }
        if "iljtfI.,:;'|!()[] ".contains(character) { return 0.6 }
        if character.isUppercase { return 1.2 }
        return 1
    }
}
