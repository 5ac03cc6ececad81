/// What a phase salutes, computed from the catalogue: the anniversaries that fall within it
/// and the congresses that open within it, in the words the plan prints.
extension Document {
    /// The anniversary of `key` within the phase, if the code is a commemoration and falls in it.
    public func anniversary(of key: String, in phase: Phase) -> Anniversary? {
        commemorationCatalog.anniversary(of: key, between: phase.start.value, and: phase.end.value)
    }

    /// One saluted entry as printed: "Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam
    /// (03/02/1930 - 03/02/2025)", "Kỷ niệm 80 năm A (…) và B (…)" for a group, "Đại hội …
    /// (16/12/2025)" for a congress; nil when no part of it falls in the phase (a check says so).
    public func salutePhrase(_ item: PhaseCommemoration, in phase: Phase) -> String? {
        var parts: [String] = []
        var years: Int?
        var congressNames: [String] = []
        for key in item.keys {
            if let congress = congress(key.value) {
                if congress.opens(between: phase.start.value, and: phase.end.value) {
                    congressNames.append("\(congress.name) (\(congress.dates(style: anniversaryStyle)))")
                }
                continue
            }
            guard let found = anniversary(of: key.value, in: phase) else { continue }
            years = years ?? found.years
            let name = item.keys.count == 1 ? (item.ownName?.value ?? found.commemoration.name) : found.commemoration.name
            parts.append("\(name) (\(found.range(style: anniversaryStyle)))")
        }
        var phrases: [String] = []
        if let years, !parts.isEmpty {
            phrases.append("Kỷ niệm \(years) năm \(InlineFieldResolver.joined(parts))")
        }
        if !congressNames.isEmpty {
            phrases.append(InlineFieldResolver.joined(congressNames))
        }
        return phrases.isEmpty ? nil : phrases.joined(separator: "; ")
    }

    /// How the movement is named when it is summed up: "phong trào thi đua năm 2025", or
    /// "giai đoạn 2025-2030" when it spans several years.
    public var movementName: String {
        let first = period?.start.value.year ?? phases.first?.start.value.year ?? header.date.value.year
        let last = period?.end.value.year ?? phases.last?.end.value.year ?? first
        return first == last ? "phong trào thi đua năm \(first)" : "phong trào thi đua giai đoạn \(first)-\(last)"
    }
}
