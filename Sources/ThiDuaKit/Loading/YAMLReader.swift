import Foundation
import Yams

/// Reads a Yams node tree into typed values, collecting Vietnamese
/// diagnostics with positions instead of failing at the first problem.
///
/// Every accessor returns nil after recording a diagnostic, so a loader can
/// go on and report all faults of a file in one run.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// Parses text (YAML, or JSON, which is YAML flow style) into a node.
    /// Returns nil after recording a diagnostic for syntax errors.
    /// Yams' resolver with only the rule the reader looks at (null): the reader types
    /// every value itself, and the default rules run several regular expressions on every
    /// scalar, keys included, which was a large part of loading a plan. Keys stay equal
    /// exactly when they were (same text, and the same null tag or none).
    static let resolver = Resolver.basic.appending(Resolver.Rule.null)

    mutating func parse(_ text: String) -> Node? {
        // Any visible ASCII character means the file is not blank; only otherwise ask Foundation.
        let hasVisibleASCII = text.utf8.contains { $0 > 0x20 && $0 < 0x7F }
        if !hasVisibleASCII && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            diagnostics.append(.error("tệp rỗng, không có dữ liệu", at: SourcePosition(file: file, line: 1, column: 1),
                                      hint: "sao chép một tệp mẫu trong thư mục Examples/ rồi sửa lại"))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text, Self.resolver) else {
                diagnostics.append(.error("tệp không có dữ liệu", at: SourcePosition(file: file, line: 1, column: 1)))
                return nil
            }
            return node
        } catch let error as YamlError {
            diagnostics.append(Self.describe(error, file: file, text: text))
            return nil
        } catch {
            diagnostics.append(.error("không đọc được tệp: \(error)", at: SourcePosition(file: file)))
            return nil
        }
    }

    /// Turns a libyaml error into a Vietnamese diagnostic.
    static func describe(_ error: YamlError, file: String, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourcePosition {
            SourcePosition(file: file, line: mark.line, column: mark.column)
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            let (message, hint) = translate(problem, line: lineText(text, mark.line))
            return .error(message, at: at(mark), hint: hint)
        case .duplicatedKeysInMapping(let keys, let context):
            let list = keys.map { "`\($0)`" }.joined(separator: ", ")
            return .error("khóa \(list) xuất hiện hai lần trong cùng một khối", at: at(context.mark),
                          hint: "giữ một dòng, xóa dòng còn lại (YAML không cho trùng khóa)")
        case .reader(let problem, let offset, _, _):
            return .error("tệp không phải văn bản UTF-8 hợp lệ (\(problem)) tại byte \(offset ?? 0)", at: SourcePosition(file: file),
                          hint: "lưu lại tệp với bảng mã UTF-8")
        default:
            return .error("không đọc được YAML: \(error)", at: SourcePosition(file: file))
        }
    }

    private static func lineText(_ text: String, _ line: Int) -> String {
        var current = 1
        for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == line { return String(l) }
            current += 1
        }
        return ""
    }

    /// Vietnamese wording for the libyaml problems clerks actually meet.
    private static func translate(_ problem: String, line: String) -> (String, String?) {
        if problem.contains("tab") || line.hasPrefix("\t") || line.contains("\t") && problem.contains("indent") {
            return ("dùng ký tự tab để thụt lề", "YAML chỉ cho thụt lề bằng dấu cách; thay mỗi tab bằng 2 dấu cách")
        }
        switch problem {
        case let p where p.contains("mapping values are not allowed"):
            return ("dấu `:` không đúng chỗ (YAML: \(problem))",
                    "nếu giá trị có dấu `:`, hãy đặt cả giá trị trong dấu nháy kép \"…\"")
        case let p where p.contains("did not find expected key"), let p where p.contains("did not find expected '-'"):
            return ("thụt lề không khớp với các dòng trên (YAML: \(problem))",
                    "các khóa cùng cấp phải thẳng cột với nhau")
        case let p where p.contains("found unexpected end of stream"), let p where p.contains("end of stream"):
            return ("tệp kết thúc giữa chừng (YAML: \(problem))",
                    "kiểm tra dấu nháy hoặc ngoặc chưa đóng; tệp có thể bị cắt cụt")
        case let p where p.contains("could not find expected ':'"):
            return ("thiếu dấu `:` sau tên khóa (YAML: \(problem))", "viết `khoa: giá trị`")
        case let p where p.contains("control characters are not allowed"):
            return ("tệp có ký tự điều khiển không hợp lệ", "tệp có thể không phải văn bản; mở bằng trình soạn thảo và lưu lại dạng UTF-8")
        default:
            return ("cú pháp YAML sai: \(problem)", "kiểm tra thụt lề, dấu `:` và dấu nháy ở dòng này")
        }
    }

    func position(_ node: Node) -> SourcePosition {
        if let mark = node.mark {
            return SourcePosition(file: file, line: mark.line, column: mark.column)
        }
        return SourcePosition(file: file)
    }

    mutating func error(_ message: String, at node: Node?, hint: String? = nil) {
        diagnostics.append(.error(message, at: node.map(position) ?? SourcePosition(file: file), hint: hint))
    }

    mutating func warning(_ message: String, at node: Node?, hint: String? = nil) {
        diagnostics.append(.warning(message, at: node.map(position) ?? SourcePosition(file: file), hint: hint))
    }

    mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// A mapping's entries by key, reporting unknown keys with the nearest valid one.
    mutating func mapping(_ node: Node, _ what: String, allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error("\(what) phải là một khối `khóa: giá trị`, không phải \(Self.typeName(node))", at: node)
            return nil
        }
        var fields = Fields(node: node)
        for (keyNode, value) in mapping {
            guard let rawKey = keyNode.scalar?.string else {
                error("tên khóa phải là chữ", at: keyNode)
                continue
            }
            let (cleaned, changed) = VietnameseText.cleanInvisible(rawKey)
            if changed {
                warning("tên khóa `\(cleaned)` có ký tự ẩn (khoảng trắng đặc biệt hoặc ký tự độ rộng 0)", at: keyNode,
                        hint: "gõ lại tên khóa bằng tay")
            }
            let key = VietnameseText.nfc(cleaned)
            if allowed.contains(key) {
                fields.values[key] = value
                fields.keys[key] = keyNode
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
            error("\(what) phải là một đoạn chữ, không phải \(Self.typeName(node))", at: node)
            return nil
        }
        if scalar.tag.rawValue == Tag.Name.null.rawValue, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            error("\(what) đang để trống", at: node, hint: "điền nội dung sau dấu `:`")
            return nil
        }
        let (cleaned, changed) = VietnameseText.cleanInvisible(VietnameseText.nfc(scalar.string))
        if changed && scalar.string.unicodeScalars.contains(where: Self.isInvisible) {
            warning("\(what) có ký tự ẩn (ký tự độ rộng 0 hoặc dấu cách đặc biệt), đã bỏ đi", at: node)
        }
        if cleaned.isEmpty {
            error("\(what) đang để trống", at: node, hint: "điền nội dung sau dấu `:`")
            return nil
        }
        return cleaned
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
        return joined.isEmpty ? nil : VietnameseText.cleanInvisible(joined).text
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
            error("\(what) phải là một số, không phải \(Self.typeName(node))", at: node)
            return nil
        }
        let text = Self.trimmedSpaces(scalar.string)
        guard let value = Int(text) else {
            error("\(what) phải là số nguyên, không phải \"\(text)\"", at: node, hint: "chỉ ghi chữ số, ví dụ `13`")
            return nil
        }
        if let range, !range.contains(value) {
            error("\(what) phải nằm trong khoảng \(range.lowerBound)–\(range.upperBound), đang là \(value)", at: node)
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard case .scalar(let scalar) = node else {
            error("\(what) phải là `true` hoặc `false`", at: node)
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "co", "có": return true
        case "false", "no", "khong", "không": return false
        default:
            error("\(what) phải là `true` hoặc `false`, không phải \"\(scalar.string)\"", at: node)
            return nil
        }
    }

    mutating func date(_ node: Node, _ what: String) -> Located<CivilDate>? {
        guard case .scalar(let scalar) = node else {
            error("\(what) phải là một ngày, ví dụ `2017-02-22` hoặc `22/02/2017`", at: node)
            return nil
        }
        switch CivilDate.parse(Self.trimmedSpaces(scalar.string)) {
        case .success(let date):
            return Located(date, at: position(node))
        case .failure(let failure):
            error("\(what): \(failure.message)", at: node)
            return nil
        }
    }

    /// A list; a single value where a list is expected is accepted as a list of one.
    mutating func list(_ node: Node, _ what: String) -> [Node]? {
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar(let scalar) where scalar.tag.rawValue == Tag.Name.null.rawValue: return []
        case .scalar, .mapping: return [node]
        case .alias:
            error("\(what): không hỗ trợ bí danh YAML", at: node)
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
