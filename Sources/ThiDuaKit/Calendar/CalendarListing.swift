/// The `thidua calendar YEAR` listing: one anniversary per line.
public enum CalendarListing {
    /// "03/02  95 năm  Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)  [năm lẻ]".
    public static func lines(catalog: CommemorationCatalog, year: Int) -> [String] {
        let anniversaries = catalog.anniversaries(in: year)
        let yearsWidth = anniversaries.map { VietnameseText.displayWidth(String($0.years)) }.max() ?? 1
        var lines = ["Các ngày kỷ niệm năm \(year):"]
        for item in anniversaries {
            let years = VietnameseText.padLeft(String(item.years), width: yearsWidth)
            var line = "\(VietnameseText.padRight(item.date.dayMonth(.padded), width: 5))  \(years) năm  \(item.commemoration.name) (\(item.range()))"
            switch item.kind {
            case .round: line += "  [năm tròn]"
            case .halfRound: line += "  [năm lẻ 5]"
            case .ordinary: break
            }
            lines.append(line)
        }
        let round = anniversaries.filter { $0.kind == .round }.count
        let half = anniversaries.filter { $0.kind == .halfRound }.count
        lines.append("Tổng cộng \(anniversaries.count) ngày; \(round) năm tròn, \(half) năm lẻ 5.")
        return lines
    }
}
