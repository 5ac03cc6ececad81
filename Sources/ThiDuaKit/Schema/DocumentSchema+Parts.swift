/// The nested parts of a data file: references, periods, sections, content blocks, phases,
/// signature.
extension DocumentSchema {
    /// A `can_cu` entry or `bao_cao.ke_hoach`: a data file (`tep`) or the cited document by hand.
    static let reference: [SchemaField] = [
        SchemaField(key: "tep", label: "Tệp dữ liệu của văn bản được dẫn",
                    help: "ví dụ ke-hoach-tinh-2025.yaml: số, ngày, cơ quan, trích yếu lấy từ tệp đó", type: .text),
        SchemaField(key: "loai", label: "Loại văn bản", help: "ví dụ Kế hoạch, Chỉ thị, Công văn (không cần khi có tep)", type: .text),
        SchemaField(key: "so", label: "Số", help: "số của văn bản được dẫn, ví dụ 5", type: .number),
        SchemaField(key: "ky_hieu", label: "Ký hiệu", help: "ví dụ KH-TLĐ", type: .text),
        SchemaField(key: "so_ky_hieu", label: "Số, ký hiệu", help: "ghi liền cho văn bản của Đảng, ví dụ 05-CT/TW (thay cho so và ky_hieu)", type: .text),
        SchemaField(key: "ngay", label: "Ngày", help: "ngày của văn bản được dẫn, phải trước ngày của văn bản này", type: .date),
        SchemaField(key: "co_quan", label: "Cơ quan ban hành", help: "ví dụ Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam", type: .text),
        SchemaField(key: "trich_yeu", label: "Trích yếu", help: "trích yếu của văn bản được dẫn, viết thường chữ đầu", type: .multiline),
        SchemaField(key: "cach_dan", label: "Cách dẫn trích yếu", help: "ve, ve_viec hay lien (riêng cho căn cứ này)",
                    type: .choice(SubjectStyle.allCases.map(\.rawValue))),
    ]

    static let period: [SchemaField] = [
        SchemaField(key: "tu", label: "Từ ngày", help: "ví dụ 2025-01-01", type: .date, required: true),
        SchemaField(key: "den", label: "Đến ngày", help: "ví dụ 2025-12-31", type: .date, required: true),
    ]

    static let section: [SchemaField] = [
        SchemaField(key: "ten", label: "Tên mục", help: "ví dụ Mục đích, yêu cầu (tự viết hoa)", type: .text, required: true),
        SchemaField(key: "noi_dung", label: "Nội dung", help: "các khối nội dung: đoạn văn, tiểu mục, điểm, ý, giao việc", type: .list(block)),
        SchemaField(key: "cac_dot", label: "In các đợt ở mục này", help: "true: các đợt thi đua in ở cuối mục này", type: .boolean),
    ]

    /// How deep the form offers nested content (`noi_dung` inside `noi_dung`); real plans use
    /// three or four levels, and a type must be finite.
    static let blockDepth = 5

    /// A content block: a paragraph, or one of the block mappings.
    static let block: SchemaType = block(depth: blockDepth)

    static func block(depth: Int) -> SchemaType {
        .oneOf([
            SchemaVariant(name: "doan", label: "Đoạn văn", type: .multiline),
            SchemaVariant(name: "khoi", label: "Khối nội dung", type: .group(blockFields(depth: depth))),
        ])
    }

    static func blockFields(depth: Int) -> [SchemaField] {
        var fields = [
            SchemaField(key: "doan", label: "Đoạn văn", help: "một đoạn văn", type: .multiline),
            SchemaField(key: "tieu_muc", label: "Tiểu mục", help: "tiểu mục đánh số 1., 1.1. theo độ lồng", type: .multiline),
            SchemaField(key: "diem", label: "Điểm", help: "điểm a), b), c) …", type: .multiline),
            SchemaField(key: "y", label: "Ý", help: "một ý gạch đầu dòng", type: .multiline),
            SchemaField(key: "de_muc", label: "Đề mục", help: "đề mục không đánh số, có nội dung con", type: .multiline),
            SchemaField(key: "cac_y", label: "Các ý", help: "nhiều ý gạch đầu dòng một lúc", type: .list(.multiline)),
            SchemaField(key: "cac_diem", label: "Các điểm", help: "nhiều điểm a), b) một lúc", type: .list(.multiline)),
            SchemaField(key: "kieu", label: "Kiểu đánh số các ý", help: "mot_la (Một là: …) hay so_gach (1- …)",
                        type: .choice(LabelStyle.allCases.map(\.rawValue))),
            SchemaField(key: "giao", label: "Giao việc cho", help: "đơn vị được giao việc, ví dụ Ban Tuyên giáo - Nữ công", type: .text),
            SchemaField(key: "nhiem_vu", label: "Nhiệm vụ", help: "các việc được giao", type: .list(.multiline)),
            SchemaField(key: "han", label: "Hạn hoàn thành", help: "ngày, ví dụ 2025-04-15 (hoàn thành trước ngày 15/4/2025)", type: .date),
            SchemaField(key: "han_thang", label: "Hạn theo tháng", help: "ví dụ 2025-04 (hoàn thành trong tháng 04 năm 2025)", type: .text),
            SchemaField(key: "mot_cau", label: "Viết thành một câu", help: "true: giao việc là một câu đánh số", type: .boolean),
            SchemaField(key: "cac_chi_tieu", label: "Các chỉ tiêu kế hoạch", help: "chỉ tiêu dạng số liệu, in thành các ý; báo cáo dẫn kế hoạch lấy các chỉ tiêu này",
                        type: .list(.group(planTarget))),
        ]
        // The deepest level offered still has content, as paragraphs only.
        let inner: SchemaType = depth > 0 ? block(depth: depth - 1) : .multiline
        fields.insert(SchemaField(key: "noi_dung", label: "Nội dung con", help: "các khối nội dung bên trong", type: .list(inner)), at: 5)
        return fields
    }

    static let planTarget: [SchemaField] = [
        SchemaField(key: "ma", label: "Mã chỉ tiêu", help: "như trong báo cáo, ví dụ doan_vien_moi", type: .text, required: true),
        SchemaField(key: "gia_tri", label: "Giá trị", help: "con số của chỉ tiêu, ví dụ 3500", type: .number, required: true),
        SchemaField(key: "cau", label: "Câu", help: "câu in ra, {gia_tri} là con số, ví dụ \"Phát triển mới {gia_tri} đoàn viên.\"", type: .multiline),
        SchemaField(key: "ten", label: "Tên chỉ tiêu", help: "(khi mã không có trong bộ mặc định)", type: .text),
        SchemaField(key: "don_vi_tinh", label: "Đơn vị tính", help: "ví dụ người, %, đồng", type: .text),
    ]

    static let phase: [SchemaField] = [
        SchemaField(key: "ten", label: "Tên đợt", help: "mặc định \"Đợt N\"", type: .text),
        SchemaField(key: "tu", label: "Từ", help: "ngày (2025-01-01), tháng (2025-01) hoặc dau_nam", type: .text, required: true),
        SchemaField(key: "den", label: "Đến", help: "ngày (2025-08-31), tháng (2025-08) hoặc cuoi_nam", type: .text, required: true),
        SchemaField(key: "chu_de", label: "Chủ đề", help: "ví dụ thi đua lập thành tích chào mừng …", type: .multiline),
        SchemaField(key: "ky_niem", label: "Các ngày kỷ niệm chào mừng", help: "mã trong danh mục (thidua calendar) hay mã một đại hội; số năm và ngày tự tính",
                    type: .list(.oneOf([
                        SchemaVariant(name: "ma", label: "Một mã", type: .text),
                        SchemaVariant(name: "gop", label: "Nhiều mã gộp một dòng", type: .list(.text)),
                        SchemaVariant(name: "khoi", label: "Mã và cách ghi riêng", type: .group([
                            SchemaField(key: "ma", label: "Mã", help: "một mã, hoặc danh sách mã gộp một dòng", type: .oneOf([
                                SchemaVariant(name: "ma", label: "Một mã", type: .text),
                                SchemaVariant(name: "gop", label: "Nhiều mã", type: .list(.text)),
                            ]), required: true),
                            SchemaField(key: "so_nam", label: "Số năm", help: "ghi thì thidua đối chiếu với số năm tự tính", type: .number),
                            SchemaField(key: "khoang", label: "Khoảng ngày", help: "ví dụ 02/9/1945 - 02/9/2025; ghi thì thidua đối chiếu", type: .text),
                            SchemaField(key: "ten", label: "Tên theo cách ghi của văn bản", help: "ví dụ ngày Giải phóng hoàn toàn miền Nam", type: .text),
                        ])),
                    ]))),
        SchemaField(key: "loi_chao_mung", label: "Lời dẫn các ngày kỷ niệm", help: "(tùy chọn) lời dẫn riêng của đợt này", type: .multiline),
        SchemaField(key: "ky_niem_lien", label: "Kỷ niệm viết liền", help: "true: các ngày kỷ niệm viết liền trong đoạn của đợt", type: .boolean),
        SchemaField(key: "danh_gia", label: "Đánh giá", help: "so_ket (sơ kết) hay tong_ket (tổng kết)", type: .choice(ReviewKind.allCases.map(\.rawValue))),
        SchemaField(key: "han_danh_gia", label: "Hạn sơ kết, tổng kết", help: "ví dụ 2025-09-15", type: .date),
        SchemaField(key: "dip_danh_gia", label: "Dịp sơ kết, tổng kết", help: "mã một ngày kỷ niệm, hoặc cuoi_nam (thay cho hạn)", type: .text),
    ]

    static let signature: [SchemaField] = [
        SchemaField(key: "hinh_thuc", label: "Hình thức ký", help: "TM., KT., Q., TL. hay TUQ.; bỏ trống nếu người đứng đầu ký",
                    type: .choice(["TM.", "KT.", "Q.", "TL.", "TUQ."])),
        SchemaField(key: "thay_mat", label: "Thay mặt", help: "ví dụ Ban Thường vụ (sau TM.), Chủ tịch (sau KT.)", type: .text),
        SchemaField(key: "chuc_vu", label: "Chức vụ", help: "ví dụ Chủ tịch, Phó Chủ tịch Thường trực; bỏ trống khi ký Q. (quyền)", type: .text, required: false),
        SchemaField(key: "ho_ten", label: "Họ tên người ký", help: "không ghi học hàm, học vị", type: .text, required: true),
    ]
}
