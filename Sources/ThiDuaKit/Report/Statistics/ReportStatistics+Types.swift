/// A unit the report expects to hear from (the list of CĐCS under the reporting body).
public struct ExpectedUnit: Hashable, Sendable {
    /// Unit name as it should appear in the report.
    public var name: String
    /// Its group ("Khối", "Cụm", "Huyện"), if the list has groups.
    public var group: String?

    /// Creates an expected unit.
    public init(name: String, group: String? = nil) {
        self.name = name
        self.group = group
    }
}

/// Where the target (chỉ tiêu) a percentage is computed against comes from.
public enum TargetSource: Hashable, Sendable {
    /// The indicator's overall `target`, set by the reporting body.
    case overall
    /// The sum of the units' own targets (`chi_tieu_<key>` columns).
    case sumOfUnitTargets
}

/// Change of an indicator against the previous phase (or the same period of last year),
/// like for like: both totals are sums over the same units, those that have the indicator's
/// figures (for a ratio: both of its figures) in both periods.
public struct IndicatorChange: Hashable, Sendable {
    /// Previous total over the compared units (for a ratio indicator, the numerator total).
    public var previousTotal: Int64
    /// This phase's total over the same units; equal to the indicator's total only when
    /// every unit that reported now also reported then.
    public var currentTotal: Int64
    /// How many units the comparison is over.
    public var units: Int
    /// Previous ratio over the compared units, for ratio indicators.
    public var previousRatio: ExactRatio?
    /// This phase's ratio over the compared units, for ratio indicators.
    public var currentRatio: ExactRatio?
    /// Σ denominator over the compared units, this phase and the previous one (ratios).
    public var currentDenominator: Int64?
    public var previousDenominator: Int64?
    /// `currentTotal − previousTotal` for summed indicators; nil for ratios or on overflow.
    public var absolute: Int64?
    /// `absolute / previousTotal` (multiply by 100 for "tăng 12,5%"); nil when the previous
    /// total is 0 (no percentage of nothing) or for ratios.
    public var relative: ExactRatio?
    /// `currentRatio − previousRatio` for ratio indicators (multiply by 100 for percentage points).
    public var ratioDifference: ExactRatio?

    /// Creates a change record.
    public init(previousTotal: Int64, currentTotal: Int64 = 0, units: Int = 0, previousRatio: ExactRatio? = nil,
                currentRatio: ExactRatio? = nil, absolute: Int64? = nil, relative: ExactRatio? = nil,
                ratioDifference: ExactRatio? = nil) {
        self.previousTotal = previousTotal
        self.currentTotal = currentTotal
        self.units = units
        self.previousRatio = previousRatio
        self.currentRatio = currentRatio
        self.absolute = absolute
        self.relative = relative
        self.ratioDifference = ratioDifference
    }
}

/// A unit of the previous phase that has no row in this one.
public struct PreviousUnit: Hashable, Sendable {
    /// Its name as written in the previous phase's file.
    public var name: String
    /// Its group there ("" when none).
    public var group: String

    /// Creates an entry.
    public init(name: String, group: String) {
        self.name = name
        self.group = group
    }
}

/// Which units the comparison with the previous phase is over.
public struct PeriodComparison: Hashable, Sendable {
    /// Units of this phase that also have a row in the previous one.
    public var pairedUnits: Int
    /// Units in the previous phase's files.
    public var previousUnitCount: Int
    /// Units of this phase with no previous row (unit indices, in report order).
    public var onlyCurrent: [Int]
    /// Units of the previous phase with no row now, in the previous files' order.
    public var onlyPrevious: [PreviousUnit]

    /// Creates a comparison record.
    public init(pairedUnits: Int, previousUnitCount: Int, onlyCurrent: [Int], onlyPrevious: [PreviousUnit]) {
        self.pairedUnits = pairedUnits
        self.previousUnitCount = previousUnitCount
        self.onlyCurrent = onlyCurrent
        self.onlyPrevious = onlyPrevious
    }

    /// True when every unit of both periods is in the comparison.
    public var isComplete: Bool { onlyCurrent.isEmpty && onlyPrevious.isEmpty }
}

/// The totals of one indicator over a set of units (all units, or one group).
///
/// All figures are exact integers scaled by the indicator's `scale` (1 for counts and money).
public struct IndicatorTotals: Hashable, Sendable {
    /// The indicator key.
    public var key: String
    /// Σ of the units' figures. For a ratio indicator: Σ numerator over the units that gave
    /// both numerator and denominator.
    public var total: Int64
    /// For a ratio indicator: Σ denominator over the same units; nil otherwise.
    public var denominatorTotal: Int64?
    /// For a ratio indicator: `total / denominatorTotal`; nil otherwise or when Σ denominator is 0.
    public var ratio: ExactRatio?
    /// Units that gave a figure (for ratios: both figures). Empty cells do not count.
    public var reportingUnits: Int
    /// The target the percentage is computed against: the overall target, or the sum of
    /// the units' own targets. For ratio indicators, in percent points.
    public var target: Int64?
    /// Where `target` comes from.
    public var targetSource: TargetSource?
    /// With a target that is the sum of the units' own targets while some reporting units
    /// were given none: Σ of the figures of the units given one, which `ofTarget` is computed
    /// on; nil otherwise (then `ofTarget` is computed on `total`).
    public var targetedTotal: Int64?
    /// With `targetedTotal`: how many reporting units were given no target of their own.
    public var reportingWithoutTarget: Int = 0
    /// Achievement against the target: `total / target` (ratios: `ratio / (target/100)`),
    /// or `targetedTotal / target`.
    /// Multiply by 100 for "đạt 123,4% chỉ tiêu"; nil with no target or a target of 0.
    public var ofTarget: ExactRatio?
    /// Units that had their own target above 0 (a target of 0 assigns nothing); for ratio
    /// indicators with a target: reporting units.
    public var unitsWithOwnTarget: Int
    /// Of those, units whose figure reached their target (a missing figure has not).
    public var unitsReachingOwnTarget: Int
    /// Mean per reporting unit, `total / reportingUnits`, for summed indicators.
    /// `average?.rounded()` rounds half away from zero.
    public var average: ExactRatio?
    /// Change against the previous phase, when previous figures were given.
    public var change: IndicatorChange?
    /// True when a sum exceeded `Int64`; the figures are then unusable and an error was reported.
    public var overflowed: Bool

    /// Creates a totals record.
    public init(key: String, total: Int64 = 0, denominatorTotal: Int64? = nil, ratio: ExactRatio? = nil,
                reportingUnits: Int = 0, target: Int64? = nil, targetSource: TargetSource? = nil,
                ofTarget: ExactRatio? = nil, unitsWithOwnTarget: Int = 0, unitsReachingOwnTarget: Int = 0,
                average: ExactRatio? = nil, change: IndicatorChange? = nil, overflowed: Bool = false) {
        self.key = key
        self.total = total
        self.denominatorTotal = denominatorTotal
        self.ratio = ratio
        self.reportingUnits = reportingUnits
        self.target = target
        self.targetSource = targetSource
        self.ofTarget = ofTarget
        self.unitsWithOwnTarget = unitsWithOwnTarget
        self.unitsReachingOwnTarget = unitsReachingOwnTarget
        self.average = average
        self.change = change
        self.overflowed = overflowed
    }
}

/// The units of one group and their totals.
public struct GroupStatistics: Hashable, Sendable {
    /// The group name; "" collects units that have no group.
    public var name: String
    /// Unit indices (for `ReportStatistics.name(ofUnit:)` etc.) in report order.
    public var units: [Int]
    /// Totals per indicator, in indicator order.
    public var totals: [IndicatorTotals]

    /// Creates a group record.
    public init(name: String, units: [Int], totals: [IndicatorTotals]) {
        self.name = name
        self.units = units
        self.totals = totals
    }

    /// The totals of one indicator.
    public func totals(for key: String) -> IndicatorTotals? {
        totals.first { $0.key == key }
    }
}

/// One unit in a top-N or bottom-N list.
public struct RankedUnit: Hashable, Sendable {
    /// Unit index in the statistics.
    public var unit: Int
    /// Unit name.
    public var name: String
    /// Group name, "" when none.
    public var group: String
    /// The figure, scaled by the indicator's `scale` (the numerator for ratio indicators).
    public var value: Int64
    /// For ratio indicators, the unit's ratio.
    public var ratio: ExactRatio?

    /// Creates a ranked entry.
    public init(unit: Int, name: String, group: String, value: Int64, ratio: ExactRatio? = nil) {
        self.unit = unit
        self.name = name
        self.group = group
        self.value = value
        self.ratio = ratio
    }
}
