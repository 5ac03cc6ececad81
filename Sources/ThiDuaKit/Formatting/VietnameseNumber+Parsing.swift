extension VietnameseNumber {
    /// Parse a number written plainly or the Vietnamese way: "1234", "1.234.567", "12,5", "1 234" (stray inner spaces/NBSP allowed only as thousands groups), "-3". Returns the value scaled by 10^scale (exact, Int64) or nil when not a number.
    ///
    /// The rule, applied after trimming surrounding spaces (NBSP included) and an
    /// optional "-" or "+" sign:
    ///
    /// 1. "," is the decimal separator. At most one, with digits on both sides, and
    ///    nothing but digits after it ("12,3,4" and "5," are not numbers).
    /// 2. Thousands separators are "." or a space (plain, NBSP U+00A0, narrow NBSP
    ///    U+202F, figure space U+2007), one kind per number, only in the integer
    ///    part, in correct places: first group 1–3 digits not starting with 0,
    ///    every later group exactly 3 digits ("1.234.567", "1 234,5").
    /// 3. The one ambiguous case is a number without "," and with exactly one ".":
    ///    it is a thousands separator when the group rule of 2 holds ("1.234" is
    ///    1234, as Vietnamese documents write it), otherwise a decimal point, as a
    ///    spreadsheet or English-language tool would write it ("1.5" is 1,5;
    ///    "12.25" is 12,25; "0.500" is 0,5; "1234.567" is 1234,567). Two or more
    ///    dots are always thousands separators ("1.2.3" is not a number).
    /// 4. The value must be exact at `scale`: digits after the comma beyond
    ///    `scale` must be zeros ("12,50" parses at scale 1, "12,5" at scale 0 does
    ///    not). Choose a scale large enough for the data.
    /// 5. Anything else is not a number: units or letters ("1.234 người"), "%",
    ///    an empty string, a value outside `Int64`, or a `scale` outside 0...18
    ///    (10^19 does not fit in `Int64`).
    public static func parse(_ text: String, scale: Int = 0) -> Int64? {
        guard (0...18).contains(scale) else { return nil }
        var scalars = text.unicodeScalars[...]
        while let first = scalars.first, isNumberSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isNumberSpace(last) { scalars.removeLast() }

        var negative = false
        if let sign = scalars.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            scalars.removeFirst()
        }

        // Split into digit runs and the single separators between them.
        var segments: [[UInt8]] = [[]]
        var separators: [Separator] = []
        for scalar in scalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                segments[segments.count - 1].append(UInt8(scalar.value))
                continue
            }
            let separator: Separator
            switch scalar {
            case ",": separator = .comma
            case ".": separator = .dot
            default:
                guard isNumberSpace(scalar) else { return nil }
                separator = .space
            }
            separators.append(separator)
            segments.append([])
        }
        guard !segments.contains(where: \.isEmpty) else { return nil }

        // Rule 1: at most one comma, and only as the last separator.
        var groupSeparators = separators[...]
        var fraction: [UInt8] = []
        if let commaIndex = separators.firstIndex(of: .comma) {
            guard commaIndex == separators.count - 1 else { return nil }
            groupSeparators = separators[..<commaIndex]
            fraction = segments[segments.count - 1]
        }
        let integerSegments = segments[0...groupSeparators.count]

        var integerDigits: [UInt8]
        if fraction.isEmpty && groupSeparators == [.dot] && !isGrouped(integerSegments) {
            // Rule 3: a lone dot that does not group thousands is a decimal point.
            integerDigits = segments[0]
            fraction = segments[1]
        } else {
            // Rule 2: one kind of thousands separator, in the right places.
            if let kind = groupSeparators.first {
                guard groupSeparators.allSatisfy({ $0 == kind }), isGrouped(integerSegments) else { return nil }
            }
            integerDigits = integerSegments.flatMap { $0 }
        }
        return scaledValue(negative: negative, integer: integerDigits, fraction: fraction, scale: scale)
    }

    private enum Separator: Equatable {
        case dot, comma, space
    }

    /// Spaces that may stand between thousands groups or around the number.
    @inline(__always)
    private static func isNumberSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x202F, 0x2007: return true
        default: return false
        }
    }

    /// True when the digit runs form correct thousands groups: "1", "234", "567".
    private static func isGrouped(_ segments: ArraySlice<[UInt8]>) -> Bool {
        guard let first = segments.first, (1...3).contains(first.count),
              first.first != UInt8(ascii: "0") || segments.count == 1 else { return false }
        return segments.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// integer,fraction * 10^scale, exactly, or nil on overflow or lost digits.
    private static func scaledValue(negative: Bool, integer: [UInt8], fraction: [UInt8], scale: Int) -> Int64? {
        var magnitude: UInt64 = 0
        func push(_ digit: UInt8) -> Bool {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            magnitude = sum
            return !o1 && !o2
        }
        for digit in integer {
            guard push(digit) else { return nil }
        }
        for position in 0..<max(scale, fraction.count) {
            let digit = position < fraction.count ? fraction[position] : UInt8(ascii: "0")
            if position < scale {
                guard push(digit) else { return nil }
            } else if digit != UInt8(ascii: "0") {
                return nil // would need more decimals than `scale` to be exact
            }
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }
}
