import ThiDuaKit

/// The one public error type of ThiDuaWorkspace, each case with a Vietnamese description.
///
/// Faces map `usage` to exit code 2 (the command was given wrongly: a missing file, a bad
/// folder) and the others to 1.
public enum WorkspaceError: Error, Sendable, CustomStringConvertible {
    /// The command was given a file or folder that cannot be used.
    case usage(String)
    /// The input has errors; the diagnostics say where and why.
    case invalid([Diagnostic])
    /// Writing an output failed; nothing of the set was moved into place.
    case output(path: String, message: String)
    /// A library error (the workbook), already in Vietnamese.
    case library(String)
    /// A template of `--templates` is wrong (found while writing, a Word part first used):
    /// an option given wrongly, so exit code 2 like a template refused at the start.
    case template(String)

    public var description: String {
        switch self {
        case .usage(let message): return "lỗi: \(message)"
        case .invalid(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        case .output(let path, let message): return "\(path): lỗi: không ghi được tệp: \(message)"
        case .library(let message), .template(let message): return message
        }
    }

    /// True for faults in how the command was given (exit code 2).
    public var isUsage: Bool {
        switch self {
        case .usage, .template: return true
        default: return false
        }
    }
}

extension WorkspaceError: ClerkFacingError {}
