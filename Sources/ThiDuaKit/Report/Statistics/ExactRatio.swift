/// An exact fraction of two `Int64`s, such as "số đoàn viên mới / chỉ tiêu".
///
/// Statistics stay exact; the formatting layer decides how many decimals to print. The
/// numerator and denominator are kept as computed (not reduced) so that a report can also
/// quote them ("đạt 1.234/1.000"); equality and hashing compare the value.
public struct ExactRatio: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The numerator, carrying the sign.
    public let numerator: Int64
    /// The denominator, always positive.
    public let denominator: Int64

    /// The fraction `numerator / denominator`, or nil when the denominator is 0 (a target of
    /// 0, no unit reported). A negative denominator moves its sign to the numerator.
    public init?(_ numerator: Int64, _ denominator: Int64) {
        guard denominator != 0 else { return nil }
        if denominator < 0 {
            guard numerator != .min, denominator != .min else { return nil }
            self.numerator = -numerator
            self.denominator = -denominator
        } else {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// `numerator × scale / denominator` rounded to the nearest integer, halves away from zero
    /// (2,5 → 3; −2,5 → −3), the rule Vietnamese statistics offices use. Nil if the result
    /// does not fit in `Int64`. `rounded(scale: 1000)` of 1234/1000 is 1234.
    public func rounded(scale: Int64 = 1) -> Int64? {
        guard scale > 0 else { return nil }
        let negative = numerator < 0
        let product = numerator.magnitude.multipliedFullWidth(by: scale.magnitude)
        let divisor = denominator.magnitude
        // The quotient fits in 64 bits only when the high word is below the divisor.
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        var magnitude = quotient
        if remainder >= divisor - remainder {
            let (next, overflow) = magnitude.addingReportingOverflow(1)
            if overflow { return nil }
            magnitude = next
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(magnitude) : Int64(magnitude)
    }

    /// The value in percent with `fractionDigits` decimals, as a scaled integer rounded half
    /// away from zero: 1234/1000 with 1 digit is 1234 (123,4%).
    ///
    /// Rounding never crosses 100% or 0%: 1.999/2.000 is 99,9%, not 100,0% ("đạt 100%" would
    /// say every unit did, while one did not), and 1/10.000 is 0,1%, not 0,0% (which would say
    /// none did). A value of exactly 100% or 0% is printed as such, and so is one beyond.
    public func percent(fractionDigits: Int = 1) -> Int64? {
        guard let value = changePercent(fractionDigits: fractionDigits) else { return nil }
        if value == 0, numerator != 0 { return numerator > 0 ? 1 : -1 }
        return value
    }

    /// The value of a change in percent (a rate of increase, a difference of two rates in
    /// points) with `fractionDigits` decimals, rounded half away from zero.
    ///
    /// As `percent`, rounding never reaches ±100% when the value is not there (a fall of
    /// 99,97% is not a fall to nothing); unlike it, a change too small to show rounds to 0:
    /// a rise of 0,02 points is not one of 0,1, and the sentence says "dưới 0,1" instead.
    public func changePercent(fractionDigits: Int = 1) -> Int64? {
        var scale: Int64 = 100
        for _ in 0..<max(0, fractionDigits) {
            let (next, overflow) = scale.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            scale = next
        }
        guard let value = rounded(scale: scale) else { return nil }
        let whole = scale  // 100% in the scaled unit
        if value == whole, numerator < denominator { return whole - 1 }
        if value == -whole, numerator > -denominator { return -whole + 1 }
        return value
    }

    /// The value as a `Double`, for charts only; never for printed figures.
    public var approximateValue: Double {
        Double(numerator) / Double(denominator)
    }

    /// `numerator/denominator`.
    public var description: String {
        "\(numerator)/\(denominator)"
    }

    /// Compares values exactly by cross-multiplying in 128 bits.
    public static func < (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        let l = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let r = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (l.high, l.low) < (r.high, r.low)
    }

    /// Equal values are equal whatever their terms: 1/2 == 2/4.
    public static func == (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        let l = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let r = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return l.high == r.high && l.low == r.low
    }

    /// Hashes the reduced fraction so that equal values hash alike.
    public func hash(into hasher: inout Hasher) {
        let g = ExactRatio.gcd(numerator.magnitude, denominator.magnitude)
        hasher.combine(numerator < 0)
        hasher.combine(numerator.magnitude / g)
        hasher.combine(denominator.magnitude / g)
    }

    private static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return max(x, 1)
    }
}
