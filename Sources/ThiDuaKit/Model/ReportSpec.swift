/// The report-specific part of a `bao_cao` document: what is reviewed, the
/// prose a clerk writes, and where the units' figures are.
public struct ReportSpec: Sendable {
    /// sơ kết (a phase, half year) or tổng kết (a year, a period).
    public var review: ReviewKind
    /// The plan being reviewed.
    public var plan: DocumentReference?
    /// The period under review.
    public var period: Period?
    /// "đợt 1 năm 2025", "năm 2025", "giai đoạn 2021-2025": used in headings.
    public var periodName: String?
    /// Where `ten_ky` was written, for the check of the name against the period.
    public var periodNamePosition: SourcePosition?
    /// Prose parts, each optional, in the order conventions.md gives.
    public var advantages: [Block]
    public var difficulties: [Block]
    public var strengths: [Block]
    public var weaknesses: [Block]
    public var causes: [Block]
    public var lessons: [Block]
    public var nextSteps: [Block]
    public var proposals: [Block]
    public var awards: [Block]
    /// CSV files of the units' figures, relative to the data file.
    public var figureFiles: [Located<String>]
    /// CSV of the units expected to report.
    public var expectedUnitsFile: Located<String>?
    /// CSV files of the previous phase, for comparison.
    public var previousFiles: [Located<String>]
    /// Whether the report lists every unit in a table (can be long).
    public var unitTable: Bool
    /// Where `bang_don_vi` was written.
    public var unitTablePosition: SourcePosition?
    /// How many best and weakest units to name per indicator.
    public var topCount: Int
    /// Indicator definitions from the data file; nil uses the default set.
    public var indicators: IndicatorSet?
    /// Where the indicators were defined, for their diagnostics.
    public var indicatorsPosition: SourcePosition?
    /// Where each indicator's own `chi_tieu:` target was written, by key.
    public var targetPositions: [String: SourcePosition]
    /// Keys whose target comes from the reviewed plan's data file (see `applyingPlanTargets`).
    public var planTargetKeys: Set<String>
    /// What the previous figures are called in the text: "cùng kỳ", "đợt trước" …; nil
    /// chooses by the review kind.
    public var comparisonWording: ComparisonWording?
    /// Where the units that have not reported are listed.
    public var missingUnitsPlacement: MissingUnitsPlacement
    /// Người lập biểu, printed under the workbook's table.
    public var preparer: String?
    /// Where `so_lieu` was written, for findings about the figures as a whole.
    public var figureFilesPosition: SourcePosition?
    /// The date the units must send their figures by (`han_gui_so_lieu`), printed on the
    /// form `thidua bieu-mau` writes.
    public var figuresDeadline: CivilDate?
    /// The group each entry of `so_lieu` and `ky_truoc` written `{tep:, nhom:}` gives the rows
    /// of its files, by the position of the entry (as in `figureFiles` and `previousFiles`).
    public var entryGroups: [SourcePosition: FigureEntryGroup]

    public init(review: ReviewKind, plan: DocumentReference? = nil, period: Period? = nil, periodName: String? = nil,
                advantages: [Block] = [], difficulties: [Block] = [], strengths: [Block] = [], weaknesses: [Block] = [],
                causes: [Block] = [], lessons: [Block] = [], nextSteps: [Block] = [], proposals: [Block] = [],
                awards: [Block] = [], figureFiles: [Located<String>] = [], expectedUnitsFile: Located<String>? = nil,
                previousFiles: [Located<String>] = [], unitTable: Bool = false, topCount: Int = 3,
                indicators: IndicatorSet? = nil, indicatorsPosition: SourcePosition? = nil,
                targetPositions: [String: SourcePosition] = [:], planTargetKeys: Set<String> = [],
                comparisonWording: ComparisonWording? = nil, missingUnitsPlacement: MissingUnitsPlacement = .weaknesses,
                preparer: String? = nil, figureFilesPosition: SourcePosition? = nil, figuresDeadline: CivilDate? = nil,
                entryGroups: [SourcePosition: FigureEntryGroup] = [:]) {
        self.review = review
        self.plan = plan
        self.period = period
        self.periodName = periodName
        self.advantages = advantages
        self.difficulties = difficulties
        self.strengths = strengths
        self.weaknesses = weaknesses
        self.causes = causes
        self.lessons = lessons
        self.nextSteps = nextSteps
        self.proposals = proposals
        self.awards = awards
        self.figureFiles = figureFiles
        self.expectedUnitsFile = expectedUnitsFile
        self.previousFiles = previousFiles
        self.unitTable = unitTable
        self.topCount = topCount
        self.indicators = indicators
        self.indicatorsPosition = indicatorsPosition
        self.targetPositions = targetPositions
        self.planTargetKeys = planTargetKeys
        self.comparisonWording = comparisonWording
        self.missingUnitsPlacement = missingUnitsPlacement
        self.preparer = preparer
        self.figureFilesPosition = figureFilesPosition
        self.figuresDeadline = figuresDeadline
        self.entryGroups = entryGroups
    }

    /// The same spec with `periodNamePosition` set.
    /// The spec with the place of `bang_don_vi` noted, for the findings about its table.
    public func with(unitTablePosition position: SourcePosition?) -> ReportSpec {
        var copy = self
        copy.unitTablePosition = position
        return copy
    }

    public func with(periodNamePosition position: SourcePosition?) -> ReportSpec {
        var copy = self
        copy.periodNamePosition = position
        return copy
    }

    /// The words for the previous figures: the data's choice, else "đợt trước" for a sơ
    /// kết and "kỳ trước" for a tổng kết.
    public var previousWords: String {
        comparisonWording?.words ?? (review == .soKet ? "đợt trước" : "kỳ trước")
    }
}

/// The group an entry of `so_lieu` or `ky_truoc` gives the rows of its files that have no
/// group of their own (no `nhom` column, no group heading row above them).
public enum FigureEntryGroup: Sendable, Hashable {
    /// The group written: "Huyện Châu Thành".
    case named(String)
    /// Each file's name without its extension (`nhom: theo_ten_tep`), for a folder of the
    /// workbooks the districts sent, named after them.
    case fileName

    /// The word that asks for `fileName`.
    public static let fileNameKeyword = "theo_ten_tep"

    /// The group of the rows of the file `path` (as the workspace names it).
    public func group(forFile path: String) -> String {
        switch self {
        case .named(let name):
            return name
        case .fileName:
            let base = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
            return String(base[..<dot])
        }
    }
}

/// What a report calls the figures it compares with (`so_sanh_voi`).
public enum ComparisonWording: String, Sendable, CaseIterable {
    /// The same period of the previous year: "so với cùng kỳ".
    case cungKy = "cung_ky"
    /// The previous phase of the same movement: "so với đợt trước".
    case dotTruoc = "dot_truoc"
    /// The previous reporting period: "so với kỳ trước".
    case kyTruoc = "ky_truoc"
    /// The previous year: "so với năm trước".
    case namTruoc = "nam_truoc"

    /// The words after "so với".
    public var words: String {
        switch self {
        case .cungKy: return "cùng kỳ"
        case .dotTruoc: return "đợt trước"
        case .kyTruoc: return "kỳ trước"
        case .namTruoc: return "năm trước"
        }
    }
}

/// Where a report lists the units that have not sent their figures (`don_vi_chua_bao_cao`).
public enum MissingUnitsPlacement: String, Sendable, CaseIterable {
    /// Under "Tồn tại, hạn chế" in the assessment (the default: not reporting is a shortcoming).
    case weaknesses = "ton_tai"
    /// In "Kết quả chung", after the count of units that reported.
    case results = "ket_qua"
    /// In an annex, with a sentence under "Tồn tại, hạn chế" pointing to it.
    case annex = "phu_luc"
}
