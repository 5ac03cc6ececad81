import Foundation
import Yams

/// Typed accessors: each reads one node or records a diagnostic and returns nil.
extension YAMLReader {
    func position(_ node: Node) -> SourcePosition {
        if let mark = node.mark {
            return SourcePosition(file: file, line: mark.line, column: mark.column)
        }
        return SourcePosition(file: file)
    }

    mutating func error(_ message: String, at node: Node?, hint: String? = nil) {
        guard diagnostics.count < Self.maxFindings else {
            unlistedErrors += 1
            return
        }
        diagnostics.append(.error(Self.shorten(message), at: node.map(position) ?? SourcePosition(file: file),
                                  hint: hint.map { Self.shorten($0) }))
    }

    mutating func warning(_ message: String, at node: Node?, hint: String? = nil) {
        guard diagnostics.count < Self.maxFindings else {
            unlistedWarnings += 1
            return
        }
        diagnostics.append(.warning(Self.shorten(message), at: node.map(position) ?? SourcePosition(file: file),
                                    hint: hint.map { Self.shorten($0) }))
    }

    /// Messages quote what the clerk wrote (a key, a value); a pasted
    /// megabyte must not become a megabyte-long line on the terminal, so the
    /// middle of a very long message is cut, keeping its start and end.
    /// Any `limit` works: the end kept is at most 80 characters and a quarter of the limit,
    /// the start at least half of it (a small limit once asked for a negative prefix).
    static func shorten(_ message: String, limit: Int = 400) -> String {
        guard message.utf8.count > limit, message.count > limit else { return message }
        let tail = max(0, min(80, limit / 4)), head = max(1, max(limit / 2, limit - 100))
        return String(message.prefix(head)) + " … " + String(message.suffix(tail))
    }

    mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// A mapping's entries by key, reporting unknown keys with the nearest valid one.
    mutating func mapping(_ node: Node, _ what: String, allowed: [String]) -> Fields? {
        if keySets != nil {
            let start = position(node)
            keySets?.append((start, allowed))
        }
        guard case .mapping(let mapping) = node else {
            let hint = allowed.count <= 8
                ? "xuống dòng rồi viết các khóa con, mỗi khóa một dòng, thụt vào 2 dấu cách: \(allowed.joined(separator: ", "))"
                : "viết mỗi dòng một cặp `khóa: giá trị`, ví dụ `\(allowed.first ?? "loai"): …`; xem tệp mẫu trong Examples/"
            error("\(what) phải là một khối `khóa: giá trị`, không phải \(Self.typeName(node))", at: node, hint: hint)
            return nil
        }
        var fields = Fields(node: node)
        for (keyNode, value) in mapping {
            guard let rawKey = keyNode.scalar?.string else {
                error("tên khóa phải là chữ", at: keyNode, hint: "bỏ dấu `?`, `[` hoặc `{` ở đầu tên khóa")
                continue
            }
            let (cleaned, changed) = VietnameseText.cleanInvisible(rawKey)
            if changed {
                warning("tên khóa `\(cleaned)` có ký tự ẩn (khoảng trắng đặc biệt hoặc ký tự độ rộng 0)", at: keyNode,
                        hint: "gõ lại tên khóa bằng tay")
            }
            let key = VietnameseText.nfc(cleaned)
            if let earlier = fields.keys[key] {
                // Yams saw two different keys ("so" and "so" with a hidden
                // character); keeping either would silently drop the other.
                let line = position(earlier).line
                error("khóa `\(key)` xuất hiện hai lần trong cùng một khối\(line > 0 ? " (lần đầu ở dòng \(line))" : "")", at: keyNode,
                      hint: "giữ một dòng, xóa dòng còn lại (hai tên khóa chỉ khác nhau ở ký tự ẩn)")
                continue
            }
            if allowed.contains(key) {
                fields.values[key] = value
                fields.keys[key] = keyNode
            } else if key.contains(" ") {
                // Keys never have spaces: this is text with ": " in it,
                // which YAML split into a key and a value.
                error("dòng này bị YAML hiểu là khóa `\(key)` vì có dấu `:` và dấu cách ở sau", at: keyNode,
                      hint: "nếu đây là một đoạn chữ có dấu `:`, đặt cả đoạn trong dấu nháy kép \"…\"")
            } else if let near = KeySuggestion.nearest(to: key, in: allowed) {
                error("khóa `\(key)` không có trong \(what)", at: keyNode, hint: "có phải ý bạn là `\(near)`?")
            } else {
                error("khóa `\(key)` không có trong \(what)", at: keyNode,
                      hint: "các khóa dùng được: \(allowed.joined(separator: ", "))")
            }
        }
        return fields
    }

    static func typeName(_ node: Node) -> String {
        switch node {
        case .scalar: return "một giá trị đơn"
        case .mapping: return "một khối `khóa: giá trị`"
        case .sequence: return "một danh sách"
        case .alias: return "một bí danh"
        }
    }

    /// A text value, NFC-normalised and cleaned of invisible characters.
    mutating func string(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("\(what) phải là một đoạn chữ, không phải \(Self.typeName(node))", at: node,
                  hint: "ghi thẳng nội dung sau dấu `:` trên cùng dòng, không dùng `[ ]`, `-` hay các dòng con")
            return nil
        }
        if Self.isNullScalar(scalar) {
            error("\(what) đang để trống", at: node, hint: "điền nội dung sau dấu `:`")
            return nil
        }
        if let comment = droppedComment(node, scalar) {
            warning("phần “\(comment)” sau dấu `#` bị YAML coi là ghi chú và đã bỏ khỏi \(what)", at: node,
                    hint: "nếu đó là nội dung, đặt cả giá trị trong dấu nháy kép \"…\"")
        }
        var (cleaned, changed) = VietnameseText.cleanInvisible(VietnameseText.nfc(scalar.string))
        if changed && scalar.string.unicodeScalars.contains(where: Self.isInvisible) {
            warning("\(what) có ký tự ẩn (ký tự độ rộng 0 hoặc dấu cách đặc biệt), đã bỏ đi", at: node)
        }
        cleaned = withoutControls(cleaned, node, what)
        if cleaned.isEmpty {
            error("\(what) đang để trống", at: node, hint: "điền nội dung sau dấu `:`")
            return nil
        }
        return cleaned
    }

    /// Control characters can only arrive through YAML escapes (`"\x1B"`,
    /// `"\u0007"`); raw ones were refused with the file. No document needs
    /// them and in a text output they would drive the reader's terminal, so
    /// they are dropped, with a warning saying so.
    mutating func withoutControls(_ text: String, _ node: Node, _ what: String) -> String {
        guard text.unicodeScalars.contains(where: Self.isControl) else { return text }
        let first = text.unicodeScalars.first(where: Self.isControl).map(InputText.codePoint) ?? ""
        warning("\(what) có ký tự điều khiển \(first) (viết bằng mã `\\x…`/`\\u…` trong dấu nháy kép), đã bỏ đi", at: node,
                hint: "xóa mã đó khỏi giá trị")
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !Self.isControl($0) })
        return String(scalars)
    }

    /// Control characters, and the direction overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069) that reorder how a line is shown.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        InputText.isControlOrOverride(scalar)
    }

    /// Multi-line text keeps its line breaks; used for paragraphs.
    mutating func text(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            return string(node, what)
        }
        // One line (nearly every value: folded `>-` text is already one line) needs no split.
        if !VietnameseText.containsByte(scalar.string, 0x0A) { return string(node, what) }
        let lines = scalar.string.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count <= 1 { return string(node, what) }
        let joined = lines.map { VietnameseText.cleanInvisible(VietnameseText.nfc(String($0))).text }
            .joined(separator: " ")
        let text = withoutControls(VietnameseText.cleanInvisible(joined).text, node, what)
        return text.isEmpty ? nil : text
    }

    /// `trimmingCharacters(in: .whitespaces)`, skipping Foundation when the text starts and
    /// ends with visible ASCII (dates and numbers nearly always do).
    static func trimmedSpaces(_ s: String) -> String {
        if let first = s.utf8.first, let last = s.utf8.last, first > 0x20 && first < 0x7F, last > 0x20 && last < 0x7F {
            return s
        }
        return s.trimmingCharacters(in: .whitespaces)
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD, 0x00A0, 0x2000...0x200A, 0x202F, 0x3000: return true
        default: return false
        }
    }

    mutating func integer(_ node: Node, _ what: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard case .scalar(let scalar) = node else {
            error("\(what) phải là một số, không phải \(Self.typeName(node))", at: node, hint: "ghi một số sau dấu `:`, ví dụ `13`")
            return nil
        }
        let text = Self.trimmedSpaces(scalar.string)
        guard let value = Int(text) else {
            error("\(what) phải là số nguyên, không phải \"\(text)\"", at: node, hint: "chỉ ghi chữ số, ví dụ `13`")
            return nil
        }
        if let range, !range.contains(value) {
            error("\(what) phải nằm trong khoảng \(range.lowerBound)–\(range.upperBound), đang là \(value)", at: node,
                  hint: "ghi một số từ \(range.lowerBound) đến \(range.upperBound)")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard case .scalar(let scalar) = node else {
            error("\(what) phải là `true` hoặc `false`", at: node, hint: "ghi `true` (có) hoặc `false` (không) sau dấu `:`")
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "co", "có": return true
        case "false", "no", "khong", "không": return false
        default:
            error("\(what) phải là `true` hoặc `false`, không phải \"\(scalar.string)\"", at: node, hint: "ghi `true` (có) hoặc `false` (không)")
            return nil
        }
    }

    mutating func date(_ node: Node, _ what: String) -> Located<CivilDate>? {
        guard case .scalar(let scalar) = node else {
            error("\(what) phải là một ngày, không phải \(Self.typeName(node))", at: node,
                  hint: "ghi ngày sau dấu `:`, ví dụ `22/02/2017` hoặc `2017-02-22`")
            return nil
        }
        switch CivilDate.parse(Self.trimmedSpaces(scalar.string)) {
        case .success(let date):
            return Located(date, at: position(node))
        case .failure(let failure):
            let (message, hint) = Self.splitDateMessage(failure.message)
            error("\(what): \(message)", at: node, hint: hint)
            return nil
        }
    }

    /// CivilDate's messages carry how to write the date after ": hãy ghi" or
    /// "; "; split that off so it prints after the "—" like every other fix.
    static func splitDateMessage(_ message: String) -> (String, String) {
        if let range = message.range(of: ": hãy ghi ") {
            return (String(message[..<range.lowerBound]), "ghi " + message[range.upperBound...])
        }
        if let range = message.range(of: "; ") {
            return (String(message[..<range.lowerBound]), String(message[range.upperBound...]))
        }
        if message.contains("4 chữ số") {
            return (message, "ghi đủ 4 chữ số của năm, ví dụ 02/9/2025")
        }
        return (message, "sửa lại cho đúng ngày trong văn bản gốc, ghi ngày/tháng/năm, ví dụ 20/02/2025")
    }

    /// A list; a single value where a list is expected is accepted as a list of one.
    mutating func list(_ node: Node, _ what: String) -> [Node]? {
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar(let scalar) where Self.isNullScalar(scalar): return []
        case .scalar, .mapping: return [node]
        case .alias:
            error("\(what): không hỗ trợ bí danh YAML", at: node, hint: "viết thẳng nội dung thay cho bí danh")
            return nil
        }
    }

    /// One of a fixed set of values, suggesting the nearest on a typo.
    mutating func choice<T: RawRepresentable>(_ node: Node, _ what: String, _ type: T.Type, allowed: [T]) -> T? where T.RawValue == String {
        guard let raw = string(node, what) else { return nil }
        if let value = allowed.first(where: { $0.rawValue.lowercased() == raw.lowercased() }) { return value }
        let names = allowed.map(\.rawValue)
        let hint = KeySuggestion.nearest(to: raw, in: names).map { "có phải ý bạn là `\($0)`?" }
            ?? "chọn một trong: \(names.joined(separator: ", "))"
        error("\(what) không hợp lệ: \"\(raw)\"", at: node, hint: hint)
        return nil
    }
}

/// The entries of one mapping, with the node of the mapping for "missing" errors.
struct Fields {
    let node: Node
    var values: [String: Node] = [:]
    var keys: [String: Node] = [:]

    init(node: Node) {
        self.node = node
    }

    subscript(key: String) -> Node? { values[key] }
}

extension YAMLReader {
    /// A required field: records "thiếu trường" at the mapping when absent.
    mutating func required(_ fields: Fields, _ key: String, _ what: String, example: String) -> Node? {
        if let node = fields[key] { return node }
        error("thiếu trường bắt buộc `\(key)` (\(what))", at: fields.node, hint: "thêm dòng `\(key): \(example)`")
        return nil
    }
}
