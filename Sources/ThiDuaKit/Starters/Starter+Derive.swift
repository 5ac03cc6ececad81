/// The lower level's plan from the upper level's (`thidua trien-khai`).
extension Starter {
    /// The keys the lower level writes for itself, left blank: its header and signature.
    static let ownHeaderKeys = ["co_quan_ban_hanh", "so", "ky_hieu", "dia_danh", "ngay"]

    /// The lower level's plan answering `parent` (its data file, and the document read and
    /// checked from it), for the lower level's `period` (nil: the parent's).
    ///
    /// - Cites the parent by `tep: citing` with `loi_dan: thuc_hien`, so the linking fills
    ///   "Thực hiện Kế hoạch số 12/KH-LĐLĐ ngày … của …" from the parent's file, and `check`
    ///   compares the two plans (phases, reviews, targets).
    /// - Keeps the movement: subject, sections, phases (clipped to `period`; a phase wholly
    ///   outside is left out, and a commemoration no longer inside its phase with it), the
    ///   commemorations, congresses and the wording of the anniversaries.
    /// - Marks the copy as a draft to edit: `du_thao: true` (the printed plan says DỰ THẢO,
    ///   and `check` warns while a section is still word for word the parent's).
    /// - Leaves the lower level's own header (issuing body, number, symbol, place, date), its
    ///   opening paragraph and signature blank; the parent's issuing body becomes the governing body, and the
    ///   recipients start with the parent ("để b/c").
    public static func derive(from parent: DataNode, parentDocument: Document, citing path: String, period: Period? = nil) -> DataNode {
        let span = period.map { ($0.start.value, $0.end.value) } ?? parentDocument.period.map { ($0.start.value, $0.end.value) }
        var entries: [DataEntry] = []
        func copy(_ key: String) {
            if let value = parent[key] { entries.append(pair(key, value)) }
        }
        entries.append(pair("loai", text(DocumentKind.keHoach.rawValue)))
        entries.append(pair("co_quan_chu_quan", text(parentDocument.header.issuingBodyAsWritten)))
        for key in ownHeaderKeys { entries.append(pair(key, .blank)) }
        entries.append(pair("du_thao", text("true")))
        copy("trich_yeu")
        entries.append(pair("loi_dan", text(ReferenceWording.thucHien.rawValue)))
        copy("cach_dan")
        entries.append(pair("can_cu", .sequence([.mapping([pair("tep", text(path))])])))
        // The parent's opening speaks for its own body ("Ban Thường vụ LĐLĐ tỉnh ban hành …").
        entries.append(pair("mo_dau", .sequence([.blank])))
        if let span {
            entries.append(pair("thoi_gian", .mapping([pair("tu", text(span.0.iso)), pair("den", text(span.1.iso))])))
        }
        // A task due before the lower plan starts cannot be met by it: its deadline is left
        // blank (`check` asks for one), as a phase's review deadline is.
        let start = span?.0
        if let muc = parent["muc"] { entries.append(pair("muc", start.map { blankingDeadlines(muc, before: $0) } ?? muc)) }
        let phases = clippedPhases(parent, parentDocument, to: span)
        // The count written in the introduction ("… 2 đợt như sau:") holds only for the same phases.
        if phases.count == parentDocument.phases.count { copy("gioi_thieu_dot") }
        copy("loi_chao_mung")
        if !phases.isEmpty { entries.append(pair("dot_thi_dua", .sequence(phases))) }
        if let closing = parent["ket_luan"] { entries.append(pair("ket_luan", start.map { blankingDeadlines(closing, before: $0) } ?? closing)) }
        entries.append(pair("noi_nhan", .sequence([
            .mapping([pair("ten", text(parentDocument.header.issuingBodyAsWritten)), pair("muc_dich", text("để b/c"))]),
            .mapping([pair("ten", .blank), pair("muc_dich", text("để th/hiện"))]),
        ])))
        entries.append(pair("luu", .sequence([text("VT")])))
        entries.append(pair("chu_ky", .mapping([pair("hinh_thuc", text("TM.")), pair("thay_mat", .blank), pair("chuc_vu", .blank), pair("ho_ten", .blank)])))
        copy("ngay_ky_niem")
        copy("dai_hoi")
        copy("kieu_ngay_ky_niem")
        return .mapping(entries)
    }

    /// The parent's phases inside `span`: a bound outside it becomes the span's edge; the
    /// salutes of a clipped phase keep only the commemorations that still fall in it.
    static func clippedPhases(_ parent: DataNode, _ document: Document, to span: (CivilDate, CivilDate)?) -> [DataNode] {
        guard let items = parent["dot_thi_dua"]?.items, items.count == document.phases.count else { return parent["dot_thi_dua"]?.items ?? [] }
        guard let (from, to) = span else { return items }
        var result: [DataNode] = []
        for (item, phase) in zip(items, document.phases) {
            guard phase.end.value >= from, phase.start.value <= to else { continue }
            var node = item
            let start = max(phase.start.value, from), end = min(phase.end.value, to)
            if start != phase.start.value { node["tu"] = text(start.iso) }
            if end != phase.end.value { node["den"] = text(end.iso) }
            if start != phase.start.value || end != phase.end.value, let salutes = node["ky_niem"]?.items {
                let kept = zip(salutes, phase.commemorations.count == salutes.count ? phase.commemorations.map(Optional.some) : salutes.map { _ in nil })
                    .filter { _, commemoration in
                        guard let commemoration else { return true }
                        return commemoration.keys.contains { falls($0.value, document, between: start, and: end) }
                    }
                    .map(\.0)
                node["ky_niem"] = .sequence(kept)
            }
            if let deadline = phase.reviewDeadline?.value, deadline < start { node["han_danh_gia"] = .blank }
            result.append(node)
        }
        return result
    }

    /// `node` with the deadline (`han`, `han_thang`) of every assignment due before `start`
    /// left blank. A deadline that does not read as a date is kept: `check` names it.
    static func blankingDeadlines(_ node: DataNode, before start: CivilDate) -> DataNode {
        switch node {
        case .scalar: return node
        case .sequence(let items): return .sequence(items.map { blankingDeadlines($0, before: start) })
        case .mapping(let entries):
            var out = DataNode.mapping(entries.map { DataEntry(key: $0.key, value: blankingDeadlines($0.value, before: start)) })
            guard out["giao"] != nil else { return out }
            if let due = pastDeadline(of: out, before: start) { out[due.key] = .blank }
            return out
        }
    }

    /// The deadline key of the assignment `node` and its last day, when that is before `start`.
    static func pastDeadline(of node: DataNode, before start: CivilDate) -> (key: String, last: CivilDate)? {
        if let day = node["han"]?.text, case .success(let date) = CivilDate.parse(day), date < start { return ("han", date) }
        if let month = node["han_thang"]?.text, let (year, number) = YAMLReader.parseMonth(month),
           let last = Deadline.month(year: year, month: number).lastDay, last < start {
            return ("han_thang", last)
        }
        return nil
    }

    /// Whether the commemoration or congress `key` has its day between the two dates (an
    /// unknown key is kept: the check names it).
    static func falls(_ key: String, _ document: Document, between start: CivilDate, and end: CivilDate) -> Bool {
        if let congress = document.congresses.first(where: { $0.key == key }) {
            return congress.start >= start && congress.start <= end
        }
        guard document.commemorationCatalog[key] != nil else { return true }
        return document.commemorationCatalog.anniversary(of: key, between: start, and: end) != nil
    }
}
