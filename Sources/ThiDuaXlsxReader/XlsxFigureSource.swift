import ThiDuaKit

/// A workbook as a figures source: each worksheet is a table fed to the same parser as a
/// CSV file, so the same rules and diagnostics apply, each placed as `tệp.xlsx!Trang!C12`.
///
/// The bytes come from the caller, whole or from a loader it supplies (the workspace's
/// guarded read), called only when the report reads this file, so a thousand workbooks
/// are never in memory together.
public struct XlsxFigureSource: FigureTableSource {
    /// The label in diagnostics.
    public let file: String
    private let load: () -> Result<[UInt8], Diagnostic>
    private let limits: XlsxReadLimits

    /// A workbook given as bytes.
    public init(bytes: [UInt8], file: String, limits: XlsxReadLimits = .standard) {
        self.init(file: file, limits: limits) { .success(bytes) }
    }

    /// A workbook whose bytes `load` gives when it is read (or the reason it cannot).
    public init(file: String, limits: XlsxReadLimits = .standard, load: @escaping () -> Result<[UInt8], Diagnostic>) {
        self.file = file
        self.limits = limits
        self.load = load
    }

    /// Reads every worksheet in workbook order into `sink`.
    public func readTables<Sink: FigureTableSink>(into sink: inout Sink) -> [Diagnostic] {
        let bytes: [UInt8]
        switch load() {
        case .success(let loaded): bytes = loaded
        case .failure(let diagnostic): return [diagnostic]
        }
        do {
            let reader = try XlsxWorkbookReader(bytes: bytes, file: file, limits: limits)
            for sheet in reader.sheets where sheet.isWorksheet {
                sink.beginTable(named: sheet.name, isHidden: sheet.isHidden)
                let summary = try reader.readRows(of: sheet) { sink.read($0) }
                sink.endTable(diagnostics: summary.diagnostics)
            }
            return []
        } catch let error as XlsxReadError {
            sink.endTable(diagnostics: [])
            return [error.diagnostic]
        } catch {
            return [XlsxReadError.damaged(file: file, part: nil).diagnostic]
        }
    }
}
