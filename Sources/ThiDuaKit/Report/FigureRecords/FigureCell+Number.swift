extension FigureNumber {
    /// Reads a cell of any source for an indicator of `kind`: text by the Vietnamese rules,
    /// a stored number from its literal, anything else refused with what to do.
    static func parse(_ cell: FigureCell, kind: Indicator.Kind) -> Parsed {
        switch cell {
        case .text(let text):
            return parse(text, kind: kind)
        case .number(let literal):
            return parseStored(literal, kind: kind)
        case .date(let shown):
            return .invalid(message: "ô là ngày tháng (\(shown)), không phải số",
                            hint: "định dạng ô là Số (Định dạng ô ▸ Số) rồi ghi lại số liệu")
        case .formulaWithoutValue:
            return .invalid(message: "ô có công thức nhưng tệp chưa lưu kết quả tính",
                            hint: "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại một lần để lưu kết quả các công thức")
        case .error(let code):
            return .invalid(message: "công thức của ô báo lỗi '\(code)'",
                            hint: "sửa công thức (hoặc ghi số) trong bảng tính rồi lưu lại")
        case .boolean(let value):
            return .invalid(message: "ô là giá trị đúng/sai (\(value ? "TRUE" : "FALSE")), không phải số",
                            hint: "ghi số liệu vào ô (ô đang là ô đánh dấu hay kết quả một phép so sánh)")
        }
    }

    /// Reads a number a spreadsheet stored ("1234", "12.5", "1.2E+3", "-1"): exact decimal
    /// arithmetic on the literal, never through text rules, and never through a binary
    /// floating point that would turn 0.1 into 0.1000000000000000055.
    ///
    /// Digits past the indicator's precision are accepted only when they are the noise of
    /// binary arithmetic (a formula's `12.000000000000002`), within 10⁻⁹ of a unit or 10⁻¹⁴
    /// of the value; otherwise the
    /// cell is refused as a text cell would be.
    static func parseStored(_ literal: String, kind: Indicator.Kind) -> Parsed {
        guard let decimal = StoredDecimal(literal) else {
            return .invalid(message: "ô số '\(literal)' không đọc được",
                            hint: "ghi lại số liệu vào ô bằng Excel hoặc LibreOffice")
        }
        // Shown only in a message: most cells never need it.
        var shown: String { ReportText.excerpt(FigureCell.displayNumber(literal), limit: 40) }
        if decimal.isNegative && !decimal.isZero {
            return .invalid(message: "số âm '\(shown)' không hợp lệ",
                            hint: "số liệu báo cáo không thể âm; kiểm tra lại ô này")
        }
        // Digits past the 18th dropped before the point: a whole number too large, not a
        // fraction ("1234567890123456789").
        if decimal.droppedNonZero && decimal.exponent >= 0, let problem = FigureRules.valueProblem(.max, text: shown, kind: kind) {
            return .invalid(message: problem.message, hint: problem.hint)
        }
        let digits = kind == .ratio ? 4 : 0
        guard let (value, inexact) = decimal.scaled(fractionDigits: digits) else {
            return .invalid(message: "số '\(shown)' quá lớn", hint: "kiểm tra lại ô này; số liệu không thể lớn như vậy")
        }
        if inexact {
            if kind == .ratio {
                return .invalid(message: "'\(shown)' có quá 4 chữ số thập phân",
                                hint: "làm tròn đến 4 chữ số sau dấu phẩy (hàm ROUND)")
            }
            let what = kind == .money ? "số tiền tính bằng đồng, không có phần lẻ" : "số đếm phải là số nguyên"
            return .invalid(message: "'\(shown)' có phần thập phân: \(what)",
                            hint: "làm tròn thành số nguyên (hàm ROUND), hoặc sửa lại số liệu")
        }
        return .value(value)
    }
}

/// An invariant decimal literal as integer digits and a power of ten.
struct StoredDecimal {
    /// Up to 18 significant digits.
    var mantissa: Int64
    /// Value = mantissa × 10^exponent (ignoring `droppedNonZero`).
    var exponent: Int
    var isNegative: Bool
    /// Significant digits past the 18th were not all zero.
    var droppedNonZero: Bool

    var isZero: Bool { mantissa == 0 && !droppedNonZero }

    init?(_ literal: String) {
        guard let parsed = literal.withUTF8Bytes(StoredDecimal.parse) else { return nil }
        self = parsed
    }

    private init(mantissa: Int64, exponent: Int, isNegative: Bool, droppedNonZero: Bool) {
        self.mantissa = mantissa
        self.exponent = exponent
        self.isNegative = isNegative
        self.droppedNonZero = droppedNonZero
    }

    /// The literal's bytes read by position: every figure cell of a sheet goes through here.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> StoredDecimal? {
        var mantissa: Int64 = 0, significant = 0, exponent = 0
        var negative = false, droppedNonZero = false, sawDigit = false, sawDot = false
        var i = 0
        let count = bytes.count
        if i < count, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        else if i < count, bytes[i] == UInt8(ascii: "+") { i += 1 }
        while i < count {
            let byte = bytes[i]
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
                let digit = Int64(byte - 0x30)
                if significant < 18 {
                    if mantissa > 0 || digit > 0 { significant += 1 }
                    mantissa = mantissa * 10 + digit
                    if sawDot { exponent -= 1 }
                } else {
                    if digit != 0 { droppedNonZero = true }
                    if !sawDot { exponent += 1 }
                }
            } else if byte == UInt8(ascii: "."), !sawDot {
                sawDot = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigit else { return nil }
        if i < count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var sign = 1
            if i < count, bytes[i] == UInt8(ascii: "-") { sign = -1; i += 1 }
            else if i < count, bytes[i] == UInt8(ascii: "+") { i += 1 }
            let digits = count - i
            guard digits > 0, digits <= 5 else { return nil }
            var power = 0
            while i < count {
                guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else { return nil }
                power = power * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            exponent += sign * power
        }
        guard i == count else { return nil }
        return StoredDecimal(mantissa: mantissa, exponent: exponent, isNegative: negative, droppedNonZero: droppedNonZero)
    }

    /// The value × 10^fractionDigits rounded to an integer, and whether the rounding moved
    /// it by more than float noise (10⁻⁹ of a unit, 10⁻¹⁴ of the value): a real fraction;
    /// nil on overflow.
    func scaled(fractionDigits: Int) -> (Int64, Bool)? {
        let shift = exponent + fractionDigits
        if mantissa == 0 { return (0, droppedNonZero) }
        if shift >= 0 {
            guard shift <= 18 else { return nil }
            let (value, overflow) = mantissa.multipliedReportingOverflow(by: Self.power(shift))
            return overflow ? nil : (value, droppedNonZero)
        }
        // Dividing by more than 10^18 leaves nothing of an 18-digit mantissa.
        guard -shift <= 18 else { return (0, true) }
        let divisor = Self.power(-shift)
        var quotient = mantissa / divisor
        let remainder = mantissa % divisor
        if remainder * 2 >= divisor { quotient += 1 }
        // The distance to the nearest integer, in units of the literal's last digit: noise
        // when it is below 10⁻⁹ of one unit of the figure itself, or below 10⁻¹⁴ of the
        // value — a double holds 15 to 17 digits, so a formula's result of 300 million
        // (=0.1*3*10^9) comes out as 300000000.00000006, off by 2·10⁻¹⁶ of itself, far more
        // than 10⁻⁹ of a unit; sums of many cells stay well within 10⁻¹⁴.
        let distance = min(remainder, divisor - remainder)
        let absolute = -shift > 9 + fractionDigits ? Self.power(-shift - 9 - fractionDigits) : 0
        let relative = mantissa / 100_000_000_000_000
        return (quotient, distance > max(absolute, relative))
    }

    static func power(_ n: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<n { result *= 10 }
        return result
    }
}
