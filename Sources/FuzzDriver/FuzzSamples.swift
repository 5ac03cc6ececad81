/// Small data files the harnesses build on, kept in one place.
public enum FuzzSamples {
    /// A phase report (sơ kết) whose only figures file is `figures`, with the unit table on.
    public static func report(figures: String) -> String {
        """
        loai: bao_cao
        co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
        co_quan_ban_hanh: Liên đoàn Lao động tỉnh
        so: 1
        ky_hieu: BC-LĐLĐ
        dia_danh: Bến Tre
        ngay: 2025-09-12
        trich_yeu: Sơ kết
        bao_cao: { hinh_thuc: so_ket, so_lieu: [\(figures)], bang_don_vi: true }
        luu: [VT]
        chu_ky: { chuc_vu: Chủ tịch, ho_ten: Nguyễn Văn A }
        """
    }
}
