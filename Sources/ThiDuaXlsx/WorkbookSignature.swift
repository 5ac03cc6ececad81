/// The block printed under the summary table, as on a signed annex: "NGƯỜI LẬP BIỂU" on the
/// left, the place and date and the signature of the report on the right.
public struct WorkbookSignature: Hashable, Sendable {
    /// The preparer's name; nil leaves room to write it by hand.
    public var preparer: String?
    /// "Bến Tre, ngày 20 tháng 6 năm 2025".
    public var placeAndDate: String
    /// "TM. BAN THƯỜNG VỤ"; nil when the head signs in their own name.
    public var authority: String?
    /// "PHÓ CHỦ TỊCH THƯỜNG TRỰC".
    public var title: String
    /// The signer's full name.
    public var signer: String

    /// Creates a signature block.
    public init(preparer: String?, placeAndDate: String, authority: String?, title: String, signer: String) {
        self.preparer = preparer
        self.placeAndDate = placeAndDate
        self.authority = authority
        self.title = title
        self.signer = signer
    }
}

/// The comparison with the previous period, like for like: every figure is a sum over the
/// same units in both periods (conventions.md), and the units left out are listed.
public struct WorkbookComparison: Hashable, Sendable {
    /// What the previous period is called in the headers: "Cùng kỳ", "Đợt trước".
    public var previousLabel: String
    /// The sentence saying over which units the comparison is made.
    public var note: String
    /// The rows: the whole first, then each group (`group` names it).
    public var rows: [ComparisonRow]
    /// Units with figures for the previous period only.
    public var onlyPrevious: [MissingUnit]
    /// Units with figures for this period only.
    public var onlyCurrent: [MissingUnit]

    /// Creates a comparison.
    public init(previousLabel: String, note: String, rows: [ComparisonRow], onlyPrevious: [MissingUnit] = [],
                onlyCurrent: [MissingUnit] = []) {
        self.previousLabel = previousLabel
        self.note = note
        self.rows = rows
        self.onlyPrevious = onlyPrevious
        self.onlyCurrent = onlyCurrent
    }
}

/// One indicator compared over the same units in two periods.
public struct ComparisonRow: Hashable, Sendable {
    /// The figures compared.
    public enum Figures: Hashable, Sendable {
        /// A count or an amount in đồng: the two sums.
        case amount(current: Int64, previous: Int64)
        /// A rate: numerator and denominator sums of each period.
        case ratio(currentNumerator: Int64, currentDenominator: Int64, previousNumerator: Int64, previousDenominator: Int64)
    }

    /// "" for the whole, else the group's name.
    public var group: String
    /// The indicator's name.
    public var name: String
    /// Its unit ("CĐCS", "đồng", "%").
    public var unit: String
    /// How many units the two figures are over.
    public var units: Int
    /// The figures.
    public var figures: Figures

    /// Creates a row.
    public init(group: String, name: String, unit: String, units: Int, figures: Figures) {
        self.group = group
        self.name = name
        self.unit = unit
        self.units = units
        self.figures = figures
    }
}
