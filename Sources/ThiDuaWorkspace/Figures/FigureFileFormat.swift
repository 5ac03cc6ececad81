import ThiDuaKit

/// A kind of figures file the workspace reads. The format is chosen by the file's CONTENT
/// (its first bytes), never by its name alone: a CSV saved as `.xlsx`, or a PDF named
/// `.csv`, is still read or refused for what it is.
///
/// Every format feeds the same figure pipeline (`FigureSource` → `ReportAggregator`), so
/// the rules and diagnostics of the figures are the same whatever file they came from.
public protocol FigureFileFormat: Sendable {
    /// True when a file whose first bytes are `prefix` (up to 512) is of this format.
    func recognises(prefix: [UInt8]) -> Bool
    /// The same with the file's name, for formats that refuse a misnamed file better than
    /// the next format would (a web page named .xls); by default the content alone.
    func recognises(prefix: [UInt8], name: String) -> Bool
    /// The figures of an opened file; `label` names it in diagnostics, `origin` is where the
    /// data file named it.
    func source(of file: GuardedFile, label: String, origin: SourcePosition) -> Result<FigureSource, Diagnostic>
}

extension FigureFileFormat {
    public func recognises(prefix: [UInt8], name: String) -> Bool { recognises(prefix: prefix) }
}

/// Comma-, semicolon- or tab-separated text (what Excel's "CSV UTF-8" writes), streamed in
/// 256 KiB chunks. Anything that is not text is refused by name, without quoting it.
public struct CSVFigureFormat: FigureFileFormat {
    public init() {}

    public func recognises(prefix: [UInt8]) -> Bool {
        BinaryKind.sniff(prefix[...]) == nil
    }

    public func source(of file: GuardedFile, label: String, origin: SourcePosition) -> Result<FigureSource, Diagnostic> {
        .success(FigureSource(label: label, chunks: file.chunks()))
    }
}

/// The figure formats, tried in order; the first that recognises a file reads it.
public enum FigureFileFormats {
    /// Every format thidua reads.
    public static let all: [FigureFileFormat] = [XlsxFigureFormat(), CSVFigureFormat()]

    /// The source for an opened figures file, or why it cannot be read as figures.
    static func source(of file: GuardedFile, label: String, origin: SourcePosition, role: FileRole,
                       formats: [FigureFileFormat] = all) -> Result<FigureSource, Diagnostic> {
        let prefix = file.peek(512)
        if let format = formats.first(where: { $0.recognises(prefix: prefix, name: label) }) {
            return format.source(of: file, label: label, origin: origin)
        }
        let what = BinaryKind.sniff(prefix[...]).map(\.name) ?? "tệp không phải văn bản"
        let hint = BinaryKind.sniff(prefix[...]) == .zip
            ? "lưu bảng tính dạng CSV UTF-8 (Excel: Tệp → Lưu thành → CSV UTF-8), hoặc kiểm tra đúng tệp Excel .xlsx"
            : "chọn đúng tệp số liệu .csv hoặc .xlsx"
        return .failure(.error("\(role.noun) \"\(label)\" là \(what), không phải bảng số liệu", at: origin, hint: hint))
    }
}
