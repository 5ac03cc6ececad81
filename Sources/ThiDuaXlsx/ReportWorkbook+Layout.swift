/// Where everything goes on the "Tổng hợp" sheet, computed once from the input so
/// that formulas, the chart sheet and the checks all agree on cell positions.
struct SummaryLayout {
    /// The columns of one indicator.
    struct Slot {
        var indicator: IndicatorColumnGroup
        var firstColumn: Int
        var lastColumn: Int
        /// "Chỉ tiêu" column, for indicators with a target.
        var target: Int?
        /// "Thực hiện" column, for count and money indicators.
        var actual: Int?
        /// "% đạt" column, for indicators with a target.
        var percent: Int?
        /// For ratio indicators: the ratio column and the actual columns it divides.
        var ratio: (column: Int, numerator: Int, denominator: Int, numeratorKey: String, denominatorKey: String)?
        /// Position of the indicator in ``SummaryLayout/figureKeys`` (indicators with an actual column).
        var figure: Int?
        /// For ratio indicators: positions of the numerator and denominator in ``SummaryLayout/figureKeys``.
        var ratioFigures: (numerator: Int, denominator: Int)?
    }

    /// What one table row is.
    enum RowKind {
        case groupHeader(group: Int)
        case unit(group: Int, unit: Int, serial: Int)
        case subtotal(group: Int, firstUnitRow: Int, lastUnitRow: Int)
        case grandTotal
    }

    static let serialColumn = 0
    static let nameColumn = 1
    static let firstIndicatorColumn = 2

    /// The lines of the title block, in order (those with text): issuing body, title,
    /// subject, period, the "Kèm theo …" line.
    enum TitleLine: CaseIterable {
        case issuingBody, title, subject, period, accompanies
    }

    /// The title block's lines and their rows.
    let titleLines: [(line: TitleLine, row: Int)]
    /// The two header rows, after the title block and one empty row.
    let headerRow: Int
    var subHeaderRow: Int { headerRow + 1 }
    var firstDataRow: Int { headerRow + 2 }

    var slots: [Slot]
    /// Keys of the indicators with an actual column, in column order: the figures of a row.
    var figureKeys: [String] = []
    var lastColumn: Int
    /// Row index of each group's header row.
    var groupHeaderRows: [Int] = []
    /// Row index of each group's subtotal row.
    var subtotalRows: [Int] = []
    var grandTotalRow: Int

    init(input: SummaryWorkbookInput) throws {
        // The issuing body and the title always; the other lines when they have text.
        let present = TitleLine.allCases.filter { line in
            switch line {
            case .issuingBody, .title, .period: return true
            case .subject: return !input.subject.trimmingSpaces.isEmpty
            case .accompanies: return !input.accompanies.trimmingSpaces.isEmpty
            }
        }
        titleLines = present.enumerated().map { ($0.element, $0.offset) }
        headerRow = present.count + 1
        var keys: [String: Int] = [:]
        var slots: [Slot] = []
        var column = SummaryLayout.firstIndicatorColumn
        for (index, indicator) in input.indicators.enumerated() {
            if indicator.key.isEmpty {
                throw XlsxError.invalidInput("chỉ tiêu thứ \(index + 1) (“\(indicator.name)”) không có mã")
            }
            if keys[indicator.key] != nil {
                throw XlsxError.invalidInput("mã chỉ tiêu “\(indicator.key)” bị lặp")
            }
            keys[indicator.key] = index
            var slot = Slot(indicator: indicator, firstColumn: column, lastColumn: column)
            switch indicator.kind {
            case .ratio:
                if indicator.hasTarget {
                    // "Chỉ tiêu" (the target percentage), "Tỷ lệ", "% đạt".
                    slot.target = column
                    slot.ratio = (column + 1, 0, 0, "", "")
                    slot.percent = column + 2
                    column += 3
                } else {
                    slot.ratio = (column, 0, 0, "", "")
                    column += 1
                }
            case .count, .money:
                if indicator.hasTarget {
                    slot.target = column
                    slot.actual = column + 1
                    slot.percent = column + 2
                    column += 3
                } else {
                    slot.actual = column
                    column += 1
                }
            }
            slot.lastColumn = column - 1
            slots.append(slot)
        }
        // Ratios refer to other indicators' actual columns, which are known only now.
        let resolved = slots
        func actualColumn(_ key: String, for indicator: IndicatorColumnGroup) throws -> Int {
            guard let referenced = keys[key] else {
                throw XlsxError.invalidInput("tỷ lệ “\(indicator.name)” dùng mã chỉ tiêu “\(key)” không có trong danh sách")
            }
            guard let actual = resolved[referenced].actual else {
                throw XlsxError.invalidInput("tỷ lệ “\(indicator.name)” không thể tính từ một tỷ lệ khác (“\(key)”)")
            }
            return actual
        }
        for index in slots.indices {
            guard case .ratio(let numeratorKey, let denominatorKey) = slots[index].indicator.kind,
                  let ratioColumn = slots[index].ratio?.column else { continue }
            slots[index].ratio = (
                ratioColumn, try actualColumn(numeratorKey, for: slots[index].indicator),
                try actualColumn(denominatorKey, for: slots[index].indicator), numeratorKey, denominatorKey)
        }
        var figureKeys: [String] = []
        var figurePosition: [String: Int] = [:]
        for index in slots.indices where slots[index].actual != nil {
            slots[index].figure = figureKeys.count
            figurePosition[slots[index].indicator.key] = figureKeys.count
            figureKeys.append(slots[index].indicator.key)
        }
        for index in slots.indices {
            if let ratio = slots[index].ratio, let n = figurePosition[ratio.numeratorKey], let d = figurePosition[ratio.denominatorKey] {
                slots[index].ratioFigures = (n, d)
            }
        }
        self.figureKeys = figureKeys
        self.slots = slots
        lastColumn = max(column - 1, SummaryLayout.nameColumn)
        guard lastColumn < XlsxWorksheet.columnCount else { throw XlsxError.columnOutOfRange(column: lastColumn) }

        var row = headerRow + 2
        for group in input.groups {
            groupHeaderRows.append(row)
            row += 1 + group.units.count
            subtotalRows.append(row)
            row += 1
        }
        grandTotalRow = row
        guard grandTotalRow < XlsxWorksheet.rowCount else { throw XlsxError.rowOutOfRange(row: grandTotalRow) }
    }

    /// Every table row in order (group headers, units, subtotals, grand total).
    func forEachRow(of input: SummaryWorkbookInput, _ body: (Int, RowKind) throws -> Void) throws {
        var serial = 0
        for (g, group) in input.groups.enumerated() {
            let header = groupHeaderRows[g]
            try body(header, .groupHeader(group: g))
            for u in group.units.indices {
                serial += 1
                try body(header + 1 + u, .unit(group: g, unit: u, serial: serial))
            }
            // An empty group sums its own (blank) header row, so the formula stays valid.
            let first = group.units.isEmpty ? header : header + 1
            let last = group.units.isEmpty ? header : header + group.units.count
            try body(subtotalRows[g], .subtotal(group: g, firstUnitRow: first, lastUnitRow: last))
        }
        try body(grandTotalRow, .grandTotal)
    }

    /// Slots of indicators whose groups have a target to reach (the ones the chart shows):
    /// the units' own targets summed, or a rate's target, which holds for every group.
    var targetSlots: [Slot] {
        slots.filter { slot in
            guard slot.percent != nil else { return false }
            if case .ratio = slot.indicator.kind { return true }
            return slot.indicator.hasUnitTargets
        }
    }

    /// The row after the table where the signature block starts (one row left empty).
    var signatureRow: Int { grandTotalRow + 2 }
}

/// One set of figures of a row: per indicator key, target and actual.
///
/// Unit rows take the input as is (`nil` = blank); subtotals and the grand total are
/// exact Int64 sums, blanks counting as 0 as Excel's SUM does. The pairs are kept in the
/// order of the layout's figure keys (indicators with an actual column), so rows are read
/// by position; `subscript(key:)` is for the few lookups by name.
struct ReportFigures {
    struct Pair: Hashable {
        var target: Int64?
        var actual: Int64?
        /// Of a sum: Σ actual of the units that have a target (what a sum of the units'
        /// targets is set against); nil in a unit's row.
        var targetedActual: Int64?

        init(target: Int64? = nil, actual: Int64? = nil, targetedActual: Int64? = nil) {
            self.target = target
            self.actual = actual
            self.targetedActual = targetedActual
        }
    }

    /// The keys, in the order of `pairs`.
    let keys: [String]
    /// One pair per key.
    var pairs: [Pair]

    init(keys: [String], pairs: [Pair]) {
        self.keys = keys
        self.pairs = pairs
    }

    /// The figures of one unit row for `keys`.
    init(unit: UnitRow, keys: [String], reader: inout FigureReader) {
        self.keys = keys
        pairs = []
        unit.pairs(forKeys: keys, reader: &reader, into: &pairs)
    }

    subscript(position: Int) -> Pair { pairs[position] }

    subscript(key: String) -> Pair {
        keys.firstIndex(of: key).map { pairs[$0] } ?? Pair()
    }

    /// Sums the figures of units (or of groups), refusing overflow and values Excel's
    /// doubles cannot hold exactly. The parts are read once each, in order; the error
    /// names the first key (in `keys` order) whose running sum failed, as summing key by
    /// key would.
    static func sum<S: Sequence>(_ parts: S, keys: [String], context: String) throws -> ReportFigures where S.Element == [Pair] {
        var sums = Sums(count: keys.count)
        for part in parts { sums.add(part) }
        return try sums.figures(keys: keys, context: context)
    }

    /// Running sums of rows of pairs, as ``sum(_:keys:context:)`` adds them, for a caller
    /// that reads its rows into one buffer.
    struct Sums {
        private var targets: [Int64]
        private var actuals: [Int64]
        private var targetedActuals: [Int64]
        private var failed: [Bool]

        init(count: Int) {
            targets = [Int64](repeating: 0, count: count)
            actuals = targets
            targetedActuals = targets
            failed = [Bool](repeating: false, count: count)
        }

        /// Adds one row (missing pairs and blanks count as 0, as Excel's SUM does).
        mutating func add(_ part: [Pair]) {
            for k in 0 ..< targets.count where !failed[k] {
                let pair = k < part.count ? part[k] : Pair()
                // A unit's actual counts against the targets when it has one; a sum brings its own.
                let targeted = pair.targetedActual ?? (pair.target == nil ? 0 : pair.actual ?? 0)
                guard let target = ReportFigures.sum(targets[k], pair.target ?? 0),
                      let actual = ReportFigures.sum(actuals[k], pair.actual ?? 0),
                      let targetedActual = ReportFigures.sum(targetedActuals[k], targeted) else {
                    failed[k] = true
                    continue
                }
                targets[k] = target
                actuals[k] = actual
                targetedActuals[k] = targetedActual
            }
        }

        /// The sums, or the error naming the first key whose sum failed.
        func figures(keys: [String], context: String) throws -> ReportFigures {
            if let k = failed.firstIndex(of: true) {
                throw XlsxError.invalidInput("tổng của chỉ tiêu “\(keys[k])” (\(context)) vượt quá giới hạn số của Excel")
            }
            return ReportFigures(keys: keys, pairs: (0 ..< keys.count).map {
                Pair(target: targets[$0], actual: actuals[$0], targetedActual: targetedActuals[$0])
            })
        }
    }

    private static func sum(_ a: Int64, _ b: Int64) -> Int64? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow, sum.magnitude <= UInt64(XlsxWorksheet.maximumExactInteger) else { return nil }
        return sum
    }


    /// The cached value of `IF(target=0,"",actual/target)`: text "" when the divisor is
    /// blank or 0, else the quotient; the division is the only floating-point step.
    static func quotient(_ numerator: Int64?, _ denominator: Int64?) -> XlsxFormulaResult {
        guard let denominator, denominator != 0 else { return .text("") }
        return .number(XlsxPercent.shown(Double(numerator ?? 0) / Double(denominator)))
    }

    /// The cached result of `XlsxPercent.changeFormula`: a change's rate.
    static func changeQuotient(_ numerator: Int64?, _ denominator: Int64?) -> XlsxFormulaResult {
        guard let denominator, denominator != 0 else { return .text("") }
        return .number(XlsxPercent.shownChange(Double(numerator ?? 0) / Double(denominator)))
    }
}
