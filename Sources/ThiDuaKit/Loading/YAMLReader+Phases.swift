import Yams

/// The phases of a plan, what they salute, and the congresses the data declares.
extension YAMLReader {
    static let phaseKeys = ["ten", "tu", "den", "chu_de", "ky_niem", "loi_chao_mung", "ky_niem_lien", "danh_gia", "han_danh_gia", "dip_danh_gia"]

    /// One phase. `tu` is a date, a month ("2015-01": "Từ tháng 01/2015") or `dau_nam`
    /// ("Từ đầu năm"); `den` a date, a month ("đến hết tháng 6/2015") or `cuoi_nam`.
    mutating func phase(_ node: Node, index: Int, period: Period?, issued: CivilDate?) -> Phase? {
        guard let f = mapping(node, "một đợt thi đua", allowed: Self.phaseKeys) else { return nil }
        let name = f["ten"].flatMap { string($0, "tên đợt") } ?? "Đợt \(index + 1)"
        let startNode = required(f, "tu", "ngày bắt đầu đợt", example: "2025-01-01")
        let endNode = required(f, "den", "ngày kết thúc đợt", example: "2025-08-31")
        // A bound at the edge of the year takes its year from the other bound.
        let startYear = startNode.flatMap(Self.explicitYear)
        let endYear = endNode.flatMap(Self.explicitYear)
        let fallbackYear = period?.start.value.year ?? issued?.year ?? 2000
        let start = startNode.flatMap { phaseBound($0, isStart: true, year: endYear ?? fallbackYear) }
        let end = endNode.flatMap { phaseBound($0, isStart: false, year: startYear ?? fallbackYear) }
        if let start, let end {
            fieldResolver?.phase = (start.date.value, end.date.value, index)
        }
        let theme = f["chu_de"].flatMap { richText($0, "chủ đề") }
        let commemorations = f["ky_niem"].flatMap { list($0, "các ngày kỷ niệm") }?.compactMap { phaseCommemoration($0) } ?? []
        let leadIn = f["loi_chao_mung"].flatMap { richText($0, "lời dẫn các ngày kỷ niệm (`loi_chao_mung`)") }
        fieldResolver?.phase = nil
        let inline = f["ky_niem_lien"].flatMap { bool($0, "`ky_niem_lien`") } ?? false
        let review = f["danh_gia"].flatMap { choice($0, "hình thức đánh giá (`danh_gia`)", ReviewKind.self, allowed: ReviewKind.allCases) }
        let reviewDeadline = f["han_danh_gia"].flatMap { date($0, "hạn sơ kết/tổng kết") }
        var occasion: Located<ReviewOccasion>?
        if let n = f["dip_danh_gia"], let raw = string(n, "dịp sơ kết/tổng kết (`dip_danh_gia`)") {
            if reviewDeadline != nil {
                error("chỉ ghi một trong `han_danh_gia` (ngày) và `dip_danh_gia` (dịp)", at: f.keys["dip_danh_gia"], hint: "xóa một trong hai dòng")
            } else {
                occasion = Located(raw == "cuoi_nam" ? .endOfYear : .commemoration(raw), at: position(n))
            }
        }
        guard let start, let end else { return nil }
        return Phase(name: name, start: start.date, end: end.date, theme: theme, commemorations: commemorations,
                     review: review, reviewDeadline: reviewDeadline, position: position(node),
                     startBound: start.bound, endBound: end.bound, reviewOccasion: occasion,
                     saluteLeadIn: leadIn, salutesInline: inline)
    }

    /// The year written in a bound ("2015-01", "30/6/2015"), if any.
    static func explicitYear(_ node: Node) -> Int? {
        guard case .scalar(let scalar) = node else { return nil }
        let raw = trimmedSpaces(scalar.string)
        if let (year, _) = parseMonth(raw) { return year }
        if case .success(let date) = CivilDate.parse(raw) { return date.year }
        return nil
    }

    mutating func phaseBound(_ node: Node, isStart: Bool, year: Int) -> (date: Located<CivilDate>, bound: PhaseBound)? {
        let what = isStart ? "ngày bắt đầu đợt" : "ngày kết thúc đợt"
        if case .scalar(let scalar) = node {
            let raw = Self.trimmedSpaces(scalar.string)
            if raw == (isStart ? "dau_nam" : "cuoi_nam") {
                let date = isStart ? CivilDate(year: year, month: 1, day: 1) : CivilDate(year: year, month: 12, day: 31)
                return date.map { (Located($0, at: position(node)), .yearEdge) }
            }
            if raw == "dau_nam" || raw == "cuoi_nam" {
                error("`\(raw)` không dùng cho \(what)", at: node,
                      hint: isStart ? "ngày bắt đầu có thể là `dau_nam` (từ đầu năm)" : "ngày kết thúc có thể là `cuoi_nam` (đến cuối năm)")
                return nil
            }
            if let (y, m) = Self.parseMonth(raw), let first = CivilDate(year: y, month: m, day: 1) {
                return (Located(isStart ? first : first.endOfMonth, at: position(node)), .month)
            }
        }
        return date(node, what).map { ($0, .day) }
    }

    /// A saluted commemoration: a code; several codes of the same age (`[a, b]` or
    /// `ma: [a, b]`), printed as one "Kỷ niệm N năm A (…) và B (…)"; or a block with the
    /// figures a clerk typed (`so_nam`, `khoang`) and their own wording (`ten`).
    mutating func phaseCommemoration(_ node: Node) -> PhaseCommemoration? {
        switch node {
        case .scalar:
            return string(node, "mã ngày kỷ niệm").map { PhaseCommemoration(key: Located($0, at: position(node))) }
        case .sequence:
            return groupedKeys(node).flatMap { keys in keys.first.map { PhaseCommemoration(key: $0, others: Array(keys.dropFirst())) } }
        default:
            break
        }
        guard let f = mapping(node, "một ngày kỷ niệm", allowed: ["ma", "so_nam", "khoang", "ten"]) else { return nil }
        guard let keyNode = required(f, "ma", "mã ngày kỷ niệm", example: "thanh_lap_dang"),
              let keys = groupedKeys(keyNode), let first = keys.first else { return nil }
        let years = f["so_nam"].flatMap { n in integer(n, "số năm kỷ niệm").map { Located($0, at: position(n)) } }
        let range = f["khoang"].flatMap { n in string(n, "khoảng ngày kỷ niệm").map { Located($0, at: position(n)) } }
        let ownName = f["ten"].flatMap { n in string(n, "tên ngày kỷ niệm theo cách ghi của văn bản").map { Located($0, at: position(n)) } }
        if ownName != nil, keys.count > 1 {
            error("`ten` chỉ dùng khi mục có một mã", at: f.keys["ten"], hint: "tách thành các mục riêng, mỗi mục một `ten`")
        }
        if range != nil, keys.count > 1 {
            error("`khoang` chỉ dùng khi mục có một mã", at: f.keys["khoang"], hint: "bỏ `khoang`: thidua tự tính khoảng ngày của từng ngày kỷ niệm")
        }
        return PhaseCommemoration(key: first, writtenYears: years, writtenRange: range, others: Array(keys.dropFirst()), ownName: ownName)
    }

    /// One code, or a list of codes.
    mutating func groupedKeys(_ node: Node) -> [Located<String>]? {
        if case .scalar = node {
            return string(node, "mã ngày kỷ niệm").map { [Located($0, at: position(node))] }
        }
        guard let items = list(node, "các mã ngày kỷ niệm gộp một dòng") else { return nil }
        let keys = items.compactMap { n in string(n, "mã ngày kỷ niệm").map { Located($0, at: position(n)) } }
        guard !keys.isEmpty else {
            error("danh sách mã ngày kỷ niệm đang trống", at: node, hint: "ví dụ `[cach_mang_thang_tam, quoc_khanh]`")
            return nil
        }
        return keys
    }

    /// `gioi_thieu_dot`: a paragraph, or `{ tieu_muc: … }` to make it a numbered item of its section.
    mutating func phasesIntroduction(_ node: Node) -> PhasesIntro? {
        if case .scalar = node {
            return richText(node, "lời giới thiệu các đợt").map { PhasesIntro(text: $0, position: position(node)) }
        }
        guard let f = mapping(node, "lời giới thiệu các đợt", allowed: ["doan", "tieu_muc"]) else { return nil }
        guard let (key, value) = [("tieu_muc", f["tieu_muc"]), ("doan", f["doan"])].first(where: { $0.1 != nil }).map({ ($0.0, $0.1) }),
              let value else {
            error("lời giới thiệu các đợt cần `tieu_muc` (một tiểu mục đánh số) hoặc `doan` (một đoạn văn)", at: node,
                  hint: "ví dụ `gioi_thieu_dot: { tieu_muc: \"Phong trào thi đua năm 2025 được tổ chức 2 đợt như sau:\" }`")
            return nil
        }
        return richText(value, "lời giới thiệu các đợt").map { PhasesIntro(text: $0, asItem: key == "tieu_muc", position: position(node)) }
    }

    /// A congress of `dai_hoi`: `{ ma, ten, ngay, den }`.
    mutating func congress(_ node: Node) -> Congress? {
        guard let f = mapping(node, "một đại hội", allowed: ["ma", "ten", "ngay", "den"]) else { return nil }
        let key = required(f, "ma", "mã", example: "dai_hoi_cong_doan_tinh").flatMap { string($0, "mã đại hội") }
        let name = required(f, "ten", "tên", example: "Đại hội Công đoàn tỉnh lần thứ I, nhiệm kỳ 2025 - 2030").flatMap { string($0, "tên đại hội") }
        let start = required(f, "ngay", "ngày khai mạc", example: "2025-12-16").flatMap { date($0, "ngày khai mạc đại hội") }
        let end = f["den"].flatMap { date($0, "ngày bế mạc đại hội") }
        if let start, let end, end.value < start.value {
            error("đại hội bế mạc (\(end.value.short())) trước ngày khai mạc (\(start.value.short()))", at: f["den"], hint: "kiểm tra lại `ngay` và `den`")
        }
        // conventions.md: congress and session ordinals are Roman ("lần thứ X", "Đại hội XII").
        if let name, let arabic = Self.arabicOrdinal(in: name) {
            warning("tên đại hội ghi số thứ tự \"\(arabic)\" bằng chữ số Ả Rập; số thứ tự đại hội phải viết bằng chữ số La Mã",
                    at: f["ten"], hint: "ví dụ \"lần thứ \(RomanNumeral.string(arabic) ?? "XII")\"")
        }
        guard let key, let name, let start else { return nil }
        return Congress(key: key, name: name, start: start.value, end: end?.value, position: position(node))
    }

    /// The number of "lần thứ 12" or "Đại hội 12", if the name writes its ordinal in digits.
    static func arabicOrdinal(in name: String) -> Int? {
        let words = name.split(separator: " ").map { String($0).trimmingCharacters(in: .punctuationCharacters) }
        for (index, word) in words.enumerated() where index > 0 {
            let before = words[index - 1].lowercased()
            guard before == "thứ" || before == "hội", let number = Int(word), (1...99).contains(number) else { continue }
            return number
        }
        return nil
    }
}
