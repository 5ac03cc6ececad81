extension VietnameseText {
    /// Display width in terminal columns: counts grapheme clusters (a Vietnamese letter with 2 combining marks is 1); zero-width chars (U+200B..U+200D, U+2060, U+FEFF, combining marks alone) count 0; East-Asian wide/fullwidth count 2.
    ///
    /// Control characters (tab, newline) also count 0: callers lay out single
    /// lines, and a terminal does not advance a column for them in a predictable
    /// way. Emoji shown in emoji presentation count 2, as terminals draw them.
    /// Counting `String.count` is not enough: an invisible U+200B pasted from a web
    /// page would shift every column after it.
    public static func displayWidth(_ s: String) -> Int {
        displayWidth(s[...])
    }

    /// `displayWidth` of a slice, so that `wrap` can measure words without copying them.
    ///
    /// Grapheme segmentation is slow (it dominated wrapping 100k rows), so text
    /// made only of scalars whose clusters are simple (ASCII, Latin letters,
    /// combining diacritics, Vietnamese letters, general punctuation) is measured
    /// scalar by scalar: for those, the sum of scalar widths equals the sum of
    /// cluster widths, because a cluster is one visible scalar plus zero-width
    /// marks. Anything else (CJK, emoji, Hangul, Indic) takes the cluster path.
    static func displayWidth(_ s: Substring) -> Int {
        var columns = 0
        let utf8 = s.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x80 { break }
            if byte >= 0x20 && byte != 0x7F { columns += 1 }
            utf8.formIndex(after: &index)
        }
        if index == utf8.endIndex { return columns }
        // `index` sits on the lead byte of a scalar, so it is valid in the scalar view.
        let scalars = s.unicodeScalars
        while index < scalars.endIndex {
            guard let width = simpleWidth(scalars[index]) else { return clusterWidth(s) }
            columns += width
            scalars.formIndex(after: &index)
        }
        return columns
    }

    /// Width of a scalar that never forms a complex cluster, or nil for the others.
    @inline(__always)
    private static func simpleWidth(_ scalar: Unicode.Scalar) -> Int? {
        let v = scalar.value
        if v < 0x370 || (v >= 0x2000 && v <= 0x20CF) {
            return isZeroWidth(scalar) ? 0 : 1
        }
        if v >= 0x1E00 && v <= 0x1EFF { return 1 }
        return nil
    }

    /// Width of text that has non-ASCII content, cluster by cluster.
    private static func clusterWidth(_ s: Substring) -> Int {
        var columns = 0
        for character in s { columns += width(of: character) }
        return columns
    }

    /// Columns taken by one grapheme cluster: 0, 1 or 2.
    static func width(of character: Character) -> Int {
        if let ascii = character.asciiValue {
            // "\r\n" is one ASCII cluster; controls take no column.
            return ascii >= 0x20 && ascii != 0x7F ? 1 : 0
        }
        // The cluster's width is that of its first visible scalar (the base
        // letter); marks, joiners and selectors after it add nothing.
        var base: Unicode.Scalar?
        var emojiSelector = false
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F {
                emojiSelector = true
            } else if base == nil && !isZeroWidth(scalar) {
                base = scalar
            }
        }
        guard let visible = base else { return 0 }
        if isWide(visible) { return 2 }
        // A text-default symbol such as U+2764 followed by VS16 is drawn as an emoji.
        if emojiSelector && visible.properties.isEmoji { return 2 }
        return 1
    }

    /// Scalars that never take a column on their own.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Latin-1 and Latin Extended (most Vietnamese letters) are visible, except
        // the C1 controls and the soft hyphen; decide without a property lookup.
        if v < 0xA0 { return v < 0x20 || v >= 0x7F }
        if v < 0x300 { return v == 0xAD }
        if v <= 0x36F { return true } // combining diacritical marks
        if v >= 0x1E00 && v <= 0x1EFF { return false } // Latin Extended Additional (ạ…ỹ)
        switch v {
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF: return true
        // Dashes, quotes “ ”, ellipsis, spaces, currency signs such as ₫: visible.
        case 0x2000...0x200A, 0x2010...0x2027, 0x202F...0x205F, 0x20A0...0x20CF: return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return true
        default: return false
        }
    }

    /// East Asian Wide or Fullwidth characters and emoji drawn in emoji style.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x1100 { return false }
        if v >= 0x1E00 && v <= 0x1EFF { return false } // Vietnamese letters: fast exit
        switch v {
        case 0x1100...0x115F, // Hangul Jamo initial consonants
             0x2329...0x232A, // angle brackets
             0x2E80...0x303E, // CJK radicals, punctuation, ideographic space
             0x3041...0x33FF, // kana, compatibility
             0x3400...0x4DBF, // CJK extension A
             0x4E00...0x9FFF, // CJK unified ideographs
             0xA000...0xA4CF, // Yi
             0xA960...0xA97F, // Hangul Jamo extended A
             0xAC00...0xD7A3, // Hangul syllables
             0xF900...0xFAFF, // CJK compatibility ideographs
             0xFE10...0xFE19, // vertical forms
             0xFE30...0xFE6F, // CJK compatibility forms, small forms
             0xFF01...0xFF60, // fullwidth forms
             0xFFE0...0xFFE6, // fullwidth signs
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F200...0x1F2FF, // enclosed ideographic supplement
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            // Emoji_Presentation matches East Asian Width W for emoji closely enough,
            // and saves a long table of emoji ranges.
            return v >= 0x231A && scalar.properties.isEmojiPresentation
        }
    }
}
