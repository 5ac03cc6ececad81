import Foundation

/// Small data files for the workspace tests.
enum Documents {
    static func plan(subject: String = "Phát động thi đua năm 2025", number: Int = 5, extra: String = "", paragraphs: Int = 1) -> String {
        let body = (0..<paragraphs).map { "      - Đoạn \($0 + 1) về phong trào thi đua lao động giỏi, lao động sáng tạo.\n" }.joined()
        return """
        loai: ke_hoach
        co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
        co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre
        so: \(number)
        ky_hieu: KH-LĐLĐ
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

    /// A report naming `files` as its figures.
    static func report(figures files: [String]) -> String {
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
        \(files.map { "    - \"\($0)\"" }.joined(separator: "\n"))
        """
    }

    static let figures = "Đơn vị;Khối;so_cdcs\nCĐCS Trường A;Khối 1;3\nCĐCS Trường B;Khối 1;4\n"
}
