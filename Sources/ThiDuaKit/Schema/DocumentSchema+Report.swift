/// The `bao_cao` block of a report.
extension DocumentSchema {
    static let report: [SchemaField] = [
        SchemaField(key: "hinh_thuc", label: "Hình thức", help: "so_ket (một đợt, 6 tháng) hay tong_ket (năm, giai đoạn)",
                    type: .choice(ReviewKind.allCases.map(\.rawValue)), required: true),
        SchemaField(key: "ten_ky", label: "Tên kỳ báo cáo", help: "ví dụ 6 tháng đầu năm 2025", type: .text),
        SchemaField(key: "ke_hoach", label: "Kế hoạch được sơ kết", help: "tep: tệp dữ liệu của kế hoạch (lấy số, ngày, trích yếu và chỉ tiêu), hoặc ghi tay",
                    type: .group(reference)),
        SchemaField(key: "ky", label: "Kỳ báo cáo", help: "từ ngày, đến ngày; kết thúc trước ngày ban hành báo cáo", type: .group(period)),
        SchemaField(key: "so_lieu", label: "Tệp số liệu", help: "các tệp CSV hoặc .xlsx (tệp, thư mục, mẫu *.xlsx) số liệu của các đơn vị; mỗi huyện một nhóm: tep và nhom",
                    type: .list(figureEntry), required: true),
        SchemaField(key: "ky_truoc", label: "Tệp số liệu kỳ trước", help: "(tùy chọn) để so sánh; ghi nhóm như so_lieu", type: .list(figureEntry)),
        SchemaField(key: "so_sanh_voi", label: "So sánh với", help: "cung_ky, dot_truoc, ky_truoc hay nam_truoc",
                    type: .choice(ComparisonWording.allCases.map(\.rawValue))),
        SchemaField(key: "don_vi_du_kien", label: "Danh sách đơn vị", help: "(tùy chọn) tệp CSV các đơn vị phải báo cáo, để tìm đơn vị chưa báo cáo", type: .text),
        SchemaField(key: "don_vi_chua_bao_cao", label: "Nơi liệt kê đơn vị chưa báo cáo", help: "ton_tai (mặc định), ket_qua hay phu_luc",
                    type: .choice(MissingUnitsPlacement.allCases.map(\.rawValue))),
        SchemaField(key: "bang_don_vi", label: "Bảng từng đơn vị", help: "true: in bảng từng đơn vị thành phụ lục", type: .boolean),
        SchemaField(key: "so_don_vi_noi_bat", label: "Số đơn vị nổi bật", help: "số đơn vị dẫn đầu nêu tên cho mỗi chỉ tiêu (0–50, mặc định 3)", type: .number),
        SchemaField(key: "nguoi_lap_bieu", label: "Người lập biểu", help: "(tùy chọn) tên dưới NGƯỜI LẬP BIỂU của bảng tính", type: .text),
        SchemaField(key: "han_gui_so_lieu", label: "Hạn gửi số liệu", help: "(tùy chọn) in trên biểu mẫu số liệu gửi các đơn vị", type: .date),
        SchemaField(key: "chi_tieu", label: "Các chỉ tiêu", help: "bỏ trống để dùng bộ chỉ tiêu mặc định; mã có trong bộ mặc định chỉ cần ghi phần muốn đổi",
                    type: .list(.group(indicator))),
        SchemaField(key: "thuan_loi", label: "Thuận lợi", help: "các đoạn về thuận lợi", type: .list(block)),
        SchemaField(key: "kho_khan", label: "Khó khăn", help: "các đoạn về khó khăn", type: .list(block)),
        SchemaField(key: "uu_diem", label: "Ưu điểm", help: "các đoạn về ưu điểm", type: .list(block)),
        SchemaField(key: "ton_tai", label: "Tồn tại, hạn chế", help: "các đoạn về tồn tại, hạn chế", type: .list(block)),
        SchemaField(key: "nguyen_nhan", label: "Nguyên nhân", help: "các đoạn về nguyên nhân", type: .list(block)),
        SchemaField(key: "bai_hoc", label: "Bài học kinh nghiệm", help: "các đoạn về bài học kinh nghiệm", type: .list(block)),
        SchemaField(key: "phuong_huong", label: "Phương hướng, nhiệm vụ", help: "phương hướng, nhiệm vụ kỳ tới", type: .list(block)),
        SchemaField(key: "de_xuat", label: "Đề xuất, kiến nghị", help: "các đề xuất, kiến nghị", type: .list(block)),
        SchemaField(key: "khen_thuong", label: "Khen thưởng", help: "các hình thức khen thưởng", type: .list(block)),
    ]

    /// An entry of `so_lieu` / `ky_truoc`: a path, or a path with the group of its rows.
    static let figureEntry = SchemaType.oneOf([
        SchemaVariant(name: "tep", label: "Chỉ tệp", type: .text),
        SchemaVariant(name: "tep_nhom", label: "Tệp và nhóm", type: .group([
            SchemaField(key: "tep", label: "Tệp", help: "tệp, thư mục hoặc mẫu, ví dụ nhan-ve/chau-thanh.xlsx", type: .text, required: true),
            SchemaField(key: "nhom", label: "Nhóm", help: "nhóm của các dòng không có nhóm riêng, ví dụ Huyện Châu Thành; theo_ten_tep: lấy tên tệp",
                        type: .text, required: true),
        ])),
    ])

    static let indicator: [SchemaField] = [
        SchemaField(key: "ma", label: "Mã chỉ tiêu", help: "ví dụ doan_vien_moi", type: .text, required: true),
        SchemaField(key: "ten", label: "Tên chỉ tiêu", help: "cần khi mã không có trong bộ mặc định", type: .text),
        SchemaField(key: "don_vi_tinh", label: "Đơn vị tính", help: "ví dụ người, %, đồng", type: .text),
        SchemaField(key: "kieu", label: "Kiểu", help: "so_luong, tien (đồng) hay ty_le", type: .choice(["so_luong", "tien", "ty_le"])),
        SchemaField(key: "chi_tieu", label: "Chỉ tiêu chung", help: "chỉ khi kế hoạch không giao chỉ tiêu này", type: .number),
        SchemaField(key: "cot_chi_tieu", label: "Cột chỉ tiêu riêng", help: "tên cột chỉ tiêu riêng của từng đơn vị trong tệp số liệu", type: .text),
        SchemaField(key: "ty_le", label: "Tỷ lệ", help: "tỷ lệ tính từ hai chỉ tiêu", type: .group([
            SchemaField(key: "tu_so", label: "Tử số", help: "mã chỉ tiêu tử số", type: .text, required: true),
            SchemaField(key: "mau_so", label: "Mẫu số", help: "mã chỉ tiêu mẫu số", type: .text, required: true),
        ])),
        SchemaField(key: "cau", label: "Câu mẫu", help: "câu in ra, ví dụ phát triển được {gia_tri} {don_vi_tinh} mới, đạt {ty_le} chỉ tiêu", type: .multiline),
        SchemaField(key: "gop_vao", label: "Gộp vào chỉ tiêu", help: "câu này nối vào câu của chỉ tiêu kia", type: .text),
    ]
}
