import ThiDuaKit
import Yams

extension DocxLayout {
    /// The name of the template holding the figures (`layout.docx.mustache`).
    public static let templateName = "layout.docx"

    /// One figure of the layout file: its section and key, where it goes, and the values
    /// that make sense (not the decree's ranges: an office may choose otherwise).
    struct Field {
        var section: String
        var key: String
        var path: WritableKeyPath<DocxLayout, Double>
        var range: ClosedRange<Double>
        var unit: String
    }

    static let fields: [Field] = [
        Field(section: "trang", key: "kho_rong", path: \.pageWidth, range: 100...600, unit: "mm"),
        Field(section: "trang", key: "kho_cao", path: \.pageHeight, range: 100...600, unit: "mm"),
        Field(section: "trang", key: "le_tren", path: \.marginTop, range: 5...60, unit: "mm"),
        Field(section: "trang", key: "le_duoi", path: \.marginBottom, range: 5...60, unit: "mm"),
        Field(section: "trang", key: "le_trai", path: \.marginLeft, range: 5...60, unit: "mm"),
        Field(section: "trang", key: "le_phai", path: \.marginRight, range: 5...60, unit: "mm"),
        Field(section: "trang", key: "so_trang_cach_mep", path: \.headerDistance, range: 2...40, unit: "mm"),
        Field(section: "trang", key: "tieu_de_lan_le_trai", path: \.letterheadOutdent, range: 0...30, unit: "mm"),
        Field(section: "co_chu", key: "co_quan_chu_quan", path: \.parentBodySize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "co_quan_ban_hanh", path: \.issuingBodySize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "so_ky_hieu", path: \.numberSize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "quoc_hieu", path: \.nationSize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "tieu_ngu", path: \.mottoSize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "dia_danh_ngay", path: \.placeDateSize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "ten_loai", path: \.titleSize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "trich_yeu", path: \.subjectSize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "noi_dung", path: \.bodySize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "bang", path: \.tableSize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "bang_phu_luc", path: \.annexTableSize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "noi_nhan", path: \.recipientsHeadingSize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "danh_sach_noi_nhan", path: \.recipientsSize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "chuc_vu", path: \.authoritySize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "ho_ten_nguoi_ky", path: \.signerSize, range: 6...36, unit: "pt"),
        Field(section: "co_chu", key: "so_trang", path: \.pageNumberSize, range: 6...36, unit: "pt"),
        Field(section: "doan_van", key: "thut_dau_dong", path: \.firstLineIndent, range: 0...40, unit: "mm"),
        Field(section: "doan_van", key: "cach_doan", path: \.paragraphSpacing, range: 0...48, unit: "pt"),
        Field(section: "doan_van", key: "gian_dong", path: \.lineSpacing, range: 1...3, unit: "lần dòng đơn"),
        Field(section: "khac", key: "cho_ky", path: \.signatureRoom, range: 0...100, unit: "mm"),
        Field(section: "khac", key: "gach_duoi_trich_yeu", path: \.subjectRule, range: 5...150, unit: "mm"),
    ]

    /// Reads the layout file (YAML: sections of `key: number`). A figure left out keeps its
    /// built-in value; an unknown key, a value that is not a number or one out of range
    /// is an error naming the file, line and column, with the nearest valid key.
    public init(yaml text: String, file: String) throws {
        self.init()
        let root: Node?
        do {
            // No resolver rules: every value is read as text here, and the default rules compile
            // ICU regular expressions (a few milliseconds of a fresh process).
            root = try Yams.compose(yaml: text, Resolver.basic)
        } catch let error as YamlError {
            throw Self.error(file: file, mark: Self.mark(of: error), "tệp bố cục không đọc được như YAML")
        }
        guard let root else { return }
        guard let sections = root.mapping else {
            throw Self.error(file: file, mark: root.mark, "tệp bố cục phải gồm các mục `trang:`, `co_chu:`, `doan_van:`, `khac:`")
        }
        let sectionNames = Array(Set(Self.fields.map(\.section))).sorted()
        for (sectionKey, sectionValue) in sections {
            let section = sectionKey.string ?? ""
            guard sectionNames.contains(section) else {
                throw Self.unknownKey(section, among: sectionNames, file: file, mark: sectionKey.mark)
            }
            guard let entries = sectionValue.mapping else {
                throw Self.error(file: file, mark: sectionValue.mark, "mục `\(section)` phải gồm các dòng `khóa: số`")
            }
            let keys = Self.fields.filter { $0.section == section }.map(\.key)
            for (keyNode, valueNode) in entries {
                let key = keyNode.string ?? ""
                guard keys.contains(key) else {
                    throw Self.unknownKey(key, among: keys, file: file, mark: keyNode.mark)
                }
                guard let number = Self.number(valueNode) else {
                    throw Self.error(file: file, mark: valueNode.mark, "`\(section).\(key)` phải là một số, đang là `\(valueNode.string ?? "")`")
                }
                if let field = Self.fields.first(where: { $0.section == section && $0.key == key }) {
                    guard field.range.contains(number) else {
                        throw Self.error(file: file, mark: valueNode.mark,
                                         "`\(section).\(key)` phải từ \(Self.text(field.range.lowerBound)) đến \(Self.text(field.range.upperBound)) \(field.unit), đang là \(Self.text(number))")
                    }
                    self[keyPath: field.path] = number
                }
            }
        }
        guard pageWidth - marginLeft - marginRight >= 80, pageHeight - marginTop - marginBottom >= 80 else {
            throw Self.error(file: file, mark: root.mark, "lề quá rộng so với khổ giấy: vùng chữ phải rộng và cao ít nhất 80 mm")
        }
    }

    /// The layout of a template set: the file `layout.docx.mustache` (built-in or the
    /// user's), read as YAML after Mustache has rendered it (it holds no tags).
    public init(templates: TemplateSet) throws {
        let text = try templates.renderPart(object: .empty, name: Self.templateName)
        try self.init(yaml: text, file: templates.origin(of: Self.templateName))
    }

    /// A number written `12`, `12.7` or `12,7` (the Vietnamese decimal comma).
    static func number(_ node: Node) -> Double? {
        guard let scalar = node.scalar, !scalar.string.isEmpty else { return nil }
        return Double(scalar.string.replacingOccurrences(of: ",", with: "."))
    }

    /// A number of the layout file as a clerk wrote it; any size (`Int(_:)` of 1e19 trapped).
    static func text(_ number: Double) -> String {
        if number == number.rounded(), let whole = Int(exactly: number) { return String(whole) }
        return String(number).replacingOccurrences(of: ".", with: ",")
    }

    static func unknownKey(_ key: String, among keys: [String], file: String, mark: Mark?) -> ThiDuaError {
        var message = "khóa `\(key)` không có trong tệp bố cục"
        if let nearest = KeySuggestion.nearest(to: key, in: keys) {
            message += "; có phải `\(nearest)`?"
        } else {
            message += "; các khóa dùng được: \(keys.joined(separator: ", "))"
        }
        return error(file: file, mark: mark, message)
    }

    static func error(file: String, mark: Mark?, _ message: String) -> ThiDuaError {
        .template(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message)
    }

    static func mark(of error: YamlError) -> Mark? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark
        default:
            return nil
        }
    }
}
