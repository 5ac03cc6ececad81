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
///
/// A group given by the entry that named the file (`{tep:, nhom:}` in `so_lieu`) classifies
/// the unit but does not identify it: the same unit in the workbooks of two districts is the
/// double count a province must find, so it is reported like any second row.
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

    private(set) var names = NameTable()
    private(set) var unitGroup: [Int32] = []
    /// Whether a unit's group came from the entry naming its file rather than its own row;
    /// such a group is left out of the unit's key.
    private var groupFromEntry: [Bool] = []
    private(set) var groupNames: [String] = []
    private var groupByFolded: [FoldedKey: Int32] = [:]
    /// Units by folded group and name, to find a unit's second row.
    private var unitByKey = HashIndex<FoldedKey>()
    /// Folded group names by the group text as written (it repeats on every row).
    private var foldGroup = FoldCache()
    /// True after `compact()`: `unitByKey` is empty and is rebuilt if a row is added.
    private var indexReleased = false
    private(set) var unitFile: [Int32] = []
    private(set) var unitLine: [Int32] = []
    private(set) var unitColumn: [Int32] = []
    private(set) var files: [String] = []
    /// The worksheet of each entry of `files` (nil for CSV): a workbook's sheets are
    /// separate origins, so a position keeps its sheet.
    private var fileSheets: [String?] = []
    private var lastFile: (label: String, sheet: String?, index: Int32)?
    /// The entry of `files` of each file and sheet: 1,000 workbooks searched the list of
    /// those before them for each new one, half a million comparisons.
    private var fileIndex: [FileSheet: Int32] = [:]
    private struct FileSheet: Hashable {
        var label: String
        var sheet: String?
    }
    /// `values[indicator][unit]`; computed indicators keep an empty column.
    private(set) var values: [FigureColumn]
    /// `targets[indicator][unit]`, left empty until the first target for that indicator arrives.
    private(set) var targets: [FigureColumn]

    /// Indices of the indicators that have a column (not computed), looked up once because
    /// `add` runs for every row.
    private let summed: [Int]
    /// Sums and rows against what the workbook holds.
    private(set) var sumGuard: FigureSumGuard

    /// Creates an empty accumulator.
    public init(indicators: IndicatorSet) {
        self.indicators = indicators
        self.summed = indicators.indicators.indices.filter { !indicators.indicators[$0].isComputed }
        self.values = Array(repeating: FigureColumn(), count: indicators.count)
        self.targets = Array(repeating: FigureColumn(), count: indicators.count)
        self.sumGuard = FigureSumGuard(indicatorCount: indicators.count)
    }

    /// Number of units kept.
    public var unitCount: Int {
        names.count
    }

    /// Adds a row. Returns nil when the unit was new and is now counted, or the reason the
    /// row was skipped (a unit already read; a warning if its figures are the same, an error
    /// if they differ). `entryGroup` is the group of the entry that named the row's file,
    /// taken when the row has none of its own.
    @discardableResult
    public mutating func add(_ row: UnitFigures, entryGroup: String? = nil) -> SkippedRow? {
        if indexReleased { rebuildIndex() }
        let ownFolded = row.group.map { foldGroup($0) } ?? ""
        let nameFolded = ReportText.folded(row.name)
        let key = FoldedKey(ownFolded + "\u{1F}" + nameFolded)
        // A row placed in its entry's group also meets a unit whose own row named that group.
        let sameGroup = row.group == nil ? entryGroup.map { FoldedKey(foldGroup($0) + "\u{1F}" + nameFolded) } : nil
        if let existing = unitByKey.find(key, keyOf: unitKey) ?? sameGroup.flatMap({ unitByKey.find($0, keyOf: unitKey) }) {
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
            let rowStart = SourcePosition(file: row.position.file, sheet: row.position.sheet, row: row.position.line)
            return SkippedRow(position: rowStart, reason: .duplicateUnit(firstAt: first))
        }
        let unit = Int32(names.count)
        unitByKey.insert(key, unit)
        names.append(row.name)
        groupFromEntry.append(row.group == nil && entryGroup != nil)
        if let group = row.group ?? entryGroup {
            let groupFolded = row.group == nil ? foldGroup(group) : ownFolded
            if let g = groupByFolded[FoldedKey(groupFolded)] {
                unitGroup.append(g)
            } else {
                let g = Int32(groupNames.count)
                groupNames.append(group)
                groupByFolded[FoldedKey(groupFolded)] = g
                unitGroup.append(g)
            }
        } else {
            unitGroup.append(-1)
        }
        // Rows arrive file by file, so remembering the last label avoids a lookup per row.
        let sheet = row.position.sheet
        if let last = lastFile, last.sheet == sheet, last.label.hasSameBytes(as: row.position.file) {
            unitFile.append(last.index)
        } else {
            let fileSheet = FileSheet(label: row.position.file, sheet: sheet)
            let f = fileIndex[fileSheet] ?? Int32(files.count)
            if Int(f) == files.count {
                files.append(row.position.file)
                fileSheets.append(sheet)
                fileIndex[fileSheet] = f
            }
            lastFile = (row.position.file, sheet, f)
            unitFile.append(f)
        }
        diagnostics += sumGuard.add(row, indicators: indicators, summed: summed, units: names.count, groups: groupNames.count)
        unitLine.append(Int32(clamping: row.position.line))
        unitColumn.append(Int32(clamping: row.position.column))
        for i in summed {
            values[i].append(i < row.values.count ? (row.values[i] ?? Self.missing) : Self.missing)
            let target = i < row.targets.count ? row.targets[i] : nil
            if let target {
                if targets[i].isEmpty { targets[i] = FigureColumn(repeating: Self.missing, count: Int(unit)) }
                targets[i].append(target)
            } else if !targets[i].isEmpty {
                targets[i].append(Self.missing)
            }
        }
        return nil
    }

    /// Frees what only reading needs: the index that finds a unit's second row and the
    /// spare capacity of the names. Adding a row later still works; the index is rebuilt first.
    mutating func compact() {
        unitByKey = HashIndex()
        foldGroup = FoldCache()
        indexReleased = true
        names.compact()
    }

    private mutating func rebuildIndex() {
        indexReleased = false
        for unit in 0..<names.count {
            unitByKey.insert(unitKey(Int32(unit)), Int32(unit))
        }
    }

    /// The key a unit is found by: its folded group and name.
    private func unitKey(_ unit: Int32) -> FoldedKey {
        let group = groupFromEntry[Int(unit)] ? "" : groupName(of: Int(unit)).map(ReportText.folded) ?? ""
        return FoldedKey(group + "\u{1F}" + ReportText.folded(names[Int(unit)]))
    }

    /// Where a unit's row was read.
    func position(of unit: Int) -> SourcePosition {
        let f = Int(unitFile[unit])
        return SourcePosition(file: files[f], sheet: fileSheets[f], row: Int(unitLine[unit]), column: Int(unitColumn[unit]))
    }

    /// The value of a summed indicator for a unit, nil when missing.
    func value(_ indicator: Int, _ unit: Int) -> Int64? {
        guard unit < values[indicator].count else { return nil }
        let v = values[indicator][unit]
        return v == Self.missing ? nil : v
    }

    /// The unit's own target, nil when not given.
    func target(_ indicator: Int, _ unit: Int) -> Int64? {
        guard unit < targets[indicator].count else { return nil }
        let v = targets[indicator][unit]
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

/// Unit names as one UTF-8 buffer and end offsets: about 60 bytes a name, where an array
/// of `String`s takes about 110 (a separate allocation each). A name is made a `String`
/// again when read.
struct NameTable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    /// Number of names.
    var count: Int { ends.count }

    /// Appends a name.
    mutating func append(_ name: String) {
        bytes.append(contentsOf: name.utf8)
        ends.append(bytes.count)
    }

    /// Name number `index`.
    subscript(index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[index]]), as: UTF8.self) }
    }

    /// Every name, in order, mapped.
    func map<T>(_ transform: (String) throws -> T) rethrows -> [T] {
        var result: [T] = []
        result.reserveCapacity(count)
        for index in 0..<count { result.append(try transform(self[index])) }
        return result
    }

    /// Drops the spare capacity left by growing.
    mutating func compact() {
        if bytes.count != bytes.capacity { bytes = bytes.withUnsafeBufferPointer { Array($0) } }
        if ends.count != ends.capacity { ends = ends.withUnsafeBufferPointer { Array($0) } }
    }
}
