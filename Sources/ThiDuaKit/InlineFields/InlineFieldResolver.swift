/// Computes the value of each inline field from the document's catalogue, congresses and year.
///
/// Everything that can be wrong with a field — an unknown kind, code or option, a number of
/// years written by hand that is not the computed one, codes of different ages joined by `+`,
/// an event that has not happened yet in the year — is a problem at the offset of the part at
/// fault, so the loader reports it at `tệp.yaml:dòng:cột`.
struct InlineFieldResolver {
    /// A fault, at a character offset from the field's opening brace.
    struct Problem: Equatable {
        var message: String
        var hint: String
        var offset: Int
    }

    var catalog: CommemorationCatalog
    var congresses: [Congress]
    /// The year anniversaries count to unless the field says `nam`.
    var year: Int
    /// The phase whose text is being read: an anniversary falling in it counts to its year.
    var phase: (start: CivilDate, end: CivilDate, index: Int)?
    /// The movement's period (`thoi_gian`): outside a phase, or for an anniversary the phase
    /// does not hold, the one falling in the period is meant (a school year from 1/9/2029
    /// salutes 3/2/2030, not 3/2/2029).
    var movement: (start: CivilDate, end: CivilDate)?
    var style: DayMonthStyle

    static let kyNiemOptions = ["khoang", "nam", "so_nam", "ten"]
    static let daiHoiOptions = ["ngay"]

    /// The field's text and the year it counted to, or the problems found.
    func resolve(_ field: InlineFieldSyntax.Parsed) -> Result<(kind: InlineField.Kind, value: String, year: Int?), ProblemList> {
        guard let kind = InlineField.Kind(rawValue: field.kind) else {
            let names = InlineField.Kind.allCases.map(\.rawValue)
            let hint = KeySuggestion.nearest(to: field.kind, in: names).map { "có phải ý bạn là `{\($0) …}`?" }
                ?? "các trường dùng được: \(names.map { "`{\($0) …}`" }.joined(separator: ", "))"
            return .failure(ProblemList([Problem(message: "không có loại trường `\(field.kind)`", hint: hint, offset: 1)]))
        }
        switch kind {
        case .kyNiem: return anniversary(field).map { (kind, $0.value, $0.year) }
        case .daiHoi: return congress(field).map { (kind, $0, nil) }
        }
    }

    struct ProblemList: Error, Equatable {
        var problems: [Problem]
        init(_ problems: [Problem]) { self.problems = problems }
    }

    func unknownOptions(_ field: InlineFieldSyntax.Parsed, allowed: [String]) -> [Problem] {
        field.options.filter { !allowed.contains($0.name) }.map { option in
            let hint = KeySuggestion.nearest(to: option.name, in: allowed).map { "có phải ý bạn là `\($0)`?" }
                ?? "các tùy chọn dùng được: \(allowed.joined(separator: ", "))"
            return Problem(message: "trường `{\(field.kind) …}` không có tùy chọn `\(option.name)`", hint: hint, offset: option.offset)
        }
    }

    func anniversary(_ field: InlineFieldSyntax.Parsed) -> Result<(value: String, year: Int), ProblemList> {
        var problems = unknownOptions(field, allowed: Self.kyNiemOptions)
        var entries: [Commemoration] = []
        for (code, offset) in field.codes {
            if let entry = catalog[code] {
                entries.append(entry)
            } else {
                problems.append(Problem(message: "không có ngày kỷ niệm mã `\(code)`", hint: suggestion(for: code, in: catalog.keys, year: year), offset: offset))
            }
        }
        var fixedYear: Int?
        if let option = field.options.first(where: { $0.name == "nam" }) {
            if let text = option.value, let value = Int(text), (1900...2200).contains(value) {
                fixedYear = value
            } else {
                problems.append(Problem(message: "`nam` cần một năm từ 1900 đến 2200, đang là \"\(option.value ?? "")\"",
                                        hint: "ví dụ `{ky_niem thanh_lap_dang, nam 2030}`", offset: option.offset))
            }
        }
        if field.ownName != nil, field.codes.count > 1 {
            problems.append(Problem(message: "`ten` chỉ dùng khi trường có một mã", hint: "tách thành các trường riêng, mỗi trường một `ten`", offset: 1))
        }
        guard problems.isEmpty, let first = entries.first else { return .failure(ProblemList(problems)) }
        let target = fixedYear ?? targetYear(first)
        var years: [Int] = []
        for (entry, (code, offset)) in zip(entries, field.codes) {
            let n = entry.years(in: target)
            if n <= 0 {
                problems.append(Problem(message: "\(entry.name) có ngày gốc \(entry.base.short()), chưa đến kỷ niệm nào trong năm \(target)",
                                        hint: "kiểm tra ngày gốc của `\(code)` hoặc năm (`nam`)", offset: offset))
            }
            years.append(n)
        }
        if Set(years).count > 1 {
            let list = zip(entries, years).map { "\($0.0.name): \($0.1) năm" }.joined(separator: "; ")
            problems.append(Problem(message: "các ngày kỷ niệm nối bằng `+` phải cùng số năm, ở đây \(list)",
                                    hint: "tách thành các trường riêng", offset: field.codes.last?.offset ?? 1))
        }
        let count = years.first ?? 0
        if let option = field.options.first(where: { $0.name == "so_nam" }) {
            let written = option.value.flatMap { Int($0.split(separator: " ").first ?? "") }
            if written != count {
                problems.append(Problem(message: "số năm ghi \"\(option.value ?? "")\" nhưng năm \(target) là \(count) năm (\(first.base.year) - \(target))",
                                        hint: "sửa thành `so_nam \(count)` hoặc bỏ `so_nam` để tự tính", offset: option.offset))
            }
        }
        guard problems.isEmpty else { return .failure(ProblemList(problems)) }
        let withRange = field.options.contains { $0.name == "khoang" }
        let names = entries.map { entry -> String in
            let name = field.ownName ?? entry.name
            guard withRange, let date = entry.date(in: target) else { return name }
            return "\(name) (\(entry.base.short(style)) - \(date.short(style)))"
        }
        return .success(("\(count) năm \(Self.joined(names))", target))
    }

    /// The year of the anniversary the phase salutes when one falls in it, else of the one
    /// the movement's period salutes, else the movement's year (a period too short to hold one).
    func targetYear(_ entry: Commemoration) -> Int {
        if let phase, let found = catalog.anniversary(of: entry.key, between: phase.start, and: phase.end) {
            return found.date.year
        }
        if let movement, let found = catalog.anniversary(of: entry.key, between: movement.start, and: movement.end) {
            return found.date.year
        }
        return year
    }

    func congress(_ field: InlineFieldSyntax.Parsed) -> Result<String, ProblemList> {
        var problems = unknownOptions(field, allowed: Self.daiHoiOptions)
        if field.ownName != nil {
            problems.append(Problem(message: "trường `{dai_hoi …}` không có tùy chọn `ten`", hint: "tên đại hội ghi ở khối `dai_hoi`", offset: 1))
        }
        var names: [String] = []
        for (code, offset) in field.codes {
            if let item = congresses.first(where: { $0.key == code }) {
                let withDates = field.options.contains { $0.name == "ngay" }
                names.append(withDates ? "\(item.name) (\(item.dates(style: style)))" : item.name)
            } else {
                let hint = KeySuggestion.nearest(to: code, in: congresses.map(\.key)).map { "có phải ý bạn là `\($0)`?" }
                    ?? "khai báo đại hội trong khối `dai_hoi` (mã, tên, ngày)"
                problems.append(Problem(message: "không có đại hội mã `\(code)`", hint: hint, offset: offset))
            }
        }
        return problems.isEmpty ? .success(Self.joined(names)) : .failure(ProblemList(problems))
    }

    func suggestion(for code: String, in keys: [String], year: Int) -> String {
        KeySuggestion.nearest(to: code, in: keys).map { "có phải ý bạn là `\($0)`?" }
            ?? "xem danh sách mã bằng `thidua calendar \(year)` hoặc khai báo trong `ngay_ky_niem`"
    }

    /// "A", "A và B", "A, B và C".
    static func joined(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " và " + last
    }
}
