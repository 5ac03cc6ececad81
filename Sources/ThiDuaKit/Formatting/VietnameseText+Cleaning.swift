extension VietnameseText {
    /// Removes invisible characters (zero-width space/joiners U+200B–U+200D, U+2060, U+FEFF, soft hyphen U+00AD), turns NBSP U+00A0 and other Unicode spaces into a plain space, collapses runs of whitespace to one space and trims. Returns the cleaned text and whether anything invisible/odd was changed (so callers can warn).
    ///
    /// Also removed: the direction marks U+200E/U+200F and U+180E, which arrive
    /// the same way (copied from web pages and Word). Tabs and line breaks count as
    /// whitespace and are collapsed too. `changed` is true only when an invisible
    /// character was removed or a non-ASCII space replaced: collapsing ordinary
    /// spaces and trimming is routine and not worth a warning.
    public static func cleanInvisible(_ s: String) -> (text: String, changed: Bool) {
        // Most cells are already clean: check first, copy only when needed.
        guard needsCleaning(s) else { return (s, false) }
        var out = String.UnicodeScalarView()
        var changed = false
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v == 0x20 || (v >= 0x09 && v <= 0x0D) {
                    pendingSpace = true
                } else {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(scalar)
                }
                continue
            }
            if isInvisible(v) {
                changed = true
                continue
            }
            if isWhiteSpace(v) {
                // NBSP, narrow NBSP, ideographic space, line separator, NEL…
                changed = true
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return (String(out), changed)
    }

    /// True when `cleanInvisible` would change something: an invisible or
    /// non-ASCII space character, a tab or line break, a leading, trailing or
    /// doubled space.
    private static func needsCleaning(_ s: String) -> Bool {
        var previousWasSpace = true // a leading space needs trimming
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v == 0x20 {
                if previousWasSpace { return true }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            if v < 0x80 {
                if v >= 0x09 && v <= 0x0D { return true }
            } else if isInvisible(v) || isWhiteSpace(v) {
                return true
            }
        }
        return previousWasSpace && !s.isEmpty
    }

    /// Format characters that show nothing and only confuse matching and width.
    @inline(__always)
    private static func isInvisible(_ v: UInt32) -> Bool {
        switch v {
        case 0x00AD, 0x180E, 0x200B...0x200F, 0x2060, 0xFEFF: return true
        default: return false
        }
    }
}
