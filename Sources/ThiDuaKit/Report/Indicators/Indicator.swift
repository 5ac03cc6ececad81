/// One figure a phase report counts, such as "Phát triển đoàn viên".
///
/// Indicators are data, not code: each LĐLĐ keeps its own list (conventions.md, "Phase
/// reports"), so the YAML layer builds these values and `IndicatorSet.default` is only a
/// starting point.
public struct Indicator: Hashable, Sendable {
    /// What the numbers of an indicator are, which decides how a cell is read.
    public enum Kind: String, Hashable, Sendable {
        /// Whole things: CĐCS, people, initiatives. Integers only.
        case count
        /// Amounts in đồng. Integers only: the đồng has no subunit in use.
        case money
        /// A proportion or other decimal figure; cells may have a decimal comma ("12,5").
        case ratio
    }

    /// How unit figures combine into a total.
    public enum Aggregation: Hashable, Sendable {
        /// The total is the sum of the units' figures.
        case sum
        /// The figure is computed, per unit and in total, as Σ numerator / Σ denominator
        /// of two summed indicators (e.g. CĐCS phát động / số CĐCS); it has no CSV column.
        case ratio(numerator: String, denominator: String)
    }

    /// Placeholders a `sentence` may use; the rendering layer fills them in.
    /// `gia_tri` value, `chi_tieu` target, `ty_le` percent of target, `don_vi_tinh` unit,
    /// `so_don_vi` number of units that reported, `so_don_vi_dat` units reaching their own
    /// target, `so_don_vi_giao` units given one ("{so_don_vi_dat}/{so_don_vi_giao}"); for a
    /// ratio indicator `tu_so` and `mau_so`, the totals it divides ("428/432").
    public static let sentencePlaceholders: Set<String> = [
        "gia_tri", "chi_tieu", "ty_le", "don_vi_tinh", "so_don_vi", "so_don_vi_dat", "so_don_vi_giao", "tu_so", "mau_so",
    ]

    /// Identifier: Vietnamese without diacritics, snake_case (`doan_vien_moi`). Also accepted
    /// as a CSV column header.
    public var key: String
    /// Human name, also accepted as a CSV column header ("Phát triển đoàn viên").
    public var name: String
    /// Unit of measure as written in reports: "CĐCS", "người", "sáng kiến", "đồng", "%".
    public var unit: String
    /// Count, money or ratio.
    public var kind: Kind
    /// The overall target (chỉ tiêu) of the reporting body. For a `.ratio` aggregation it is
    /// in percent points (100 means 100%).
    public var target: Int64?
    /// Header of a CSV column holding each unit's own target, e.g. `chi_tieu_doan_vien_moi`.
    /// A column `chi_tieu_<key>` is accepted for every summed indicator even when this is nil.
    public var perUnitTargetColumn: String?
    /// Sum or ratio of two other indicators.
    public var aggregation: Aggregation
    /// Sentence pattern for the report body, with `{placeholder}`s from `sentencePlaceholders`.
    public var sentence: String?
    /// The key of another indicator whose sentence this one completes ("với tổng kinh phí …"
    /// after "xây dựng 18 Mái ấm Công đoàn"): its figures then join that sentence instead
    /// of standing as a bullet of their own.
    public var joinedTo: String?

    /// Creates an indicator.
    public init(
        key: String,
        name: String,
        unit: String,
        kind: Kind,
        target: Int64? = nil,
        perUnitTargetColumn: String? = nil,
        aggregation: Aggregation = .sum,
        sentence: String? = nil,
        joinedTo: String? = nil
    ) {
        self.key = key
        self.name = name
        self.unit = unit
        self.kind = kind
        self.target = target
        self.perUnitTargetColumn = perUnitTargetColumn
        self.aggregation = aggregation
        self.sentence = sentence
        self.joinedTo = joinedTo
    }

    /// Number of decimal digits a stored value carries: figures are kept as `Int64` scaled by
    /// `10^fractionDigits` so that sums stay exact. 0 for counts and money, 4 for ratios
    /// (a cell "12,5" is stored as 125000).
    public var fractionDigits: Int {
        kind == .ratio ? 4 : 0
    }

    /// `10^fractionDigits`: divide a stored value by this to get the written number.
    public var scale: Int64 {
        kind == .ratio ? 10_000 : 1
    }

    /// True when the figure is computed from other indicators rather than read from a column.
    public var isComputed: Bool {
        if case .ratio = aggregation { return true }
        return false
    }

    /// The default header of the per-unit target column: `perUnitTargetColumn` or `chi_tieu_<key>`.
    public var targetColumnHeader: String {
        perUnitTargetColumn ?? "chi_tieu_\(key)"
    }
}

extension Indicator {
    /// How a computed indicator is obtained, for hints.
    var aggregationHint: String {
        if case .ratio(let n, let d) = aggregation { return "tính bằng \(n) / \(d)" }
        return "cộng số liệu các đơn vị"
    }
}
