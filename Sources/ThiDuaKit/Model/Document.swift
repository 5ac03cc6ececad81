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

    public init(parentBody: String, issuingBody: String, number: Int?, symbol: Located<String>, place: String, date: Located<CivilDate>,
                issuingBodyAsWritten: String? = nil) {
        self.parentBody = parentBody
        self.issuingBody = issuingBody
        self.number = number
        self.symbol = symbol
        self.place = place
        self.date = date
        self.issuingBodyAsWritten = issuingBodyAsWritten ?? issuingBody
    }
}

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

    public init(kind: String, numberAndSymbol: String?, date: Located<CivilDate>?, issuer: String?, subject: String?, position: SourcePosition,
                dataFile: Located<String>? = nil) {
        self.kind = kind
        self.numberAndSymbol = numberAndSymbol
        self.date = date
        self.issuer = issuer
        self.subject = subject
        self.position = position
        self.dataFile = dataFile
    }
}

/// How the references are introduced.
public enum ReferenceWording: String, Sendable, CaseIterable {
    case canCu = "can_cu"
    case thucHien = "thuc_hien"

    /// The words that open the references paragraph.
    public var words: String {
        switch self {
        case .canCu: return "Căn cứ"
        case .thucHien: return "Thực hiện"
        }
    }
}

/// A top-level section ("I. MỤC ĐÍCH, YÊU CẦU").
public struct Section: Sendable, Equatable {
    public var title: String
    public var blocks: [Block]
    /// True when the plan's phases are laid out at the end of this section.
    public var holdsPhases: Bool
    public var position: SourcePosition

    public init(title: String, blocks: [Block], holdsPhases: Bool = false, position: SourcePosition) {
        self.title = title
        self.blocks = blocks
        self.holdsPhases = holdsPhases
        self.position = position
    }
}

/// A piece of body content. Numbering is not stored: it follows from the
/// nesting and is computed when the document is laid out.
public indirect enum Block: Sendable, Equatable {
    /// A paragraph of running text (inline `**bold**`, `*italic*`, "quotes").
    case paragraph(String, SourcePosition)
    /// A numbered item (1., 1.1., 1.1.1.): a heading when it has content,
    /// a numbered sentence when it has none.
    case item(title: String, blocks: [Block], SourcePosition)
    /// A lettered point a), b), … đ) …
    case point(String, blocks: [Block], SourcePosition)
    /// A "-" bullet.
    case bullet(String, blocks: [Block], SourcePosition)
    /// A task assigned to a body, with an optional deadline (guidance).
    case assignment(Assignment)
    /// A table of figures (generated in reports).
    case table(Table, SourcePosition)

    /// Where the block was written.
    public var position: SourcePosition {
        switch self {
        case .paragraph(_, let p), .item(_, _, let p), .point(_, _, let p), .bullet(_, _, let p): return p
        case .assignment(let a): return a.position
        case .table(_, let p): return p
        }
    }
}

/// A deadline, exact to the day or to the month ("trong tháng 03 năm 2021").
public enum Deadline: Sendable, Equatable, Comparable {
    /// "trước ngày 06/3/2021"
    case day(CivilDate)
    /// "trong tháng 03 năm 2021"
    case month(year: Int, month: Int)

    /// The last day the work may be done, used for sorting and checks.
    public var lastDay: CivilDate? {
        switch self {
        case .day(let d): return d
        case .month(let year, let month):
            return CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
        }
    }

    /// The first day of the deadline's span.
    public var firstDay: CivilDate? {
        switch self {
        case .day(let d): return d
        case .month(let year, let month): return CivilDate(year: year, month: month, day: 1)
        }
    }

    public static func < (lhs: Deadline, rhs: Deadline) -> Bool {
        switch (lhs.lastDay, rhs.lastDay) {
        case let (l?, r?): return l < r
        default: return false
        }
    }
}

/// Work assigned to a named body in a guidance document.
public struct Assignment: Sendable, Equatable {
    /// Who does it, e.g. "Ban Tuyên giáo - Nữ công".
    public var body: String
    /// What to do (one or more paragraphs of text).
    public var tasks: [Located<String>]
    public var deadline: Located<Deadline>?
    public var position: SourcePosition

    public init(body: String, tasks: [Located<String>], deadline: Located<Deadline>?, position: SourcePosition) {
        self.body = body
        self.tasks = tasks
        self.deadline = deadline
        self.position = position
    }
}

/// How a phase ends: sơ kết (a phase) or tổng kết (the year or period).
public enum ReviewKind: String, Sendable, CaseIterable {
    case soKet = "so_ket"
    case tongKet = "tong_ket"

    public var words: String {
        switch self {
        case .soKet: return "Sơ kết"
        case .tongKet: return "Tổng kết"
        }
    }
}

/// A commemoration saluted by a phase, possibly with the figures a clerk typed
/// (which are checked against the computed ones).
public struct PhaseCommemoration: Sendable, Equatable {
    public var key: Located<String>
    /// The anniversary number as written in the data, if any.
    public var writtenYears: Located<Int>?
    /// The bracketed date range as written in the data, if any.
    public var writtenRange: Located<String>?

    public init(key: Located<String>, writtenYears: Located<Int>? = nil, writtenRange: Located<String>? = nil) {
        self.key = key
        self.writtenYears = writtenYears
        self.writtenRange = writtenRange
    }
}

/// One phase (đợt) of the movement.
public struct Phase: Sendable, Equatable {
    public var name: String
    public var start: Located<CivilDate>
    public var end: Located<CivilDate>
    /// Chủ đề.
    public var theme: String?
    public var commemorations: [PhaseCommemoration]
    public var review: ReviewKind?
    public var reviewDeadline: Located<CivilDate>?
    public var position: SourcePosition

    public init(name: String, start: Located<CivilDate>, end: Located<CivilDate>, theme: String?, commemorations: [PhaseCommemoration], review: ReviewKind?, reviewDeadline: Located<CivilDate>?, position: SourcePosition) {
        self.name = name
        self.start = start
        self.end = end
        self.theme = theme
        self.commemorations = commemorations
        self.review = review
        self.reviewDeadline = reviewDeadline
        self.position = position
    }
}

/// A recipient line: "- Ban CSKT-XH&TĐKT TLĐ (để b/c);".
public struct Recipient: Sendable, Equatable {
    public var name: String
    /// Purpose without brackets, e.g. "để b/c".
    public var purpose: String?
    public var position: SourcePosition

    public init(name: String, purpose: String?, position: SourcePosition) {
        self.name = name
        self.purpose = purpose
        self.position = position
    }
}

/// The signature block.
public struct Signature: Sendable, Equatable {
    /// Authority marks (thể thức ký).
    public enum Authority: String, Sendable, CaseIterable {
        case tm = "TM."
        case kt = "KT."
        case q = "Q."
        case tl = "TL."
        case tuq = "TUQ."
    }

    public var authority: Authority?
    /// What follows the mark: "BAN THƯỜNG VỤ" after TM., "CHỦ TỊCH" after KT.
    public var onBehalfOf: String?
    /// `onBehalfOf` as the clerk wrote it ("Ban Thường vụ"), for citations.
    public var onBehalfOfAsWritten: String?
    /// Chức vụ of the signer, e.g. "PHÓ CHỦ TỊCH THƯỜNG TRỰC".
    public var title: String
    /// Họ tên, with no academic title.
    public var signer: Located<String>

    public init(authority: Authority?, onBehalfOf: String?, title: String, signer: Located<String>, onBehalfOfAsWritten: String? = nil) {
        self.authority = authority
        self.onBehalfOf = onBehalfOf
        self.onBehalfOfAsWritten = onBehalfOfAsWritten ?? onBehalfOf
        self.title = title
        self.signer = signer
    }
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
    public var phasesIntro: String?
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
    /// The targets a plan states as data (`cac_chi_tieu` blocks), in the order written.
    public var targets: [PlanTarget]
    /// Annexes printed after the signature.
    public var annexes: [Annex]
    /// The file the document was read from (for diagnostics and relative paths).
    public var sourceFile: String

    public init(kind: DocumentKind, header: DocumentHeader, title: String? = nil, subject: String,
                referenceWording: ReferenceWording = .canCu, references: [DocumentReference] = [],
                preamble: [Block] = [], sections: [Section] = [], period: Period? = nil,
                phases: [Phase] = [], phasesIntro: String? = nil, closing: [Block] = [],
                recipients: [Recipient] = [], archive: [String] = [], signature: Signature,
                extraCommemorations: [Commemoration] = [], anniversaryStyle: DayMonthStyle = .official,
                report: ReportSpec? = nil, targets: [PlanTarget] = [], annexes: [Annex] = [], sourceFile: String) {
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
        self.targets = targets
        self.annexes = annexes
        self.sourceFile = sourceFile
    }

    /// The catalog of commemorations this document can name: built-in plus its own.
    public var commemorationCatalog: CommemorationCatalog {
        CommemorationCatalog.builtin.adding(extraCommemorations)
    }
}
