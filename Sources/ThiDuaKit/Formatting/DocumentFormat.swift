/// Fixed phrases of an administrative document, written as conventions.md
/// (after Nghị định 30/2020/NĐ-CP) prescribes.
public enum DocumentFormat {
    /// "Bến Tre, ngày 22 tháng 02 năm 2017"
    public static func placeAndDate(place: String, date: CivilDate) -> String {
        VietnameseText.nfc(place) + ", " + date.longVietnamese
    }

    /// The place-and-date line with the day left blank for the văn thư to fill at
    /// registration: "Bến Tre, ngày      tháng 02 năm 2025" (`blank` is what fills the gap:
    /// spaces in plain text, no-break spaces in Markdown, where spaces would collapse).
    public static func placeAndDate(place: String, monthOf date: CivilDate, blank: String = "      ") -> String {
        VietnameseText.nfc(place) + ", ngày" + blank + "tháng \(DayMonthStyle.official.month(date.month)) năm \(date.year)"
    }

    /// "Số: 13/KH-LĐLĐ", "Số: 06/HD-LĐLĐ" (leading zero below 10), công văn with no type code "Số: 270/TLĐ". If number is nil -> "Số:      /KH-LĐLĐ" (blank to fill by hand, 6 spaces).
    ///
    /// Numbers below 1 are treated like nil: no document is numbered 0, and a
    /// blank to fill by hand is safer than a wrong number.
    public static func numberLine(number: Int?, symbol: String) -> String {
        "Số: " + numberAndSymbol(number: number, symbol: symbol)
    }

    /// "13/KH-LĐLĐ" (the number+symbol without "Số: ") used in references "Kế hoạch số 02/KH-TLĐ ngày 10/02/2017 của … về …"
    ///
    /// Without a number the blank is 5 spaces ("     /KH-LĐLĐ"), so that
    /// `numberLine` shows "Số:" followed by 6 spaces.
    public static func numberAndSymbol(number: Int?, symbol: String) -> String {
        let numberText: String
        if let number, number >= 1 {
            numberText = VietnameseNumber.twoDigits(number)
        } else {
            numberText = "     "
        }
        return numberText + "/" + VietnameseText.nfc(symbol)
    }

    /// A cited "số, ký hiệu" written whole, its number below 10 given its leading zero as
    /// numbers are printed ("3/TLĐ" → "03/TLĐ", "5-CT/TW" → "05-CT/TW"); anything else as written.
    public static func paddingNumber(of written: String) -> String {
        let text = VietnameseText.nfc(written)
        guard let first = text.unicodeScalars.first, ("1"..."9").contains(first) else { return text }
        let rest = text.unicodeScalars.dropFirst()
        guard let next = rest.first, next == "/" || next == "-" else { return text }
        return "0" + text
    }

    /// "kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)".
    ///
    /// `years` is written as given: `Anniversary` computes it from the dates (target year
    /// minus base year, as Nghị định 145/2013 counts), which avoids the "(03/02/1930 -
    /// 03/02/2014) in a plan for the 85th anniversary" mistake found in real documents.
    static func anniversaryPhrase(years: Int, name: String, base: CivilDate, target: CivilDate, style: DayMonthStyle = .official) -> String {
        let dates = base.short(style) + " - " + target.short(style)
        return VietnameseText.nfc("kỷ niệm \(years) năm \(name) (\(dates))")
    }

    /// Classify an anniversary: years % 10 == 0 -> .round (năm tròn), years % 10 == 5 -> .halfRound (năm lẻ 5), else .ordinary
    ///
    /// Zero or negative years are `.ordinary`: there is nothing to commemorate yet.
    public static func anniversaryKind(years: Int) -> AnniversaryKind {
        guard years > 0 else { return .ordinary }
        switch years % 10 {
        case 0: return .round
        case 5: return .halfRound
        default: return .ordinary
        }
    }
}

/// Whether an anniversary is a "năm chẵn" worth a big commemoration
/// (Nghị định 145/2013, Điều 3): years ending in 0 (năm tròn) or 5 (năm lẻ 5).
public enum AnniversaryKind: String, Sendable {
    /// The number of years ends in 0, e.g. 90 năm.
    case round = "năm tròn"
    /// The number of years ends in 5, e.g. 85 năm.
    case halfRound = "năm lẻ"
    /// Any other number of years.
    case ordinary = ""
}
