/// What a report's words say about its period, against the period's dates: "6 tháng đầu năm
/// 2026" over 01/01–30/11/2026, or "năm 2025" over a period of 2026, would head the document
/// and its workbook with a false statement.
extension Document {
    /// `ten_ky` against `ky`: a year it names outside the period is an error; a span it names
    /// ("6 tháng đầu năm", "9 tháng", "quý II") that the dates do not fit, a warning (the
    /// cut-off day of a half-year varies, so a month either side is allowed). A trích yếu
    /// naming years ("năm 2025", "năm học 2029 - 2030"), none of them in the period, is a warning.
    func checkReportPeriodName() -> [Diagnostic] {
        guard kind == .baoCao, let spec = report, let period = spec.period, period.start.value <= period.end.value else { return [] }
        let years = period.start.value.year...period.end.value.year
        let dates = "\(period.start.value.short()) - \(period.end.value.short())"
        var result: [Diagnostic] = []
        if let name = spec.periodName {
            let position = spec.periodNamePosition ?? period.start.position
            let outside = Self.yearsNamed(in: name, anyNumber: true).filter { !years.contains($0) }
            if let year = outside.first {
                result.append(.error("tên kỳ \"\(name)\" ghi năm \(year) nhưng kỳ báo cáo là \(dates)", at: position,
                                     hint: "sửa `ten_ky` hoặc `ky` cho khớp nhau"))
            } else if let span = PeriodSpan.named(in: name), !span.fits(start: period.start.value, end: period.end.value) {
                result.append(.warning("tên kỳ \"\(name)\" không khớp kỳ báo cáo \(dates)", at: position,
                                       hint: "sửa `ten_ky` (ví dụ \"\(PeriodSpan.suggestion(start: period.start.value, end: period.end.value))\") hoặc `ky`"))
            }
        }
        let stated = Self.yearsNamed(in: subject, anyNumber: false)
        if !stated.isEmpty, !stated.contains(where: years.contains) {
            result.append(.warning("trích yếu ghi năm \(stated.map(String.init).joined(separator: ", ")) nhưng kỳ báo cáo là \(dates)",
                                   at: subjectPosition ?? period.start.position, hint: "sửa năm trong `trich_yeu` hoặc `ky`"))
        }
        return result
    }

    /// The years a text names: with `anyNumber`, every four-digit number from 1900 to 2200;
    /// otherwise only those after "năm", "năm học", "giai đoạn" (and the second year of a
    /// range after one of them: "năm học 2029 - 2030"), so that the dates of an anniversary
    /// quoted in a trích yếu ("(03/02/1930 - 03/02/2030)") are not taken for the period.
    static func yearsNamed(in text: String, anyNumber: Bool) -> [Int] {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map(String.init)
        var found: [Int] = []
        var afterYearWord = false
        var inRange = false
        for word in words {
            let parts = word.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .punctuationCharacters) }
            let numbers = parts.compactMap { part -> Int? in
                guard part.count == 4, part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part), (1900...2200).contains(value) else { return nil }
                return value
            }
            if !numbers.isEmpty, anyNumber || afterYearWord || inRange {
                found += numbers
                // "2029 -" or "2029-": a second year may follow.
                inRange = word.hasSuffix("-") || word.hasSuffix("–")
                afterYearWord = false
                continue
            }
            if (word == "-" || word == "–"), !found.isEmpty, inRange == false, afterYearWord == false {
                inRange = true
                continue
            }
            inRange = false
            let bare = word.trimmingCharacters(in: .punctuationCharacters)
            afterYearWord = bare == "năm" || bare == "học" && afterYearWord || bare == "đoạn"
        }
        return found
    }
}

/// A span of the year a period's name states.
struct PeriodSpan {
    /// Months (1–12) the period may start in and end in.
    var starts: ClosedRange<Int>
    var ends: ClosedRange<Int>

    /// The span "6 tháng đầu năm", "6 tháng cuối năm", "9 tháng", "quý …" names, if any.
    static func named(in name: String) -> PeriodSpan? {
        let text = name.lowercased()
        if text.contains("6 tháng đầu") || text.contains("sáu tháng đầu") { return PeriodSpan(starts: 1...2, ends: 5...7) }
        if text.contains("6 tháng cuối") || text.contains("sáu tháng cuối") { return PeriodSpan(starts: 6...8, ends: 11...12) }
        if text.contains("9 tháng") || text.contains("chín tháng") { return PeriodSpan(starts: 1...2, ends: 8...10) }
        let quarters = [("quý iv", 4), ("quý iii", 3), ("quý ii", 2), ("quý i", 1), ("quý 4", 4), ("quý 3", 3), ("quý 2", 2), ("quý 1", 1)]
        for (words, quarter) in quarters where text.range(of: words).map({ range in
            // "quý i" must not be the start of "quý ii": the next character ends the numeral.
            range.upperBound == text.endIndex || !text[range.upperBound].isLetter && !text[range.upperBound].isNumber
        }) ?? false {
            let last = quarter * 3
            return PeriodSpan(starts: max(1, last - 3)...(last - 2), ends: (last - 1)...min(12, last + 1))
        }
        return nil
    }

    /// True when the period's first and last months are within the span's. A period from
    /// the second half of December counts as starting in January: many levels close their
    /// figures on the 15th, so "6 tháng đầu năm 2026" runs 16/12/2025 – 15/6/2026.
    func fits(start: CivilDate, end: CivilDate) -> Bool {
        let (month, year) = Self.effectiveStart(start)
        return starts.contains(month) && ends.contains(end.month) && year == end.year
    }

    /// The month and year a period starting on `start` is counted from.
    static func effectiveStart(_ start: CivilDate) -> (month: Int, year: Int) {
        start.month == 12 && start.day >= 15 ? (1, start.year + 1) : (start.month, start.year)
    }

    /// A name the dates do fit, for the hint.
    static func suggestion(start: CivilDate, end: CivilDate) -> String {
        let (month, year) = effectiveStart(start)
        if year == end.year, month <= 2 {
            if (5...7).contains(end.month) { return "6 tháng đầu năm \(end.year)" }
            if (8...10).contains(end.month) { return "9 tháng đầu năm \(end.year)" }
            if end.month >= 11 { return "năm \(end.year)" }
        }
        return year == end.year ? "năm \(end.year)" : "giai đoạn \(start.year) - \(end.year)"
    }
}
