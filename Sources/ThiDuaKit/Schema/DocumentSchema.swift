/// What the loader accepts for each kind of document, as data: the editor's form, the
/// comments of `thidua moi`, the order the emitter writes keys in. A test keeps it equal to
/// the keys the loader reads (`SchemaDriftTests`), so neither can change alone.
public enum DocumentSchema {
    /// The top-level fields of a data file of `kind`, in the order README documents them.
    ///
    /// Plans and guidance have every key but `bao_cao`; reports have `bao_cao` and not the
    /// keys of a plan's phases (`thoi_gian`, `gioi_thieu_dot`, `loi_chao_mung`, `dot_thi_dua`).
    public static func fields(for kind: DocumentKind) -> [SchemaField] {
        let phaseKeys: Set<String> = ["thoi_gian", "gioi_thieu_dot", "loi_chao_mung", "dot_thi_dua"]
        return topLevel.filter { field in
            switch kind {
            case .keHoach, .huongDan: return field.key != "bao_cao"
            case .baoCao: return !phaseKeys.contains(field.key)
            }
        }.map { field in
            guard field.key == "bao_cao" else { return field }
            var required = field
            required.required = true
            return required
        }
    }

    /// The field at `path` of a data file of `kind` (list positions pass to the item type;
    /// `oneOf` items are resolved against `tree`), when the schema has one; nil for the root
    /// and for list items (see `type(at:kind:in:)`).
    public static func field(at path: DataPath, kind: DocumentKind, in tree: DataNode) -> SchemaField? {
        walk(path, kind: kind, in: tree)?.field
    }

    /// The type of the value at `path`, resolved for the node the tree has there (a `oneOf`
    /// item becomes the variant of its shape); nil where the schema has nothing.
    public static func type(at path: DataPath, kind: DocumentKind, in tree: DataNode) -> SchemaType? {
        guard let found = walk(path, kind: kind, in: tree) else { return nil }
        return found.node.flatMap { found.type.resolved(for: $0) } ?? found.type
    }

    private static func walk(_ path: DataPath, kind: DocumentKind, in tree: DataNode) -> (field: SchemaField?, type: SchemaType, node: DataNode?)? {
        var type = SchemaType.group(fields(for: kind))
        var node: DataNode? = tree
        var field: SchemaField?
        for component in path.components {
            let resolved = node.flatMap { type.resolved(for: $0) } ?? type
            switch component {
            case .key(let key):
                guard let next = resolved.fields.first(where: { $0.key == key }) else { return nil }
                field = next
                type = next.type
                node = node?[key]
            case .index(let index):
                guard let item = resolved.itemType else { return nil }
                field = nil
                type = item
                node = node?.items.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            }
        }
        return (field, type, node)
    }

    static let topLevel: [SchemaField] = [
        SchemaField(key: "loai", label: "Loại văn bản", help: "ke_hoach (kế hoạch), huong_dan (hướng dẫn) hay bao_cao (báo cáo); chọn mẫu và tên loại",
                    type: .choice(DocumentKind.allCases.map(\.rawValue)), required: true),
        SchemaField(key: "co_quan_chu_quan", label: "Cơ quan chủ quản", help: "cơ quan cấp trên, in ở góc trái phía trên (tự viết hoa), ví dụ Tổng Liên đoàn Lao động Việt Nam",
                    type: .text, required: true),
        SchemaField(key: "co_quan_ban_hanh", label: "Cơ quan ban hành", help: "cơ quan ra văn bản, ví dụ Liên đoàn Lao động tỉnh Bến Tre", type: .text, required: true),
        SchemaField(key: "so", label: "Số văn bản", help: "số thứ tự của văn bản (1–99999); bỏ trống để văn thư điền tay", type: .number),
        SchemaField(key: "ky_hieu", label: "Ký hiệu", help: "LOẠI-CƠ QUAN, không dấu cách, ví dụ KH-LĐLĐ; mã loại phải khớp loại văn bản", type: .text, required: true),
        SchemaField(key: "dia_danh", label: "Địa danh", help: "nơi ban hành, in trước ngày tháng, ví dụ Bến Tre", type: .text, required: true),
        SchemaField(key: "ngay", label: "Ngày ban hành", help: "ví dụ 2025-02-20 hoặc 20/02/2025; chỉ ghi tháng (2025-02) để văn thư điền ngày", type: .date, required: true),
        SchemaField(key: "du_thao", label: "Dự thảo", help: "true: in dấu DỰ THẢO ở đầu văn bản", type: .boolean),
        SchemaField(key: "ten_loai", label: "Tên loại", help: "(tùy chọn) thay tên loại mặc định (KẾ HOẠCH, HƯỚNG DẪN, BÁO CÁO)", type: .text),
        SchemaField(key: "trich_yeu", label: "Trích yếu", help: "nội dung tóm tắt của văn bản, in dưới tên loại", type: .multiline, required: true),
        SchemaField(key: "loi_dan", label: "Lời dẫn các căn cứ", help: "can_cu (Căn cứ …), can_cu_vao (Căn cứ vào …) hay thuc_hien (Thực hiện …)",
                    type: .choice(ReferenceWording.allCases.map(\.rawValue))),
        SchemaField(key: "cach_dan", label: "Cách dẫn trích yếu", help: "ve (… về …), ve_viec (… “Về việc …”) hay lien (viết liền sau tên cơ quan)",
                    type: .choice(SubjectStyle.allCases.map(\.rawValue))),
        SchemaField(key: "can_cu", label: "Các văn bản căn cứ", help: "văn bản được dẫn: ghi tep (tệp dữ liệu của văn bản đó) hoặc ghi tay loại, số, ngày, cơ quan, trích yếu",
                    type: .list(.group(reference))),
        SchemaField(key: "mo_dau", label: "Mở đầu", help: "các đoạn mở đầu, trước mục I", type: .list(block)),
        SchemaField(key: "thoi_gian", label: "Thời gian phong trào", help: "từ ngày, đến ngày; dùng để kiểm tra các đợt và các hạn", type: .group(period)),
        SchemaField(key: "muc", label: "Các mục", help: "các mục I., II., III. …, mỗi mục một tên và nội dung", type: .list(.oneOf([
            SchemaVariant(name: "ten", label: "Chỉ có tên mục", type: .text),
            SchemaVariant(name: "muc", label: "Mục có nội dung", type: .group(section)),
        ]))),
        SchemaField(key: "gioi_thieu_dot", label: "Lời giới thiệu các đợt", help: "đoạn trước các đợt thi đua, ví dụ \"Phong trào thi đua năm 2025 được chia thành 2 đợt như sau:\"",
                    type: .oneOf([
                        SchemaVariant(name: "doan", label: "Một đoạn văn", type: .multiline),
                        SchemaVariant(name: "khoi", label: "Tiểu mục đánh số hoặc đoạn", type: .group([
                            SchemaField(key: "doan", label: "Đoạn văn", help: "lời giới thiệu là một đoạn văn", type: .multiline),
                            SchemaField(key: "tieu_muc", label: "Tiểu mục", help: "lời giới thiệu là một tiểu mục đánh số, các đợt in dưới nó", type: .multiline),
                        ])),
                    ])),
        SchemaField(key: "loi_chao_mung", label: "Lời dẫn các ngày kỷ niệm", help: "(tùy chọn) thay \"Thi đua lập thành tích chào mừng:\"", type: .multiline),
        SchemaField(key: "dot_thi_dua", label: "Các đợt thi đua", help: "mỗi đợt: tên, từ ngày, đến ngày, chủ đề, các ngày kỷ niệm chào mừng, sơ kết hay tổng kết",
                    type: .list(.group(phase))),
        SchemaField(key: "ket_luan", label: "Kết luận", help: "các đoạn cuối văn bản, ví dụ \"Trên đây là …/.\"", type: .list(block)),
        SchemaField(key: "noi_nhan", label: "Nơi nhận", help: "mỗi nơi một dòng: tên, và mục đích nếu có (để b/c, để th/hiện)", type: .list(.oneOf([
            SchemaVariant(name: "ten", label: "Chỉ tên", type: .text),
            SchemaVariant(name: "noi_nhan", label: "Tên và mục đích", type: .group([
                SchemaField(key: "ten", label: "Tên nơi nhận", help: "ví dụ Thường trực Tỉnh ủy", type: .text, required: true),
                SchemaField(key: "muc_dich", label: "Mục đích", help: "ví dụ để b/c, để th/hiện (không cần ngoặc)", type: .text),
            ])),
        ]))),
        SchemaField(key: "luu", label: "Lưu", help: "nơi lưu văn bản, ví dụ VT, Ban CSPL", type: .list(.text)),
        SchemaField(key: "chu_ky", label: "Chữ ký", help: "hình thức ký, thay mặt, chức vụ, họ tên người ký", type: .group(signature), required: true),
        SchemaField(key: "ngay_ky_niem", label: "Ngày kỷ niệm bổ sung", help: "(tùy chọn) thêm ngày kỷ niệm riêng vào danh mục: mã, tên, ngày gốc",
                    type: .list(.group([
                        SchemaField(key: "ma", label: "Mã", help: "viết thường không dấu, nối bằng _, ví dụ thanh_lap_ldld_tinh", type: .text, required: true),
                        SchemaField(key: "ten", label: "Tên", help: "ví dụ Ngày thành lập Liên đoàn Lao động tỉnh (không kết thúc bằng ngoặc)", type: .text, required: true),
                        SchemaField(key: "ngay_goc", label: "Ngày gốc", help: "ngày của sự kiện, ví dụ 1975-05-15", type: .date, required: true),
                    ]))),
        SchemaField(key: "dai_hoi", label: "Các đại hội", help: "(tùy chọn) các đại hội trong kỳ mà các đợt chào mừng: mã, tên, ngày khai mạc, ngày bế mạc",
                    type: .list(.group([
                        SchemaField(key: "ma", label: "Mã", help: "ví dụ dai_hoi_cong_doan_tinh; dùng trong ky_niem của các đợt và {dai_hoi …}", type: .text, required: true),
                        SchemaField(key: "ten", label: "Tên đại hội", help: "ví dụ Đại hội Công đoàn tỉnh lần thứ I, nhiệm kỳ 2025 - 2030", type: .text, required: true),
                        SchemaField(key: "ngay", label: "Ngày khai mạc", help: "ví dụ 2025-12-16", type: .date, required: true),
                        SchemaField(key: "den", label: "Ngày bế mạc", help: "(tùy chọn)", type: .date),
                    ]))),
        SchemaField(key: "kieu_ngay_ky_niem", label: "Kiểu ghi ngày kỷ niệm", help: "official (03/02 - 30/4), padded (30/04) hay plain (3/2)",
                    type: .choice(DayMonthStyle.allCases.map(\.rawValue))),
        SchemaField(key: "bao_cao", label: "Báo cáo", help: "kỳ báo cáo, kế hoạch được sơ kết, tệp số liệu, chỉ tiêu và các phần văn xuôi",
                    type: .group(report)),
    ]
}
