/// Small data files shared by the test targets: plans that differ only where a test needs
/// them to (same number, symbol and date map to the same output names), and reports naming
/// the figure files a test wants.
public enum SampleData {
    /// A valid plan, Số 05/KH-LĐLĐ (or `number`) of 20/02/2025, with `paragraphs` paragraphs in
    /// its first section and `extra` lines appended at the top level.
    public static func plan(subject: String = "Phát động thi đua năm 2025", symbol: String = "KH-LĐLĐ", number: Int = 5,
                            paragraphs: Int = 1, extra: String = "") -> String {
        var body = ""
        for index in 0..<paragraphs {
            body += "      - Đoạn \(index + 1) - các cấp công đoàn đẩy mạnh phong trào thi đua lao động giỏi, lao động sáng tạo, chăm lo đời sống đoàn viên.\n"
        }
        return """
        loai: ke_hoach
        co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
        co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre
        so: \(number)
        ky_hieu: \(symbol)
        dia_danh: Bến Tre
        ngay: 2025-02-20
        trich_yeu: \(subject)
        muc:
          - ten: Mục đích, yêu cầu
            noi_dung:
        \(body)noi_nhan:
          - ten: LĐLĐ các huyện
            muc_dich: để th/hiện
        luu: [VT, CSPL]
        chu_ky:
          hinh_thuc: TM.
          thay_mat: Ban Thường vụ
          chuc_vu: Chủ tịch
          ho_ten: Nguyễn Văn A
        \(extra)
        """
    }

    /// A report (Số 41/BC-LĐLĐ) whose `so_lieu` lists `figures` (line 14 is the first).
    public static func report(figures: [String]) -> String {
        """
        loai: bao_cao
        co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
        co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre
        so: 41
        ky_hieu: BC-LĐLĐ
        dia_danh: Bến Tre
        ngay: 2025-09-12
        trich_yeu: Sơ kết phong trào thi đua đợt 1 năm 2025
        luu: [VT]
        chu_ky: { hinh_thuc: TM., thay_mat: Ban Thường vụ, chuc_vu: Chủ tịch, ho_ten: Nguyễn Văn A }
        bao_cao:
          hinh_thuc: so_ket
          so_lieu:
        \(figures.map { "    - \"\($0)\"" }.joined(separator: "\n"))
          ky: { tu: 2025-01-01, den: 2025-06-30 }
        """
    }

    /// Figures of two units in one group.
    public static let figures = "Đơn vị;Khối;so_cdcs\nCĐCS Trường A;Khối 1;3\nCĐCS Trường B;Khối 1;4\n"
}
