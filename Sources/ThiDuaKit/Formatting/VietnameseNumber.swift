/// Numbers written the Vietnamese way: "." groups thousands, "," separates the
/// decimals, and a percent sign follows with no space ("1.234", "13,8", "98,5%").
///
/// Everything is computed on integers: figures in reports are counts and đồng
/// amounts that must add up exactly, and `Double` would print 0,1 + 0,2 wrongly
/// and round 2,675 the wrong way.
public enum VietnameseNumber {
    /// "1.234.567", "-1.234", "0".
    public static func integer(_ n: Int64) -> String {
        let digits = Array(String(n.magnitude).utf8)
        return (n < 0 ? "-" : "") + grouped(digits[...])
    }

    /// "1.234.567", "-1.234", "0".
    public static func integer(_ n: Int) -> String {
        integer(Int64(n))
    }

    /// Fixed-point decimal from a scaled integer: decimal(138, scale: 1) -> "13,8"; thousands grouped "1.234,5"; trailing zeros kept as given scale (decimal(130, scale:1) -> "13,0").
    ///
    /// A scale of 0 or less prints the integer. Negative values keep their sign
    /// even below one ("-0,5").
    public static func decimal(_ scaled: Int64, scale: Int) -> String {
        guard scale > 0 else { return integer(scaled) }
        return format(negative: scaled < 0, digits: Array(String(scaled.magnitude).utf8), scale: scale)
    }

    // MARK: - Helpers

    /// "5" -> "05"; numbers of two digits or more are unchanged (dates, document numbers).
    @inline(__always)
    static func twoDigits(_ n: Int) -> String {
        (0...9).contains(n) ? "0" + String(n) : String(n)
    }

    /// Adds one to a string of ASCII digits, growing it on carry ("999" -> "1000").
    private static func incrementDecimal(_ digits: inout [UInt8]) {
        var index = digits.count - 1
        while index >= 0 {
            if digits[index] == UInt8(ascii: "9") {
                digits[index] = UInt8(ascii: "0")
                index -= 1
            } else {
                digits[index] += 1
                return
            }
        }
        digits.insert(UInt8(ascii: "1"), at: 0)
    }

    /// Writes ASCII digits as a decimal with `scale` digits after the comma.
    static func format(negative: Bool, digits: [UInt8], scale: Int) -> String {
        var all = digits
        if all.count <= scale {
            // 5 with scale 2 is "0,05": pad so there is one integer digit.
            all.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: scale - all.count + 1), at: 0)
        }
        let split = all.count - scale
        var text = negative ? "-" : ""
        text += grouped(all[..<split])
        if scale > 0 {
            text += ","
            text += String(decoding: all[split...], as: UTF8.self)
        }
        return text
    }

    /// Integer digits with "." every three digits from the right.
    static func grouped(_ digits: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3)
        var position = digits.count
        for digit in digits {
            out.append(digit)
            position -= 1
            if position > 0 && position % 3 == 0 { out.append(UInt8(ascii: ".")) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
