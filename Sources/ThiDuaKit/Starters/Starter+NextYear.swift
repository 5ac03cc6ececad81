import Foundation

/// Next year's plan from this year's (`thidua nam-sau`).
extension Starter {
    /// What `nextYear` changed beyond the dates, for the clerk to review.
    public struct NextYearNotes: Sendable, Equatable {
        /// Round anniversaries of the new year added to the phases they fall in ("Đợt 1: thanh_lap_dang (100 năm)").
        public var proposedAnniversaries: [String] = []
        /// Congresses of the old year left out, with their salutes.
        public var droppedCongresses: [String] = []
        /// References kept but flagged: `check` warns about them until they are updated.
        public var oldReferences: Int = 0
    }

    /// The same plan for the year after: number blanked, the date reduced to the month a year
    /// later (the day left for the văn thư), draft mark set; the period,
    /// phases, review deadlines and assignment deadlines moved by a year (29 February becomes
    /// 28, the last day of a month stays the last day, `dau_nam`/`cuoi_nam` and other
    /// relative bounds are left alone); figures written by hand for an anniversary (`so_nam`,
    /// `khoang`) removed so thidua computes the new ones; congresses of the old year removed;
    /// the year written in the subject and text ("năm 2025") moved too, and an anniversary's
    /// years written by hand ("chào mừng 100 năm …") one more; the round and
    /// half-round anniversaries of the new year added to the phases they fall in.
    ///
    /// References to last year's documents stay as written: `check` warns about each
    /// (`Document.checkReferenceYears`) until it is replaced by this year's document.
    public static func nextYear(_ tree: DataNode, document: Document) -> (DataNode, NextYearNotes) {
        var notes = NextYearNotes()
        let year = document.movementYear
        var out = tree
        out["so"] = out["so"].map { _ in .blank }
        // The day is left for the văn thư (a month alone is a documented date); the month of
        // last year's plan is kept, so the file loads and `check` can say what else to update.
        if let issued = YearShift.shifted(document.header.date.value) {
            out["ngay"] = text(String(format: "%04d-%02d", issued.year, issued.month))
        } else {
            out["ngay"] = .blank
        }
        out["du_thao"] = text("true")
        let dropped = Set(document.congresses.map(\.key))
        let droppedNames = Dictionary(document.congresses.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        out = shiftingYearWords(out, from: year, skipping: ["can_cu", "dai_hoi", "ngay_ky_niem", "so", "ngay", "ky_hieu"], congresses: droppedNames)
        if let period = out["thoi_gian"], case .mapping = period {
            out["thoi_gian"] = shiftingDates(period, keys: ["tu", "den"])
        }
        notes.droppedCongresses = document.congresses.map(\.name)
        if out["dai_hoi"] != nil { out["dai_hoi"] = .sequence([]) }
        if let phases = out["dot_thi_dua"]?.items {
            out["dot_thi_dua"] = .sequence(phases.map { phase in
                var moved = shiftingDates(phase, keys: ["tu", "den", "han_danh_gia"])
                if let salutes = moved["ky_niem"]?.items {
                    moved["ky_niem"] = .sequence(salutes.compactMap { withoutWrittenFigures($0, dropping: dropped) })
                }
                return moved
            })
        }
        for key in ["mo_dau", "muc", "ket_luan"] {
            if let value = out[key] { out[key] = shiftingDeadlines(value) }
        }
        notes.oldReferences = document.references.count
        let (proposed, names) = proposingAnniversaries(out)
        out = proposed
        notes.proposedAnniversaries = names
        return (out, notes)
    }

    /// `han` and `han_thang` of the assignments anywhere in the content, a year later.
    static func shiftingDeadlines(_ node: DataNode) -> DataNode {
        switch node {
        case .scalar: return node
        case .sequence(let items): return .sequence(items.map(shiftingDeadlines))
        case .mapping(let entries):
            return shiftingDates(.mapping(entries.map { DataEntry(key: $0.key, value: shiftingDeadlines($0.value)) }), keys: ["han", "han_thang"])
        }
    }

    static func shiftingDates(_ node: DataNode, keys: [String]) -> DataNode {
        var out = node
        for key in keys {
            if let value = out[key]?.text, let moved = YearShift.shifted(value) { out[key] = text(moved) }
        }
        return out
    }

    /// A salute without `so_nam`/`khoang` (recomputed for the new year); nil for the salute of
    /// a dropped congress.
    static func withoutWrittenFigures(_ salute: DataNode, dropping congresses: Set<String>) -> DataNode? {
        switch salute {
        case .scalar(let key): return congresses.contains(key) ? nil : salute
        case .sequence(let keys):
            let kept = keys.filter { !congresses.contains($0.text ?? "") }
            return kept.isEmpty ? nil : .sequence(kept)
        case .mapping:
            var out = salute
            out["so_nam"] = nil
            out["khoang"] = nil
            if let key = out["ma"]?.text, congresses.contains(key) { return nil }
            return out
        }
    }

    /// The year `year` written as a word in text ("năm 2025", "2025 - 2030"), a year later,
    /// outside the keys in `skipping` (references, congresses and the header, which name
    /// documents and events of their own year).
    static func shiftingYearWords(_ node: DataNode, from year: Int, skipping: Set<String>, congresses: [String: String] = [:]) -> DataNode {
        switch node {
        case .scalar(let value):
            let words = YearShift.incrementingAnniversaryCounts(in: YearShift.replacingYear(year, in: value))
            return .scalar(YearShift.shiftingInlineFields(in: words, congresses: congresses))
        case .sequence(let items): return .sequence(items.map { shiftingYearWords($0, from: year, skipping: [], congresses: congresses) })
        case .mapping(let entries):
            return .mapping(entries.map { entry in
                guard !skipping.contains(entry.key), !["tu", "den", "han", "han_thang", "han_danh_gia", "ngay", "ngay_goc", "tep"].contains(entry.key) else { return entry }
                return DataEntry(key: entry.key, value: shiftingYearWords(entry.value, from: year, skipping: [], congresses: congresses))
            })
        }
    }

    /// The tree with each phase saluting the round and half-round anniversaries of the
    /// catalog that fall in it and it does not name yet; the phases' dates are read from the
    /// tree by the loader itself.
    static func proposingAnniversaries(_ tree: DataNode) -> (DataNode, [String]) {
        let text = tree.yaml(kind: tree.documentKind, comments: false).text
        guard let document = Document.load(text: text, file: "").0, var phases = tree["dot_thi_dua"]?.items,
              phases.count == document.phases.count else { return (tree, []) }
        var named = Set(document.inlineFields.filter { $0.kind == .kyNiem }.flatMap { $0.codes.map(\.value) })
        for phase in document.phases { named.formUnion(phase.commemorations.flatMap { $0.keys.map(\.value) }) }
        let catalog = document.commemorationCatalog
        var added: [String] = []
        for (index, phase) in document.phases.enumerated() {
            var salutes = phases[index]["ky_niem"]?.items ?? []
            // The day a salute falls on in this phase, to put a proposal among the others in
            // date order (a plan lists them so); nil for one the catalog does not date.
            func day(of salute: DataNode) -> CivilDate? {
                let key = salute.text ?? salute.items?.first?.text ?? salute["ma"]?.text
                return key.flatMap { catalog.anniversary(of: $0, between: phase.start.value, and: phase.end.value)?.date }
            }
            for entry in catalog.entries where !named.contains(entry.key) {
                guard let anniversary = catalog.anniversary(of: entry.key, between: phase.start.value, and: phase.end.value),
                      anniversary.kind != .ordinary else { continue }
                let position = salutes.firstIndex { day(of: $0).map { $0 > anniversary.date } ?? false } ?? salutes.endIndex
                salutes.insert(.scalar(entry.key), at: position)
                named.insert(entry.key)
                let kind = anniversary.kind == .round ? "năm tròn" : "năm lẻ 5"
                added.append("\(phase.name): \(entry.key) (\(anniversary.years) năm, \(kind), \(anniversary.date.short()))")
            }
            if !salutes.isEmpty { phases[index]["ky_niem"] = .sequence(salutes) }
        }
        var out = tree
        out["dot_thi_dua"] = .sequence(phases)
        return (out, added)
    }
}
