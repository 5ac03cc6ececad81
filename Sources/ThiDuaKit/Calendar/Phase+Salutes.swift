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

    /// How the movement is named when it is summed up: "phong trào thi đua năm 2025";
    /// "giai đoạn 2021-2030" when it spans several years (conventions.md keeps "giai đoạn"
    /// for such periods); "năm học 2029-2030" for a year at most from August or September;
    /// "từ tháng 10/2029 đến tháng 3/2030" for another span across a new year.
    public var movementName: String {
        let start = period?.start.value ?? phases.first?.start.value
        let end = period?.end.value ?? phases.last?.end.value
        let first = start?.year ?? header.date.value.year
        let last = end?.year ?? first
        guard first != last else { return "phong trào thi đua năm \(first)" }
        if let start, let end, last == first + 1, end.ordinal - start.ordinal <= 366 {
            if (8...9).contains(start.month) { return "phong trào thi đua năm học \(first)-\(last)" }
            return "phong trào thi đua từ tháng \(start.month)/\(first) đến tháng \(end.month)/\(last)"
        }
        return "phong trào thi đua giai đoạn \(first)-\(last)"
    }
}
