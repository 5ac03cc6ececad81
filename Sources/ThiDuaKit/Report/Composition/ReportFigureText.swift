/// Writes report figures the Vietnamese way: "1.234 đoàn viên",
/// "13,8 tỷ đồng", "98,5%".
///
/// Rounding rule (one for the whole report): percentages to one decimal, money
/// from a million up to one decimal of the million or two of the billion, halves
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

    /// "3,43 tỷ đồng", "722,6 triệu đồng", "50 triệu đồng", "850.000 đồng".
    ///
    /// Billions keep two decimals and millions one, so a figure keeps three significant
    /// digits or more ("3,4 tỷ" hid 32 million đồng); zeros at the end are dropped. An
    /// amount that rounds to 1.000 million is written in billions.
    static func money(_ dong: Int64) -> String {
        let billion: Int64 = 1_000_000_000, million: Int64 = 1_000_000
        if let tenths = ExactRatio(dong, million)?.rounded(scale: 10), tenths.magnitude < 10_000,
           dong.magnitude >= UInt64(million) {
            return "\(trimmed(tenths, scale: 1)) triệu đồng"
        }
        if dong.magnitude >= UInt64(million), let hundredths = ExactRatio(dong, billion)?.rounded(scale: 100) {
            return "\(trimmed(hundredths, scale: 2)) tỷ đồng"
        }
        return "\(VietnameseNumber.integer(dong)) đồng"
    }

    /// A scaled decimal with the zeros at the end of its fraction dropped: 3430 at scale 2
    /// is "34,3", 5000 is "50".
    static func trimmed(_ scaled: Int64, scale: Int) -> String {
        var value = scaled
        var digits = scale
        while digits > 0, value % 10 == 0 {
            value /= 10
            digits -= 1
        }
        return digits == 0 ? VietnameseNumber.integer(value) : VietnameseNumber.decimal(value, scale: digits)
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
