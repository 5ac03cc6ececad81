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
    /// How many best and weakest units to name per indicator.
    public var topCount: Int
    /// Indicator definitions from the data file; nil uses the default set.
    public var indicators: IndicatorSet?
    /// Where the indicators were defined, for their diagnostics.
    public var indicatorsPosition: SourcePosition?
    /// The date the units must send their figures by (`han_gui_so_lieu`), printed on the
    /// form `thidua bieu-mau` writes.
    public var figuresDeadline: CivilDate?

    public init(review: ReviewKind, plan: DocumentReference? = nil, period: Period? = nil, periodName: String? = nil,
                advantages: [Block] = [], difficulties: [Block] = [], strengths: [Block] = [], weaknesses: [Block] = [],
                causes: [Block] = [], lessons: [Block] = [], nextSteps: [Block] = [], proposals: [Block] = [],
                awards: [Block] = [], figureFiles: [Located<String>] = [], expectedUnitsFile: Located<String>? = nil,
                previousFiles: [Located<String>] = [], unitTable: Bool = false, topCount: Int = 3,
                indicators: IndicatorSet? = nil, indicatorsPosition: SourcePosition? = nil,
                figuresDeadline: CivilDate? = nil) {
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
        self.figuresDeadline = figuresDeadline
    }
}
