/// What the summary workbook shows, as plain values.
///
/// This is a presentation model: it knows nothing about how the statistics were
/// computed. Callers map their report statistics onto it, and ``ReportWorkbook``
/// turns it into the sheets "Tổng hợp", "Biểu đồ", "Chưa báo cáo" and "Nguồn".
/// Group subtotals and the grand total are *not* part of the input: the writer
/// computes them from the unit rows with exact integer arithmetic.
public struct SummaryWorkbookInput: Hashable, Sendable {
    /// The issuing body, e.g. "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE"; first title row, and the
    /// document's company property.
    public var issuingBody: String
    /// The report title, e.g. "BÁO CÁO SƠ KẾT ĐỢT 1 PHONG TRÀO THI ĐUA NĂM 2025".
    public var title: String
    /// The period line, e.g. "Từ 01/01/2025 đến 30/6/2025".
    public var period: String
    /// The indicator columns, in display order.
    public var indicators: [IndicatorColumnGroup]
    /// The unit groups (khối, cụm), in display order, each with its units.
    public var groups: [UnitGroup]
    /// Units that sent no report.
    public var missingUnits: [MissingUnit]
    /// Reconciliation figures for the "Nguồn" sheet (files read, rows used, skipped…).
    public var sources: [SourceEntry]
    /// The document's author property; the issuing body when empty.
    public var author: String
    /// The report's subject (trích yếu), under the title; empty for none.
    public var subject: String = ""
    /// "(Kèm theo Báo cáo số 41/BC-LĐLĐ ngày 12/9/2025 của …)", under the period; empty for none.
    public var accompanies: String = ""
    /// The block under the table: người lập biểu on the left, the signature on the right.
    public var signature: WorkbookSignature?
    /// The like-for-like comparison with the previous period, for the "So sánh" sheet.
    public var comparison: WorkbookComparison?

    /// Creates an input.
    public init(
        issuingBody: String, title: String, period: String, indicators: [IndicatorColumnGroup],
        groups: [UnitGroup], missingUnits: [MissingUnit] = [], sources: [SourceEntry] = [], author: String = ""
    ) {
        self.issuingBody = issuingBody
        self.title = title
        self.period = period
        self.indicators = indicators
        self.groups = groups
        self.missingUnits = missingUnits
        self.sources = sources
        self.author = author
    }
}

/// One indicator and the columns it occupies.
public struct IndicatorColumnGroup: Hashable, Sendable {
    /// What the indicator's numbers are.
    public enum Kind: Hashable, Sendable {
        /// A count (người, công đoàn, sáng kiến…), shown as `#,##0`.
        case count
        /// An amount of money in đồng, shown as `#,##0`.
        case money
        /// A percentage computed on every row from two other (non-ratio) indicators'
        /// actual values, numerator ÷ denominator, shown as `0.0%`. Units carry no
        /// value for it.
        case ratio(numeratorKey: String, denominatorKey: String)
    }

    /// Identifier used in ``UnitRow/values``.
    public var key: String
    /// Column header, e.g. "Phát triển đoàn viên".
    public var name: String
    /// Unit shown after the name in brackets ("người", "đồng"); empty for none.
    public var unit: String
    /// With a target the indicator has three columns: "Chỉ tiêu", "Thực hiện" (a ratio:
    /// "Tỷ lệ"), "% đạt"; without, one.
    public var hasTarget: Bool
    /// Count, money or ratio.
    public var kind: Kind
    /// The target of the whole (the reviewed plan's, or the reporting body's): the grand
    /// total's "Chỉ tiêu" holds it instead of the sum of the units' own targets. For a
    /// ratio, in percent points (100 = 100%), and it applies to every row.
    public var overallTarget: Int64?
    /// True when the units carry their own targets (`IndicatorValue.target`), so group
    /// subtotals have one; false leaves the units' and groups' "Chỉ tiêu" blank.
    public var hasUnitTargets: Bool

    /// Creates an indicator.
    public init(key: String, name: String, unit: String = "", hasTarget: Bool = false, kind: Kind = .count,
                overallTarget: Int64? = nil, hasUnitTargets: Bool? = nil) {
        self.key = key
        self.name = name
        self.unit = unit
        self.hasTarget = hasTarget || overallTarget != nil
        self.kind = kind
        self.overallTarget = overallTarget
        // A ratio's target is the overall percentage; otherwise a target without an overall
        // one can only be the units' own.
        if case .ratio = kind {
            self.hasUnitTargets = false
        } else {
            self.hasUnitTargets = hasUnitTargets ?? (hasTarget && overallTarget == nil)
        }
    }
}

/// A group of units (khối, cụm) with its own subtotal row.
public struct UnitGroup: Hashable, Sendable {
    /// Group name, e.g. "Khối Doanh nghiệp".
    public var name: String
    /// The units, in display order.
    public var units: [UnitRow]

    /// Creates a group.
    public init(name: String, units: [UnitRow]) {
        self.name = name
        self.units = units
    }
}

/// One reporting unit and its figures.
///
/// Rows made by ``init(name:values:)`` keep their own dictionary. Rows of a report
/// (``SummaryWorkbookInput/init(document:result:)``) read their figures from the report's
/// statistics instead, shared by all rows: 100,000 units then cost a name and an index
/// each, not a dictionary each. Both kinds behave the same; equality compares names and
/// ``values``.
public struct UnitRow: Hashable, Sendable {
    /// Unit name as it should be printed.
    public var name: String {
        get {
            if let storedName { return storedName }
            if case .columns(let columns, let unit) = storage { return columns.name(unit: unit) }
            return ""
        }
        set { storedName = newValue }
    }

    /// The name when given or changed; nil while it is read from the columns.
    private var storedName: String?

    /// Figures per indicator key; a missing key means no figure (blank cells).
    public var values: [String: IndicatorValue] {
        get {
            switch storage {
            case .dictionary(let values): return values
            case .columns(let columns, let unit): return columns.dictionary(unit: unit)
            }
        }
        set { storage = .dictionary(newValue) }
    }

    enum Storage: Sendable {
        case dictionary([String: IndicatorValue])
        case columns(UnitColumns, unit: Int)
    }

    var storage: Storage

    /// Creates a unit row.
    public init(name: String, values: [String: IndicatorValue]) {
        self.storedName = name
        self.storage = .dictionary(values)
    }

    init(name: String, columns: UnitColumns, unit: Int) {
        self.storedName = name
        self.storage = .columns(columns, unit: unit)
    }

    /// A row whose name, too, is read from the columns when asked for.
    public init(columns: UnitColumns, unit: Int) {
        self.storedName = nil
        self.storage = .columns(columns, unit: unit)
    }

    /// The figures of one indicator, as `values[key]` without building the dictionary.
    func value(forKey key: String) -> IndicatorValue? {
        switch storage {
        case .dictionary(let values): return values[key]
        case .columns(let columns, let unit): return columns.value(forKey: key, unit: unit)
        }
    }

    /// The figures of `keys` as pairs, in order, into `pairs` (replacing what it held): the
    /// pass over every unit of a sheet reuses one buffer instead of two arrays per unit.
    func pairs(forKeys keys: [String], reader: inout FigureReader, into pairs: inout [ReportFigures.Pair]) {
        pairs.removeAll(keepingCapacity: true)
        switch storage {
        case .dictionary(let values):
            for key in keys {
                let value = values[key]
                pairs.append(ReportFigures.Pair(target: value?.target, actual: value?.actual))
            }
        case .columns(let columns, let unit):
            for position in reader.positions(in: columns, keys: keys) {
                let value = position.map { columns.value(at: $0, unit: unit) }
                pairs.append(ReportFigures.Pair(target: value?.target, actual: value?.actual))
            }
        }
    }

    /// Equal when the names and the figures are equal, whatever the storage.
    public static func == (lhs: UnitRow, rhs: UnitRow) -> Bool {
        lhs.name == rhs.name && lhs.values == rhs.values
    }

    /// Hashes the name and the figures.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(values)
    }
}

/// Remembers where a list of keys is in the last column table seen, so that reading
/// 100,000 rows of one table looks the keys up once.
struct FigureReader {
    private var table: ObjectIdentifier?
    private var cached: [Int?] = []

    mutating func positions(in columns: UnitColumns, keys: [String]) -> [Int?] {
        let id = ObjectIdentifier(columns)
        if table != id || cached.count != keys.count {
            cached = columns.positions(of: keys)
            table = id
        }
        return cached
    }
}

/// The figures of many units, computed when a row asks for them (immutable, shared by the
/// rows of one workbook input): a report's rows read its statistics this way, and a
/// benchmark's rows their generator, so 100,000 rows hold no dictionary each.
public final class UnitColumns: @unchecked Sendable {
    // @unchecked: every stored property is a `let` of a value type, never mutated.
    private let keyIndex: [String: Int]
    private let keys: [String]
    private let read: (_ key: Int, _ unit: Int) -> IndicatorValue
    private let nameOf: (_ unit: Int) -> String

    /// - Parameters:
    ///   - keys: the indicator keys the rows have figures for.
    ///   - name: the name of unit `unit`, for rows made with `UnitRow(columns:unit:)`.
    ///   - read: the figures of key number `key` (in `keys`) for unit `unit`.
    public init(keys: [String], name: @escaping (_ unit: Int) -> String = { _ in "" },
         read: @escaping (_ key: Int, _ unit: Int) -> IndicatorValue) {
        self.keys = keys
        self.nameOf = name
        var index: [String: Int] = [:]
        for (i, key) in keys.enumerated() where index[key] == nil { index[key] = i }
        self.keyIndex = index
        self.read = read
    }

    func name(unit: Int) -> String {
        nameOf(unit)
    }

    func value(forKey key: String, unit: Int) -> IndicatorValue? {
        keyIndex[key].map { read($0, unit) }
    }

    /// Where each of `keys` is in this table (nil: no such key), to read many rows by position.
    func positions(of keys: [String]) -> [Int?] {
        keys.map { keyIndex[$0] }
    }

    /// The figures at a position from `positions(of:)`.
    func value(at position: Int, unit: Int) -> IndicatorValue {
        read(position, unit)
    }

    func dictionary(unit: Int) -> [String: IndicatorValue] {
        var values: [String: IndicatorValue] = [:]
        for (key, i) in keyIndex { values[key] = read(i, unit) }
        return values
    }
}

/// The figures of one unit for one indicator. `nil` means "not reported" (blank cell),
/// which sums as 0 exactly as Excel's SUM does.
public struct IndicatorValue: Hashable, Sendable {
    /// What was achieved (thực hiện).
    public var actual: Int64?
    /// The target (chỉ tiêu), for indicators with a target.
    public var target: Int64?

    /// Creates a value.
    public init(actual: Int64?, target: Int64? = nil) {
        self.actual = actual
        self.target = target
    }
}

/// A unit that did not report.
public struct MissingUnit: Hashable, Sendable {
    /// Unit name.
    public var name: String
    /// Its group (khối, cụm).
    public var group: String

    /// Creates an entry.
    public init(name: String, group: String) {
        self.name = name
        self.group = group
    }
}

/// One reconciliation line of the "Nguồn" sheet.
public struct SourceEntry: Hashable, Sendable {
    /// A figure: a whole number is written as a numeric cell, text as text.
    public enum Value: Hashable, Sendable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
        /// A count, written as a number with `#,##0`.
        case number(Int64)
        /// Free text (a file name, a reason).
        case text(String)

        /// `12` as a number.
        public init(integerLiteral value: Int64) { self = .number(value) }
        /// `"x"` as text.
        public init(stringLiteral value: String) { self = .text(value) }
    }

    /// What the figure is, e.g. "Số tệp đã đọc".
    public var label: String
    /// The figure.
    public var value: Value

    /// Creates a line.
    public init(label: String, value: Value) {
        self.label = label
        self.value = value
    }
}
