/// "Did you mean …?" for keys typed in data files, so a misspelt `chi_tieu` or a
/// key typed without diacritics gets a useful hint instead of a bare error.
public enum KeySuggestion {
    /// Nearest candidate by Damerau-Levenshtein distance (case-insensitive, diacritics folded), only if distance <= max(1, key.count/3); ties broken by candidate order. nil if nothing close.
    ///
    /// The distance is the optimal-string-alignment variant (insert, delete,
    /// substitute, swap two neighbours; no edits inside a swapped pair), which is
    /// what typos need. `key.count` counts characters. An empty key suggests
    /// nothing. A candidate equal to the key after folding ("tên" for "ten")
    /// has distance 0 and is returned.
    public static func nearest(to key: String, in candidates: [String]) -> String? {
        let folded = Array(VietnameseText.foldForComparison(key).unicodeScalars)
        guard !folded.isEmpty else { return nil }
        let limit = max(1, key.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = Array(VietnameseText.foldForComparison(candidate).unicodeScalars)
            // The length difference is a lower bound on the distance: skip early.
            guard abs(other.count - folded.count) <= limit else { continue }
            let distance = osaDistance(folded, other)
            if distance <= limit && distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance, with three rolling rows.
    static func osaDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, twoBack[j - 2] + 1)
                }
                current[j] = value
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
