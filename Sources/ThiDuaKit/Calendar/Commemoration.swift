/// A commemorated event (ngày lễ lớn) with the date it is counted from.
public struct Commemoration: Sendable, Equatable {
    /// Key used in data files, e.g. `thanh_lap_dang`.
    public var key: String
    /// The name as written after "kỷ niệm N năm", e.g. "Ngày thành lập Đảng Cộng sản Việt Nam".
    public var name: String
    /// The founding date the anniversary number is counted from.
    public var base: CivilDate

    public init(key: String, name: String, base: CivilDate) {
        self.key = key
        self.name = name
        self.base = base
    }

    /// The anniversary number in `year` (0 or negative before the event).
    public func years(in year: Int) -> Int { year - base.year }

    /// The anniversary date in `year`. A 29 February base falls on 28 February in a common
    /// year, the last day of that month, as Bộ luật Dân sự 2015 (Điều 148) ends a period
    /// whose month has no such day; the anniversary is never skipped, so its number stays
    /// that of the year it falls in. Nil only for a year `CivilDate` cannot hold.
    public func date(in year: Int) -> CivilDate? {
        if base.month == 2, base.day == 29, !CivilDate.isLeap(year) {
            return CivilDate(year: year, month: 2, day: 28)
        }
        return CivilDate(year: year, month: base.month, day: base.day)
    }
}

/// One anniversary of a commemoration in a given year.
public struct Anniversary: Sendable, Equatable {
    public var commemoration: Commemoration
    public var years: Int
    public var date: CivilDate

    /// năm tròn (ends in 0), năm lẻ (ends in 5), or ordinary.
    public var kind: AnniversaryKind { DocumentFormat.anniversaryKind(years: years) }

    /// "kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)".
    public func phrase(style: DayMonthStyle = .official) -> String {
        DocumentFormat.anniversaryPhrase(years: years, name: commemoration.name, base: commemoration.base,
                                         target: date, style: style)
    }

    /// The bracketed range alone, "03/02/1930 - 03/02/2020", for checking what a clerk typed.
    public func range(style: DayMonthStyle = .official) -> String {
        "\(commemoration.base.short(style)) - \(date.short(style))"
    }
}

/// The list of commemorations a document can name, by key.
public struct CommemorationCatalog: Sendable {
    /// In calendar order of their day and month.
    public private(set) var entries: [Commemoration]

    public init(_ entries: [Commemoration]) {
        self.entries = entries
    }

    /// The catalog with `extra` added; an extra entry with an existing key replaces it.
    public func adding(_ extra: [Commemoration]) -> CommemorationCatalog {
        var result = entries
        for item in extra {
            if let index = result.firstIndex(where: { $0.key == item.key }) {
                result[index] = item
            } else {
                result.append(item)
            }
        }
        return CommemorationCatalog(result)
    }

    /// The entry with this key.
    public subscript(key: String) -> Commemoration? {
        entries.first { $0.key == key }
    }

    /// All keys, in catalog order.
    public var keys: [String] { entries.map(\.key) }

    /// The anniversaries falling in `year`, in date order (events not yet
    /// founded that year are left out).
    public func anniversaries(in year: Int) -> [Anniversary] {
        entries.compactMap { entry -> Anniversary? in
            let years = entry.years(in: year)
            guard years > 0, let date = entry.date(in: year) else { return nil }
            return Anniversary(commemoration: entry, years: years, date: date)
        }
        .sorted { ($0.date, $0.commemoration.key) < ($1.date, $1.commemoration.key) }
    }

    /// The anniversary of `key` a span salutes, or nil when none falls in it.
    ///
    /// A span of several years (a phase of a five-year plan, a school year) holds several:
    /// the one saluted is the weightiest, a round year (năm tròn) before a half-round one
    /// (năm lẻ 5) before an ordinary one, the earliest among equals. So a phase of 2029–2030
    /// salutes the 100th anniversary of 3/2/1930, not the 99th; and the phase's list, its
    /// inline fields and the document's text, which all ask here, name the same one.
    public func anniversary(of key: String, between start: CivilDate, and end: CivilDate) -> Anniversary? {
        let found = anniversaries(of: key, between: start, and: end)
        return found.first { $0.kind == .round } ?? found.first { $0.kind == .halfRound } ?? found.first
    }

    /// Every anniversary of `key` falling in the span, in date order.
    public func anniversaries(of key: String, between start: CivilDate, and end: CivilDate) -> [Anniversary] {
        guard let entry = self[key], start <= end else { return [] }
        return (start.year...end.year).compactMap { year -> Anniversary? in
            guard let date = entry.date(in: year), date >= start, date <= end, entry.years(in: year) > 0 else { return nil }
            return Anniversary(commemoration: entry, years: entry.years(in: year), date: date)
        }
    }

    /// The commemorations of conventions.md (Nghị định 145/2013 and the union's calendar).
    /// Names bring no brackets of their own: the anniversary adds "(03/02/1930 - 03/02/2025)".
    /// The dates of the last five were checked against public sources (Dec 2026): the first
    /// general election 06/01/1946; the call for nationwide resistance 19/12/1946; Nguyễn Tất
    /// Thành leaving Nhà Rồng wharf 05/6/1911; the end of the 12 days and nights, when the
    /// bombing north of the 20th parallel stopped, 30/12/1972; Ngày Pháp luật, 9 November each
    /// year since 2013 (Luật Phổ biến, giáo dục pháp luật 2012, Điều 8).
    public static let builtin = CommemorationCatalog([
        entry("tong_tuyen_cu", "Ngày Tổng tuyển cử đầu tiên bầu Quốc hội Việt Nam", 1946, 1, 6),
        entry("thanh_lap_dang", "Ngày thành lập Đảng Cộng sản Việt Nam", 1930, 2, 3),
        entry("thay_thuoc_viet_nam", "Ngày Thầy thuốc Việt Nam", 1955, 2, 27),
        entry("quoc_te_phu_nu", "Ngày Quốc tế Phụ nữ", 1910, 3, 8),
        entry("thanh_lap_doan", "Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh", 1931, 3, 26),
        entry("giai_phong_mien_nam", "Ngày Giải phóng miền Nam, thống nhất đất nước", 1975, 4, 30),
        entry("quoc_te_lao_dong", "Ngày Quốc tế Lao động", 1886, 5, 1),
        entry("dien_bien_phu", "Chiến thắng Điện Biên Phủ", 1954, 5, 7),
        entry("sinh_nhat_bac", "Ngày sinh Chủ tịch Hồ Chí Minh", 1890, 5, 19),
        entry("ra_di_tim_duong_cuu_nuoc", "Ngày Chủ tịch Hồ Chí Minh ra đi tìm đường cứu nước", 1911, 6, 5),
        entry("truyen_thong_thi_dua", "Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc", 1948, 6, 11),
        entry("gia_dinh_viet_nam", "Ngày Gia đình Việt Nam", 2001, 6, 28),
        entry("thuong_binh_liet_si", "Ngày Thương binh - Liệt sĩ", 1947, 7, 27),
        entry("thanh_lap_cong_doan", "Ngày thành lập Công đoàn Việt Nam", 1929, 7, 28),
        entry("cach_mang_thang_tam", "Cách mạng Tháng Tám", 1945, 8, 19),
        entry("quoc_khanh", "Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", 1945, 9, 2),
        entry("thanh_lap_hoi_phu_nu", "Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam", 1930, 10, 20),
        entry("phap_luat_viet_nam", "Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam", 2013, 11, 9),
        entry("thanh_lap_mat_tran", "Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam", 1930, 11, 18),
        entry("nha_giao_viet_nam", "Ngày Nhà giáo Việt Nam", 1982, 11, 20),
        entry("toan_quoc_khang_chien", "Ngày Toàn quốc kháng chiến", 1946, 12, 19),
        entry("thanh_lap_quan_doi", "Ngày thành lập Quân đội nhân dân Việt Nam", 1944, 12, 22),
        entry("dien_bien_phu_tren_khong", "Chiến thắng “Hà Nội - Điện Biên Phủ trên không”", 1972, 12, 30),
    ])

    private static func entry(_ key: String, _ name: String, _ year: Int, _ month: Int, _ day: Int) -> Commemoration {
        // The table is fixed and every date in it exists; the fallback keeps
        // library code free of force unwraps.
        Commemoration(key: key, name: name, base: CivilDate(year: year, month: month, day: day) ?? CivilDate.epoch)
    }
}

extension CivilDate {
    /// 0001-01-01, the smallest valid date.
    static let epoch = CivilDate(unchecked: 1, 1, 1)

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.init(validatedYear: year, month: month, day: day)
    }
}
