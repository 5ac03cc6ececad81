/// Reads one figures file: the streaming CSV reader, then the header, then each row
/// turned into `UnitFigures` or a reason to skip it.
///
/// The header is the first record. Recognised columns: the unit name (`don_vi`, "Đơn vị",
/// "Tên đơn vị"), the group (`nhom`, "Khối", "Cụm", "Huyện", "Nhóm"), "STT" (ignored), each
/// indicator by key or name, and per-unit targets (`chi_tieu_<key>`, the indicator's
/// `perUnitTargetColumn`, or "Chỉ tiêu <name>"). Unknown columns get a warning with the
/// nearest valid header and are ignored.
public struct FigureFileParser: Sendable {
    /// File label for diagnostics.
    public let file: String
    /// The worksheet read, for a workbook; nil for a CSV file.
    public let sheet: String?
    /// The indicators columns are matched against.
    public let indicators: IndicatorSet
    /// The header matcher of `indicators`: built once per report, not per file or row
    /// (building it folds every header name the indicators accept).
    let matcher: FigureHeaderMatcher
    /// Each indicator's kind, looked up per cell without copying the `Indicator`.
    let kinds: [Indicator.Kind]
    /// Money columns whose header states a multiple of đồng ("(triệu đồng)"), by column:
    /// their figures are read with decimals and turned into đồng.
    var columnMultiples: [Int: Int64] = [:]
    private var reader: FigureCSVReader
    var roles: [FigureColumnRole]?
    /// Findings about the header, and about rows, each capped per kind: a file with the
    /// same mistake in 20,000 columns or on 100,000 rows must not produce that many
    /// messages. The columns are still ignored, the rows still skipped and accounted for.
    var headerFindings = DiagnosticCap(perKind: headerFindingsPerKind, total: 100)
    private var rowFindings = DiagnosticCap(perKind: rowFindingsPerKind, total: 500)

    /// How many findings of one kind about the header a file lists before summarising the rest.
    public static let headerFindingsPerKind = 20
    /// How many row findings of one kind a file lists before summarising the rest.
    public static let rowFindingsPerKind = 100
    var hasNameColumn = false
    /// True when the header has a figure column (set with the roles).
    var hasFigureColumn = false
    private var titleLines = 0
    private var sheetCells = FigureSheetCells()
    private var shape = FigureTableShape()
    private var sums: FigureRunningSums

    /// For a worksheet: true when it held a figures table (a header with a unit-name
    /// column and a figure column); a sheet without one is passed over.
    public var foundTable: Bool { roles != nil }
    /// For a worksheet searched in vain: its remaining rows need not be read.
    public var gaveUpOnSheet: Bool { shape.gaveUp }
    /// Group headings, subtotal and total rows met: read, never added.
    public var structureRows: Int { shape.structureRows }

    /// Creates a parser for one CSV file.
    public init(file: String, indicators: IndicatorSet) {
        self.init(file: file, sheet: nil, indicators: indicators, matcher: FigureHeaderMatcher(indicators: indicators))
    }

    /// Creates a parser for one worksheet of a workbook, fed with `read(_:)`.
    public init(file: String, sheet: String, indicators: IndicatorSet) {
        self.init(file: file, sheet: sheet, indicators: indicators, matcher: FigureHeaderMatcher(indicators: indicators))
    }

    /// A parser reusing `matcher`, which must be the matcher of `indicators` (the report's
    /// reading builds it once for all its files).
    init(file: String, sheet: String?, indicators: IndicatorSet, matcher: FigureHeaderMatcher) {
        self.file = file
        self.sheet = sheet
        self.indicators = indicators
        self.matcher = matcher
        self.kinds = indicators.indicators.map(\.kind)
        self.reader = FigureCSVReader(file: file)
        self.sums = FigureRunningSums(indicators: indicators.count)
    }

    /// Everything found so far: reader, header and row diagnostics, in that order.
    public var diagnostics: [Diagnostic] {
        reader.diagnostics + headerFindings.listed + headerFindings.summaries()
            + rowFindings.listed + rowFindings.summaries() + sheetCells.diagnostics(file: file, sheet: sheet)
    }

    /// The separator detected from the header line.
    public var delimiter: UInt8? { reader.delimiter }

    /// Empty lines met (not rows).
    public var blankLines: Int { reader.blankLines }

    /// Reads a chunk and returns the outcome of every row it completed.
    public mutating func feed<C: Collection>(_ chunk: C) -> [FigureRowOutcome] where C.Element == UInt8 {
        reader.feed(chunk).compactMap { process(FigureRecord($0)) }
    }

    /// Reads one record from any source (a worksheet row, a CSV record read elsewhere):
    /// the outcome of a data row, or nil for a title or header row.
    public mutating func read(_ record: FigureRecord) -> FigureRowOutcome? {
        process(record)
    }

    /// True once the header row has been found.
    public var hasHeader: Bool { roles != nil }

    /// Ends the file and returns the outcome of its last row, if it had no final line break.
    public mutating func finish() -> [FigureRowOutcome] {
        let outcomes = reader.finish().compactMap { process(FigureRecord($0)) }
        // A refused file (UTF-16, binary) was already named for what it is.
        if roles == nil && sheet == nil && !reader.isRejected {
            // Lines of one cell each (a letter, a note saved as .csv) are text, not an empty file.
            let message = titleLines > 0
                ? "tệp không phải bảng số liệu: \(titleLines) dòng chữ, không có dòng tiêu đề với cột tên đơn vị và các cột chỉ tiêu"
                : "tệp trống, không có dòng tiêu đề"
            headerFindings.add(.error(message, at: SourcePosition(file: file),
                                      hint: "dòng đầu ghi tên cột: Đơn vị; Khối; rồi các chỉ tiêu"), kind: .emptyFile)
        }
        return outcomes
    }

    /// Parses a whole file given as bytes.
    public static func parse(_ bytes: [UInt8], file: String, indicators: IndicatorSet) -> (outcomes: [FigureRowOutcome], diagnostics: [Diagnostic]) {
        var parser = FigureFileParser(file: file, indicators: indicators)
        let outcomes = parser.feed(bytes) + parser.finish()
        return (outcomes, parser.diagnostics)
    }

    private mutating func process(_ record: FigureRecord) -> FigureRowOutcome? {
        guard let roles else {
            if sheet != nil {
                if shape.seekHeader(record, matcher: matcher) == .skip { return nil }
            } else if isTitleLine(record) {
                titleLines += 1
                return nil
            }
            shape.noteHeader(record)
            readHeader(record)
            return nil
        }
        if let merged = shape.subHeader(record, matcher: matcher) {
            headerFindings = DiagnosticCap(perKind: Self.headerFindingsPerKind, total: 100)
            self.roles = nil
            readHeader(merged)
            return nil
        }
        if shape.isStructureRow(record, roles: roles) {
            if let total = shape.lastTotal { checkTotal(record, roles: roles, kind: total) }
            sums.noteBreak()
            return nil
        }
        return readRow(record, roles: roles)
    }

    // MARK: - Header

    /// Spreadsheets often put a title ("BẢNG TỔNG HỢP SỐ LIỆU SƠ KẾT") above the header.
    /// A line before the header with at most one non-empty cell that is not itself a known
    /// header is such a title; up to 10 are passed over.
    private func isTitleLine(_ record: FigureRecord) -> Bool {
        guard titleLines < 10 else { return false }
        let texts = record.cells.filter { !$0.isBlank }
        guard texts.count <= 1 else { return false }
        guard let only = texts.first else { return true }
        return matcher.role(of: only.displayText) == nil
    }

    // MARK: - Rows

    private mutating func readRow(_ record: FigureRecord, roles: [FigureColumnRole]) -> FigureRowOutcome {
        let rowPosition = record.position(file: file)
        if record.isUnterminated {
            return .skipped(SkippedRow(position: rowPosition, reason: .unterminatedQuote))
        }
        if record.cells.allSatisfy(\.isBlank) { return .blank }
        if record.isHidden { sheetCells.noteHidden(row: record.line) }
        if !hasNameColumn {
            return .skipped(SkippedRow(position: rowPosition, reason: .unusableHeader))
        }
        if record.isSheetRow {
            // A sheet has no separators to miscount: missing cells are empty, and a figure
            // typed right of the table is reported once per column.
            sheetCells.noteCellsOutside(record, columns: roles.count)
        } else if record.cells.count != roles.count {
            // Excel pads rows with separators; empty cells past the header are harmless.
            let extraAreEmpty = record.cells.count > roles.count
                && record.cells[roles.count...].allSatisfy(\.isBlank)
            if !extraAreEmpty {
                report(.error(
                    "dòng có \(ReportText.grouped(record.cells.count)) ô nhưng tiêu đề có \(ReportText.grouped(roles.count)) ô; dòng bị bỏ qua",
                    at: rowPosition,
                    hint: "tên có dấu '\(delimiterText)' phải đặt trong ngoặc kép; kiểm tra ô thừa hoặc thiếu"), kind: .raggedRow)
                return .skipped(SkippedRow(position: rowPosition, reason: .raggedRow(expected: roles.count, found: record.cells.count)))
            }
        }

        var name = ""
        var namePosition = rowPosition
        var group: String?
        var values = [Int64?](repeating: nil, count: indicators.count)
        var targets = [Int64?](repeating: nil, count: indicators.count)
        var valueColumns = [Int](repeating: -1, count: indicators.count)
        var faults = 0
        var groupPosition = rowPosition
        var nameFaults: [Diagnostic] = []

        for (i, role) in roles.enumerated() {
            let cell = record[i]
            // A name is text: a formula's error ("#REF!") is no unit's name. Said once the row
            // is known to hold figures: a form's spare rows look names up past the list's end.
            if role == .unitName || role == .group, let problem = Self.nameCellProblem(cell) {
                nameFaults.append(.error("ô \(role == .unitName ? "tên đơn vị" : "khối/cụm") \(problem)", at: record.position(ofField: i, file: file),
                                         hint: "sửa công thức của ô hoặc gõ tên vào ô, rồi lưu lại"))
            }
            switch role {
            case .unitName:
                name = ReportText.normalizedName(cell.displayText)
                namePosition = record.position(ofField: i, file: file)
            case .group:
                let g = ReportText.normalizedName(cell.displayText)
                group = g.isEmpty ? nil : g
                groupPosition = record.position(ofField: i, file: file)
            case .value(let index), .target(let index):
                let kind = kinds[index]
                switch Self.parse(cell, kind: kind, multiple: columnMultiples[i]) {
                case .empty:
                    break
                case .value(let v):
                    if let problem = FigureRules.valueProblem(v, text: cell.displayText, kind: kind) {
                        faults += 1
                        report(.error("cột '\(indicators.indicators[index].name)': \(problem.message)", at: record.position(ofField: i, file: file),
                                      hint: problem.hint), kind: .badCell)
                    } else if case .value = role {
                        values[index] = v
                        valueColumns[index] = i
                    } else {
                        targets[index] = v
                    }
                case .invalid(let message, let hint):
                    faults += 1
                    let indicatorName = indicators.indicators[index].name
                    let column = role == .value(index) ? "'\(indicatorName)'" : "chỉ tiêu '\(indicatorName)'"
                    report(.error("cột \(column): \(message)", at: record.position(ofField: i, file: file), hint: hint), kind: .badCell)
                }
            case .serial, .ignored, .computed:
                break
            }
        }

        if group == nil { group = shape.heading }
        // A form's prefilled row left empty: the unit sent nothing, it did not report zeros;
        // the same in a CSV (a form saved as CSV, a list with an empty row per unit), so that
        // both say "Còn 1/3 đơn vị chưa gửi báo cáo" for the same figures.
        // (A file with no figure column at all is a list of names, each row a unit.)
        if faults == 0, record.isSheetRow || hasFigureColumn, values.allSatisfy({ $0 == nil }), targets.allSatisfy({ $0 == nil }) {
            return .blank
        }
        for fault in nameFaults {
            faults += 1
            report(fault, kind: .badCell)
        }
        if name.isEmpty {
            report(.error("dòng thiếu tên đơn vị; dòng bị bỏ qua", at: namePosition,
                          hint: "ghi tên đơn vị vào cột 'Đơn vị'"), kind: .missingName)
            return .skipped(SkippedRow(position: rowPosition, reason: .missingUnitName))
        }
        // Names reach the document and the workbook's cells: what they cannot hold is refused here.
        // Two checks written out: an array of the pairs was an allocation per row.
        if let problem = FigureRules.nameProblem(name, what: "tên đơn vị") {
            faults += 1
            report(.error(problem.message, at: namePosition, hint: problem.hint), kind: .badName)
        }
        if let problem = FigureRules.nameProblem(group ?? "", what: "tên khối, cụm") {
            faults += 1
            report(.error(problem.message, at: groupPosition, hint: problem.hint), kind: .badName)
        }

        // A ratio's numerator cannot exceed its denominator: more CĐCS launching the
        // movement than CĐCS exist means one of the two cells is wrong, whether or not
        // the ratio itself is reported (`boundedPairs`).
        for pair in indicators.boundedPairs {
            let n = pair.numerator, d = pair.denominator
            guard let nv = values[n], let dv = values[d], nv > dv else { continue }
            faults += 1
            let numerator = indicators.indicators[n], denominator = indicators.indicators[d]
            let position = valueColumns[n] >= 0 ? record.position(ofField: valueColumns[n], file: file) : namePosition
            report(.error(
                "'\(name)': \(numerator.name) (\(ReportText.grouped(nv))) lớn hơn \(denominator.name) (\(ReportText.grouped(dv)))",
                at: position,
                hint: "\(numerator.name) không thể vượt \(denominator.name); kiểm tra lại hai ô này"), kind: .numeratorAboveDenominator)
        }

        if faults > 0 {
            return .skipped(SkippedRow(position: rowPosition, reason: .invalidFigures(count: faults)))
        }
        let numbered = roles.firstIndex(of: .serial).map { !FigureNumber.trimmed(record[$0].displayText).isEmpty } ?? false
        if !numbered, let rows = sums.summedRows(values) {
            // Named for a group ("Khối Doanh nghiệp", the group of the rows above): a subtotal,
            // left out. Named as a unit ("Công đoàn phường …"): a unit whose figures happen to
            // add up, counted, and the clerk is asked to look.
            if TotalRowLabel.namesAGroup(name, groupAbove: sums.lastGroup) {
                sums.noteBreak()
                report(.warning("'\(name)' có mọi số liệu bằng tổng \(rows) dòng ngay trên: coi là dòng cộng của khối, không cộng vào", at: namePosition,
                                hint: "dòng cộng nên ghi tên \"Cộng …\" hoặc \"Tổng cộng\"; nếu đây là một đơn vị, ghi tên đầy đủ của đơn vị"),
                       kind: .sumRow)
                return .skipped(SkippedRow(position: rowPosition, reason: .sumOfRowsAbove(rows: rows)))
            }
            report(.warning("'\(name)' có mọi số liệu bằng tổng \(rows) dòng ngay trên; vẫn được cộng như một đơn vị", at: namePosition,
                            hint: "nếu đây là dòng cộng, ghi tên \"Cộng …\" hoặc \"Tổng cộng\" để không bị cộng hai lần"),
                   kind: .sumRow)
        }
        sums.add(values, group: group)
        let columns = valueColumns.map { $0 >= 0 ? record.column(ofField: $0) : 0 }
        return .unit(UnitFigures(name: name, group: group, values: values, targets: targets, position: namePosition,
                                 valueColumns: columns))
    }

    /// A total row the file states, against the rows it adds up (the subtotal against the rows
    /// since the last heading or subtotal, the grand total against every unit): a file whose
    /// own total differs has rows missing, twice or mistyped, which the clerk should see.
    /// Figure columns only: a grand total's target may be the overall one, not a sum.
    mutating func checkTotal(_ record: FigureRecord, roles: [FigureColumnRole], kind: TotalRowLabel.Kind) {
        guard let expected = kind == .grandTotal ? sums.allSums : sums.sumsSinceBreak else { return }
        for (i, role) in roles.enumerated() {
            guard case .value(let index) = role, index < expected.count else { continue }
            guard case .value(let stated) = Self.parse(record[i], kind: kinds[index], multiple: columnMultiples[i]), stated != expected[index] else { continue }
            let name = indicators.indicators[index].name
            report(.warning("dòng '\(ReportText.normalizedName(record[roles.firstIndex(of: .unitName) ?? 0].displayText))' ghi \(name) là \(ReportText.grouped(stated)) nhưng các dòng đơn vị phía trên cộng lại \(ReportText.grouped(expected[index]))",
                            at: record.position(ofField: i, file: file),
                            hint: "kiểm tra dòng cộng và các dòng phía trên (thiếu, trùng hay gõ nhầm); báo cáo cộng từ các dòng đơn vị"),
                   kind: .totalMismatch)
        }
    }

    /// A figure cell; in a column of millions (`multiple`), read with up to four decimals
    /// ("310,5" triệu đồng) and turned into whole đồng.
    static func parse(_ cell: FigureCell, kind: Indicator.Kind, multiple: Int64?) -> FigureNumber.Parsed {
        guard let multiple else { return FigureNumber.parse(cell, kind: kind) }
        switch FigureNumber.parse(cell, kind: .ratio) {
        case .value(let tenThousandths):
            let (product, overflow) = tenThousandths.multipliedReportingOverflow(by: multiple)
            guard !overflow else { return .invalid(message: "số '\(cell.displayText)' quá lớn", hint: "kiểm tra lại ô này") }
            guard product % 10_000 == 0 else {
                return .invalid(message: "'\(cell.displayText)' lẻ đến dưới một đồng khi đổi ra đồng",
                                hint: "bớt chữ số thập phân, hoặc ghi số tiền bằng đồng")
            }
            return .value(product / 10_000)
        case let other:
            return other
        }
    }

    private mutating func report(_ diagnostic: Diagnostic, kind: DiagnosticCap.Kind) {
        rowFindings.add(diagnostic, kind: kind)
    }

    private var delimiterText: String {
        switch reader.delimiter {
        case UInt8(ascii: ";"): return ";"
        case 0x09: return "tab"
        default: return ","
        }
    }

    /// Why a cell cannot be a name (of a unit, of a group): a formula's error ("#REF!"), which
    /// was read as a unit named "#REF!", or a logical value (a tick box, read as "TRUE"); nil
    /// for text, numbers and dates, read as they show.
    static func nameCellProblem(_ cell: FigureCell) -> String? {
        switch cell {
        case .error(let value): return "là lỗi của công thức (\(value)), không phải một tên"
        case .boolean(let value): return "là giá trị đúng/sai (\(value ? "TRUE" : "FALSE")), không phải một tên"
        default: return nil
        }
    }
}
