import Foundation

/// Text made safe for the XML parts: `&`, `<`, `>` and `"` escaped, and the characters
/// XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE,
/// U+FFFF) dropped, with the C1 controls that Word also refuses. The loader already
/// refuses such characters in data files; this is the last guard for any other source,
/// and each character it drops is recorded so the writer can warn.
enum XMLText {
    /// `text` escaped for element content or a quoted attribute value.
    static func escape(_ text: String, dropping dropped: DroppedCharacters? = nil) -> String {
        // Most text needs nothing: check the bytes first, copy only when needed.
        guard text.utf8.contains(where: needsAttention) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if isForbidden(scalar.value) {
                    dropped?.record(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A byte that is, or may start, something to escape or drop.
    @inline(__always)
    static func needsAttention(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == 0xC2 || byte == 0xEF
    }

    /// Not allowed in the XML of a Word part. Tab, line feed and carriage return are
    /// allowed by XML but never reach here inside text: runs write them as `w:tab` and
    /// `w:br` (see `DocxRuns`).
    static func isForbidden(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D)
            || value == 0x7F || (0x80...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
    }
}

/// The characters dropped while writing one document, for one warning at the end.
/// Shared by the formatter's calls (which may run on any thread), hence the lock.
final class DroppedCharacters: @unchecked Sendable {
    private let lock = NSLock()
    private var values: Set<UInt32> = []

    func record(_ value: UInt32) {
        lock.lock()
        values.insert(value)
        lock.unlock()
    }

    /// The dropped code points, in order, written U+0007.
    var codePoints: [String] {
        lock.lock()
        defer { lock.unlock() }
        return values.sorted().map { String(format: "U+%04X", $0) }
    }
}
