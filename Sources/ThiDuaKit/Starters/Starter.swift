/// The three ways of starting a data file: a new one with every field and its help
/// (`newDocument`), the lower level's plan from the upper level's (`derive`), and next year's
/// plan from this year's (`nextYear`). Pure functions over `DataNode`; the workspace writes
/// what they give.
public enum Starter {
    /// A new data file of `kind`: every top-level field of the schema present, blanks where the
    /// clerk must write (`blanks(in:)` lists them), defaults where the loader has one, and a
    /// skeleton of sections, phases, recipients and signature whose blanks, once filled, make
    /// a document `thidua check` accepts.
    public static func newDocument(_ kind: DocumentKind) -> DataNode {
        var entries: [DataEntry] = []
        for field in DocumentSchema.fields(for: kind) {
            entries.append(DataEntry(key: field.key, value: skeleton(field.key, kind: kind)))
        }
        return .mapping(entries)
    }

    /// Where a tree still has blanks (empty text), in file order.
    public static func blanks(in tree: DataNode) -> [DataPath] {
        var found: [DataPath] = []
        func walk(_ node: DataNode, _ path: DataPath) {
            switch node {
            case .scalar(let text): if text.isEmpty { found.append(path) }
            case .sequence(let items): for (i, item) in items.enumerated() { walk(item, path.appending(i)) }
            case .mapping(let entries): for entry in entries { walk(entry.value, path.appending(entry.key)) }
            }
        }
        walk(tree, DataPath())
        return found
    }

    /// The text of a starter file: a heading comment (`#` lines), then the tree in the
    /// documented format with the schema's help above each key.
    public static func fileText(_ tree: DataNode, heading: [String]) -> String {
        let body = tree.yaml(kind: tree.documentKind, comments: true).text
        return heading.map { "# " + $0 + "\n" }.joined() + body
    }

    static func pair(_ key: String, _ value: DataNode) -> DataEntry { DataEntry(key: key, value: value) }
    static func text(_ value: String) -> DataNode { .scalar(value) }

    /// The starting value of one top-level key.
    static func skeleton(_ key: String, kind: DocumentKind) -> DataNode {
        switch key {
        case "loai": return text(kind.rawValue)
        case "du_thao": return text("true")
        case "ten_loai": return text(kind.title)
        case "loi_dan": return text(ReferenceWording.canCu.rawValue)
        case "cach_dan": return text(SubjectStyle.ve.rawValue)
        case "kieu_ngay_ky_niem": return text(DayMonthStyle.official.rawValue)
        case "can_cu":
            return .sequence([.mapping([pair("loai", .blank), pair("so", .blank), pair("ky_hieu", .blank), pair("ngay", .blank),
                                        pair("co_quan", .blank), pair("trich_yeu", .blank)])])
        case "mo_dau", "ket_luan": return .sequence([.blank])
        case "thoi_gian": return .mapping([pair("tu", .blank), pair("den", .blank)])
        case "muc": return sections(kind)
        case "dot_thi_dua":
            return .sequence((1...2).map { n in
                .mapping([pair("ten", text("Đợt \(n)")), pair("tu", .blank), pair("den", .blank), pair("chu_de", .blank),
                          pair("ky_niem", .sequence([])), pair("danh_gia", text(n == 1 ? "so_ket" : "tong_ket")), pair("han_danh_gia", .blank)])
            })
        case "noi_nhan":
            return .sequence([.mapping([pair("ten", .blank), pair("muc_dich", text("để b/c"))]),
                              .mapping([pair("ten", .blank), pair("muc_dich", text("để th/hiện"))])])
        case "luu": return .sequence([text("VT")])
        case "chu_ky":
            return .mapping([pair("hinh_thuc", text("TM.")), pair("thay_mat", text("Ban Thường vụ")), pair("chuc_vu", .blank), pair("ho_ten", .blank)])
        case "ngay_ky_niem", "dai_hoi": return .sequence([])
        case "bao_cao": return report()
        default: return .blank
        }
    }

    static func section(_ title: String, _ content: [DataNode], phases: Bool = false) -> DataNode {
        var entries = [pair("ten", text(title)), pair("noi_dung", .sequence(content))]
        if phases { entries.append(pair("cac_dot", text("true"))) }
        return .mapping(entries)
    }

    static func sections(_ kind: DocumentKind) -> DataNode {
        switch kind {
        case .keHoach:
            return .sequence([
                section("Mục đích, yêu cầu", [.blank]),
                section("Nội dung thi đua", [.mapping([pair("tieu_muc", .blank), pair("noi_dung", .sequence([.blank]))])]),
                section("Thời gian thực hiện", [.blank], phases: true),
                section("Tổ chức thực hiện", [.mapping([pair("diem", .blank)])]),
            ])
        case .huongDan:
            return .sequence([
                section("Mục đích, yêu cầu", [.blank]),
                section("Nội dung hướng dẫn", [.mapping([pair("tieu_muc", .blank), pair("noi_dung", .sequence([.blank]))])]),
                section("Tổ chức thực hiện", [.mapping([pair("giao", .blank), pair("nhiem_vu", .sequence([.blank])), pair("han", .blank)])]),
            ])
        case .baoCao:
            return .sequence([])
        }
    }

    static func report() -> DataNode {
        var entries = [pair("hinh_thuc", text("so_ket")), pair("ten_ky", .blank),
                       pair("ke_hoach", .mapping([pair("tep", .blank)])),
                       pair("ky", .mapping([pair("tu", .blank), pair("den", .blank)])),
                       pair("so_lieu", .sequence([.blank])), pair("chi_tieu", .sequence([]))]
        for key in ["thuan_loi", "kho_khan", "uu_diem", "ton_tai", "nguyen_nhan", "bai_hoc", "phuong_huong", "de_xuat"] {
            entries.append(pair(key, .sequence([.blank])))
        }
        return .mapping(entries)
    }
}
