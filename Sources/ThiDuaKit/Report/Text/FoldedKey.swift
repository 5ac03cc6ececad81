import Foundation

/// A folded name (`ReportText.folded`) as a dictionary key, hashed and compared by its
/// UTF-8 bytes.
///
/// `String` hashes and compares non-ASCII text by canonical equivalence, normalizing it
/// on every hash and every comparison; with 100,000 Vietnamese unit names that was the
/// largest single cost of matching units. The text is brought to NFC once here, and two
/// NFC strings are canonically equivalent exactly when their bytes are equal, so the
/// keys match exactly as the strings did.
struct FoldedKey: Hashable {
    /// The key's text, in NFC.
    let text: String
    /// The hash of the text's bytes, computed once.
    let hashCode: Int

    init(_ folded: String) {
        var text = FoldedKey.isNFC(folded) ? folded : ReportText.nfc(folded)
        var hasher = Hasher()
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        self.hashCode = hasher.finalize()
        self.text = text
    }

    /// True when the text is NFC as it is: only scalars that are `ReportText.isStableNFC`,
    /// checked on the UTF-8 bytes for the common ones (ASCII, U+0080–U+02FF, U+1E00–U+1EFF).
    private static func isNFC(_ s: String) -> Bool {
        let common: Bool = s.withUTF8Bytes { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    i += 1
                } else if byte >= 0xC2 && byte <= 0xCB { // U+0080–U+02FF
                    i += 2
                } else if byte == 0xE1, i + 1 < bytes.count, bytes[i + 1] >= 0xB8 && bytes[i + 1] <= 0xBB { // U+1E00–U+1EFF
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
        return common || s.unicodeScalars.allSatisfy { ReportText.isStableNFC($0.value) }
    }

    static func == (lhs: FoldedKey, rhs: FoldedKey) -> Bool {
        lhs.hashCode == rhs.hashCode && lhs.text.hasSameBytes(as: rhs.text)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hashCode)
    }
}

/// Finds the value stored for a key while keeping only the keys' hashes: the key of a
/// candidate is recomputed (`keyOf`) to confirm a match, so 100,000 units are indexed in
/// about 1.5 MB instead of a copy of every name. Keys whose hash is already taken by
/// another key (practically never) are kept whole in `collided`.
struct HashIndex<Key: Hashable> {
    private var first: [Int: Int32] = [:]
    private var collided: [Key: Int32] = [:]

    /// The value stored for `key`, if any.
    func find(_ key: Key, keyOf: (Int32) -> Key) -> Int32? {
        guard let candidate = first[key.hashValue] else { return nil }
        if keyOf(candidate) == key { return candidate }
        return collided[key]
    }

    /// Stores `value` for `key`, which `find` did not find.
    mutating func insert(_ key: Key, _ value: Int32) {
        let hash = key.hashValue
        if first[hash] == nil {
            first[hash] = value
        } else {
            collided[key] = value
        }
    }

    /// Stores `value` for `key` unless the key is there; returns the value already stored.
    mutating func insertIfAbsent(_ key: Key, _ value: Int32, keyOf: (Int32) -> Key) -> Int32? {
        if let existing = find(key, keyOf: keyOf) { return existing }
        insert(key, value)
        return nil
    }
}

/// `ReportText.folded` of texts that repeat (group names on every row), computed once each.
struct FoldCache {
    private var folded: [FoldedKey: String] = [:]

    /// The folded form of `text`.
    mutating func callAsFunction(_ text: String) -> String {
        let key = FoldedKey(text)
        if let known = folded[key] { return known }
        let result = ReportText.folded(text)
        folded[key] = result
        return result
    }
}
