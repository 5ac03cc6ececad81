/// Reads one figures file into the phase's accumulator and account: a CSV file through
/// one parser, a workbook through one parser per worksheet (the same rules, each sheet
/// finding its own header). Every row read is used or accounted for as skipped.
struct FigureFileReading: FigureTableSink {
    let label: String
    var accumulator: ReportAccumulator
    var account: Reconciliation
    /// The file's findings, in reading order, sorted when the file ends.
    private var found: [Diagnostic] = []
    private var parser: FigureFileParser?
    private var sheetOrder: [String: Int] = [:]
    private var tablesFound = 0
    private var skippedSheets: [String] = []
    private var hiddenSheetsRead: [String] = []
    private var currentHidden = false
    private let duplicatesBefore: Int
    private let suppressedBefore: Int
    /// The header matcher of the accumulator's indicators, shared by all files read.
    private let matcher: FigureHeaderMatcher
    /// The group of the entry that named the file, for the rows without one.
    private let defaultGroup: String?
    /// Rows that kept their own group although the entry gave one, and the first of them.
    private var ownGroupRows = 0
    private var firstOwnGroup: (group: String, at: SourcePosition)?

    init(label: String, accumulator: ReportAccumulator, account: Reconciliation, matcher: FigureHeaderMatcher,
         defaultGroup: String? = nil) {
        self.label = label
        self.defaultGroup = defaultGroup
        self.accumulator = accumulator
        self.account = account
        self.matcher = matcher
        duplicatesBefore = accumulator.diagnostics.count
        suppressedBefore = accumulator.suppressedDiagnostics
    }

    /// Reads a CSV file chunk by chunk.
    mutating func readCSV(_ chunks: AnySequence<[UInt8]>) {
        var parser = FigureFileParser(file: label, sheet: nil, indicators: accumulator.indicators, matcher: matcher)
        let rowsBefore = account.rowsRead
        for chunk in chunks { handle(parser.feed(chunk)) }
        handle(parser.finish())
        account.summaryRows += parser.structureRows
        found += parser.diagnostics
        if account.rowsRead == rowsBefore && !parser.diagnostics.hasErrors {
            // Said here, by file; a report with no unit at all is refused later.
            found.append(.warning("tệp không có dòng số liệu nào dưới dòng tiêu đề", at: SourcePosition(file: label, line: 1),
                                  hint: "kiểm tra đã chọn đúng tệp, hoặc bỏ tệp này khỏi danh sách"))
        }
    }

    /// Reads a workbook sheet by sheet.
    mutating func readTables(_ source: any FigureTableSource) {
        readWorkbook { source.readTables(into: &$0) }
    }

    /// Reads a workbook a worker read ahead (`FigureReadAhead`): the same sheets, rows and
    /// findings as `readTables`, some of them parsed already.
    mutating func readReplay(_ replay: ReplayedTables) {
        readWorkbook { replay.replay(into: &$0) }
    }

    /// A workbook's accounting around `read`, which delivers its sheets and returns the
    /// findings about the file itself.
    private mutating func readWorkbook(_ read: (inout FigureFileReading) -> [Diagnostic]) {
        account.workbooksRead += 1
        let fileDiagnostics = read(&self)
        found += fileDiagnostics
        if tablesFound == 0 && !fileDiagnostics.hasErrors {
            found.append(.error(
                "tệp không có trang tính nào chứa bảng số liệu",
                at: SourcePosition(file: label),
                hint: "bảng cần một dòng tiêu đề có cột 'Đơn vị' và ít nhất một cột chỉ tiêu (tên hoặc key chỉ tiêu) trong 30 dòng đầu của trang"))
        }
        if !hiddenSheetsRead.isEmpty {
            found.append(.warning(
                "trang bị ẩn vẫn được đọc và cộng vào tổng hợp: \(hiddenSheetsRead.map { "'\($0)'" }.joined(separator: ", "))",
                at: SourcePosition(file: label),
                hint: "bỏ ẩn trang (Unhide) để xem lại số liệu; xoá trang nếu không muốn cộng"))
        }
    }

    mutating func beginTable(named name: String, isHidden: Bool) {
        beginParsedTable(named: name, isHidden: isHidden)
        parser = FigureFileParser(file: label, sheet: name, indicators: accumulator.indicators, matcher: matcher)
    }

    /// A sheet whose rows a worker parses: its outcomes come through `read(outcomes:)`, its
    /// parser at the end through `endTable(parsedBy:diagnostics:)`.
    mutating func beginParsedTable(named name: String, isHidden: Bool) {
        sheetOrder[name] = sheetOrder.count
        currentHidden = isHidden
        parser = nil
    }

    /// Rows of the current sheet parsed by a worker.
    mutating func read(outcomes: [FigureRowOutcome]) {
        handle(outcomes)
    }

    /// The end of a sheet a worker parsed, with its parser (finished there).
    mutating func endTable(parsedBy parser: FigureFileParser, diagnostics: [Diagnostic]) {
        close(parser, diagnostics: diagnostics)
    }

    mutating func read(_ record: FigureRecord) -> Bool {
        // Optional chaining mutates the parser in place: binding it to a local copied the
        // whole parser (and retained everything in it) for every row.
        guard parser != nil else { return false }
        if let outcome = parser?.read(record) { handle(outcome) }
        return !(parser?.gaveUpOnSheet ?? true)
    }

    mutating func endTable(diagnostics: [Diagnostic]) {
        guard var current = parser else { return }
        parser = nil
        handle(current.finish())
        close(current, diagnostics: diagnostics)
    }

    /// Accounts for a finished sheet: a figures table read, or a sheet passed over.
    private mutating func close(_ current: FigureFileParser, diagnostics: [Diagnostic]) {
        if current.foundTable {
            tablesFound += 1
            account.sheetsRead += 1
            account.summaryRows += current.structureRows
            if currentHidden, let sheet = current.sheet { hiddenSheetsRead.append(sheet) }
            found += current.diagnostics + diagnostics
        } else if let sheet = current.sheet {
            // An instructions sheet, a chart's data, a list: not figures, passed over.
            skippedSheets.append(sheet)
        }
    }

    /// The file's diagnostics, top to bottom (sheet by sheet), and the summary of
    /// duplicates not listed.
    mutating func finishDiagnostics() -> [Diagnostic] {
        if let defaultGroup, let first = firstOwnGroup {
            // Said once per file: the rows keep the group their file gives them.
            found.append(.warning(
                "\(ReportText.grouped(ownGroupRows)) dòng đã có nhóm riêng trong tệp (đầu tiên: '\(first.group)') nên giữ nhóm đó, không xếp vào '\(defaultGroup)'",
                at: first.at,
                hint: "bỏ cột nhóm hoặc dòng tiêu đề khối trong tệp nếu muốn mọi dòng vào '\(defaultGroup)'; hoặc bỏ `nhom` của mục này"))
        }
        var fileDiagnostics = found + accumulator.diagnostics[duplicatesBefore...]
        // Stable sort by sheet, then line, so the clerk reads the file top to bottom.
        let order = sheetOrder
        func sheetIndex(_ d: Diagnostic) -> Int { d.position?.sheet.flatMap { order[$0] } ?? -1 }
        fileDiagnostics = fileDiagnostics.enumerated().sorted { a, b in
            let sa = sheetIndex(a.element), sb = sheetIndex(b.element)
            if sa != sb { return sa < sb }
            let la = a.element.position?.line ?? 0, lb = b.element.position?.line ?? 0
            if la != lb { return la < lb }
            let ca = a.element.position?.column ?? 0, cb = b.element.position?.column ?? 0
            if ca != cb { return ca < cb }
            return a.offset < b.offset
        }.map(\.element)
        let suppressed = accumulator.suppressedDiagnostics - suppressedBefore
        if suppressed > 0 {
            fileDiagnostics.append(.error(
                "còn \(ReportText.grouped(suppressed)) đơn vị trùng khác trong tệp không liệt kê",
                at: SourcePosition(file: label),
                hint: "có thể cùng một tệp được đưa vào hai lần; kiểm tra danh sách tệp"))
        }
        return fileDiagnostics
    }

    private mutating func handle(_ outcomes: [FigureRowOutcome]) {
        for outcome in outcomes { handle(outcome) }
    }

    private mutating func handle(_ outcome: FigureRowOutcome) {
        switch outcome {
        case .blank:
            account.blankRows += 1
        case .skipped(let row):
            account.rowsRead += 1
            account.skipped.append(row)
        case .unit(let unit):
            account.rowsRead += 1
            if let defaultGroup, let own = unit.group, ReportText.folded(own) != ReportText.folded(defaultGroup) {
                ownGroupRows += 1
                if firstOwnGroup == nil { firstOwnGroup = (own, unit.position) }
            }
            if let duplicate = accumulator.add(unit, entryGroup: defaultGroup) {
                account.skipped.append(duplicate)
            } else {
                account.unitsUsed += 1
            }
        }
    }
}
