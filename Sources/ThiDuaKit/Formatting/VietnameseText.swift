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
        if isASCII(s) { return s }
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

    /// True when every byte is ASCII; the fast path test used throughout.
    @inline(__always)
    static func isASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
    }
}
