extension ReportText {
    /// `text` as a message may quote it: at most `limit` characters, the rest replaced by
    /// "…" and the length, so a 30,000-character cell cannot flood a diagnostic line.
    static func excerpt(_ text: String, limit: Int = 80) -> String {
        guard text.utf8.count > limit else { return text }
        let count = text.count
        guard count > limit else { return text }
        return "\(text.prefix(limit))… (\(grouped(count)) ký tự)"
    }
}
