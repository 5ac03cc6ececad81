import Foundation
import Testing
import ThiDuaKit

/// Markdown that means what it says, judged by pandoc on freshly rendered text: data text full
/// of what Markdown reads as markup (list markers, headings, quotes, tables, code, HTML, links,
/// emoji, entities, strikeout, footnotes, rules) must come out as the same words, in the blocks
/// the document meant, and nothing else.
@Suite("pandoc reads hostile text as text")
struct PandocHostileTests {
    /// Texts that would be markup at the start of a block or inline; none has emphasis of ours.
    static let hostile = [
        "* Các phong trào thi đua trọng tâm:", "+ cộng", "- gạch", "1. một", "2) hai", "# thăng", "> trích",
        "| ô | ô |", "`mã` và ``mã``", "<b>in đậm</b> và <!-- chú thích -->", "cuối có hai dấu cách  ",
        "a * b và 5*3*2", "_gạch dưới_ và __đôi__", "[liên kết](http://vi.du) và ![ảnh](a.png)", "~~gạch ngang~~",
        "&amp; &#39; và :smile: :+1:", "chú thích[^1] và [ ] việc", "---", "===", "***", "dấu \\\\ ngược",
        "    thụt bốn dấu cách", "\t tab đầu dòng", "1.1. không phải danh sách", "a) b) c)", "{{ngoặc}}",
        "xem http://vi.du/a, www.vi.du và thu@vi.du",
    ]

    /// The text pandoc should read for each: curly quotes, `{{` as `{`, spaces folded.
    static func expected(_ text: String) -> String {
        folded(InlineText.plain(text.replacingOccurrences(of: "{{", with: "{").replacingOccurrences(of: "}}", with: "}")
            .replacingOccurrences(of: "\\\\", with: "\\")))
    }

    static func folded(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func plan() -> String {
        let paragraphs = hostile.map { "      - \(quoted($0))" }.joined(separator: "\n")
        let bullets = hostile.map { "          - \(quoted($0))" }.joined(separator: "\n")
        let points = hostile.prefix(6).map { "      - diem: \(quoted($0))" }.joined(separator: "\n")
        let items = hostile.prefix(6).map { "      - tieu_muc: \(quoted($0))" }.joined(separator: "\n")
        return """
        loai: ke_hoach
        co_quan_chu_quan: "Tổng Liên đoàn <Lao động> | Việt Nam"
        co_quan_ban_hanh: "Liên đoàn Lao động tỉnh *Bến* Tre"
        so: 5
        ky_hieu: KH-LĐLĐ
        dia_danh: "Bến Tre"
        ngay: 2025-02-20
        trich_yeu: "# Phát động | thi đua `năm` 2025 <br> *nghiêng*"
        muc:
          - ten: "Đoạn văn # có dấu #"
            noi_dung:
        \(paragraphs)
          - ten: Ý gạch đầu dòng
            noi_dung:
              - cac_y:
        \(bullets)
          - ten: Điểm và tiểu mục
            noi_dung:
        \(points)
        \(items)
              - de_muc: "* đề mục <i>không</i> | đánh số:"
              - kieu: mot_la
                cac_y: ["- một là", "# hai là"]
        noi_nhan:
          - ten: "Ban <Tuyên giáo> | Nữ công"
            muc_dich: "để *b/c*"
          - "* Thường trực"
        luu: [VT, "*CSPL*"]
        chu_ky:
          hinh_thuc: TM.
          thay_mat: Ban Thường vụ
          chuc_vu: "Chủ tịch | *thường trực*"
          ho_ten: "Nguyễn <Văn> A"

        """
    }

    /// What pandoc saw: counts of block and inline kinds, and the text of every block.
    struct Reading {
        var kinds: [String: Int] = [:]
        var texts: [String] = []
        var raw: [String] = []
    }

    static func read(_ markdown: URL) throws -> Reading {
        guard let json = try PandocTests.ast(of: markdown) else { return Reading() }
        var reading = Reading()
        func text(_ value: Any) -> String {
            if let items = value as? [Any] { return items.map(text).joined() }
            guard let item = value as? [String: Any], let kind = item["t"] as? String else { return "" }
            switch kind {
            case "Str": return item["c"] as? String ?? ""
            case "Space", "SoftBreak", "LineBreak": return " "
            case "RawInline": return ""
            default: return text(item["c"] as Any)
            }
        }
        func walk(_ value: Any) {
            if let array = value as? [Any] {
                array.forEach(walk)
                return
            }
            guard let object = value as? [String: Any] else { return }
            if let kind = object["t"] as? String {
                reading.kinds[kind, default: 0] += 1
                switch kind {
                case "Para", "Plain": reading.texts.append(folded(text(object["c"] as Any)))
                case "Header":
                    if let c = object["c"] as? [Any], c.count == 3 { reading.texts.append(folded(text(c[2]))) }
                case "RawInline", "RawBlock":
                    if let c = object["c"] as? [Any], let content = c.last as? String { reading.raw.append(content) }
                default: break
                }
            }
            object.values.forEach(walk)
        }
        walk(json)
        return reading
    }

    @Test func hostileTextIsReadAsTheSameWords() throws {
        let folder = try Run.tempFolder()
        let data = folder.appendingPathComponent("ke-hoach.yaml")
        try Self.plan().write(to: data, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try Run.thidua(["render", data.path, "--format", "md", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = out.appendingPathComponent("05-KH-LDLD-2025.md")
        let reading = try Self.read(markdown)
        // Only the blocks the document is made of.
        for kind in ["CodeBlock", "BlockQuote", "OrderedList", "HorizontalRule", "Code", "Link", "Image", "Strikeout", "Note", "Div"] {
            #expect(reading.kinds[kind] == nil, "\(kind): \(reading.kinds[kind] ?? 0)")
        }
        #expect(reading.kinds["Table"] == 2)
        #expect(reading.kinds["BulletList"] == 1, "\(reading.kinds)")
        // Headers: the title and the three sections (items without content are sentences).
        #expect(reading.kinds["Header"] == 1 + 3, "\(reading.kinds)")
        // The only HTML is the template's own.
        #expect(Set(reading.raw).isSubset(of: ["<br>", "<u>", "</u>"]), "\(reading.raw)")
        // Every hostile text reads as itself, wherever it was placed.
        for text in Self.hostile {
            let wanted = Self.expected(text)
            let found = reading.texts.filter { $0 == wanted || $0.hasSuffix(" " + wanted) || $0.hasSuffix(") " + wanted) }
            #expect(found.count >= 2, "\(text) → \(wanted): \(found.count) in \(reading.texts.prefix(3))")
        }
        // Names, the subject and the footer are plain text (only the subject's emphasis is markup).
        for text in ["TỔNG LIÊN ĐOÀN <LAO ĐỘNG> | VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH *BẾN* TRE",
                     "# Phát động | thi đua `năm` 2025 <br> nghiêng", "* * đề mục <i>không</i> | đánh số:", "Một là: - một là",
                     "Hai là: # hai là", "- Ban <Tuyên giáo> | Nữ công (để *b/c*);", "- * Thường trực;", "- Lưu: VT, *CSPL*.",
                     "CHỦ TỊCH | *THƯỜNG TRỰC*", "Nguyễn <Văn> A"] {
            #expect(reading.texts.contains { $0.contains(Self.folded(text)) }, "\(text)")
        }
    }

    @Test func theGoldenPlansStillReadAsPlans() throws {
        for name in ["ke-hoach-tinh-2025", "ke-hoach-phuong-2025", "huong-dan-tinh-2025"] {
            let md = Run.packageRoot.appendingPathComponent("Tests/ThiDuaKitTests/Golden/Expected/\(name)/output.md")
            let reading = try Self.read(md)
            #expect(reading.kinds["OrderedList"] == nil, "\(name)")
            #expect(reading.kinds["CodeBlock"] == nil && reading.kinds["BlockQuote"] == nil, "\(name)")
            #expect(reading.kinds["Table"] == 2, "\(name)")
        }
    }
}
