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

/// When the review of a phase takes place, if not by a fixed deadline (`han_danh_gia`).
public enum ReviewOccasion: Sendable, Equatable {
    /// "vào dịp kỷ niệm 86 năm Ngày thành lập Công đoàn Việt Nam (28/7/2015)": the
    /// first anniversary of the commemoration on or after the phase's start.
    case commemoration(String)
    /// "vào cuối năm 2015", without a fixed date.
    case endOfYear
}

/// How a phase's start or end was written: the exact day, a month ("Từ tháng 01/2015"),
/// or the edge of the year ("Từ đầu năm", "đến cuối năm 2025"). `Phase.start` and
/// `Phase.end` always hold the effective dates (first or last day) for the checks.
public enum PhaseBound: Sendable, Equatable {
    case day
    case month
    case yearEdge
}

/// A commemoration saluted by a phase, possibly with the figures a clerk typed
/// (which are checked against the computed ones).
///
/// Several commemorations of the same number of years may be saluted in one entry:
/// "Kỷ niệm 80 năm Cách mạng Tháng Tám (19/8/1945 - 19/8/2025) và Quốc khánh … (02/9/1945 -
/// 02/9/2025)" — `others` holds the second and later ones.
public struct PhaseCommemoration: Sendable, Equatable {
    /// The (first) commemoration's code.
    public var key: Located<String>
    /// Further codes joined into this entry ("… và …").
    public var others: [Located<String>]
    /// The anniversary number as written in the data, if any.
    public var writtenYears: Located<Int>?
    /// The bracketed date range as written in the data, if any.
    public var writtenRange: Located<String>?
    /// The clerk's own wording of the event ("ngày Giải phóng hoàn toàn miền Nam"), printed
    /// in place of the catalogue's name; the number and the dates are still computed.
    public var ownName: Located<String>?

    public init(key: Located<String>, writtenYears: Located<Int>? = nil, writtenRange: Located<String>? = nil,
                others: [Located<String>] = [], ownName: Located<String>? = nil) {
        self.key = key
        self.others = others
        self.writtenYears = writtenYears
        self.writtenRange = writtenRange
        self.ownName = ownName
    }

    /// Every code of the entry, in the order written.
    public var keys: [Located<String>] { [key] + others }
}

/// One phase (đợt) of the movement.
public struct Phase: Sendable, Equatable {
    public var name: String
    /// The first day of the phase (the 1st of the month, or 1 January, for a bound written so).
    public var start: Located<CivilDate>
    /// The last day of the phase.
    public var end: Located<CivilDate>
    /// Chủ đề.
    public var theme: String?
    public var commemorations: [PhaseCommemoration]
    public var review: ReviewKind?
    public var reviewDeadline: Located<CivilDate>?
    public var position: SourcePosition
    /// How `start` was written.
    public var startBound: PhaseBound
    /// How `end` was written.
    public var endBound: PhaseBound
    /// The review's occasion, when it has no fixed deadline.
    public var reviewOccasion: Located<ReviewOccasion>?
    /// The words before the saluted anniversaries (default "Thi đua lập thành tích chào mừng:").
    public var saluteLeadIn: String?
    /// The salutes written in the phase's own paragraph, joined by ";", instead of a list.
    public var salutesInline: Bool

    public init(name: String, start: Located<CivilDate>, end: Located<CivilDate>, theme: String?, commemorations: [PhaseCommemoration],
                review: ReviewKind?, reviewDeadline: Located<CivilDate>?, position: SourcePosition,
                startBound: PhaseBound = .day, endBound: PhaseBound = .day, reviewOccasion: Located<ReviewOccasion>? = nil,
                saluteLeadIn: String? = nil, salutesInline: Bool = false) {
        self.name = name
        self.start = start
        self.end = end
        self.theme = theme
        self.commemorations = commemorations
        self.review = review
        self.reviewDeadline = reviewDeadline
        self.position = position
        self.startBound = startBound
        self.endBound = endBound
        self.reviewOccasion = reviewOccasion
        self.saluteLeadIn = saluteLeadIn
        self.salutesInline = salutesInline
    }
}

/// The sentence that introduces the phases: a paragraph ("Phong trào … chia thành 2 đợt như
/// sau:"), or a numbered item of its section ("6. Phong trào thi đua năm 2020 được tổ chức 2
/// đợt như sau:") with the phases laid out under it.
public struct PhasesIntro: Sendable, Equatable {
    public var text: String
    public var asItem: Bool
    public var position: SourcePosition

    public init(text: String, asItem: Bool = false, position: SourcePosition) {
        self.text = text
        self.asItem = asItem
        self.position = position
    }
}
