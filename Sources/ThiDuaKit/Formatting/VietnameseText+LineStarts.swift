/// What keeps a wrapped line from starting like a list entry ("- xã hội", "2. …"): the space
/// before such a word is glued while the text is wrapped.
extension VietnameseText {
    /// Stands for a space that must not break while a line is wrapped: U+2027 HYPHENATION POINT,
    /// one column wide, a word character for both wrapping paths, and never in Vietnamese text
    /// (text that has one is left unglued).
    static let glue: Unicode.Scalar = "\u{2027}"

    /// The text with the space before each list-marker-like word replaced by `glue`.
    static func gluingListMarkers(_ text: String) -> (String, Bool) {
        // Most text has no such word: find out on bytes before building anything.
        guard hasListMarkerWord(text), !text.unicodeScalars.contains(glue) else { return (text, false) }
        // On bytes: the space before each marker word becomes the glue's three bytes.
        let bytes = Array(text.utf8)
        let glueBytes = Array(String(Character(glue)).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var start = 0
        var seenWord = false
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            let word = bytes[start..<end]
            if start > 0 {
                let marker = seenWord && isListMarkerWord(Substring(String(decoding: word, as: UTF8.self)))
                out.append(contentsOf: marker ? glueBytes : [0x20])
            }
            out.append(contentsOf: word)
            seenWord = seenWord || !word.isEmpty
            start = end + 1
        }
        return (String(decoding: out, as: UTF8.self), true)
    }

    /// Whether a word after the first one is list-marker-like, judged on bytes.
    static func hasListMarkerWord(_ text: String) -> Bool {
        var token: [UInt8] = []
        var sawWord = false
        func isMarker(_ t: [UInt8]) -> Bool {
            switch t {
            case [0x2D], [0x2B], [0x2A], [0xE2, 0x80, 0x93], [0xE2, 0x80, 0x94], [0xE2, 0x80, 0xA2]: return true
            default: break
            }
            guard t.count >= 2, let last = t.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ")") else { return false }
            let body = t.dropLast()
            if last == UInt8(ascii: ")"), body.count == 1, let b = body.first, b >= 0x61 && b <= 0x7A { return true }
            if last == UInt8(ascii: ")"), Array(body) == [0xC4, 0x91] { return true }
            var digits = 0
            for b in body {
                if b >= 0x30 && b <= 0x39 {
                    digits += 1
                    if digits > 3 { return false }
                } else if b == UInt8(ascii: "."), digits > 0 {
                    digits = 0
                } else {
                    return false
                }
            }
            return digits > 0
        }
        for byte in text.utf8 {
            if byte == 0x20 {
                if !token.isEmpty {
                    if sawWord, isMarker(token) { return true }
                    sawWord = true
                }
                token.removeAll(keepingCapacity: true)
            } else if token.count <= 16 {
                // Longer words are never markers; their extra bytes need not be kept.
                token.append(byte)
            }
        }
        return sawWord && !token.isEmpty && isMarker(token)
    }

    /// "-", "–", "—", "+", "*", "•", "2.", "1.2.", "3)", "b)", "đ)".
    static func isListMarkerWord(_ word: Substring) -> Bool {
        switch word {
        case "-", "–", "—", "+", "*", "•": return true
        default: break
        }
        guard let last = word.last, last == "." || last == ")" else { return false }
        let body = word.dropLast()
        // The point letters a) … y) (ASCII, or đ), as `hasListMarkerWord` sees them on bytes.
        if last == ")", body.count == 1, let letter = body.first, (letter.isASCII && letter.isLowercase) || letter == "đ" { return true }
        // 1–3 digit groups joined by dots: "2", "1.2", "4.1.3".
        let groups = body.split(separator: ".", omittingEmptySubsequences: false)
        return !body.isEmpty && groups.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// A wrapped line with each `glue` back as a space.
    static func restoringGlue(_ line: String) -> String {
        guard line.unicodeScalars.contains(glue) else { return line }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: line.unicodeScalars.map { $0 == glue ? " " : $0 })
        return String(scalars)
    }
}
