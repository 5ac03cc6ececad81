import Foundation
import Yams

extension Document {
    /// Top-level keys of a document file, in the order README documents them.
    static let topLevelKeys = [
        "loai", "co_quan_chu_quan", "co_quan_ban_hanh", "so", "ky_hieu", "dia_danh", "ngay",
        "ten_loai", "trich_yeu", "loi_dan", "can_cu", "mo_dau", "thoi_gian", "muc",
        "gioi_thieu_dot", "dot_thi_dua", "ket_luan", "noi_nhan", "luu", "chu_ky",
        "ngay_ky_niem", "kieu_ngay_ky_niem", "bao_cao",
    ]

    /// Loads a document from YAML or JSON text.
    ///
    /// - Parameters:
    ///   - text: the file's contents, already decoded (see `InputText.decode`).
    ///   - file: the name used in diagnostics.
    /// - Returns: the document (nil when it cannot be built) and every
    ///   diagnostic found while reading it.
    public static func load(text: String, file: String) -> (Document?, [Diagnostic]) {
        var reader = YAMLReader(file: file)
        guard let root = reader.parse(text) else { return (nil, reader.diagnostics) }
        let document = reader.document(root)
        return (document, reader.diagnostics)
    }
}

extension YAMLReader {
    mutating func document(_ root: Node) -> Document? {
        guard let f = mapping(root, "tệp văn bản", allowed: Document.topLevelKeys) else { return nil }

        let kind = required(f, "loai", "loại văn bản", example: "ke_hoach").flatMap {
            choice($0, "loại văn bản (`loai`)", DocumentKind.self, allowed: DocumentKind.allCases)
        }
        let parent = required(f, "co_quan_chu_quan", "cơ quan chủ quản", example: "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM")
            .flatMap { string($0, "cơ quan chủ quản") }
        let issuer = required(f, "co_quan_ban_hanh", "cơ quan ban hành", example: "LIÊN ĐOÀN LAO ĐỘNG TỈNH …")
            .flatMap { string($0, "cơ quan ban hành") }
        var number: Int?
        if let node = f["so"], !Self.isNull(node) {
            number = integer(node, "số văn bản (`so`)", range: 1...99_999)
        }
        let symbolNode = required(f, "ky_hieu", "ký hiệu", example: "KH-LĐLĐ")
        let symbol = symbolNode.flatMap { node in string(node, "ký hiệu").map { Located($0, at: position(node)) } }
        let place = required(f, "dia_danh", "địa danh", example: "Bến Tre").flatMap { string($0, "địa danh") }
        let date = required(f, "ngay", "ngày ban hành", example: "2017-02-22").flatMap { self.date($0, "ngày ban hành") }
        let subject = required(f, "trich_yeu", "trích yếu", example: "Phát động phong trào thi đua …")
            .flatMap { text($0, "trích yếu") }
        let title = f["ten_loai"].flatMap { string($0, "tên loại") }.map(VietnameseText.uppercased)

        var wording = ReferenceWording.canCu
        if let node = f["loi_dan"], let value = choice(node, "lời dẫn (`loi_dan`)", ReferenceWording.self, allowed: ReferenceWording.allCases) {
            wording = value
        }
        let references = f["can_cu"].flatMap { list($0, "căn cứ") }?.compactMap { reference($0) } ?? []
        let preamble = f["mo_dau"].map { blocks($0, "mở đầu") } ?? []
        let period = f["thoi_gian"].flatMap { self.period($0) }
        let sections = f["muc"].flatMap { list($0, "các mục") }?.compactMap { section($0) } ?? []
        let phasesIntro = f["gioi_thieu_dot"].flatMap { text($0, "lời giới thiệu các đợt") }
        let phaseNodes = f["dot_thi_dua"].flatMap { list($0, "các đợt thi đua") } ?? []
        let phases = phaseNodes.enumerated().compactMap { phase($1, index: $0) }
        let closing = f["ket_luan"].map { blocks($0, "kết luận") } ?? []
        let recipients = f["noi_nhan"].flatMap { list($0, "nơi nhận") }?.compactMap { recipient($0) } ?? []
        let archive = f["luu"].flatMap { list($0, "lưu") }?.compactMap { string($0, "nơi lưu") } ?? []
        let signature = required(f, "chu_ky", "chữ ký", example: "{ hinh_thuc: TM., thay_mat: BAN THƯỜNG VỤ, chuc_vu: CHỦ TỊCH, ho_ten: … }")
            .flatMap { self.signature($0) }
        let extra = f["ngay_ky_niem"].flatMap { list($0, "ngày kỷ niệm") }?.compactMap { commemoration($0) } ?? []
        var style = DayMonthStyle.official
        if let node = f["kieu_ngay_ky_niem"], let value = choice(node, "kiểu ngày kỷ niệm", DayMonthStyle.self, allowed: DayMonthStyle.allCases) {
            style = value
        }
        var report: ReportSpec?
        if let node = f["bao_cao"] {
            report = reportSpec(node)
        }
        if kind == .baoCao && f["bao_cao"] == nil {
            error("văn bản loại `bao_cao` cần khối `bao_cao` (kỳ báo cáo, tệp số liệu…)", at: f.node,
                  hint: "xem ví dụ Examples/bao-cao-so-ket-2025.yaml")
        }

        guard let kind, let parent, let issuer, let symbol, let place, let date, let subject, let signature else {
            return nil
        }
        let header = DocumentHeader(parentBody: VietnameseText.uppercased(parent), issuingBody: VietnameseText.uppercased(issuer),
                                    number: number, symbol: symbol, place: place, date: date, issuingBodyAsWritten: issuer)
        return Document(kind: kind, header: header, title: title, subject: subject, referenceWording: wording,
                        references: references, preamble: preamble, sections: sections, period: period,
                        phases: phases, phasesIntro: phasesIntro, closing: closing, recipients: recipients,
                        archive: archive, signature: signature, extraCommemorations: extra,
                        anniversaryStyle: style, report: report, targets: planTargets, sourceFile: file)
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node, s.tag.rawValue == Tag.Name.null.rawValue { return true }
        return false
    }

    mutating func reference(_ node: Node) -> DocumentReference? {
        guard let f = mapping(node, "một văn bản căn cứ", allowed: ["tep", "loai", "so", "ky_hieu", "so_ky_hieu", "ngay", "co_quan", "trich_yeu"]) else {
            return nil
        }
        // With the cited document's own data file, everything else comes from that file.
        let dataFile = f["tep"].flatMap { n in string(n, "tệp dữ liệu của văn bản được dẫn (`tep`)").map { Located($0, at: position(n)) } }
        let kind = dataFile != nil
            ? f["loai"].flatMap { string($0, "loại văn bản được dẫn") } ?? ""
            : required(f, "loai", "loại văn bản được dẫn", example: "Kế hoạch").flatMap { string($0, "loại văn bản được dẫn") }
        var numberAndSymbol: String?
        if let raw = f["so_ky_hieu"] {
            numberAndSymbol = string(raw, "số, ký hiệu")
        } else if let numberNode = f["so"] {
            let symbol = f["ky_hieu"].flatMap { string($0, "ký hiệu") }
            if let n = integer(numberNode, "số văn bản được dẫn", range: 1...99_999) {
                numberAndSymbol = symbol.map { DocumentFormat.numberAndSymbol(number: n, symbol: $0) } ?? DocumentFormat.numberAndSymbol(number: n, symbol: "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            }
        }
        let date = f["ngay"].flatMap { self.date($0, "ngày của văn bản được dẫn") }
        let issuer = f["co_quan"].flatMap { string($0, "cơ quan ban hành văn bản được dẫn") }
        let subject = f["trich_yeu"].flatMap { text($0, "trích yếu văn bản được dẫn") }
        guard let kind else { return nil }
        return DocumentReference(kind: kind, numberAndSymbol: numberAndSymbol, date: date, issuer: issuer, subject: subject, position: position(node),
                                 dataFile: dataFile)
    }

    mutating func period(_ node: Node) -> Period? {
        guard let f = mapping(node, "thời gian phong trào", allowed: ["tu", "den"]) else { return nil }
        let start = required(f, "tu", "ngày bắt đầu", example: "2025-01-01").flatMap { date($0, "ngày bắt đầu") }
        let end = required(f, "den", "ngày kết thúc", example: "2025-12-31").flatMap { date($0, "ngày kết thúc") }
        guard let start, let end else { return nil }
        if end.value < start.value {
            error("thời gian phong trào kết thúc (\(end.value.short())) trước khi bắt đầu (\(start.value.short()))", at: f["den"],
                  hint: "kiểm tra lại `tu` và `den`, có thể đã ghi đảo ngày và tháng")
        }
        return Period(start: start, end: end)
    }

    mutating func section(_ node: Node) -> Section? {
        if case .scalar = node, let title = string(node, "tên mục") {
            return Section(title: VietnameseText.uppercased(title), blocks: [], position: position(node))
        }
        guard let f = mapping(node, "một mục", allowed: ["ten", "noi_dung", "cac_dot"]) else { return nil }
        let title = required(f, "ten", "tên mục", example: "MỤC ĐÍCH, YÊU CẦU").flatMap { string($0, "tên mục") }
        let content = f["noi_dung"].map { blocks($0, "nội dung mục") } ?? []
        let holdsPhases = f["cac_dot"].flatMap { bool($0, "`cac_dot`") } ?? false
        guard let title else { return nil }
        return Section(title: VietnameseText.uppercased(title), blocks: content, holdsPhases: holdsPhases, position: position(node))
    }

    static let blockKeys = ["doan", "tieu_muc", "diem", "y", "noi_dung", "cac_y", "cac_diem", "giao", "nhiem_vu", "han", "han_thang",
                            "cac_chi_tieu"]

    /// A list of content blocks (a single string is one paragraph).
    mutating func blocks(_ node: Node, _ what: String) -> [Block] {
        guard let items = list(node, what) else { return [] }
        var result: [Block] = []
        for item in items {
            result.append(contentsOf: block(item))
        }
        return result
    }

    mutating func block(_ node: Node) -> [Block] {
        if case .scalar = node {
            return text(node, "đoạn văn").map { [.paragraph($0, position(node))] } ?? []
        }
        guard let f = mapping(node, "một khối nội dung", allowed: Self.blockKeys) else { return [] }
        let children = f["noi_dung"].map { blocks($0, "nội dung") } ?? []
        let pos = position(node)
        let kinds = ["doan", "tieu_muc", "diem", "y", "cac_y", "cac_diem", "giao", "cac_chi_tieu"].filter { f[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first, let value = f[kind] else {
            if kinds.isEmpty, f.values.isEmpty, case .mapping(let mapping) = node, mapping.count > 0 {
                // Every key was unknown and has been reported; a second
                // error for the same lines would only repeat it.
            } else if kinds.isEmpty {
                error("khối nội dung không có `doan`, `tieu_muc`, `diem`, `y`, `cac_y`, `cac_diem` hay `giao`", at: node,
                      hint: "thêm một trong các khóa đó, ví dụ `tieu_muc: Đối với Công đoàn cơ sở`")
            } else {
                error("một khối chỉ được có một trong \(kinds.map { "`\($0)`" }.joined(separator: ", "))", at: node,
                      hint: "tách thành các khối riêng, mỗi khối bắt đầu bằng dấu `-`")
            }
            return []
        }
        if kind != "giao" {
            for key in ["nhiem_vu", "han", "han_thang"] where f[key] != nil {
                error("`\(key)` chỉ dùng trong khối `giao` (giao việc)", at: f.keys[key],
                      hint: "thêm `giao: <đơn vị>` vào khối này, hoặc bỏ dòng `\(key)`")
            }
        }
        if ["doan", "cac_y", "cac_diem", "cac_chi_tieu"].contains(kind), f["noi_dung"] != nil {
            error("`\(kind)` không có `noi_dung` con", at: f.keys["noi_dung"], hint: "dùng `tieu_muc`, `diem` hoặc `y` để có nội dung con")
        }
        switch kind {
        case "doan":
            return text(value, "đoạn văn").map { [.paragraph($0, pos)] } ?? []
        case "tieu_muc":
            return text(value, "tiểu mục").map { [.item(title: $0, blocks: children, pos)] } ?? []
        case "diem":
            return text(value, "điểm").map { [.point($0, blocks: children, pos)] } ?? []
        case "y":
            return text(value, "ý").map { [.bullet($0, blocks: children, pos)] } ?? []
        case "cac_y":
            return (list(value, "các ý") ?? []).compactMap { n in text(n, "ý").map { .bullet($0, blocks: [], position(n)) } }
        case "cac_diem":
            return (list(value, "các điểm") ?? []).compactMap { n in text(n, "điểm").map { .point($0, blocks: [], position(n)) } }
        case "cac_chi_tieu":
            return planTargetBullets(value)
        default:
            return assignment(f, at: node).map { [.assignment($0)] } ?? []
        }
    }

    mutating func assignment(_ f: Fields, at node: Node) -> Assignment? {
        let body = f["giao"].flatMap { string($0, "đơn vị được giao việc") }
        let taskNodes = required(f, "nhiem_vu", "nhiệm vụ được giao", example: "Chủ trì tổng hợp kết quả …").flatMap { list($0, "nhiệm vụ") } ?? []
        let tasks = taskNodes.compactMap { n in text(n, "nhiệm vụ").map { Located($0, at: position(n)) } }
        var deadline: Located<Deadline>?
        if let dayNode = f["han"], let day = date(dayNode, "hạn hoàn thành") {
            deadline = Located(.day(day.value), at: day.position)
        }
        if let monthNode = f["han_thang"] {
            if deadline != nil {
                error("chỉ ghi một trong `han` (ngày) và `han_thang` (tháng)", at: f.keys["han_thang"],
                      hint: "xóa một trong hai dòng")
            } else if let month = monthDeadline(monthNode) {
                deadline = Located(month, at: position(monthNode))
            }
        }
        guard let body, !tasks.isEmpty else { return nil }
        return Assignment(body: body, tasks: tasks, deadline: deadline, position: position(node))
    }

    /// "2021-03", "03/2021" or "3/2021".
    mutating func monthDeadline(_ node: Node) -> Deadline? {
        guard let raw = string(node, "hạn theo tháng") else { return nil }
        let parts: [Substring]
        var year = 0, month = 0
        if raw.contains("-") {
            parts = raw.split(separator: "-")
            if parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) { year = y; month = m }
        } else {
            parts = raw.split(separator: "/")
            if parts.count == 2, let m = Int(parts[0]), let y = Int(parts[1]) { year = y; month = m }
        }
        guard (1...12).contains(month), (1000...9999).contains(year) else {
            error("hạn theo tháng \"\(raw)\" không hợp lệ", at: node, hint: "viết `2021-03` hoặc `03/2021`")
            return nil
        }
        return .month(year: year, month: month)
    }

    mutating func phase(_ node: Node, index: Int) -> Phase? {
        guard let f = mapping(node, "một đợt thi đua", allowed: ["ten", "tu", "den", "chu_de", "ky_niem", "danh_gia", "han_danh_gia"]) else {
            return nil
        }
        let name = f["ten"].flatMap { string($0, "tên đợt") } ?? "Đợt \(index + 1)"
        let start = required(f, "tu", "ngày bắt đầu đợt", example: "2025-01-01").flatMap { date($0, "ngày bắt đầu đợt") }
        let end = required(f, "den", "ngày kết thúc đợt", example: "2025-08-31").flatMap { date($0, "ngày kết thúc đợt") }
        let theme = f["chu_de"].flatMap { text($0, "chủ đề") }
        let commemorations = f["ky_niem"].flatMap { list($0, "các ngày kỷ niệm") }?.compactMap { phaseCommemoration($0) } ?? []
        let review = f["danh_gia"].flatMap { choice($0, "hình thức đánh giá (`danh_gia`)", ReviewKind.self, allowed: ReviewKind.allCases) }
        let reviewDeadline = f["han_danh_gia"].flatMap { date($0, "hạn sơ kết/tổng kết") }
        guard let start, let end else { return nil }
        return Phase(name: name, start: start, end: end, theme: theme, commemorations: commemorations,
                     review: review, reviewDeadline: reviewDeadline, position: position(node))
    }

    mutating func phaseCommemoration(_ node: Node) -> PhaseCommemoration? {
        if case .scalar = node {
            return string(node, "mã ngày kỷ niệm").map { PhaseCommemoration(key: Located($0, at: position(node))) }
        }
        guard let f = mapping(node, "một ngày kỷ niệm", allowed: ["ma", "so_nam", "khoang"]) else { return nil }
        guard let keyNode = required(f, "ma", "mã ngày kỷ niệm", example: "thanh_lap_dang"),
              let key = string(keyNode, "mã ngày kỷ niệm") else { return nil }
        let years = f["so_nam"].flatMap { n in integer(n, "số năm kỷ niệm").map { Located($0, at: position(n)) } }
        let range = f["khoang"].flatMap { n in string(n, "khoảng ngày kỷ niệm").map { Located($0, at: position(n)) } }
        return PhaseCommemoration(key: Located(key, at: position(keyNode)), writtenYears: years, writtenRange: range)
    }

    mutating func recipient(_ node: Node) -> Recipient? {
        if case .scalar = node {
            return string(node, "nơi nhận").map { Recipient(name: $0, purpose: nil, position: position(node)) }
        }
        guard let f = mapping(node, "một nơi nhận", allowed: ["ten", "muc_dich"]) else { return nil }
        let name = required(f, "ten", "tên nơi nhận", example: "Thường trực LĐLĐ tỉnh").flatMap { string($0, "tên nơi nhận") }
        var purpose = f["muc_dich"].flatMap { string($0, "mục đích") }
        // Clerks often type the brackets themselves; the template adds them.
        purpose = purpose.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "() ")) }
        guard let name else { return nil }
        return Recipient(name: name, purpose: purpose, position: position(node))
    }

    mutating func signature(_ node: Node) -> Signature? {
        guard let f = mapping(node, "khối chữ ký", allowed: ["hinh_thuc", "thay_mat", "chuc_vu", "ho_ten"]) else { return nil }
        var authority: Signature.Authority?
        if let n = f["hinh_thuc"], let raw = string(n, "hình thức ký") {
            let normalized = VietnameseText.uppercased(raw.trimmingCharacters(in: CharacterSet(charactersIn: ". "))) + "."
            authority = Signature.Authority(rawValue: normalized)
            if authority == nil {
                error("hình thức ký \"\(raw)\" không hợp lệ", at: n, hint: "dùng một trong: TM., KT., Q., TL., TUQ.")
            }
        }
        let onBehalfOfWritten = f["thay_mat"].flatMap { string($0, "thay mặt") }
        let onBehalfOf = onBehalfOfWritten.map(VietnameseText.uppercased)
        if authority != nil, onBehalfOf == nil {
            error("có `hinh_thuc` thì cần `thay_mat` (ví dụ BAN THƯỜNG VỤ sau TM., CHỦ TỊCH sau KT.)", at: f.node,
                  hint: "thêm dòng `thay_mat: …` vào khối chữ ký, hoặc bỏ `hinh_thuc` nếu người đứng đầu tự ký")
        }
        let title = required(f, "chuc_vu", "chức vụ người ký", example: "CHỦ TỊCH").flatMap { string($0, "chức vụ") }
        let signerNode = required(f, "ho_ten", "họ tên người ký", example: "Nguyễn Văn A")
        let signer = signerNode.flatMap { n in string(n, "họ tên người ký").map { Located($0, at: position(n)) } }
        guard let title, let signer else { return nil }
        return Signature(authority: authority, onBehalfOf: onBehalfOf, title: VietnameseText.uppercased(title), signer: signer,
                         onBehalfOfAsWritten: onBehalfOfWritten)
    }

    mutating func commemoration(_ node: Node) -> Commemoration? {
        guard let f = mapping(node, "một ngày kỷ niệm bổ sung", allowed: ["ma", "ten", "ngay_goc"]) else { return nil }
        let key = required(f, "ma", "mã", example: "thanh_lap_ldld_tinh").flatMap { string($0, "mã ngày kỷ niệm") }
        let name = required(f, "ten", "tên", example: "Ngày thành lập Liên đoàn Lao động tỉnh").flatMap { string($0, "tên ngày kỷ niệm") }
        let base = required(f, "ngay_goc", "ngày gốc", example: "1975-05-15").flatMap { date($0, "ngày gốc") }
        guard let key, let name, let base else { return nil }
        return Commemoration(key: key, name: name, base: base.value)
    }
}
