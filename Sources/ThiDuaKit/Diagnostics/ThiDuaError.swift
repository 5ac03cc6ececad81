/// The one public error type of ThiDuaKit.
///
/// Every failure the library can report is a case here, with a Vietnamese
/// description a clerk can act on.
public enum ThiDuaError: Error, Sendable, CustomStringConvertible {
    /// The input has errors; the diagnostics say where and why.
    case invalidInput([Diagnostic])
    /// A template could not be parsed or names a partial that is missing.
    case template(file: String, line: Int, column: Int, message: String)
    /// Writing an output failed.
    case output(path: String, message: String)

    public var description: String {
        switch self {
        case .invalidInput(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .template(let file, let line, let column, let message):
            return "\(SourcePosition(file: file, line: line, column: column)): lỗi: mẫu văn bản sai: \(message)"
        case .output(let path, let message):
            return "\(path): lỗi: không ghi được tệp: \(message)"
        }
    }
}
