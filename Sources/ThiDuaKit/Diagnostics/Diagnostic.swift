/// One finding about the input, printed as `tệp.yaml:12:5: lỗi: …`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a finding is. Errors stop rendering; warnings do not.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error = "lỗi"
        case warning = "cảnh báo"

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    /// Error or warning.
    public var severity: Severity
    /// Where the fault is, when it has a place.
    public var position: SourcePosition?
    /// What is wrong, in Vietnamese.
    public var message: String
    /// How to fix it, in Vietnamese; printed after the message.
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at position: SourcePosition? = nil, hint: String? = nil) {
        self.severity = severity
        self.position = position
        self.message = message
        self.hint = hint
    }

    /// Shorthand for an error.
    public static func error(_ message: String, at position: SourcePosition? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: position, hint: hint)
    }

    /// Shorthand for a warning.
    public static func warning(_ message: String, at position: SourcePosition? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: position, hint: hint)
    }

    /// The one-line form `tệp.yaml:12:5: lỗi: message. hint`.
    public var description: String {
        var text = ""
        if let position { text += "\(position): " }
        text += "\(severity.rawValue): \(message)"
        if let hint, !hint.isEmpty { text += " — \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
