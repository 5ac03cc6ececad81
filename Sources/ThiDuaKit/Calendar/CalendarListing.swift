/// The `thidua calendar YEAR` listing: one anniversary (or congress) per line, with the code a
/// data file uses for it.
public enum CalendarListing {
    /// "03/02  thanh_lap_dang  95 năm  Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 -
    /// 03/02/2025)  [năm lẻ 5]", in date order; the congresses of `congresses` opening that year
    /// among them ("[đại hội]").
    public static func lines(catalog: CommemorationCatalog, year: Int, congresses: [Congress] = []) -> [String] {
        let anniversaries = catalog.anniversaries(in: year)
        let held = congresses.filter { $0.start.year == year }
        let codeWidth = (anniversaries.map(\.commemoration.key) + held.map(\.key)).map(VietnameseText.displayWidth).max() ?? 1
        let yearsWidth = anniversaries.map { VietnameseText.displayWidth(String($0.years)) }.max() ?? 1
        var rows: [(date: CivilDate, key: String, text: String)] = []
        for item in anniversaries {
            let years = VietnameseText.padLeft(String(item.years), width: yearsWidth)
            var line = "\(years) năm  \(item.commemoration.name) (\(item.range()))"
            switch item.kind {
            case .round: line += "  [năm tròn]"
            case .halfRound: line += "  [năm lẻ 5]"
            case .ordinary: break
            }
            rows.append((item.date, item.commemoration.key, line))
        }
        for congress in held {
            rows.append((congress.start, congress.key, "\(congress.name) (\(congress.dates()))  [đại hội]"))
        }
        rows.sort { ($0.date, $0.key) < ($1.date, $1.key) }
        var lines = ["Các ngày kỷ niệm năm \(year) (cột thứ hai là mã dùng trong `ky_niem` và `{ky_niem …}`):"]
        for row in rows {
            lines.append("\(VietnameseText.padRight(row.date.dayMonth(.padded), width: 5))  \(VietnameseText.padRight(row.key, width: codeWidth))  \(row.text)")
        }
        let round = anniversaries.filter { $0.kind == .round }.count
        let half = anniversaries.filter { $0.kind == .halfRound }.count
        var summary = "Tổng cộng \(anniversaries.count) ngày; \(round) năm tròn, \(half) năm lẻ 5"
        if !held.isEmpty { summary += "; \(held.count) đại hội" }
        lines.append(summary + ".")
        return lines
    }
}
