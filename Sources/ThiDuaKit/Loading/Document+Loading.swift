import Foundation
import Yams

extension Document {
    /// Top-level keys of a document file, in the order README documents them.
    static let topLevelKeys = [
        "loai", "co_quan_chu_quan", "co_quan_ban_hanh", "so", "ky_hieu", "dia_danh", "ngay", "du_thao",
        "ten_loai", "trich_yeu", "loi_dan", "cach_dan", "can_cu", "mo_dau", "thoi_gian", "muc",
        "gioi_thieu_dot", "loi_chao_mung", "dot_thi_dua", "ket_luan", "noi_nhan", "luu", "chu_ky",
        "ngay_ky_niem", "dai_hoi", "kieu_ngay_ky_niem", "bao_cao",
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
        guard let root = reader.parse(text) else { return (nil, reader.allDiagnostics) }
        let document = reader.document(root)
        return (document, reader.allDiagnostics)
    }

    /// `load`, also giving every mapping the loader read with the keys it accepts there.
    static func loadRecordingKeySets(text: String, file: String) -> ([Diagnostic], [(position: SourcePosition, allowed: [String])]) {
        var reader = YAMLReader(file: file)
        reader.keySets = []
        guard let root = reader.parse(text) else { return (reader.allDiagnostics, []) }
        _ = reader.document(root)
        return (reader.allDiagnostics, reader.keySets ?? [])
    }
}

extension YAMLReader {
    mutating func document(_ root: Node) -> Document? {
        guard let f = mapping(root, "tệp văn bản", allowed: Document.topLevelKeys) else { return nil }

        let kind = required(f, "loai", "loại văn bản", example: "ke_hoach").flatMap {
            choice($0, "loại văn bản (`loai`)", DocumentKind.self, allowed: DocumentKind.allCases)
        }
        let parentNode = required(f, "co_quan_chu_quan", "cơ quan chủ quản", example: "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM")
        let parent = parentNode.flatMap { string($0, "cơ quan chủ quản") }
        let issuerNode = required(f, "co_quan_ban_hanh", "cơ quan ban hành", example: "LIÊN ĐOÀN LAO ĐỘNG TỈNH …")
        let issuer = issuerNode.flatMap { string($0, "cơ quan ban hành") }
        var number: Int?
        if let node = f["so"], !Self.isNull(node) {
            number = integer(node, "số văn bản (`so`)", range: 1...99_999)
        }
        let symbolNode = required(f, "ky_hieu", "ký hiệu", example: "KH-LĐLĐ")
        let symbol = symbolNode.flatMap { node in string(node, "ký hiệu").map { Located($0, at: position(node)) } }
        let place = required(f, "dia_danh", "địa danh", example: "Bến Tre").flatMap { string($0, "địa danh") }
        let issued = required(f, "ngay", "ngày ban hành", example: "2017-02-22").flatMap { issueDate($0) }
        let draft = f["du_thao"].flatMap { bool($0, "`du_thao` (văn bản dự thảo)") } ?? false

        // What inline fields need is read before any text, so that text is computed as it is read.
        let period = f["thoi_gian"].flatMap { self.period($0) }
        let extra = f["ngay_ky_niem"].flatMap { list($0, "ngày kỷ niệm") }?.compactMap { commemoration($0) } ?? []
        let congresses = f["dai_hoi"].flatMap { list($0, "các đại hội") }?.compactMap { congress($0) } ?? []
        var style = DayMonthStyle.official
        if let node = f["kieu_ngay_ky_niem"], let value = choice(node, "kiểu ngày kỷ niệm", DayMonthStyle.self, allowed: DayMonthStyle.allCases) {
            style = value
        }
        let catalog = CommemorationCatalog.builtin.adding(extra)
        if let year = period?.start.value.year ?? issued?.date.value.year {
            fieldResolver = InlineFieldResolver(catalog: catalog, congresses: congresses, year: year, phase: nil,
                                                movement: period.map { ($0.start.value, $0.end.value) }, style: style)
        }

        let subject = required(f, "trich_yeu", "trích yếu", example: "Phát động phong trào thi đua …")
            .flatMap { richText($0, "trích yếu") }
        let title = f["ten_loai"].flatMap { string($0, "tên loại") }.map(VietnameseText.uppercased)

        var wording = ReferenceWording.canCu
        if let node = f["loi_dan"], let value = choice(node, "lời dẫn (`loi_dan`)", ReferenceWording.self, allowed: ReferenceWording.allCases) {
            wording = value
        }
        let subjectStyle = f["cach_dan"].flatMap { choice($0, "cách dẫn trích yếu (`cach_dan`)", SubjectStyle.self, allowed: SubjectStyle.allCases) } ?? .ve
        let references = f["can_cu"].flatMap { list($0, "căn cứ") }?.compactMap { reference($0) } ?? []
        let preamble = f["mo_dau"].map { blocks($0, "mở đầu") } ?? []
        let sections = f["muc"].flatMap { list($0, "các mục") }?.compactMap { section($0) } ?? []
        let phasesIntro = f["gioi_thieu_dot"].flatMap { phasesIntroduction($0) }
        let leadIn = f["loi_chao_mung"].flatMap { richText($0, "lời dẫn các ngày kỷ niệm (`loi_chao_mung`)") }
        let phaseNodes = f["dot_thi_dua"].flatMap { list($0, "các đợt thi đua") } ?? []
        let phases = phaseNodes.enumerated().compactMap { phase($1, index: $0, period: period, issued: issued?.date.value) }
        fieldResolver?.phase = nil
        let closing = f["ket_luan"].map { blocks($0, "kết luận") } ?? []
        let recipients = f["noi_nhan"].flatMap { list($0, "nơi nhận") }?.compactMap { recipient($0) } ?? []
        let archive = f["luu"].flatMap { list($0, "lưu") }?.compactMap { string($0, "nơi lưu") } ?? []
        let signature = required(f, "chu_ky", "chữ ký", example: "{ hinh_thuc: TM., thay_mat: BAN THƯỜNG VỤ, chuc_vu: CHỦ TỊCH, ho_ten: … }")
            .flatMap { self.signature($0) }
        var report: ReportSpec?
        if let node = f["bao_cao"] {
            report = reportSpec(node, year: issued?.date.value.year ?? 2025)
        }
        if kind == .baoCao && f["bao_cao"] == nil {
            error("văn bản loại `bao_cao` cần khối `bao_cao` (kỳ báo cáo, tệp số liệu…)", at: f.node,
                  hint: "xem ví dụ Examples/bao-cao-so-ket-2025.yaml")
        }

        guard let kind, let parent, let issuer, let symbol, let place, let issued, let subject, let signature else {
            return nil
        }
        var header = DocumentHeader(parentBody: VietnameseText.uppercased(parent), issuingBody: VietnameseText.uppercased(issuer),
                                    number: number, symbol: symbol, place: place, date: issued.date, issuingBodyAsWritten: issuer,
                                    dayLeftBlank: issued.dayLeftBlank, isDraft: draft)
        header.parentBodyPosition = parentNode.map(position)
        header.issuingBodyPosition = issuerNode.map(position)
        var document = Document(kind: kind, header: header, title: title, subject: subject, referenceWording: wording,
                                references: references, preamble: preamble, sections: sections, period: period,
                                phases: phases, phasesIntro: phasesIntro, closing: closing, recipients: recipients,
                                archive: archive, signature: signature, extraCommemorations: extra,
                                anniversaryStyle: style, report: report, targets: planTargets, sourceFile: file)
        document.subjectStyle = subjectStyle
        document.subjectPosition = f["trich_yeu"].map(position)
        document.congresses = congresses
        document.saluteLeadIn = leadIn
        document.inlineFields = inlineFields
        return document
    }

    /// `ngay`: a date, or only the month and year ("2025-02", "02/2025") to leave the day blank
    /// for the văn thư; the year must be 1900–2200 (a wrong year would make every anniversary wrong).
    mutating func issueDate(_ node: Node) -> (date: Located<CivilDate>, dayLeftBlank: Bool)? {
        var result: (date: Located<CivilDate>, dayLeftBlank: Bool)?
        if case .scalar(let scalar) = node, let (year, month) = Self.parseMonth(Self.trimmedSpaces(scalar.string)),
           let first = CivilDate(year: year, month: month, day: 1) {
            result = (Located(first, at: position(node)), true)
        } else if let date = date(node, "ngày ban hành") {
            result = (date, false)
        }
        guard let result else { return nil }
        guard (1900...2200).contains(result.date.value.year) else {
            error("năm ban hành \(result.date.value.year) nằm ngoài khoảng 1900–2200", at: node,
                  hint: "kiểm tra lại năm của `ngay`, ví dụ `ngay: 2025-02-20`")
            return nil
        }
        return result
    }

    /// "2021-03", "03/2021" or "3/2021" as (year, month); nil for anything else.
    static func parseMonth(_ raw: String) -> (Int, Int)? {
        let dash = raw.split(separator: "-", omittingEmptySubsequences: false)
        let slash = raw.split(separator: "/", omittingEmptySubsequences: false)
        var year = 0, month = 0
        if dash.count == 2, dash[0].count == 4, (1...2).contains(dash[1].count), let y = Int(dash[0]), let m = Int(dash[1]) {
            (year, month) = (y, m)
        } else if slash.count == 2, (1...2).contains(slash[0].count), slash[1].count == 4, let m = Int(slash[0]), let y = Int(slash[1]) {
            (year, month) = (y, m)
        } else {
            return nil
        }
        guard (1...12).contains(month), (1000...9999).contains(year) else { return nil }
        return (year, month)
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node, isNullScalar(s) { return true }
        return false
    }

    mutating func reference(_ node: Node) -> DocumentReference? {
        guard let f = mapping(node, "một văn bản căn cứ", allowed: ["tep", "loai", "so", "ky_hieu", "so_ky_hieu", "ngay", "co_quan", "trich_yeu", "cach_dan"]) else {
            return nil
        }
        // With the cited document's own data file, everything else comes from that file.
        let dataFile = f["tep"].flatMap { n in string(n, "tệp dữ liệu của văn bản được dẫn (`tep`)").map { Located($0, at: position(n)) } }
        let kind = dataFile != nil
            ? f["loai"].flatMap { string($0, "loại văn bản được dẫn") } ?? ""
            : required(f, "loai", "loại văn bản được dẫn", example: "Kế hoạch").flatMap { string($0, "loại văn bản được dẫn") }
        var numberAndSymbol: String?
        if let raw = f["so_ky_hieu"] {
            numberAndSymbol = string(raw, "số, ký hiệu").map(DocumentFormat.paddingNumber(of:))
        } else if let numberNode = f["so"] {
            let symbol = f["ky_hieu"].flatMap { string($0, "ký hiệu") }
            // The cited symbol follows the rule of the document's own (`checkSymbol`).
            if let symbol, symbol.contains(" "), let node = f["ky_hieu"] {
                error("ký hiệu \"\(symbol)\" của văn bản được dẫn có dấu cách", at: node,
                      hint: "viết liền, nối bằng dấu `-`: `\(symbol.replacingOccurrences(of: " ", with: ""))`")
            }
            if let n = integer(numberNode, "số văn bản được dẫn", range: 1...99_999) {
                numberAndSymbol = symbol.map { DocumentFormat.numberAndSymbol(number: n, symbol: $0) } ?? DocumentFormat.numberAndSymbol(number: n, symbol: "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            }
        }
        let date = f["ngay"].flatMap { self.date($0, "ngày của văn bản được dẫn") }
        let issuer = f["co_quan"].flatMap { string($0, "cơ quan ban hành văn bản được dẫn") }
        let subject = f["trich_yeu"].flatMap { richText($0, "trích yếu văn bản được dẫn") }
        let style = f["cach_dan"].flatMap { choice($0, "cách dẫn trích yếu (`cach_dan`)", SubjectStyle.self, allowed: SubjectStyle.allCases) }
        guard let kind else { return nil }
        return DocumentReference(kind: kind, numberAndSymbol: numberAndSymbol, date: date, issuer: issuer, subject: subject, position: position(node),
                                 dataFile: dataFile, subjectStyle: style)
    }

    mutating func period(_ node: Node, _ what: String = "thời gian phong trào") -> Period? {
        guard let f = mapping(node, what, allowed: ["tu", "den"]) else { return nil }
        let start = required(f, "tu", "ngày bắt đầu", example: "2025-01-01").flatMap { date($0, "ngày bắt đầu") }
        let end = required(f, "den", "ngày kết thúc", example: "2025-12-31").flatMap { date($0, "ngày kết thúc") }
        guard let start, let end else { return nil }
        if end.value < start.value {
            error("\(what) kết thúc (\(end.value.short())) trước khi bắt đầu (\(start.value.short()))", at: f["den"],
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

    mutating func recipient(_ node: Node) -> Recipient? {
        if case .scalar = node {
            return string(node, "nơi nhận").map { Recipient(name: Self.recipientName($0), purpose: nil, position: position(node)) }
        }
        guard let f = mapping(node, "một nơi nhận", allowed: ["ten", "muc_dich"]) else { return nil }
        let name = required(f, "ten", "tên nơi nhận", example: "Thường trực LĐLĐ tỉnh").flatMap { string($0, "tên nơi nhận") }
            .map(Self.recipientName)
        var purpose = f["muc_dich"].flatMap { string($0, "mục đích") }
        // Clerks often type the brackets and the line's mark themselves; the template adds them.
        purpose = purpose.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "() ;.,")) }
        guard let name else { return nil }
        return Recipient(name: name, purpose: purpose, position: position(node))
    }

    /// A recipient's name without the dash and the end mark a clerk copies from an old
    /// document ("- Như trên;"): the layout adds them, and kept they would print twice.
    static func recipientName(_ text: String) -> String {
        var name = Substring(text.trimmingCharacters(in: .whitespaces))
        if name.hasPrefix("- ") || name.hasPrefix("-\t") { name = name.dropFirst(2) }
        while let last = name.last, ";,".contains(last) || last == "." && !name.hasSuffix("...") { name = name.dropLast() }
        return name.trimmingCharacters(in: .whitespaces)
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
        // An acting head signs "Q. CHỦ TỊCH" and the name (Nghị định 30: "Q." before the
        // head's title), no title line of the signer's own: `chuc_vu` may then be left out.
        let title = authority == .q && f["chuc_vu"] == nil
            ? ""
            : required(f, "chuc_vu", "chức vụ người ký", example: "CHỦ TỊCH").flatMap { string($0, "chức vụ") }
        let signerNode = required(f, "ho_ten", "họ tên người ký", example: "Nguyễn Văn A")
        let signer = signerNode.flatMap { n in string(n, "họ tên người ký").map { Located($0, at: position(n)) } }
        guard let title, let signer else { return nil }
        return Signature(authority: authority, onBehalfOf: onBehalfOf, title: VietnameseText.uppercased(title), signer: signer,
                         onBehalfOfAsWritten: onBehalfOfWritten, position: position(node))
    }

    mutating func commemoration(_ node: Node) -> Commemoration? {
        guard let f = mapping(node, "một ngày kỷ niệm bổ sung", allowed: ["ma", "ten", "ngay_goc"]) else { return nil }
        let key = required(f, "ma", "mã", example: "thanh_lap_ldld_tinh").flatMap { string($0, "mã ngày kỷ niệm") }
        let nameNode = required(f, "ten", "tên", example: "Ngày thành lập Liên đoàn Lao động tỉnh")
        let name = nameNode.flatMap { string($0, "tên ngày kỷ niệm") }
        let base = required(f, "ngay_goc", "ngày gốc", example: "1975-05-15").flatMap { date($0, "ngày gốc") }
        if let name, let nameNode, name.hasSuffix(")") {
            // The anniversary adds its own "(03/02/1930 - 03/02/2025)": a name ending in a
            // bracket would print two brackets in a row.
            error("tên ngày kỷ niệm \"\(name)\" kết thúc bằng dấu ngoặc; thidua tự thêm khoảng ngày trong ngoặc", at: nameNode,
                  hint: "viết phần trong ngoặc bằng dấu gạch: \"Ngày A - Ngày B\"")
        }
        guard let key, let name, let base else { return nil }
        return Commemoration(key: key, name: name, base: base.value)
    }
}
