/// How a day/month pair is written inside brackets of an anniversary, and in short dates.
///
/// Real documents differ (conventions.md: "configurable"), so the data file picks one.
public enum DayMonthStyle: String, Sendable, CaseIterable {
    /// conventions rule: day 2 digits, month 2 digits only for 1 and 2: "03/02", "30/4", "02/9"
    case official
    /// both always two digits: "30/04", "02/09"
    case padded
    /// no leading zeros: "3/2", "2/9"
    case plain

    /// The day as this style writes it.
    func day(_ day: Int) -> String {
        self == .plain ? String(day) : VietnameseNumber.twoDigits(day)
    }

    /// The month as this style writes it. The official rule pads only January and
    /// February, so that "01" and "02" cannot be misread as "10", "11", "12" when
    /// someone adds a digit by hand (Nghị định 30/2020).
    func month(_ month: Int) -> String {
        switch self {
        case .official: return month <= 2 ? VietnameseNumber.twoDigits(month) : String(month)
        case .padded: return VietnameseNumber.twoDigits(month)
        case .plain: return String(month)
        }
    }
}

extension CivilDate {
    /// "ngày 22 tháng 02 năm 2017" (conventions: days < 10 and months 1–2 take a leading zero; months 3–12 don't).
    ///
    /// "ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2021", "ngày 06 tháng 3 năm 2021".
    public var longVietnamese: String {
        "ngày \(VietnameseNumber.twoDigits(day)) tháng \(DayMonthStyle.official.month(month)) năm \(year)"
    }

    /// Short form "10/02/2017", "06/3/2021", "15/5/2016" using `style` (default .official).
    public func short(_ style: DayMonthStyle = .official) -> String {
        dayMonth(style) + "/" + String(year)
    }

    /// Day and month without the year: "03/02", "30/4" (official), "30/04" (padded), "30/4" (plain).
    public func dayMonth(_ style: DayMonthStyle = .official) -> String {
        style.day(day) + "/" + style.month(month)
    }

    /// Days between dates (other - self).
    ///
    /// Positive when `other` is later; works across leap years through `ordinal`.
    public func days(until other: CivilDate) -> Int {
        other.ordinal - ordinal
    }
}
