import Yams

extension YAMLReader {
    static let indicatorKeys = ["ma", "ten", "don_vi_tinh", "kieu", "chi_tieu", "cot_chi_tieu", "ty_le", "cau", "gop_vao"]

    /// The `chi_tieu` list of a report: each entry defines an indicator. An
    /// entry whose `ma` is in the default set starts from that definition,
    /// so `{ ma: doan_vien_moi, chi_tieu: 3500 }` only sets the target.
    ///
    /// - Returns: the set, and where each entry's own `chi_tieu:` target was written (the
    ///   reviewed plan's targets are checked against these).
    mutating func indicatorSet(_ node: Node) -> (IndicatorSet?, [String: SourcePosition]) {
        guard let items = list(node, "danh sách chỉ tiêu") else { return (nil, [:]) }
        var indicators: [Indicator] = []
        var targetPositions: [String: SourcePosition] = [:]
        for item in items {
            guard let indicator = indicator(item) else { continue }
            indicators.append(indicator)
            if case .mapping(let m) = item, let targetNode = m["chi_tieu"], targetPositions[indicator.key] == nil {
                targetPositions[indicator.key] = position(targetNode)
            }
        }
        return (indicators.isEmpty ? nil : IndicatorSet(indicators), targetPositions)
    }

    mutating func indicator(_ node: Node) -> Indicator? {
        guard let f = mapping(node, "một chỉ tiêu", allowed: Self.indicatorKeys) else { return nil }
        guard let keyNode = required(f, "ma", "mã chỉ tiêu", example: "doan_vien_moi"),
              let key = string(keyNode, "mã chỉ tiêu") else { return nil }
        let base = IndicatorSet.default[key]
        let name = f["ten"].flatMap { string($0, "tên chỉ tiêu") } ?? base?.name
        let unit = f["don_vi_tinh"].flatMap { string($0, "đơn vị tính") } ?? base?.unit
        var kind = base?.kind ?? .count
        if let kindNode = f["kieu"], let raw = string(kindNode, "kiểu chỉ tiêu") {
            switch raw {
            case "so_luong": kind = .count
            case "tien": kind = .money
            case "ty_le": kind = .ratio
            default:
                let hint = KeySuggestion.nearest(to: raw, in: ["so_luong", "tien", "ty_le"]).map { "có phải ý bạn là `\($0)`?" }
                    ?? "dùng so_luong, tien hoặc ty_le"
                error("kiểu chỉ tiêu \"\(raw)\" không hợp lệ", at: kindNode, hint: hint)
            }
        }
        var target = base?.target
        if let targetNode = f["chi_tieu"] {
            target = integer(targetNode, "chỉ tiêu của `\(key)`", range: 0...Int(Int32.max)).map(Int64.init)
        }
        let targetColumn = f["cot_chi_tieu"].flatMap { string($0, "cột chỉ tiêu riêng") } ?? base?.perUnitTargetColumn
        var aggregation = base?.aggregation ?? .sum
        if let ratioNode = f["ty_le"] {
            if let r = mapping(ratioNode, "`ty_le` (tỷ lệ giữa hai chỉ tiêu)", allowed: ["tu_so", "mau_so"]),
               let numerator = required(r, "tu_so", "chỉ tiêu tử số", example: "cdcs_phat_dong").flatMap({ string($0, "tử số") }),
               let denominator = required(r, "mau_so", "chỉ tiêu mẫu số", example: "so_cdcs").flatMap({ string($0, "mẫu số") }) {
                aggregation = .ratio(numerator: numerator, denominator: denominator)
                kind = .ratio
            }
        }
        // Money is counted and shown in đồng (tables, workbook, form; the text writes "1,5
        // triệu đồng" by itself): `don_vi_tinh` may name đồng or a multiple of it, nothing
        // else, and the indicator's unit is đồng whatever it says.
        if kind == .money, let unitNode = f["don_vi_tinh"], let written = unit,
           FigureMoneyUnit.parse(ReportText.folded(written)) == nil {
            error("đơn vị tính \"\(written)\" của chỉ tiêu tiền `\(key)` không phải đồng", at: unitNode,
                  hint: "ghi `don_vi_tinh: đồng`; số tiền khác đổi ra đồng")
        }
        // Every table, workbook and form holds money in đồng (the text says "1,5 triệu
        // đồng" by itself): a name or unit saying thousands or millions would be false there.
        if kind == .money, let written = name, case .multiple? = FigureMoneyUnit.of(header: written), let nameNode = f["ten"] {
            error("tên chỉ tiêu tiền `\(key)` ghi đơn vị tính bội số của đồng; số tiền luôn tính bằng đồng", at: nameNode,
                  hint: "bỏ phần đơn vị trong tên; văn bản tự viết \"… triệu đồng\", \"… tỷ đồng\" khi số lớn")
        }
        let sentence = f["cau"].flatMap { text($0, "câu mẫu") } ?? base?.sentence
        let joined = f["gop_vao"].flatMap { string($0, "chỉ tiêu được gộp vào (`gop_vao`)") } ?? base?.joinedTo
        guard let name, let unit else {
            error("chỉ tiêu `\(key)` không có trong bộ mặc định nên cần `ten` và `don_vi_tinh`", at: node,
                  hint: "thêm `ten: …` và `don_vi_tinh: người`")
            return nil
        }
        return Indicator(key: key, name: name, unit: kind == .money ? "đồng" : unit, kind: kind, target: target, perUnitTargetColumn: targetColumn,
                         aggregation: aggregation, sentence: sentence, joinedTo: joined)
    }
}
