import ThiDuaKit

/// Fills the blanks of a starter file the way a clerk would, for the tests that prove a
/// filled starter passes `thidua check`: a value per key (by the path's last key, or the
/// whole path), the same for every blank of that key.
public enum StarterFill {
    /// Values for the blanks of `thidua moi`, valid together for a plan or guidance of 2026
    /// (and a report whose plan is `ke-hoach.yaml` and figures `so-lieu.csv`).
    public static func values(for kind: DocumentKind) -> [String: String] {
        let symbol = ["ke_hoach": "KH-CĐP", "huong_dan": "HD-CĐP", "bao_cao": "BC-CĐP"][kind.rawValue] ?? "KH-CĐP"
        return [
            "co_quan_chu_quan": "Liên đoàn Lao động tỉnh Vĩnh Long", "co_quan_ban_hanh": "Công đoàn phường An Hội",
            "so": "5", "ky_hieu": symbol, "dia_danh": "Bến Tre", "ngay": kind == .baoCao ? "2026-06-20" : "2026-01-15",
            "trich_yeu": "Phát động phong trào thi đua yêu nước năm 2026",
            "can_cu[0].loai": "Kế hoạch", "can_cu[0].so": "3", "can_cu[0].ky_hieu": "KH-LĐLĐ", "can_cu[0].ngay": "2026-01-05",
            "can_cu[0].co_quan": "Liên đoàn Lao động tỉnh Vĩnh Long", "can_cu[0].trich_yeu": "phát động phong trào thi đua năm 2026",
            "thoi_gian.tu": "2026-01-15", "thoi_gian.den": "2026-12-31",
            "dot_thi_dua[0].tu": "2026-01-15", "dot_thi_dua[0].den": "2026-06-30", "dot_thi_dua[0].han_danh_gia": "2026-07-10",
            "dot_thi_dua[1].tu": "2026-07-01", "dot_thi_dua[1].den": "2026-12-31", "dot_thi_dua[1].han_danh_gia": "2026-12-20",
            "chu_de": "thi đua hoàn thành các chỉ tiêu của đơn vị",
            "gioi_thieu_dot": "Phong trào thi đua được tổ chức theo các đợt như sau:",
            "loi_chao_mung": "Thi đua lập thành tích chào mừng:",
            "noi_nhan[0].ten": "LĐLĐ tỉnh Vĩnh Long", "noi_nhan[1].ten": "Các CĐCS trực thuộc",
            "chuc_vu": "Chủ tịch", "ho_ten": "Nguyễn Văn An", "thay_mat": "Ban Thường vụ",
            "tieu_muc": "Nội dung trọng tâm", "diem": "Văn phòng theo dõi, tổng hợp kết quả.", "giao": "Văn phòng Công đoàn phường",
            "han": "2026-06-30",
            "ten_ky": "6 tháng đầu năm 2026", "tep": "ke-hoach.yaml", "bao_cao.ky.tu": "2026-01-15", "bao_cao.ky.den": "2026-06-15",
            "so_lieu": "so-lieu.csv",
        ]
    }

    /// `tree` with each blank filled from `values`: the whole path first, then the path
    /// without list positions' last key, then the last key, then the list's key (`so_lieu[0]`
    /// → `so_lieu`), else a sentence.
    public static func fill(_ tree: DataNode, with values: [String: String]) -> DataNode {
        var out = tree
        for path in Starter.blanks(in: tree) {
            out = out.setting(path, to: .scalar(value(for: path, in: values)))
        }
        return out
    }

    static func value(for path: DataPath, in values: [String: String]) -> String {
        if let value = values[path.description] { return value }
        let keys = path.components.compactMap { component -> String? in
            if case .key(let key) = component { return key }
            return nil
        }
        if keys.count >= 2, let value = values[keys.suffix(2).joined(separator: ".")] { return value }
        if let last = keys.last, let value = values[last] { return value }
        return "Nội dung do đơn vị soạn theo kế hoạch."
    }
}
