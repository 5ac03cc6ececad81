#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text helpers for Vietnamese documents rendered as plain text (terminal,
/// Markdown, fixed-width previews) and for file names.
///
/// Everything here is a pure function of its arguments: no locale, no
/// Foundation, no disk. The functions are called for every cell of large
/// spreadsheets, so the common ASCII case takes a fast path everywhere.
public enum VietnameseText {
    /// Unicode NFC of the text (input may arrive NFD/mixed). Must be fast on ASCII-only text.
    ///
    /// Text pasted from macOS file names, some PDF extractors and older Vietnamese
    /// input methods arrives decomposed ("e" + U+0302 + U+0303 for "ễ"); documents
    /// must be NFC so that searching, sorting and width computation agree.
    public static func nfc(_ s: String) -> String {
        // ASCII is always NFC; checking the bytes is much cheaper than normalising.
        if isStableNFC(s) { return s }
        // The standard library's own normaliser (the one behind String equality)
        // avoids Foundation, whose Linux implementation goes through CoreFoundation.
        return String(decoding: s._nfcCodeUnits, as: UTF8.self)
    }

    /// Uppercase with Vietnamese letters handled (đ->Đ, ư->Ư ...), NFC.
    ///
    /// The standard library applies the locale-independent Unicode case mapping,
    /// which is exactly right for Vietnamese (it has no locale-specific rules like
    /// Turkish dotted i); NFC afterwards so decomposed input comes out composed.
    public static func uppercased(_ s: String) -> String {
        if isASCII(s) { return s.uppercased() }
        return nfc(s.uppercased())
    }

    /// True when the text is NFC as it is because every character is one that never
    /// changes or combines under NFC: ASCII, U+0080–U+02FF (Latin-1, Latin Extended-A/B
    /// with Ă Đ Ĩ Ũ Ơ Ư), the precomposed Vietnamese letters U+1E00–U+1EFF and the
    /// dashes, quotes and ellipsis U+2010–U+2027; read from the UTF-8 bytes. Anything
    /// else (combining marks, other scripts) answers false.
    ///
    /// None of these scalars extends a grapheme cluster either, so in such text every
    /// scalar is a `Character` of its own (CR LF aside): character-level work can be done
    /// on scalars or bytes.
    static func isStableNFC(_ s: String) -> Bool {
        if let answer = s.utf8.withContiguousStorageIfAvailable({ isStableNFC(bytes: $0) }) { return answer }
        return Array(s.utf8).withUnsafeBufferPointer { isStableNFC(bytes: $0) } // bridged strings only
    }

    private static func isStableNFC(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Eight ASCII bytes at a time first: most text is mostly ASCII.
        var asciiPrefix = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while asciiPrefix + 8 <= bytes.count,
                  raw.loadUnaligned(fromByteOffset: asciiPrefix, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                asciiPrefix += 8
            }
        }
        var utf8 = UnsafeBufferPointer(rebasing: bytes[asciiPrefix...]).makeIterator()
        while let byte = utf8.next() {
            if byte < 0x80 { continue }
            if byte >= 0xC2 && byte <= 0xCB { // U+0080–U+02FF
                _ = utf8.next()
                continue
            }
            if byte == 0xE1, let second = utf8.next(), second >= 0xB8 && second <= 0xBB { // U+1E00–U+1EFF
                _ = utf8.next()
                continue
            }
            if byte == 0xE2, let second = utf8.next(), second == 0x80, let third = utf8.next(), third >= 0x90 && third <= 0xA7 { // U+2010–U+2027
                continue
            }
            return false
        }
        return true
    }

    /// The lines of `text` split at "\n", empty ones kept: what
    /// `text.split(separator: "\n", omittingEmptySubsequences: false)` gives, found on the
    /// UTF-8 bytes (a line feed always ends a character unless a CR precedes it, and text
    /// with a CR takes the character path), several times faster on a data file.
    static func lines(_ text: String) -> [Substring] {
        if containsByte(text, 0x0D) { return text.split(separator: "\n", omittingEmptySubsequences: false) }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// True when the UTF-8 of `s` holds `byte` (memchr; `String.contains` would go through
    /// Foundation, and `utf8.contains` walks an iterator).
    static func containsByte(_ s: String, _ byte: UInt8) -> Bool {
        if let found = s.utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }) {
            return found
        }
        return s.utf8.contains(byte)
    }

    /// True when every byte is ASCII; the fast path test used throughout.
    @inline(__always)
    static func isASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
    }
}
