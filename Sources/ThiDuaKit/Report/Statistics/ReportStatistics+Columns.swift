/// One indicator's figures (or own targets) for every unit, read by unit number.
///
/// For a writer that goes over every unit: taken once per indicator, a column reads a
/// figure with no lookup of the indicator and no check of it, where
/// `ReportStatistics.value(ofUnit:indicatorAt:)` does both for every figure (a summary
/// workbook of 100,000 units reads 1.2 million of them, twice).
public struct IndicatorColumn: Sendable {
    private let column: FigureColumn

    init(_ column: FigureColumn) {
        self.column = column
    }

    /// A column without figures: every unit reads nil.
    public init() {
        column = FigureColumn()
    }

    /// The figure of unit `unit` (scaled), nil when it is empty or the unit is not in the
    /// column (a column of targets nobody gave is empty).
    public subscript(unit: Int) -> Int64? {
        guard unit >= 0, unit < column.count else { return nil }
        let value = column[unit]
        return value == ReportAccumulator.missing ? nil : value
    }
}

extension ReportStatistics {
    /// The figures of the summed indicator at `index` in `indicators`, for every unit
    /// (a computed indicator's column is empty); `value(ofUnit:indicatorAt:)` in bulk.
    public func values(indicatorAt index: Int) -> IndicatorColumn {
        guard storage.values.indices.contains(index) else { return IndicatorColumn() }
        return IndicatorColumn(storage.values[index])
    }

    /// The units' own targets for the indicator at `index`; `target(ofUnit:indicatorAt:)`
    /// in bulk.
    public func targets(indicatorAt index: Int) -> IndicatorColumn {
        guard storage.targets.indices.contains(index) else { return IndicatorColumn() }
        return IndicatorColumn(storage.targets[index])
    }
}
