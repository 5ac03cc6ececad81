import Yams

extension YAMLReader {
    static let reportKeys = [
        "hinh_thuc", "ke_hoach", "ky", "ten_ky", "thuan_loi", "kho_khan", "uu_diem", "ton_tai",
        "nguyen_nhan", "bai_hoc", "phuong_huong", "de_xuat", "khen_thuong", "so_lieu",
        "don_vi_du_kien", "ky_truoc", "bang_don_vi", "so_don_vi_noi_bat", "chi_tieu", "so_sanh_voi",
        "don_vi_chua_bao_cao", "nguoi_lap_bieu", "han_gui_so_lieu",
    ]

    /// The `bao_cao` block; `reportYear` (the year of issue) only words the hints.
    mutating func reportSpec(_ node: Node, year reportYear: Int = 2025) -> ReportSpec? {
        guard let f = mapping(node, "khối `bao_cao`", allowed: Self.reportKeys) else { return nil }
        let review = required(f, "hinh_thuc", "sơ kết hay tổng kết", example: "so_ket")
            .flatMap { choice($0, "hình thức báo cáo (`hinh_thuc`)", ReviewKind.self, allowed: ReviewKind.allCases) }
        let plan = f["ke_hoach"].flatMap { reference($0) }
        // The period is what the report reviews: its dates head the workbook and bound the
        // checks (it must end by the issue date, its name must match it). Without it those
        // checks cannot run, which the clerk is told.
        let period = f["ky"].flatMap { self.period($0, "kỳ báo cáo") }
        if f["ky"] == nil {
            warning("thiếu `ky` (kỳ báo cáo): bảng tính không ghi được từ ngày, đến ngày, và tên kỳ không được đối chiếu với ngày",
                    at: f.node, hint: "thêm dòng `ky: { tu: \(reportYear)-01-01, den: \(reportYear)-06-15 }`")
        }
        let periodName = f["ten_ky"].flatMap { string($0, "tên kỳ báo cáo") }
        func prose(_ key: String, _ what: String) -> [Block] {
            f[key].map { blocks($0, what) } ?? []
        }
        var entryGroups: [SourcePosition: FigureEntryGroup] = [:]
        let files = f["so_lieu"].flatMap { list($0, "tệp số liệu") }?.compactMap { n in
            figureEntry(n, "tệp số liệu", groups: &entryGroups)
        } ?? []
        if f["so_lieu"] == nil {
            error("thiếu `so_lieu`: danh sách tệp CSV số liệu của các đơn vị", at: f.node, hint: "thêm `so_lieu: [so-lieu-dot-1.csv]`")
        }
        let expected = f["don_vi_du_kien"].flatMap { n in string(n, "tệp danh sách đơn vị").map { Located($0, at: position(n)) } }
        let previous = f["ky_truoc"].flatMap { list($0, "tệp số liệu kỳ trước") }?.compactMap { n in
            figureEntry(n, "tệp số liệu kỳ trước", groups: &entryGroups)
        } ?? []
        let unitTable = f["bang_don_vi"].flatMap { bool($0, "`bang_don_vi`") } ?? false
        let top = f["so_don_vi_noi_bat"].flatMap { integer($0, "số đơn vị nổi bật", range: 0...50) } ?? 3
        let (indicators, targetPositions) = f["chi_tieu"].map { indicatorSet($0) } ?? (nil, [:])
        let wording = f["so_sanh_voi"].flatMap {
            choice($0, "cách gọi kỳ so sánh (`so_sanh_voi`)", ComparisonWording.self, allowed: ComparisonWording.allCases)
        }
        if wording != nil, previous.isEmpty, let node = f.keys["so_sanh_voi"] {
            warning("`so_sanh_voi` không có tác dụng khi không có `ky_truoc`", at: node,
                    hint: "thêm `ky_truoc: [tệp số liệu kỳ trước]` hoặc bỏ dòng này")
        }
        let placement = f["don_vi_chua_bao_cao"].flatMap {
            choice($0, "nơi liệt kê đơn vị chưa báo cáo (`don_vi_chua_bao_cao`)", MissingUnitsPlacement.self,
                   allowed: MissingUnitsPlacement.allCases)
        } ?? .weaknesses
        let preparer = f["nguoi_lap_bieu"].flatMap { string($0, "người lập biểu") }
        let deadline = f["han_gui_so_lieu"].flatMap { date($0, "hạn gửi số liệu (`han_gui_so_lieu`)") }
        guard let review else { return nil }
        return ReportSpec(review: review, plan: plan, period: period, periodName: periodName,
                          advantages: prose("thuan_loi", "thuận lợi"), difficulties: prose("kho_khan", "khó khăn"),
                          strengths: prose("uu_diem", "ưu điểm"), weaknesses: prose("ton_tai", "tồn tại, hạn chế"),
                          causes: prose("nguyen_nhan", "nguyên nhân"), lessons: prose("bai_hoc", "bài học kinh nghiệm"),
                          nextSteps: prose("phuong_huong", "phương hướng, nhiệm vụ"), proposals: prose("de_xuat", "đề xuất, kiến nghị"),
                          awards: prose("khen_thuong", "khen thưởng"), figureFiles: files, expectedUnitsFile: expected,
                          previousFiles: previous, unitTable: unitTable, topCount: top,
                          indicators: indicators, indicatorsPosition: f["chi_tieu"].map(position),
                          targetPositions: targetPositions, comparisonWording: wording, missingUnitsPlacement: placement,
                          preparer: preparer, figureFilesPosition: f.keys["so_lieu"].map(position),
                          figuresDeadline: deadline?.value, entryGroups: entryGroups)
            .with(periodNamePosition: f["ten_ky"].map(position))
            .with(unitTablePosition: f.keys["bang_don_vi"].map(position))
    }

    static let figureEntryKeys = ["tep", "nhom"]

    /// One entry of `so_lieu` or `ky_truoc`: a path, folder or pattern written as text, or
    /// `{tep: …, nhom: …}` giving every row of its files without a group of its own that
    /// group (`nhom: theo_ten_tep`: each file's name). The entry is located at its `tep`, so
    /// findings about its files point there; its group is recorded in `groups` by that position.
    mutating func figureEntry(_ node: Node, _ what: String, groups: inout [SourcePosition: FigureEntryGroup]) -> Located<String>? {
        if case .scalar = node {
            return string(node, "tên \(what)").map { Located($0, at: position(node)) }
        }
        guard let f = mapping(node, "một mục \(what) có nhóm", allowed: Self.figureEntryKeys) else { return nil }
        let pathNode = required(f, "tep", "tệp, thư mục hoặc mẫu tên tệp của \(what)", example: "bao-cao/huyen-chau-thanh.xlsx")
        let path = pathNode.flatMap { string($0, "tên \(what)") }
        var group: FigureEntryGroup?
        if let n = required(f, "nhom", "nhóm của các dòng trong tệp: tên huyện, tên khối", example: "Huyện Châu Thành"),
           let name = string(n, "nhóm của \(what) (`nhom`)") {
            group = name == FigureEntryGroup.fileNameKeyword ? .fileName : .named(name)
        }
        guard let pathNode, let path else { return nil }
        let at = position(pathNode)
        if let group { groups[at] = group }
        return Located(path, at: at)
    }
}
