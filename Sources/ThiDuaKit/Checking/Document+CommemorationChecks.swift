/// Checks of what the phases salute: the codes exist, each falls in its phase, what a clerk typed
/// matches what is computed, no round anniversary of a phase is forgotten, and the review's
/// occasion and the phase count stated in the introduction are right.
extension Document {
    /// Codes exist (commemorations or declared congresses), fall inside their phase, joined codes
    /// are of the same age, and a hand-typed number of years or date range matches.
    func checkCommemorations() -> [Diagnostic] {
        let catalog = commemorationCatalog
        var result: [Diagnostic] = []
        for phase in phases {
            let span = "\(phase.start.value.short()) - \(phase.end.value.short())"
            for item in phase.commemorations {
                var found: [(key: Located<String>, anniversary: Anniversary)] = []
                for key in item.keys {
                    if let congress = congress(key.value) {
                        if !congress.opens(between: phase.start.value, and: phase.end.value) {
                            result.append(.warning("\(congress.name) (\(congress.dates())) không diễn ra trong \(phase.name.lowercased()) (\(span))",
                                                   at: key.position, hint: "chuyển đại hội này sang đợt có ngày \(congress.start.short())"))
                        }
                        continue
                    }
                    guard let entry = catalog[key.value] else {
                        let keys = catalog.keys + congresses.map(\.key)
                        let hint = KeySuggestion.nearest(to: key.value, in: keys).map { "có phải ý bạn là `\($0)`?" }
                            ?? "xem danh sách bằng `thidua calendar \(phase.start.value.year)` hoặc khai báo trong `ngay_ky_niem`"
                        result.append(.error("không có ngày kỷ niệm mã `\(key.value)`", at: key.position, hint: hint))
                        continue
                    }
                    if entry.base > phase.end.value {
                        // A catalogue entry of the data's own, dated after the phase: nothing to salute yet.
                        result.append(.error("\(entry.name) có ngày gốc \(entry.base.short()), sau \(phase.name.lowercased()) (\(span)): chưa có kỷ niệm nào",
                                             at: key.position, hint: "kiểm tra `ngay_goc` của `\(key.value)` trong `ngay_ky_niem`"))
                        continue
                    }
                    guard let anniversary = catalog.anniversary(of: entry.key, between: phase.start.value, and: phase.end.value) else {
                        result.append(.warning("\(entry.name) (\(entry.base.dayMonth())) không rơi vào \(phase.name.lowercased()) (\(span))",
                                               at: key.position, hint: "chuyển ngày kỷ niệm này sang đợt có ngày \(entry.base.dayMonth())"))
                        continue
                    }
                    found.append((key, anniversary))
                }
                result += checkWritten(item, found)
            }
        }
        return result
    }

    /// Joined codes of one age; the number and range a clerk typed.
    func checkWritten(_ item: PhaseCommemoration, _ found: [(key: Located<String>, anniversary: Anniversary)]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        guard let first = found.first else { return result }
        if Set(found.map(\.anniversary.years)).count > 1 {
            let list = found.map { "\($0.anniversary.commemoration.name): \($0.anniversary.years) năm" }.joined(separator: "; ")
            result.append(.error("các ngày kỷ niệm gộp một dòng phải cùng số năm, ở đây \(list)", at: first.key.position,
                                 hint: "tách thành các dòng `ky_niem` riêng"))
        }
        let anniversary = first.anniversary
        if let written = item.writtenYears, written.value != anniversary.years {
            result.append(.error("số năm kỷ niệm \(anniversary.commemoration.name) ghi \(written.value) nhưng năm \(anniversary.date.year) là \(anniversary.years) năm (\(anniversary.commemoration.base.year) - \(anniversary.date.year))",
                                 at: written.position, hint: "sửa thành `so_nam: \(anniversary.years)` hoặc bỏ `so_nam` để tự tính"))
        }
        if let written = item.writtenRange {
            let expected = anniversary.range(style: anniversaryStyle)
            if Self.normalizedRange(written.value) != Self.normalizedRange(expected) {
                result.append(.error("khoảng ngày kỷ niệm \"\(written.value)\" sai, đúng là \"\(expected)\"",
                                     at: written.position, hint: "bỏ `khoang` để tự tính, hoặc sửa thành \"\(expected)\""))
            }
        }
        return result
    }

    /// Compares date ranges leniently: spaces and leading zeros don't matter,
    /// the dates do.
    static func normalizedRange(_ text: String) -> [Int] {
        text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    }

    /// A round or half-round anniversary (năm tròn, năm lẻ 5) falling inside a phase that neither
    /// that phase nor any text of the document salutes ("80 năm Cách mạng Tháng Tám" in a phase
    /// running to 31/8/2025).
    func checkUnsalutedAnniversaries() -> [Diagnostic] {
        var named = Set(inlineFields.filter { $0.kind == .kyNiem }.flatMap { $0.codes.map(\.value) })
        for phase in phases {
            named.formUnion(phase.commemorations.flatMap { $0.keys.map(\.value) })
        }
        var result: [Diagnostic] = []
        let catalog = commemorationCatalog
        for phase in phases {
            // Every year of a phase of several years is looked at, not only its first.
            for entry in catalog.entries where !named.contains(entry.key) {
                // One already past when the document is issued cannot be saluted any more.
                for anniversary in catalog.anniversaries(of: entry.key, between: phase.start.value, and: phase.end.value)
                where anniversary.kind != .ordinary && anniversary.date >= header.date.value {
                    let kind = anniversary.kind == .round ? "năm tròn" : "năm lẻ 5"
                    result.append(.warning("\(phase.name) có kỷ niệm \(anniversary.years) năm \(entry.name) (\(anniversary.date.short()), \(kind)) nhưng không chào mừng",
                                           at: phase.position, hint: "thêm `\(entry.key)` vào `ky_niem` của \(phase.name.lowercased())"))
                }
            }
        }
        return result
    }

    /// "… được tổ chức 2 đợt như sau:" must count the phases there are.
    func checkPhasesIntro() -> [Diagnostic] {
        guard let intro = phasesIntro, let stated = Self.statedPhaseCount(intro.text), stated != phases.count else { return [] }
        return [.error("lời giới thiệu ghi \(stated) đợt nhưng kế hoạch có \(phases.count) đợt", at: intro.position,
                       hint: "sửa thành \"\(phases.count) đợt\" trong `gioi_thieu_dot`")]
    }

    /// The number before "đợt" in "chia thành 2 đợt", if written in digits.
    static func statedPhaseCount(_ text: String) -> Int? {
        let words = text.split(separator: " ")
        for (index, word) in words.enumerated().dropFirst() where word.lowercased().hasPrefix("đợt") {
            if let n = Int(words[index - 1]) { return n }
        }
        return nil
    }

    /// A review "vào dịp" names a commemoration that exists and falls soon after the phase starts.
    func checkReviewOccasions() -> [Diagnostic] {
        var result: [Diagnostic] = []
        for phase in phases {
            guard let occasion = phase.reviewOccasion, case .commemoration(let key) = occasion.value else { continue }
            guard commemorationCatalog[key] != nil else {
                let hint = KeySuggestion.nearest(to: key, in: commemorationCatalog.keys + ["cuoi_nam"]).map { "có phải ý bạn là `\($0)`?" }
                    ?? "ghi mã một ngày kỷ niệm (xem `thidua calendar`) hoặc `cuoi_nam`"
                result.append(.error("không có ngày kỷ niệm mã `\(key)` cho dịp sơ kết, tổng kết", at: occasion.position, hint: hint))
                continue
            }
            if phase.review == nil {
                result.append(.warning("\(phase.name) có `dip_danh_gia` nhưng không có `danh_gia` (so_ket hoặc tong_ket)", at: occasion.position,
                                       hint: "thêm `danh_gia: so_ket`"))
            }
            if reviewAnniversary(key, for: phase) == nil {
                result.append(.error("ngày kỷ niệm `\(key)` chưa có dịp nào sau khi \(phase.name.lowercased()) bắt đầu", at: occasion.position,
                                     hint: "chọn một ngày kỷ niệm khác hoặc ghi `han_danh_gia`"))
            }
        }
        return result
    }
}
