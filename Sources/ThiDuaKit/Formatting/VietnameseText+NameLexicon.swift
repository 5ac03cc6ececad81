/// The words a clerk keeps together when breaking the name of a body over lines, and the
/// words a new line of such a name starts with. Only what union and administrative names
/// use: the lists are for `nameBreakCosts`, not a dictionary of Vietnamese.
///
/// Entries are written in lower case with spaces between syllables; they are compared in
/// the folded form of `ReportText.folded` (lower case, NFC, "hoá" = "hóa"), so the case and
/// the tone placement of the data do not matter.
extension VietnameseText {
    /// Words of several syllables: a line never ends inside one when it can be helped
    /// ("CÔNG / NGHIỆP", "SƯ / PHẠM", "HỒ CHÍ / MINH").
    static let nameWords: [String] = [
        // The union and its bodies.
        "công đoàn", "liên đoàn", "lao động", "cơ sở", "viên chức", "công nhân", "đoàn viên",
        "cấp trên", "trực tiếp", "trực thuộc", "chấp hành", "thường vụ", "thường trực", "chủ tịch",
        "ủy ban", "nhân dân", "hội đồng", "thi đua", "khen thưởng", "cơ quan", "đoàn thể",
        "khu công nghiệp", "khu kinh tế", "khu chế xuất", "khu công nghệ cao", "khu vực",
        // Places and administration.
        "thành phố", "thị xã", "thị trấn", "đặc khu", "việt nam", "trung ương", "địa phương",
        "hồ chí minh", "hà nội", "hải phòng", "đà nẵng", "cần thơ", "nhà nước", "hành chính",
        "sự nghiệp", "nội vụ", "tư pháp", "quốc phòng", "công an", "xã hội", "kế hoạch",
        // Schools, hospitals, institutes.
        "đại học", "cao đẳng", "trung cấp", "trung học", "phổ thông", "tiểu học", "mầm non",
        "sư phạm", "kỹ thuật", "công nghệ", "khoa học", "bệnh viện", "học viện", "trung tâm",
        "giáo dục", "đào tạo", "y tế", "dạy nghề", "nghiên cứu",
        // Companies and trades.
        "công ty", "tập đoàn", "doanh nghiệp", "trách nhiệm", "hữu hạn", "cổ phần", "thành viên",
        "công nghiệp", "công thương", "nông nghiệp", "nông thôn", "lâm nghiệp", "thủy sản",
        "thủy lợi", "kinh tế", "kinh doanh", "xây dựng", "giao thông", "vận tải", "tài chính",
        "ngân hàng", "bưu điện", "bưu chính", "viễn thông", "điện lực", "dầu khí", "cao su",
        "khoáng sản", "hóa chất", "dệt may", "da giày", "hàng hải", "hàng không", "đường sắt",
        "thương mại", "dịch vụ", "du lịch", "văn hóa", "thể thao", "thông tin", "truyền thông",
        "tài nguyên", "môi trường", "thị trường", "đầu tư", "phát triển", "sản xuất", "chế biến",
        "thương binh", "quản lý",
    ]

    /// Groups of words that belong together, but less than the syllables of one word: a
    /// line may end between them when nothing better fits ("LIÊN ĐOÀN / LAO ĐỘNG").
    static let namePhrases: [String] = [
        "liên đoàn lao động", "tổng liên đoàn", "công đoàn cơ sở", "công đoàn viên chức",
        "cấp trên trực tiếp cơ sở", "ban chấp hành", "ban thường vụ", "ban quản lý",
        "ủy ban nhân dân", "hội đồng nhân dân", "trường đại học", "trường cao đẳng",
        "trường trung cấp", "trường trung học cơ sở", "trường trung học phổ thông",
        "trường tiểu học", "trường mầm non", "tổng công ty", "công ty tnhh", "công ty cổ phần",
        "trách nhiệm hữu hạn", "một thành viên", "giáo dục và đào tạo", "khoa học và công nghệ",
        "văn hóa thể thao và du lịch", "tài nguyên và môi trường", "lao động - thương binh và xã hội",
        "nông nghiệp và phát triển nông thôn", "giao thông vận tải", "thông tin và truyền thông",
    ]

    /// Words a new line of a name starts with, where the name of a place or of the unit
    /// itself begins ("LIÊN ĐOÀN LAO ĐỘNG / TỈNH BẾN TRE", "CÔNG ĐOÀN CÁC / KHU CÔNG NGHIỆP").
    /// The words after one of them, up to the next, are a proper name ("BÌNH DƯƠNG") that is
    /// kept whole where it can be.
    static let nameUnitStarts: [String] = [
        "tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "đặc khu",
        "khu", "khối", "ngành", "trường", "đại học", "học viện", "viện", "bệnh viện", "trung tâm",
        "công ty", "tổng công ty", "tập đoàn", "sở", "ban", "cục", "tổng cục", "cơ quan",
        "ủy ban", "việt nam",
    ]

    /// Words that begin with a word of `nameUnitStarts` but start no unit ("XÃ HỘI").
    static let nameNonUnits: [String] = ["xã hội", "ban hành", "sở hữu"]

    /// Words that join two parts of a name: a new line may start with one ("… NGHI SƠN /
    /// VÀ CÁC KHU CÔNG NGHIỆP …"), and should not end with one.
    static let nameConnectors: [String] = ["và", "của", "thuộc", "trực thuộc"]
}
