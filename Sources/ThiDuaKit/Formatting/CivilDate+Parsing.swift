/// Why a date written in the data could not be read, in Vietnamese, with how to write it.
///
/// Example: "ngày 31/02/2025 không tồn tại (tháng 2 năm 2025 có 28 ngày)".
public struct DateParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The Vietnamese explanation, ready to show to the person who typed the date.
    public var message: String

    /// Creates an error with a Vietnamese explanation.
    public init(message: String) {
        self.message = message
    }

    /// The message itself, so that `"\(error)"` reads well in diagnostics.
    public var description: String { message }
}

extension CivilDate {
    /// Parse a date written in data: ISO "2025-09-02"; "02/9/2025", "2/9/2025", "02/09/2025" (day/month/year, slash). Reject "02-09-2025" (ambiguous with other conventions) and anything impossible (31/02) — return a Result with a Vietnamese reason (why + how to write it).
    ///
    /// Accepted: `d/m/yyyy` with 1–2 digit day and month and a 4-digit year, and
    /// ISO `yyyy-mm-dd` with exactly 4-2-2 digits. Surrounding spaces are ignored.
    /// Two-digit years are refused rather than guessed ("25" could be 1925 or 2025).
    public static func parse(_ text: String) -> Result<CivilDate, DateParseError> {
        let trimmed = VietnameseText.cleanInvisible(text).text
        let howTo = "hãy ghi ngày/tháng/năm với dấu “/”, ví dụ 02/9/2025, hoặc năm-tháng-ngày theo ISO, ví dụ 2025-09-02"
        func fail(_ message: String) -> Result<CivilDate, DateParseError> {
            .failure(DateParseError(message: message))
        }
        guard !trimmed.isEmpty else {
            return fail("chưa ghi ngày: \(howTo)")
        }
        let slashParts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if slashParts.count > 1 {
            guard slashParts.count == 3, slashParts.allSatisfy(isDigits) else {
                return fail("“\(trimmed)” không phải là một ngày: \(howTo)")
            }
            guard slashParts[0].count <= 2, slashParts[1].count <= 2 else {
                return fail("“\(trimmed)” không đọc được thành ngày/tháng/năm (ngày và tháng có 1 hoặc 2 chữ số): \(howTo)")
            }
            guard slashParts[2].count == 4 else {
                return fail("năm “\(slashParts[2])” trong “\(trimmed)” phải có đủ 4 chữ số (ví dụ 2025), để không phải đoán thế kỷ")
            }
            return validated(year: Int(slashParts[2]), month: Int(slashParts[1]), day: Int(slashParts[0]))
        }
        let dashParts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if dashParts.count == 3, dashParts.allSatisfy(isDigits),
           dashParts[0].count == 4, dashParts[1].count == 2, dashParts[2].count == 2 {
            return validated(year: Int(dashParts[0]), month: Int(dashParts[1]), day: Int(dashParts[2]))
        }
        // Year first ("2025-2-20", "10000-02-20"), or a time after the day: not ambiguous,
        // only not the form the data file uses.
        if dashParts.count == 3, dashParts[0].count >= 4, dashParts[0].allSatisfy(\.isNumber) {
            return fail("“\(trimmed)” chưa đúng dạng năm-tháng-ngày: năm 4 chữ số, tháng và ngày 2 chữ số, không kèm giờ: \(howTo)")
        }
        if dashParts.count == 3 || trimmed.split(separator: ".", omittingEmptySubsequences: false).count == 3 {
            return fail("“\(trimmed)” không rõ là ngày-tháng hay tháng-ngày (mỗi nơi viết một kiểu): \(howTo)")
        }
        return fail("“\(trimmed)” không phải là một ngày: \(howTo)")
    }

    private static func isDigits(_ part: Substring) -> Bool {
        !part.isEmpty && part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Checks that the day exists and says why when it does not.
    private static func validated(year: Int?, month: Int?, day: Int?) -> Result<CivilDate, DateParseError> {
        guard let year, let month, let day else {
            return .failure(DateParseError(message: "ngày tháng có quá nhiều chữ số"))
        }
        guard (1...9999).contains(year) else {
            return .failure(DateParseError(message: "năm \(year) không hợp lệ: năm phải từ 1 đến 9999"))
        }
        guard (1...12).contains(month) else {
            return .failure(DateParseError(message: "tháng \(month) không tồn tại (tháng chỉ từ 1 đến 12); ngày viết theo thứ tự ngày/tháng/năm, ví dụ 02/9/2025"))
        }
        let written = "\(VietnameseNumber.twoDigits(day))/\(DayMonthStyle.official.month(month))/\(year)"
        guard let date = CivilDate(year: year, month: month, day: day) else {
            let length = CivilDate.daysIn(month: month, year: year)
            return .failure(DateParseError(message: "ngày \(written) không tồn tại (tháng \(month) năm \(year) có \(length) ngày)"))
        }
        return .success(date)
    }
}
