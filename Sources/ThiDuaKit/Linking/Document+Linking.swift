/// Documents a data file names by their own data files (`tep:` in a `can_cu` entry or in
/// `bao_cao.ke_hoach`), already loaded and checked by the caller (the workspace layer
/// opens them through its guarded path), keyed by the path exactly as written.
public struct LinkedDocuments: Sendable {
    /// Path as written in the data file → the document read from it.
    public var documents: [String: Document]

    /// Creates the set; empty when the data file names no other data file.
    public init(_ documents: [String: Document] = [:]) {
        self.documents = documents
    }

    /// The document read from the path written as `path`, if it could be read.
    public subscript(_ path: String) -> Document? { documents[path] }

    /// No linked documents.
    public static let none = LinkedDocuments()
}

extension DocumentKind {
    /// The kind as a citation names it: "Kế hoạch số 12/KH-LĐLĐ …".
    public var citedName: String {
        switch self {
        case .keHoach: return "Kế hoạch"
        case .huongDan: return "Hướng dẫn"
        case .baoCao: return "Báo cáo"
        }
    }
}

extension Document {
    /// Every data file this document names (`tep:`), in the order written, each path once.
    public var dataFileLinks: [Located<String>] {
        var seen = Set<String>()
        var links: [Located<String>] = []
        for reference in references + [report?.plan].compactMap({ $0 }) {
            guard let file = reference.dataFile, seen.insert(file.value).inserted else { continue }
            links.append(file)
        }
        return links
    }

    /// How another document cites this one: kind, number and symbol, date, issuer and subject,
    /// as in "Kế hoạch số 12/KH-LĐLĐ ngày 20/02/2025 của Ban Thường vụ Liên đoàn Lao động tỉnh
    /// Bến Tre về …".
    ///
    /// The issuer is the collective body that signed (TM. BAN THƯỜNG VỤ → "Ban Thường vụ" +
    /// the issuing body as written), otherwise the issuing body; the subject keeps its words,
    /// with a capital first letter lowered when the word is not an abbreviation (it follows "về").
    public func citation(at position: SourcePosition) -> DocumentReference {
        let number = header.number.map { DocumentFormat.numberAndSymbol(number: $0, symbol: header.symbol.value) }
        var issuer = header.issuingBodyAsWritten
        if signature.authority == .tm, let body = signature.onBehalfOfAsWritten {
            issuer = "\(Self.collectiveBodyName(body)) \(issuer)"
        }
        return DocumentReference(kind: kind.citedName, numberAndSymbol: number, date: Located(header.date.value, at: position),
                                 issuer: issuer, subject: Self.lowerFirstWord(subject), position: position)
    }

    /// This document with every reference that names a data file completed from that file.
    ///
    /// Fields the clerk also wrote by hand must agree with the file: a different number,
    /// date or subject is an error at the hand-written value (the cited plan is the
    /// authority, and a document must not contradict what it cites); a hand-written issuer
    /// is kept, since the authority wording ("Đoàn Chủ tịch …") is the citing office's choice.
    /// A path missing from `linked` is an error at the `tep:` line.
    public func linking(_ linked: LinkedDocuments) -> (Document, [Diagnostic]) {
        var result = self
        var diagnostics: [Diagnostic] = []
        result.references = references.map { link($0, linked, &diagnostics) }
        if let plan = report?.plan {
            result.report?.plan = link(plan, linked, &diagnostics)
        }
        return (result, diagnostics)
    }

    private func link(_ reference: DocumentReference, _ linked: LinkedDocuments, _ diagnostics: inout [Diagnostic]) -> DocumentReference {
        guard let file = reference.dataFile else { return reference }
        guard let cited = linked[file.value] else {
            diagnostics.append(.error("chưa đọc được tệp văn bản được dẫn \"\(file.value)\"", at: file.position,
                                      hint: "kiểm tra tên tệp; đường dẫn tính từ thư mục của tệp dữ liệu này"))
            return reference
        }
        let source = cited.citation(at: file.position)
        guard cited.header.number != nil else {
            diagnostics.append(.error("văn bản trong tệp \"\(file.value)\" chưa có số nên chưa thể dẫn",
                                      at: file.position, hint: "điền `so:` trong tệp đó khi văn bản đã được vào sổ"))
            return reference
        }
        guard !cited.header.dayLeftBlank else {
            diagnostics.append(.error("văn bản trong tệp \"\(file.value)\" chưa có ngày ban hành (mới ghi tháng) nên chưa thể dẫn",
                                      at: file.position, hint: "ghi đủ ngày (`ngay:`) trong tệp đó khi văn bản đã được vào sổ"))
            return reference
        }
        var filled = source
        filled.position = reference.position
        filled.dataFile = file
        if !reference.kind.isEmpty {
            if Self.folded(reference.kind) != Self.folded(source.kind) {
                diagnostics.append(.error("loại văn bản ghi là \"\(reference.kind)\" nhưng tệp \"\(file.value)\" là \(source.kind.lowercased())",
                                          at: reference.position, hint: "bỏ dòng `loai` (thidua lấy từ tệp) hoặc sửa cho khớp"))
            }
            filled.kind = reference.kind
        }
        if let written = reference.numberAndSymbol, Self.folded(written) != Self.folded(source.numberAndSymbol ?? "") {
            diagnostics.append(.error("số, ký hiệu ghi là \"\(written)\" nhưng văn bản trong tệp \"\(file.value)\" là \"\(source.numberAndSymbol ?? "")\"",
                                      at: reference.position, hint: "bỏ `so`/`ky_hieu` (thidua lấy từ tệp) hoặc sửa cho khớp"))
        }
        if let written = reference.date, written.value != cited.header.date.value {
            diagnostics.append(.error("ngày ghi là \(written.value.short()) nhưng văn bản trong tệp \"\(file.value)\" ban hành ngày \(cited.header.date.value.short())",
                                      at: written.position, hint: "bỏ dòng `ngay` (thidua lấy từ tệp) hoặc sửa cho khớp"))
        }
        if let written = reference.subject, Self.folded(written) != Self.folded(cited.subject) {
            diagnostics.append(.error("trích yếu ghi ở đây khác trích yếu của văn bản trong tệp \"\(file.value)\" (“\(cited.subject)”)",
                                      at: reference.position, hint: "bỏ dòng `trich_yeu` để dùng đúng trích yếu của văn bản được dẫn"))
        }
        if let issuer = reference.issuer { filled.issuer = issuer }
        return filled
    }

    /// Text compared case-, space-, form- and tone-placement-insensitively ("Phát động  …" =
    /// "phát động …", "hòa" = "hoà").
    static func folded(_ text: String) -> String {
        ReportText.placingTones(VietnameseText.nfc(text).lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    }

    /// "BAN THƯỜNG VỤ" or "ban thường vụ" → "Ban Thường vụ"; other wording as written.
    static func collectiveBodyName(_ written: String) -> String {
        let known = ["Ban Thường vụ", "Ban Chấp hành", "Đoàn Chủ tịch", "Ban Thường trực", "Thường trực"]
        return known.first { folded($0) == folded(written) } ?? written
    }

    /// "Phát động phong trào …" → "phát động phong trào …"; a first word that is an
    /// abbreviation ("CNVCLĐ …": its second letter is a capital) is left as it is.
    static func lowerFirstWord(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count >= 2, characters[0].isUppercase, characters[1].isLowercase else { return text }
        return characters[0].lowercased() + String(characters.dropFirst())
    }
}
