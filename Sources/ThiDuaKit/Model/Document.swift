/// The kinds of document thidua writes. The kind chooses the templates
/// (`<kind>.md.mustache`, `<kind>.txt.mustache`) and the default title.
public enum DocumentKind: String, Sendable, CaseIterable {
    case keHoach = "ke_hoach"
    case huongDan = "huong_dan"
    case baoCao = "bao_cao"

    /// The title (tên loại) printed in capitals.
    public var title: String {
        switch self {
        case .keHoach: return "KẾ HOẠCH"
        case .huongDan: return "HƯỚNG DẪN"
        case .baoCao: return "BÁO CÁO"
        }
    }

    /// The type code expected at the start of the symbol (KH-LĐLĐ).
    public var typeCode: String {
        switch self {
        case .keHoach: return "KH"
        case .huongDan: return "HD"
        case .baoCao: return "BC"
        }
    }

    /// The template base name, e.g. `ke-hoach`.
    public var templateName: String { rawValue.replacingOccurrences(of: "_", with: "-") }
}

/// A value together with where it was written, so checks can point at it.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var position: SourcePosition
    public init(_ value: Value, at position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

extension Located: Equatable where Value: Equatable {}

/// The header block: bodies, number, symbol, place and date.
public struct DocumentHeader: Sendable, Equatable {
    /// Cơ quan chủ quản, e.g. "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM".
    public var parentBody: String
    /// Cơ quan ban hành, e.g. "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE".
    public var issuingBody: String
    /// Số; nil leaves the blank that the office fills in by hand.
    public var number: Int?
    /// Ký hiệu, e.g. "KH-LĐLĐ".
    public var symbol: Located<String>
    /// Địa danh, e.g. "Bến Tre".
    public var place: String
    /// Ngày ban hành.
    public var date: Located<CivilDate>
    /// The issuing body as the clerk wrote it ("Liên đoàn Lao động tỉnh Bến Tre"): the
    /// form other documents use when they cite this one.
    public var issuingBodyAsWritten: String
    /// The day of the date is left blank for the văn thư to fill at registration ("ngày
    /// tháng 02 năm 2025"): only the month and year were given, and `date` is the 1st.
    public var dayLeftBlank: Bool
    /// A draft (dự thảo): the document carries the "DỰ THẢO" mark.
    public var isDraft: Bool
    /// Where the parent and issuing bodies were written, for checks of their names.
    public var parentBodyPosition: SourcePosition?
    public var issuingBodyPosition: SourcePosition?

    public init(parentBody: String, issuingBody: String, number: Int?, symbol: Located<String>, place: String, date: Located<CivilDate>,
                issuingBodyAsWritten: String? = nil, dayLeftBlank: Bool = false, isDraft: Bool = false) {
        self.parentBody = parentBody
        self.issuingBody = issuingBody
        self.number = number
        self.symbol = symbol
        self.place = place
        self.date = date
        self.issuingBodyAsWritten = issuingBodyAsWritten ?? issuingBody
        self.dayLeftBlank = dayLeftBlank
        self.isDraft = isDraft
    }

    /// The latest day the document can carry: the end of the month when the day is blank.
    public var latestDate: CivilDate { dayLeftBlank ? date.value.endOfMonth : date.value }
}

/// The movement's own period, used to check deadlines and phases.
public struct Period: Sendable, Equatable {
    public var start: Located<CivilDate>
    public var end: Located<CivilDate>
    public init(start: Located<CivilDate>, end: Located<CivilDate>) {
        self.start = start
        self.end = end
    }
}

/// A whole document: plan, guidance or report. The common parts (header,
/// references, signature, recipients) are written once for every kind.
public struct Document: Sendable {
    public var kind: DocumentKind
    public var header: DocumentHeader
    /// Overrides the default title of the kind ("KẾ HOẠCH").
    public var title: String?
    /// Trích yếu.
    public var subject: String
    public var referenceWording: ReferenceWording
    public var references: [DocumentReference]
    /// Paragraphs after the references, before section I.
    public var preamble: [Block]
    public var sections: [Section]
    public var period: Period?
    public var phases: [Phase]
    /// The sentence that introduces the phases ("Phong trào … chia thành 2 đợt như sau:").
    public var phasesIntro: PhasesIntro?
    /// Paragraphs after the last section ("Trên đây là …").
    public var closing: [Block]
    public var recipients: [Recipient]
    /// The "Lưu:" line entries: "VT", the drafting unit.
    public var archive: [String]
    public var signature: Signature
    /// Commemorations declared in the data file on top of the built-in catalog.
    public var extraCommemorations: [Commemoration]
    /// The day/month style inside anniversary brackets.
    public var anniversaryStyle: DayMonthStyle
    /// The report part, for `bao_cao` documents.
    public var report: ReportSpec?
    /// The file the document was read from (for diagnostics and relative paths).
    public var sourceFile: String
    /// The targets a plan states as data (`cac_chi_tieu` blocks), in the order written.
    public var targets: [PlanTarget]
    /// Annexes printed after the signature.
    public var annexes: [Annex]
    /// How references introduce the cited subject ("về …", "“Về việc …”", or directly).
    public var subjectStyle: SubjectStyle = .ve
    /// Where `trich_yeu` was written, for checks of what it states.
    public var subjectPosition: SourcePosition?
    /// The congresses (đại hội) of the period that the data names (`dai_hoi`).
    public var congresses: [Congress] = []
    /// The words before a phase's saluted anniversaries, for every phase that sets none.
    public var saluteLeadIn: String?
    /// Every inline field (`{ky_niem …}`) of the text, as written and where, already
    /// replaced in the text by its value; the checks look at what they name.
    public var inlineFields: [InlineField] = []

    public init(kind: DocumentKind, header: DocumentHeader, title: String? = nil, subject: String,
                referenceWording: ReferenceWording = .canCu, references: [DocumentReference] = [],
                preamble: [Block] = [], sections: [Section] = [], period: Period? = nil,
                phases: [Phase] = [], phasesIntro: PhasesIntro? = nil, closing: [Block] = [],
                recipients: [Recipient] = [], archive: [String] = [], signature: Signature,
                extraCommemorations: [Commemoration] = [], anniversaryStyle: DayMonthStyle = .official,
                report: ReportSpec? = nil, targets: [PlanTarget] = [], annexes: [Annex] = [], sourceFile: String) {
        self.targets = targets
        self.annexes = annexes
        self.kind = kind
        self.header = header
        self.title = title
        self.subject = subject
        self.referenceWording = referenceWording
        self.references = references
        self.preamble = preamble
        self.sections = sections
        self.period = period
        self.phases = phases
        self.phasesIntro = phasesIntro
        self.closing = closing
        self.recipients = recipients
        self.archive = archive
        self.signature = signature
        self.extraCommemorations = extraCommemorations
        self.anniversaryStyle = anniversaryStyle
        self.report = report
        self.sourceFile = sourceFile
    }

    /// The catalog of commemorations this document can name: built-in plus its own.
    public var commemorationCatalog: CommemorationCatalog {
        CommemorationCatalog.builtin.adding(extraCommemorations)
    }

    /// The year the movement is for: the start of `thoi_gian`, else the document's year. Inline
    /// anniversaries count to this year unless they name another (a plan for 2026 is often
    /// signed in December 2025).
    public var movementYear: Int { period?.start.value.year ?? header.date.value.year }

    /// The congress with this code.
    public func congress(_ key: String) -> Congress? {
        congresses.first { $0.key == key }
    }
}
