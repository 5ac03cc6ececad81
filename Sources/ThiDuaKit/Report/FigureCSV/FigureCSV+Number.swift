/// Reads one figure cell the way Vietnamese clerks write numbers.
///
/// Rules (conventions.md, "Numbers and sorting"): "." separates thousands, "," is the
/// decimal mark. So "1.234.567" is 1234567 and "12,5" is twelve and a half. Everything a
/// reader could take two ways is refused rather than guessed:
/// - a "." whose groups are not exactly three digits ("1.5", "12.50", "0.125") — it is an
///   English decimal point or a typo, and reading it as thousands would be off by 1000;
/// - several "," ("1,234,567"), or "," before "." ("1,234.5") — English style;
/// - a "," in a count or money column — counts and đồng are whole, and "1,234" may be
///   English for 1234.
/// Spaces (also no-break) may group thousands like ".". A dash is refused too: the clerk
/// must choose between an empty cell (no figure) and 0.
enum FigureNumber {
    /// What a cell holds.
    enum Parsed: Equatable {
        /// Nothing written: no figure, distinct from 0.
        case empty
        /// The value, scaled by the indicator's `scale` (10^4 for ratios).
        case value(Int64)
        /// Refused, with what is wrong and how to fix it.
        case invalid(message: String, hint: String)
    }

    /// Parses `raw` for an indicator of `kind`.
    static func parse(_ raw: String, kind: Indicator.Kind) -> Parsed {
        if let value = plainValue(raw, kind: kind) { return .value(value) }
        return parseFully(raw, kind: kind)
    }

    /// `parse` without the `plainValue` shortcut: every rule, for every cell.
    static func parseFully(_ raw: String, kind: Indicator.Kind) -> Parsed {
        let full = trimmed(raw)
        if full.isEmpty { return .empty }
        let scalars = Array(full.unicodeScalars)
        // What the messages quote: a cell of 50 million digits is not a 50 MB line.
        let text = ReportText.excerpt(full, limit: 40)

        if let first = scalars.first, first == "-" || first == "\u{2212}" || first == "\u{2013}" || first == "\u{2014}" {
            if scalars.count == 1 {
                return .invalid(message: "ô ghi '\(text)' thay cho số",
                                hint: "để trống nếu không có số liệu, ghi 0 nếu bằng không")
            }
            if scalars.dropFirst().first.map(isDigit) ?? false {
                return .invalid(message: "số âm '\(text)' không hợp lệ",
                                hint: "số liệu báo cáo không thể âm; kiểm tra lại ô này")
            }
        }
        if scalars.first == "+" {
            return .invalid(message: "'\(text)' có dấu '+'", hint: "bỏ dấu '+', chỉ ghi số")
        }

        // The numeric prefix: digits and the separators that may sit between them.
        var end = 0
        while end < scalars.count, isDigit(scalars[end]) || scalars[end] == "." || scalars[end] == "," || isSpace(scalars[end]) {
            end += 1
        }
        var numberPart = Array(scalars[..<end])
        while let last = numberPart.last, isSpace(last) { numberPart.removeLast() }
        let rest = trimmed(String(String.UnicodeScalarView(scalars[end...])))

        if !numberPart.contains(where: isDigit) {
            return .invalid(message: "'\(text)' không phải là số", hint: "chỉ ghi chữ số, ví dụ 1.234")
        }
        if !rest.isEmpty {
            return unitSuffixProblem(text: text, number: ReportText.excerpt(String(String.UnicodeScalarView(numberPart)), limit: 40), rest: rest)
        }
        return parseNumber(numberPart, text: text, kind: kind)
    }

    /// The value of a cell that is only digits, grouped or not ("1234", "1.234.567"), read
    /// straight from its UTF-8 bytes; nil for anything else (spaces, commas, a leading 0
    /// before ".", 19 digits or more), which takes the full rules below with the same
    /// result for these cells. Nearly every cell of a real file is of this kind.
    static func plainValue(_ raw: String, kind: Indicator.Kind) -> Int64? {
        var value: Int64 = 0
        var digits = 0
        var groupDigits = 0
        var groups = 1
        var firstGroupStartsWithZero = false
        for byte in raw.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                if digits == 0 { firstGroupStartsWithZero = byte == 0x30 }
                value = value &* 10 &+ Int64(byte &- 0x30)
                digits += 1
                groupDigits += 1
                if digits > 18 { return nil }
            } else if byte == 0x2E {
                // "." between thousands: the first group 1–3 digits (not 0…), the others 3.
                if groups == 1 {
                    if groupDigits == 0 || groupDigits > 3 || firstGroupStartsWithZero { return nil }
                } else if groupDigits != 3 {
                    return nil
                }
                groups += 1
                groupDigits = 0
            } else {
                return nil
            }
        }
        guard digits > 0, groups == 1 || groupDigits == 3 else { return nil }
        guard kind == .ratio else { return value }
        let (scaled, overflow) = value.multipliedReportingOverflow(by: 10_000)
        return overflow ? nil : scaled
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        ReportText.isWhitespace(s.value)
    }

    /// Trims white space and the invisible characters Excel and the web leave in cells.
    static func trimmed(_ s: String) -> String {
        if isPlainlyTrimmed(s) { return s }
        let scalars = s.unicodeScalars.filter { !ReportText.isInvisible($0) }
        var view = String.UnicodeScalarView(scalars)
        while let first = view.first, ReportText.isWhitespace(first.value) { view.removeFirst() }
        while let last = view.last, ReportText.isWhitespace(last.value) { view.removeLast() }
        return String(view)
    }

    /// True for text `trimmed` leaves as it is, read from the bytes: ASCII without white
    /// space at either end (almost every cell), where Vietnamese letters may also stand,
    /// two-byte U+00C0–U+02FF and Latin Extended Additional (E1 B8–BB), none of which is
    /// white space or invisible. Anything else takes the general path.
    static func isPlainlyTrimmed(_ s: String) -> Bool {
        s.withUTF8Bytes { bytes in
            guard let first = bytes.first, let last = bytes.last, first > 0x20, last > 0x20 else {
                return false
            }
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    i += 1
                } else if b >= 0xC3 && b <= 0xCB {
                    i += 2
                } else if b == 0xE1, i + 1 < bytes.count, bytes[i + 1] >= 0xB8 && bytes[i + 1] <= 0xBB {
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
    }

    private static func unitSuffixProblem(text: String, number: String, rest full: String) -> Parsed {
        let folded = ReportText.folded(full)
        let rest = ReportText.excerpt(full, limit: 40)
        if let first = folded.first, first == "e", folded.dropFirst().allSatisfy({ $0.isNumber || $0 == "+" || $0 == "-" }) {
            return .invalid(message: "'\(text)' là số bị Excel ghi dạng khoa học",
                            hint: "định dạng cột là Số (Number), không có chữ E, rồi xuất lại tệp")
        }
        if folded == "%" {
            return .invalid(message: "'\(text)' có ký hiệu '%'", hint: "bỏ '%', chỉ ghi số \(number)")
        }
        let multipliers = ["tỷ", "tỉ", "ty", "triệu", "trieu", "tr", "tr.", "trđ", "tr.đ", "nghìn", "ngàn", "k"]
        if multipliers.contains(folded) || folded.hasPrefix("tỷ ") || folded.hasPrefix("triệu ") {
            return .invalid(message: "'\(text)' ghi kèm '\(rest)'",
                            hint: "ghi đủ số (tiền tính bằng đồng), ví dụ 13.800.000.000 thay cho 13,8 tỷ")
        }
        // A hint naming the number to keep must not lose digits: "1_000" is not 1, and
        // "1OO" (letter O) is not 1 either. Only a unit word after the digits is dropped.
        if full.unicodeScalars.contains(where: isDigit) {
            let odd = full.unicodeScalars.first.map { String($0) } ?? rest
            return .invalid(message: "'\(text)' có ký tự '\(odd)' xen giữa các chữ số",
                            hint: "chỉ ghi chữ số, ngăn hàng nghìn bằng dấu chấm (ví dụ 1.000); sửa lại cả ô cho đúng số liệu")
        }
        if full.unicodeScalars.allSatisfy({ digitLookalikes.contains($0) }) {
            return .invalid(message: "'\(text)' có chữ '\(rest)' trông như chữ số",
                            hint: "gõ lại bằng chữ số (chữ O thay cho số 0, chữ l hay I thay cho số 1?)")
        }
        return .invalid(message: "'\(text)' có chữ '\(rest)' sau số",
                        hint: "bỏ đơn vị '\(rest)', chỉ ghi số \(number)")
    }

    /// Letters typed in place of digits.
    private static let digitLookalikes: Set<Unicode.Scalar> = ["O", "o", "l", "I", "|"]

    private static func parseNumber(_ chars: [Unicode.Scalar], text: String, kind: Indicator.Kind) -> Parsed {
        let commaCount = chars.filter { $0 == "," }.count
        let lastComma = chars.lastIndex(of: ",")
        let lastDot = chars.lastIndex(where: { $0 == "." })
        let ambiguous = Parsed.invalid(
            message: "không rõ '\(text)' là số thập phân hay số hàng nghìn",
            hint: "dùng dấu phẩy cho phần thập phân (1,5) và dấu chấm chỉ để ngăn hàng nghìn (1.500)")
        let english = Parsed.invalid(
            message: "'\(text)' viết theo kiểu tiếng Anh",
            hint: "viết kiểu Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy thập phân (1.234.567 hoặc 1.234,5)")

        if commaCount > 1 { return english }
        if let comma = lastComma, let dot = lastDot, dot > comma { return english }

        // ",5" is unambiguous (Excel writes it for 0,5), so an empty integer part means 0.
        var integerChars = lastComma.map { Array(chars[..<$0]) } ?? chars
        if integerChars.isEmpty { integerChars = ["0"] }
        let fractionChars = lastComma.map { Array(chars[($0 + 1)...]) } ?? []

        // Integer part: groups separated by "." or spaces; all but the first exactly 3 digits.
        var groups: [[Unicode.Scalar]] = [[]]
        for c in integerChars {
            if c == "." || isSpace(c) {
                groups.append([])
            } else {
                groups[groups.count - 1].append(c)
            }
        }
        if groups.contains(where: \.isEmpty) {
            return .invalid(message: "'\(text)' có dấu ngăn cách đặt sai chỗ",
                            hint: "viết số liền hoặc ngăn hàng nghìn bằng dấu chấm, ví dụ 1.234.567")
        }
        if groups.count > 1 {
            let firstGroup = groups[0]
            let badFirst = firstGroup.count > 3 || (firstGroup.first == "0")
            if badFirst || groups.dropFirst().contains(where: { $0.count != 3 }) {
                if commaCount == 0 && groups.count == 2 && (kind == .count || kind == .money) && !groups[1].isEmpty {
                    return .invalid(message: "không rõ '\(text)': số đếm và số tiền phải là số nguyên",
                                    hint: "nếu là số hàng nghìn viết đủ ba chữ số sau dấu chấm (1.500); số đếm không có phần thập phân")
                }
                return ambiguous
            }
        }
        if !fractionChars.allSatisfy(isDigit) || (lastComma != nil && fractionChars.isEmpty) {
            return .invalid(message: "'\(text)' có dấu phẩy đặt sai chỗ",
                            hint: "phần thập phân viết sau một dấu phẩy, ví dụ 12,5")
        }
        // "1.000.000,00": Excel's "#,##0.00" in a Vietnamese locale, a whole number with an
        // empty fraction. Not "1,000" (English for a thousand, read as 1 it would be wrong):
        // three zeros after a comma with no dot before it stay refused.
        let zeroFraction = !fractionChars.isEmpty && fractionChars.allSatisfy { $0 == "0" }
            && (groups.count > 1 || fractionChars.count != 3)
        if lastComma != nil && kind != .ratio && !zeroFraction {
            let what = kind == .money ? "số tiền tính bằng đồng, không có phần lẻ" : "số đếm phải là số nguyên"
            return .invalid(message: "'\(text)' có phần thập phân: \(what)",
                            hint: "nếu là số hàng nghìn viết dấu chấm (1.234); nếu không, làm tròn thành số nguyên")
        }

        var integer: Int64 = 0
        for group in groups {
            for digit in group {
                let (times10, o1) = integer.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int64(digit.value - 0x30))
                if o1 || o2 { return tooLarge(text) }
                integer = sum
            }
        }
        guard kind == .ratio else { return .value(integer) }

        if fractionChars.count > 4 {
            return .invalid(message: "'\(text)' có quá 4 chữ số thập phân",
                            hint: "làm tròn đến 4 chữ số sau dấu phẩy")
        }
        var fraction: Int64 = 0
        for i in 0..<4 {
            fraction = fraction * 10 + (i < fractionChars.count ? Int64(fractionChars[i].value - 0x30) : 0)
        }
        let (scaled, o1) = integer.multipliedReportingOverflow(by: 10_000)
        let (total, o2) = scaled.addingReportingOverflow(fraction)
        if o1 || o2 { return tooLarge(text) }
        return .value(total)
    }

    private static func tooLarge(_ text: String) -> Parsed {
        .invalid(message: "số '\(text)' quá lớn", hint: "kiểm tra lại ô này; số liệu không thể lớn như vậy")
    }
}
