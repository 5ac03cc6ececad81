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
        return Self.printable(text)
    }

    /// Messages quote the input, which may hold control characters: a line
    /// break would split one diagnostic over two lines, and an escape
    /// sequence (ESC [ …) or a direction override would rewrite the
    /// terminal. They are shown as visible symbols instead (␊, ␛, �).
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20, let picture = Unicode.Scalar(0x2400 + scalar.value) {
                out.append(picture)
            } else if scalar.value == 0x7F {
                out.append("\u{2421}")
            } else if isUnsafe(scalar) {
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
