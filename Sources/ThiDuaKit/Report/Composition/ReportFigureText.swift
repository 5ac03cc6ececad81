/// Writes report figures the Vietnamese way: "1.234 đoàn viên",
/// "13,8 tỷ đồng", "98,5%".
///
/// Rounding rule (one for the whole report): percentages to one decimal,
/// money above a million to one decimal of the million or billion, halves
/// away from zero, always from the exact integers.
enum ReportFigureText {
    /// A stored value of an indicator (scaled by `indicator.scale`) with its unit.
    static func value(_ value: Int64, of indicator: Indicator) -> String {
        switch indicator.kind {
        case .count:
            return "\(VietnameseNumber.integer(value)) \(indicator.unit)"
        case .money:
            return money(value)
        case .ratio:
            return decimal(value, scale: indicator.scale) + (indicator.unit == "%" ? "%" : " \(indicator.unit)")
        }
    }

    /// A bare number without unit, for table cells.
    static func number(_ value: Int64, of indicator: Indicator) -> String {
        switch indicator.kind {
        case .count, .money: return VietnameseNumber.integer(value)
        case .ratio: return decimal(value, scale: indicator.scale)
        }
    }

    /// "13,8 tỷ đồng", "250,5 triệu đồng", "850.000 đồng".
    static func money(_ dong: Int64) -> String {
        let billion: Int64 = 1_000_000_000, million: Int64 = 1_000_000
        if dong.magnitude >= UInt64(billion), let tenths = ExactRatio(dong, billion)?.rounded(scale: 10) {
            return "\(VietnameseNumber.decimal(tenths, scale: 1)) tỷ đồng"
        }
        if dong.magnitude >= UInt64(million), let tenths = ExactRatio(dong, million)?.rounded(scale: 10) {
            return "\(VietnameseNumber.decimal(tenths, scale: 1)) triệu đồng"
        }
        return "\(VietnameseNumber.integer(dong)) đồng"
    }

    /// A scaled value with at most one decimal, trailing ",0" dropped.
    static func decimal(_ scaled: Int64, scale: Int64) -> String {
        guard scale > 1, let tenths = ExactRatio(scaled, scale)?.rounded(scale: 10) else {
            return VietnameseNumber.integer(scaled)
        }
        if tenths % 10 == 0 { return VietnameseNumber.integer(tenths / 10) }
        return VietnameseNumber.decimal(tenths, scale: 1)
    }

    /// "98,5%" from an exact ratio (already a fraction, not percent points).
    static func percent(_ ratio: ExactRatio?) -> String? {
        guard let ratio, let tenths = ratio.percent(fractionDigits: 1) else { return nil }
        return "\(VietnameseNumber.decimal(tenths, scale: 1))%"
    }
}
