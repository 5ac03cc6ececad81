/// A figures file made of tables rather than CSV bytes: a workbook, whose worksheets are
/// read one after the other. The reader lives outside ThiDuaKit (ThiDuaXlsxReader); it
/// feeds the same parser, rules and diagnostics as CSV through a `FigureTableSink`.
public protocol FigureTableSource {
    /// Reads every table in order into `sink`. Returns the findings about the file itself
    /// (refused, damaged); a refused file yields no table.
    func readTables<Sink: FigureTableSink>(into sink: inout Sink) -> [Diagnostic]
}

/// Where a `FigureTableSource` delivers its tables.
public protocol FigureTableSink {
    /// A table (worksheet) starts.
    mutating func beginTable(named name: String, isHidden: Bool)
    /// One row of the current table; returns false when the rest of the table is not
    /// wanted (a sheet that holds no figures table), so the reader may stop early.
    mutating func read(_ record: FigureRecord) -> Bool
    /// The current table ended; `diagnostics` are the reader's findings about it.
    mutating func endTable(diagnostics: [Diagnostic])
}
