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
    mutating func parse(_ text: String) -> Node? {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            diagnostics.append(.error("tệp rỗng, không có dữ liệu", at: SourcePosition(file: file, line: 1, column: 1),
                                      hint: "sao chép một tệp mẫu trong thư mục Examples/ rồi sửa lại"))
            return nil
        }
        switch YAMLShape.check(text) {
        case .tooDeep(let line, let column):
            diagnostics.append(.error("dữ liệu lồng nhau quá sâu (hơn \(YAMLShape.maxDepth) cấp)",
                                      at: SourcePosition(file: file, line: line, column: column),
                                      hint: "kiểm tra dấu ngoặc `[` `{` thừa hoặc thụt lề sai; văn bản thật chỉ cần vài cấp mục"))
            return nil
        case .aliasExpansion(let line, let column):
            diagnostics.append(.error("bí danh YAML (`*tên`) bung ra quá nhiều nội dung (hơn \(VietnameseNumber.integer(YAMLShape.maxAliasExpansion)) phần tử)",
                                      at: SourcePosition(file: file, line: line, column: column),
                                      hint: "viết thẳng nội dung thay cho bí danh `&tên`/`*tên`; tệp có thể đã bị cố ý làm hỏng"))
            return nil
        case nil:
            break
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
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
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let explained = explain(SyntaxProblem(problem: problem, context: context?.text, contextMark: context?.mark,
                                                  mark: mark, text: text))
            return .error(explained.message, at: at(explained.mark), hint: explained.hint)
        case .duplicatedKeysInMapping(let keys, let context):
            let list = keys.map { "`\($0)`" }.joined(separator: ", ")
            // Yams points at the first occurrence; the clerk usually wants
            // the later one (the line they just added), so find it.
            if keys.count == 1, let key = keys.first,
               let second = laterOccurrence(of: key, after: context.mark, in: text) {
                return .error("khóa \(list) xuất hiện hai lần trong cùng một khối (lần đầu ở dòng \(context.mark.line))",
                              at: SourcePosition(file: file, line: second.line, column: second.column), hint: "giữ một dòng, xóa dòng còn lại (YAML không cho trùng khóa)")
            }
            return .error("khóa \(list) xuất hiện hai lần trong cùng một khối", at: at(context.mark),
                          hint: "giữ một dòng, xóa dòng còn lại (YAML không cho trùng khóa)")
        case .reader(let problem, _, _, _):
            // InputText.decode has refused bad bytes already; this is a fallback.
            return .error("tệp có ký tự không đọc được (chi tiết: \(problem))", at: SourcePosition(file: file),
                          hint: "lưu lại tệp với bảng mã UTF-8 và bỏ các ký tự lạ")
        default:
            return .error("không đọc được YAML (chi tiết: \(error))", at: SourcePosition(file: file),
                          hint: "so sánh với một tệp mẫu trong thư mục Examples/")
        }
    }

    /// The same key at the same column on a later line of the same block.
    static func laterOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let indent = mark.column - 1
        for index in mark.line..<lines.count {
            let line = lines[index]
            let leading = line.prefix { $0 == " " }.count
            if leading < indent && !line.trimmingCharacters(in: .whitespaces).isEmpty
                && !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                return nil  // the block ended
            }
            guard leading == indent else { continue }
            var rest = line.dropFirst(indent)
            if rest.hasPrefix("- ") { continue }
            for quote in ["\"", "'"] where rest.hasPrefix(quote) && rest.dropFirst().hasPrefix(key + quote) {
                rest = rest.dropFirst(key.count + 2)
                return rest.drop { $0 == " " }.hasPrefix(":") ? (index + 1, mark.column) : nil
            }
            if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return (index + 1, mark.column)
            }
        }
        return nil
    }

    /// What libyaml said, with where.
    struct SyntaxProblem {
        let problem: String
        let context: String?
        let contextMark: Mark?
        let mark: Mark
        let text: String

        /// The line the problem is on, without its line break.
        var line: Substring { Self.line(mark.line, in: text) }

        static func line(_ number: Int, in text: String) -> Substring {
            var current = 1
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if current == number { return line }
                current += 1
            }
            return ""
        }

        /// The character at the problem, when there is one.
        var character: Character? {
            let scalars = line.unicodeScalars
            guard mark.column >= 1, mark.column <= scalars.count else { return nil }
            return Character(scalars[scalars.index(scalars.startIndex, offsetBy: mark.column - 1)])
        }
    }

    /// Vietnamese wording for the libyaml problems clerks actually meet: what
    /// is wrong and how to fix it, pointing where the fault most likely is
    /// (the opening quote or bracket rather than the end of the file).
    static func explain(_ p: SyntaxProblem) -> (message: String, hint: String?, mark: Mark) {
        let problem = p.problem
        let context = p.context ?? ""
        let opened = p.contextMark.map { "dòng \($0.line), cột \($0.column)" } ?? "phía trên"
        let quoteHint = "nếu giá trị có ký tự đặc biệt, đặt cả giá trị trong dấu nháy kép \"…\""

        if problem.contains("tab") || (p.line.prefix { $0 == " " || $0 == "\t" }.contains("\t")) {
            return ("dùng ký tự tab để thụt lề", "YAML chỉ cho thụt lề bằng dấu cách; thay mỗi tab bằng 2 dấu cách", p.mark)
        }
        if problem.contains("Maximum nesting level") {
            return ("dữ liệu lồng nhau quá sâu (hơn \(YAMLShape.maxDepth) cấp)",
                    "kiểm tra dấu ngoặc `[` `{` thừa hoặc thụt lề sai; văn bản thật chỉ cần vài cấp mục", p.mark)
        }
        if problem.contains("end of stream") || problem.contains("unexpected end") {
            if context.contains("quoted scalar"), let start = p.contextMark {
                return ("dấu nháy mở ở đây chưa được đóng (tệp hết mà chưa gặp dấu nháy đóng)",
                        "thêm dấu nháy đóng ở cuối giá trị; tệp có thể bị cắt cụt", start)
            }
            return ("tệp kết thúc giữa chừng", "kiểm tra dấu nháy hoặc ngoặc chưa đóng; tệp có thể bị cắt cụt", p.mark)
        }
        if problem.contains("expected ',' or ']'") {
            return ("danh sách `[…]` mở ở \(opened) chưa đóng hoặc thiếu dấu phẩy giữa các phần tử",
                    "thêm `]` ở cuối danh sách, ngăn các phần tử bằng dấu phẩy; tệp có thể bị cắt cụt", p.mark)
        }
        if problem.contains("expected ',' or '}'") {
            return ("khối `{…}` mở ở \(opened) chưa đóng hoặc thiếu dấu phẩy giữa các cặp `khóa: giá trị`",
                    "thêm `}` ở cuối khối, ngăn các cặp bằng dấu phẩy; tệp có thể bị cắt cụt", p.mark)
        }
        if problem.contains("mapping values are not allowed") {
            return ("dấu `:` không đúng chỗ: giá trị có dấu `:` theo sau là dấu cách, hoặc thiếu xuống dòng trước khóa mới",
                    quoteHint, p.mark)
        }
        if problem.contains("block sequence entries are not allowed") {
            return ("dấu `-` của danh sách phải nằm ở đầu dòng riêng",
                    "xuống dòng sau `khóa:` rồi viết mỗi phần tử một dòng `  - …`, thụt vào 2 dấu cách", p.mark)
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return ("thụt lề không khớp với các dòng trên",
                    "các khóa cùng cấp phải thẳng cột với nhau, các phần tử `-` của cùng danh sách cũng vậy", p.mark)
        }
        if problem.contains("could not find expected ':'") {
            let start = p.contextMark ?? p.mark
            return ("thiếu dấu `:` sau tên khóa (hoặc giá trị bị xuống dòng giữa chừng)",
                    "viết `khoa: giá trị` trên một dòng; giá trị dài thì đặt trong dấu nháy kép", start)
        }
        if problem.contains("did not find expected node content") {
            return ("thiếu giá trị ở đây (dấu phẩy thừa, hoặc ngoặc đóng sai chỗ)", "xóa dấu phẩy thừa hoặc điền giá trị", p.mark)
        }
        if problem.contains("found undefined alias") {
            return ("giá trị bắt đầu bằng `*` bị hiểu là bí danh YAML, nhưng không có `&` nào cùng tên",
                    "nếu đây là chữ thường, đặt cả giá trị trong dấu nháy kép \"…\"", p.mark)
        }
        if context.contains("alias") || context.contains("anchor") {
            return ("giá trị bắt đầu bằng `*` hoặc `&` bị hiểu là bí danh YAML", quoteHint, p.contextMark ?? p.mark)
        }
        if problem.contains("unknown escape character") || problem.contains("Unicode character escape") {
            return ("trong dấu nháy kép, dấu `\\` chỉ được đi với n, t, \", \\ hoặc u….",
                    "dùng dấu nháy đơn '…' thay cho nháy kép, hoặc viết `\\\\` cho một dấu `\\`", p.mark)
        }
        if problem.contains("cannot start any token") {
            let what = p.character.map { "ký tự `\($0)`" } ?? "ký tự này"
            return ("\(what) không được đứng đầu một giá trị YAML", quoteHint, p.mark)
        }
        if problem.contains("expected comment or line break") {
            return ("còn chữ sau dấu nháy đóng hoặc sau giá trị trên cùng dòng",
                    "đặt cả giá trị trong một cặp dấu nháy, hoặc bỏ dấu nháy đi", p.mark)
        }
        if problem.contains("another document") || problem.contains("document indicator") {
            return ("tệp có nhiều hơn một văn bản YAML (dòng `---` hoặc `...` ở giữa tệp)",
                    "mỗi tệp chỉ chứa một văn bản: xóa dòng `---`/`...` hoặc tách ra nhiều tệp", p.mark)
        }
        if problem.contains("undefined tag handle") || context.contains("tag") {
            return ("giá trị bắt đầu bằng `!` bị hiểu là thẻ kiểu YAML", quoteHint, p.contextMark ?? p.mark)
        }
        if context.contains("block scalar") {
            return ("khối chữ nhiều dòng (`|` hoặc `>`) viết sai", "sau `|` hoặc `>` phải xuống dòng ngay, rồi thụt lề các dòng chữ", p.mark)
        }
        if context.contains("directive") {
            return ("dòng bắt đầu bằng `%` bị hiểu là chỉ thị YAML", "đặt giá trị trong dấu nháy kép, hoặc bỏ dòng đó", p.mark)
        }
        // Anything rarer keeps libyaml's words as a detail for whoever helps.
        return ("cú pháp YAML sai (chi tiết: \(context.isEmpty ? "" : context + ": ")\(problem))",
                "kiểm tra thụt lề, dấu `:` và dấu nháy ở dòng này; so sánh với một tệp mẫu trong Examples/", p.mark)
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
        let lines = scalar.string.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count <= 1 { return string(node, what) }
        let joined = lines.map { VietnameseText.cleanInvisible(VietnameseText.nfc(String($0))).text }
            .joined(separator: " ")
        return joined.isEmpty ? nil : VietnameseText.cleanInvisible(joined).text
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
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
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
        switch CivilDate.parse(scalar.string.trimmingCharacters(in: .whitespaces)) {
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
