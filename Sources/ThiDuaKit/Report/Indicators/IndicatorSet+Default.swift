extension IndicatorSet {
    /// The figures real sơ kết / tổng kết reports give (conventions.md, "Phase reports"):
    /// CĐCS and how many launched the movement, registrations, initiatives and their value,
    /// works and products, new members and new CĐCS against per-unit targets, Mái ấm Công
    /// đoàn, titles and awards. A starting point; each LĐLĐ edits its own list.
    public static let `default` = IndicatorSet([
        Indicator(key: "so_cdcs", name: "Số CĐCS", unit: "CĐCS", kind: .count,
                  sentence: "toàn đơn vị có {gia_tri} CĐCS"),
        Indicator(key: "cdcs_phat_dong", name: "CĐCS tổ chức phát động", unit: "CĐCS", kind: .count,
                  sentence: "{gia_tri} CĐCS tổ chức phát động thi đua"),
        Indicator(key: "ty_le_cdcs_phat_dong", name: "Tỷ lệ CĐCS phát động", unit: "%", kind: .ratio,
                  aggregation: .ratio(numerator: "cdcs_phat_dong", denominator: "so_cdcs"),
                  sentence: "có {tu_so}/{mau_so} CĐCS tổ chức phát động thi đua, đạt {gia_tri}"),
        Indicator(key: "dang_ky_tap_the", name: "Tập thể đăng ký thi đua", unit: "tập thể", kind: .count,
                  sentence: "có {gia_tri} tập thể đăng ký thi đua"),
        Indicator(key: "dang_ky_ca_nhan", name: "Cá nhân đăng ký thi đua", unit: "cá nhân", kind: .count,
                  sentence: "{gia_tri} cá nhân đăng ký thi đua"),
        Indicator(key: "sang_kien", name: "Sáng kiến", unit: "sáng kiến", kind: .count,
                  sentence: "có {gia_tri} sáng kiến, cải tiến kỹ thuật được công nhận"),
        Indicator(key: "gia_tri_lam_loi", name: "Giá trị làm lợi", unit: "đồng", kind: .money,
                  sentence: "giá trị làm lợi {gia_tri}"),
        Indicator(key: "cong_trinh_san_pham", name: "Công trình, sản phẩm", unit: "công trình", kind: .count,
                  sentence: "{gia_tri} công trình, sản phẩm chào mừng"),
        Indicator(key: "doan_vien_moi", name: "Phát triển đoàn viên", unit: "đoàn viên", kind: .count,
                  perUnitTargetColumn: "chi_tieu_doan_vien_moi",
                  sentence: "phát triển được {gia_tri} đoàn viên mới, đạt {ty_le} chỉ tiêu ({chi_tieu})"),
        Indicator(key: "thanh_lap_cdcs", name: "Thành lập CĐCS", unit: "CĐCS", kind: .count,
                  perUnitTargetColumn: "chi_tieu_thanh_lap_cdcs",
                  sentence: "thành lập mới {gia_tri} CĐCS, đạt {ty_le} chỉ tiêu ({chi_tieu})"),
        Indicator(key: "mai_am_so_nha", name: "Mái ấm Công đoàn", unit: "nhà", kind: .count,
                  sentence: "xây dựng, sửa chữa {gia_tri} Mái ấm Công đoàn"),
        Indicator(key: "mai_am_kinh_phi", name: "Kinh phí Mái ấm Công đoàn", unit: "đồng", kind: .money,
                  sentence: "với tổng kinh phí {gia_tri}", joinedTo: "mai_am_so_nha"),
        Indicator(key: "lao_dong_gioi", name: "Lao động giỏi", unit: "người", kind: .count,
                  sentence: "{gia_tri} người đạt danh hiệu Lao động giỏi"),
        Indicator(key: "cdcs_vung_manh", name: "CĐCS vững mạnh", unit: "CĐCS", kind: .count,
                  sentence: "{gia_tri} CĐCS đạt tiêu chuẩn vững mạnh"),
        Indicator(key: "bang_khen_tap_the", name: "Bằng khen tập thể", unit: "tập thể", kind: .count,
                  sentence: "{gia_tri} tập thể được tặng Bằng khen"),
        Indicator(key: "bang_khen_ca_nhan", name: "Bằng khen cá nhân", unit: "cá nhân", kind: .count,
                  sentence: "{gia_tri} cá nhân được tặng Bằng khen"),
        Indicator(key: "giay_khen_tap_the", name: "Giấy khen tập thể", unit: "tập thể", kind: .count,
                  sentence: "{gia_tri} tập thể được tặng Giấy khen"),
        Indicator(key: "giay_khen_ca_nhan", name: "Giấy khen cá nhân", unit: "cá nhân", kind: .count,
                  sentence: "{gia_tri} cá nhân được tặng Giấy khen"),
    ])
}

extension IndicatorSet {
    /// Figures of the default set one unit cannot have more of than of another (see
    /// `boundedPairs`): the numerators and denominators of its ratios.
    static let defaultBounds: [(String, String)] = IndicatorSet.defaultRatioOperands

    /// The operands of the default set's ratios, written out (the set itself cannot be read
    /// while it is being built).
    private static let defaultRatioOperands: [(String, String)] = [("cdcs_phat_dong", "so_cdcs")]
}
