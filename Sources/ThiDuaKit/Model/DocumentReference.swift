/// A reference to another document: "Kế hoạch số 02/KH-TLĐ ngày 10/02/2017 của … về …".
public struct DocumentReference: Sendable, Equatable {
    /// The kind in words, e.g. "Kế hoạch", "Chỉ thị", "Nghị quyết".
    public var kind: String
    /// "02/KH-TLĐ" or "05-CT/TW", already joined.
    public var numberAndSymbol: String?
    public var date: Located<CivilDate>?
    /// The issuing body, e.g. "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam".
    public var issuer: String?
    /// Trích yếu of the referenced document (written after "về").
    public var subject: String?
    public var position: SourcePosition
    /// The cited document's own data file (`tep:`), relative to this data file: its
    /// number, date, issuer and subject are then taken from that file (see
    /// `Document.linking(_:)`), and checks can compare the two documents.
    public var dataFile: Located<String>?
    /// How this reference introduces the subject, when it differs from the document's choice.
    public var subjectStyle: SubjectStyle?

    public init(kind: String, numberAndSymbol: String?, date: Located<CivilDate>?, issuer: String?, subject: String?, position: SourcePosition,
                dataFile: Located<String>? = nil, subjectStyle: SubjectStyle? = nil) {
        self.kind = kind
        self.numberAndSymbol = numberAndSymbol
        self.date = date
        self.issuer = issuer
        self.subject = subject
        self.position = position
        self.dataFile = dataFile
        self.subjectStyle = subjectStyle
    }
}

/// How the references are introduced.
public enum ReferenceWording: String, Sendable, CaseIterable {
    case canCu = "can_cu"
    /// "Căn cứ vào Kế hoạch số …", as some offices write it.
    case canCuVao = "can_cu_vao"
    case thucHien = "thuc_hien"

    /// The words that open the references paragraph.
    public var words: String {
        switch self {
        case .canCu: return "Căn cứ"
        case .canCuVao: return "Căn cứ vào"
        case .thucHien: return "Thực hiện"
        }
    }
}

/// How a reference sentence introduces the cited document's subject (trích yếu).
public enum SubjectStyle: String, Sendable, CaseIterable {
    /// "… của Ban Thường vụ LĐLĐ tỉnh về phát động phong trào …" (the default).
    case ve = "ve"
    /// "… của Đoàn Chủ tịch … “Về việc phát động phong trào …”".
    case veViec = "ve_viec"
    /// "… của Ban Thường vụ LĐLĐ tỉnh phát động phong trào …": the subject follows directly.
    case lien = "lien"
}

