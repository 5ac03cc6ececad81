extension VietnameseText {
    /// Wraps `text` into as few lines as `wrap` would, but of even length: the narrowest width
    /// that still needs that many lines. For a heading or a name broken over lines, so the last
    /// line is not a lone word ("LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN" / "TRE").
    public static func balancedWrap(_ text: String, width: Int) -> [String] {
        let greedy = wrap(text, width: width)
        guard greedy.count > 1 else { return greedy }
        var low = 1, high = width
        while low < high {
            let middle = (low + high) / 2
            if wrap(text, width: middle).count <= greedy.count { high = middle } else { low = middle + 1 }
        }
        let balanced = wrap(text, width: low)
        return balanced.count == greedy.count ? balanced : greedy
    }
}
