/// Collects unit rows one at a time, from any number of files, in compact storage.
///
/// Memory is proportional to the units kept, not to the text read: each indicator's values
/// live in one flat `[Int64]` column (a missing figure is `Int64.min`), and per unit only its
/// display name, a group number and a position are stored. 100,000 units with 20 indicators
/// take about 16 MB of figures.
///
/// A unit is identified by its group and name after normalization and case folding, so the
/// same unit written NFD in one file and NFC in another is recognised, while two schools
/// with the same name in different districts (huyện) stay two units. A second row for a
/// unit is reported (`add` returns why it was skipped), never summed.
public struct ReportAccumulator: Sendable {
    /// Marks a missing figure in the flat value columns.
    static let missing = Int64.min

    /// The indicators the rows are laid out by.
    public let indicators: IndicatorSet
    /// Duplicate-unit findings so far (at most `diagnosticLimit`).
    public private(set) var diagnostics: [Diagnostic] = []
    /// Duplicate findings beyond `diagnosticLimit`, counted instead of listed: the same file
    /// given twice would otherwise produce one message per unit.
    public private(set) var suppressedDiagnostics = 0

    /// How many duplicate findings are listed before the rest are only counted.
    public static let diagnosticLimit = 500

    private(set) var names: [String] = []
    private(set) var unitGroup: [Int32] = []
    private(set) var groupNames: [String] = []
    // Keys are folded UTF-8 bytes (see ReportText.key): hashing them is far cheaper than
    // hashing non-ASCII Strings, which matters at 100,000 units.
    private var groupByFolded: [FoldedKey: Int32] = [:]
    private var unitByKey: [FoldedKey: Int32] = [:]
    private(set) var unitFile: [Int32] = []
    private(set) var unitLine: [Int32] = []
    private(set) var unitColumn: [Int32] = []
    private(set) var files: [String] = []
    private var lastFile: (label: String, index: Int32)?
    /// `values[indicator][unit]`; computed indicators keep an empty column.
    private(set) var values: [[Int64]]
    /// `targets[indicator][unit]`, left empty until the first target for that indicator arrives.
    private(set) var targets: [[Int64]]

    /// Indices of the indicators that have a column (not computed), looked up once because
    /// `add` runs for every row.
    private let summed: [Int]

    /// Creates an empty accumulator.
    public init(indicators: IndicatorSet) {
        self.indicators = indicators
        self.summed = indicators.indicators.indices.filter { !indicators.indicators[$0].isComputed }
        self.values = Array(repeating: [], count: indicators.count)
        self.targets = Array(repeating: [], count: indicators.count)
    }

    /// Number of units kept.
    public var unitCount: Int {
        names.count
    }

    /// Adds a row. Returns nil when the unit was new and is now counted, or the reason the
    /// row was skipped (a unit already read; a warning if its figures are the same, an error
    /// if they differ).
    @discardableResult
    public mutating func add(_ row: UnitFigures) -> SkippedRow? {
        let groupKey = row.group.map(ReportText.key) ?? .empty
        var groupIndex: Int32 = -1
        if let group = row.group {
            if let g = groupByFolded[groupKey] {
                groupIndex = g
            } else {
                groupIndex = Int32(groupNames.count)
                groupNames.append(group)
                groupByFolded[groupKey] = groupIndex
            }
        }
        let key = FoldedKey(group: groupKey, name: ReportText.key(row.name))
        if let existing = unitByKey[key] {
            let first = position(of: Int(existing))
            let same = sameFigures(Int(existing), row)
            let message = "đơn vị '\(row.name)' có hai dòng: \(first) và \(row.position)"
                + (same ? " (số liệu giống nhau); dòng sau bị bỏ qua" : " với số liệu khác nhau; dòng sau bị bỏ qua, không cộng dồn")
            let hint = "xoá dòng thừa; nếu là hai đơn vị khác nhau, ghi tên phân biệt (thêm địa danh)"
            if diagnostics.count < Self.diagnosticLimit {
                diagnostics.append(same ? .warning(message, at: row.position, hint: hint)
                                        : .error(message, at: row.position, hint: hint))
            } else {
                suppressedDiagnostics += 1
            }
            let rowStart = SourcePosition(file: row.position.file, line: row.position.line)
            return SkippedRow(position: rowStart, reason: .duplicateUnit(firstAt: first))
        }
        let unit = Int32(names.count)
        unitByKey[key] = unit
        names.append(row.name)
        unitGroup.append(groupIndex)
        // Rows arrive file by file, so remembering the last label avoids a lookup per row.
        if let last = lastFile, last.label.utf8.elementsEqual(row.position.file.utf8) {
            unitFile.append(last.index)
        } else {
            let f = files.firstIndex(of: row.position.file).map(Int32.init) ?? Int32(files.count)
            if Int(f) == files.count { files.append(row.position.file) }
            lastFile = (row.position.file, f)
            unitFile.append(f)
        }
        unitLine.append(Int32(clamping: row.position.line))
        unitColumn.append(Int32(clamping: row.position.column))
        for i in summed {
            values[i].append(i < row.values.count ? (row.values[i] ?? Self.missing) : Self.missing)
            let target = i < row.targets.count ? row.targets[i] : nil
            if let target {
                if targets[i].isEmpty { targets[i] = Array(repeating: Self.missing, count: Int(unit)) }
                targets[i].append(target)
            } else if !targets[i].isEmpty {
                targets[i].append(Self.missing)
            }
        }
        return nil
    }

    /// Where a unit's row was read.
    func position(of unit: Int) -> SourcePosition {
        SourcePosition(file: files[Int(unitFile[unit])], line: Int(unitLine[unit]), column: Int(unitColumn[unit]))
    }

    /// The value of a summed indicator for a unit, nil when missing.
    func value(_ indicator: Int, _ unit: Int) -> Int64? {
        let column = values[indicator]
        guard unit < column.count else { return nil }
        let v = column[unit]
        return v == Self.missing ? nil : v
    }

    /// The unit's own target, nil when not given.
    func target(_ indicator: Int, _ unit: Int) -> Int64? {
        let column = targets[indicator]
        guard unit < column.count else { return nil }
        let v = column[unit]
        return v == Self.missing ? nil : v
    }

    /// The group name of a unit as first written, or nil.
    func groupName(of unit: Int) -> String? {
        let g = unitGroup[unit]
        return g < 0 ? nil : groupNames[Int(g)]
    }

    private func sameFigures(_ unit: Int, _ row: UnitFigures) -> Bool {
        for i in summed {
            let newValue = i < row.values.count ? row.values[i] : nil
            let newTarget = i < row.targets.count ? row.targets[i] : nil
            if value(i, unit) != newValue || target(i, unit) != newTarget { return false }
        }
        return true
    }
}
