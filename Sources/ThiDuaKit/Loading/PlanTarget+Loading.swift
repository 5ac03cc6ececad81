import Yams

extension YAMLReader {
    static let planTargetKeys = ["ma", "gia_tri", "cau", "ten", "don_vi_tinh"]

    /// A `cac_chi_tieu` block: the plan's targets as data, each printed as a bullet.
    ///
    /// ```yaml
    /// - cac_chi_tieu:
    ///     - { ma: doan_vien_moi, gia_tri: 3500, cau: "Phát triển mới {gia_tri} đoàn viên." }
    ///     - { ma: ty_le_cdcs_phat_dong, gia_tri: 100 }
    /// ```
    ///
    /// `ma` is an indicator key as reports use it, so a report that names this plan's data
    /// file takes these targets. `cau` is the sentence, `{gia_tri}` the value written the
    /// Vietnamese way ("3.500", "100%"); without it the sentence is "Tên: giá trị đơn vị".
    mutating func planTargetBullets(_ node: Node) -> [Block] {
        guard let items = list(node, "các chỉ tiêu kế hoạch") else { return [] }
        var bullets: [Block] = []
        for item in items {
            guard let target = planTarget(item) else { continue }
            if let earlier = planTargets.first(where: { $0.key.value == target.key.value }) {
                error("chỉ tiêu `\(target.key.value)` ghi hai lần (lần đầu ở dòng \(earlier.key.position.line))",
                      at: item, hint: "mỗi chỉ tiêu chỉ ghi một lần trong kế hoạch")
                continue
            }
            planTargets.append(target)
            bullets.append(.bullet(target.sentence, blocks: [], target.position))
        }
        return bullets
    }

    mutating func planTarget(_ node: Node) -> PlanTarget? {
        guard let f = mapping(node, "một chỉ tiêu kế hoạch", allowed: Self.planTargetKeys) else { return nil }
        guard let keyNode = required(f, "ma", "mã chỉ tiêu", example: "doan_vien_moi"),
              let key = string(keyNode, "mã chỉ tiêu") else { return nil }
        guard IndicatorSet.isWellFormedKey(key) else {
            let hint = ReportText.nearest(key, in: IndicatorSet.default.keys).map { "có phải là `\($0)`?" }
                ?? "mã viết chữ thường không dấu, nối bằng `_`, như trong báo cáo, ví dụ `doan_vien_moi`"
            error("mã chỉ tiêu \"\(key)\" không hợp lệ", at: keyNode, hint: hint)
            return nil
        }
        let base = IndicatorSet.default[key]
        guard let valueNode = required(f, "gia_tri", "giá trị chỉ tiêu", example: "3500"),
              let value = integer(valueNode, "giá trị chỉ tiêu `\(key)`", range: 0...999_999_999_999_999) else { return nil }
        let name = f["ten"].flatMap { string($0, "tên chỉ tiêu") } ?? base?.name
        let unit = f["don_vi_tinh"].flatMap { string($0, "đơn vị tính") } ?? base?.unit
        let pattern: String
        if let sentence = f["cau"].flatMap({ text($0, "câu chỉ tiêu") }) {
            pattern = sentence
        } else if let name, let unit {
            // A rate and an amount carry their unit in the value ("100%", "2 tỷ đồng").
            let bare = unit == "%" || unit == "đồng" || base?.kind == .money || base?.isComputed == true
            pattern = bare ? "\(name): {gia_tri}." : "\(name): {gia_tri} \(unit)."
        } else {
            let hint = ReportText.nearest(key, in: IndicatorSet.default.keys).map { "có phải là `\($0)`? Nếu không, " } ?? ""
            error("chỉ tiêu `\(key)` không có trong bộ chỉ tiêu mặc định nên cần câu `cau` (hoặc `ten` và `don_vi_tinh`)",
                  at: node, hint: hint + "thêm `cau: \"Phát triển mới {gia_tri} …\"`")
            return nil
        }
        if !pattern.contains("{gia_tri}") {
            warning("câu của chỉ tiêu `\(key)` không có chỗ điền {gia_tri}: con số chỉ ghi trong dữ liệu, không in ra",
                    at: f.keys["cau"] ?? node, hint: "viết con số bằng {gia_tri}, ví dụ \"Phát triển mới {gia_tri} đoàn viên\"")
        }
        let isPercent = base?.isComputed ?? (unit == "%")
        let written: String
        if isPercent {
            written = "\(VietnameseNumber.integer(value))%"
        } else if base?.kind == .money || unit == "đồng" {
            written = ReportFigureText.money(Int64(value))
        } else {
            written = VietnameseNumber.integer(value)
        }
        let sentence = pattern.replacingOccurrences(of: "{gia_tri}", with: written)
        return PlanTarget(key: Located(key, at: position(keyNode)), value: Located(Int64(value), at: position(valueNode)),
                          sentence: sentence, position: position(node))
    }
}
