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
    /// The parsed text's lines, to see what YAML dropped from a line (a `#` comment).
    private var lines: [Substring] = []

    init(file: String) {
        self.file = file
    }

    /// Yams' resolver with only the rule the reader looks at (null): the reader types
    /// every value itself, and the default rules run several regular expressions on every
    /// scalar, keys included, which was a large part of loading a plan. Keys stay equal
    /// exactly when they were (same text, and the same null tag or none); explicit tags
    /// (`!word`, checked by `reportTags`) are kept as written.
    static let resolver = Resolver.basic.appending(Resolver.Rule.null)

    /// Parses text (YAML, or JSON, which is YAML flow style) into a node.
    /// Returns nil after recording a diagnostic for syntax errors.
    mutating func parse(_ original: String) -> Node? {
        // Special spaces become plain ones first, so a file of NBSPs is empty too.
        let text = cleanSpecialSpaces(original)
        // Stops at the first visible byte: cheap even on a 10 MB file.
        if !text.utf8.contains(where: { !Self.isBlankByte($0) }) {
            diagnostics.removeAll()  // warnings about its spaces would only distract
            diagnostics.append(.error("tệp rỗng, không có dữ liệu", at: SourcePosition(file: file, line: 1, column: 1),
                                      hint: "sao chép một tệp mẫu trong thư mục Examples/ rồi sửa lại"))
            return nil
        }
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
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
            guard let node = try Yams.compose(yaml: text, Self.resolver) else {
                diagnostics.append(.error("tệp chỉ có dòng ghi chú (`#`), không có dữ liệu", at: SourcePosition(file: file, line: 1, column: 1),
                                          hint: "sao chép một tệp mẫu trong thư mục Examples/ rồi sửa lại"))
                return nil
            }
            reportTags(node)
            return node
        } catch let error as YamlError {
            diagnostics.append(Self.describe(error, file: file, text: text))
            return nil
        } catch {
            diagnostics.append(.error("không đọc được tệp (chi tiết: \(error))", at: SourcePosition(file: file),
                                      hint: "so sánh với một tệp mẫu trong thư mục Examples/"))
            return nil
        }
    }

    static func isBlankByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Replaces Unicode spaces (NBSP and the like, which Word and web pages
    /// leave behind) by ASCII spaces and removes zero-width characters, before
    /// YAML sees them: after `:` an NBSP is not a separator for YAML, so
    /// `dia_danh:<NBSP>Bến Tre` would be a syntax error, and a zero-width
    /// space makes `so` and `s<ZWSP>o` two different keys. Each line where
    /// this happened gets a warning (the first few, then a count), with the
    /// position of the first such character.
    mutating func cleanSpecialSpaces(_ text: String) -> String {
        guard Self.mayHaveSpecialSpaces(text) else { return text }
        var out = String.UnicodeScalarView()
        var line = 1, column = 1
        var reportedLine = 0
        var reported = 0, unreported = 0
        let shown = 5
        for scalar in text.unicodeScalars {
            let invisible = Self.isZeroWidth(scalar)
            let space = !invisible && scalar.value >= 0x80 && scalar.properties.isWhitespace
            if invisible || space {
                if reportedLine != line {
                    reportedLine = line
                    if reported < shown {
                        reported += 1
                        let what = invisible
                            ? "ký tự ẩn \(InputText.codePoint(scalar)) (độ rộng 0), đã bỏ đi"
                            : "dấu cách đặc biệt \(InputText.codePoint(scalar)) (thường do chép từ Word hoặc trang web), đã thay bằng dấu cách thường"
                        diagnostics.append(.warning("có \(what)", at: SourcePosition(file: file, line: line, column: column),
                                                    hint: "gõ lại đoạn này bằng tay để tệp sạch hẳn"))
                    } else {
                        unreported += 1
                    }
                }
                if space { out.append(" ") }
            } else {
                out.append(scalar)
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        if unreported > 0 {
            diagnostics.append(.warning("còn \(unreported) dòng khác có ký tự ẩn hoặc dấu cách đặc biệt, đã xử lý như trên",
                                        at: SourcePosition(file: file), hint: "gõ lại các dòng đó hoặc dán vào trình soạn thảo dạng văn bản thuần"))
        }
        return String(out)
    }

    /// Whether the first two UTF-8 bytes of a special space or zero-width
    /// character occur: C2 85/A0/AD (U+0085, U+00A0, U+00AD), E1 9A/A0
    /// (U+1680, U+180E), E2 80/81 (U+2000–U+207F), E3 80 (U+3000), EF BB
    /// (U+FEFF). A byte scan is much faster than a scalar walk on big files,
    /// which mostly have none; Vietnamese letters (E1 BA/BB …) do not match.
    static func mayHaveSpecialSpaces(_ text: String) -> Bool {
        var previous: UInt8 = 0
        return text.utf8.contains { byte in
            defer { previous = byte }
            switch (previous, byte) {
            case (0xC2, 0x85), (0xC2, 0xA0), (0xC2, 0xAD), (0xE1, 0x9A), (0xE1, 0xA0),
                 (0xE2, 0x80), (0xE2, 0x81), (0xE3, 0x80), (0xEF, 0xBB):
                return true
            default:
                return false
            }
        }
    }

    /// Characters that show nothing: zero-width space and joiners, word
    /// joiner, BOM inside the text, soft hyphen, direction marks, overrides
    /// and isolates (which reorder how a line is displayed).
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// YAML reads `!word` at the start of a value as a type tag and drops it
    /// from the text (`trich_yeu: !Quan trọng …` loses "!Quan"); only the
    /// standard tags (`!!str`, …) are meaningful, so any other is an error.
    mutating func reportTags(_ root: Node) {
        var pending = [root]
        var visited = 0
        while let node = pending.popLast() {
            visited += 1
            // Alias expansion is bounded by YAMLShape; this is a second fence.
            if visited > 1_000_000 { return }
            let tag = node.tag.rawValue
            if !tag.isEmpty, !tag.hasPrefix("tag:yaml.org,2002:") {
                error("giá trị bắt đầu bằng `\(tag)` bị YAML hiểu là thẻ kiểu dữ liệu và bị cắt khỏi nội dung", at: node,
                      hint: "đặt cả giá trị trong dấu nháy kép \"…\" nếu `!` là một phần của nội dung")
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() {
                    pending.append(value)
                    pending.append(key)
                }
            case .sequence(let sequence):
                pending.append(contentsOf: sequence.reversed())
            case .scalar, .alias:
                break
            }
        }
    }

    /// A plain one-line value followed by ` # …` on its line: YAML took the
    /// rest of the line as a comment and dropped it. Returns what was dropped.
    func droppedComment(_ node: Node, _ scalar: Node.Scalar) -> String? {
        guard scalar.style == .plain || scalar.style == .any,
              let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return nil }
        // Most lines have no " #"; finding that out on bytes is cheap.
        var previous: UInt8 = 0
        guard lines[mark.line - 1].utf8.contains(where: { byte in
            defer { previous = byte }
            return byte == UInt8(ascii: "#") && (previous == 0x20 || previous == 0x09)
        }), !scalar.string.contains("\n") else { return nil }
        let line = lines[mark.line - 1].unicodeScalars
        guard mark.column >= 1, mark.column <= line.count else { return nil }
        let start = line.index(line.startIndex, offsetBy: mark.column - 1)
        let rest = Substring(line[start...])
        guard rest.hasPrefix(scalar.string) else { return nil }
        let after = rest.dropFirst(scalar.string.count)
        let comment = after.drop { $0 == " " || $0 == "\t" }
        guard after.first == " " || after.first == "\t", comment.hasPrefix("#"),
              comment.dropFirst().contains(where: { !$0.isWhitespace }) else { return nil }
        return String(comment).trimmingCharacters(in: .whitespaces)
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

        /// Spaces at the start of the problem line.
        var indentation: Int { line.prefix { $0 == " " }.count }

        /// The nearest line above with content (not blank, not a comment).
        var previousLine: (number: Int, text: Substring, indentation: Int)? {
            var number = mark.line - 1
            while number >= 1 {
                let text = Self.line(number, in: self.text)
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty && !trimmed.hasPrefix("#") {
                    return (number, text, text.prefix { $0 == " " }.count)
                }
                number -= 1
            }
            return nil
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

        let beforeMark = p.line.unicodeScalars.prefix(max(0, p.mark.column - 1))
        let textBefore = String(String.UnicodeScalarView(beforeMark)).trimmingCharacters(in: .whitespaces)
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
        if context.contains("block scalar") {
            return ("khối chữ nhiều dòng (`|` hoặc `>`) viết sai", "sau `|` hoặc `>` phải xuống dòng ngay, rồi thụt lề các dòng chữ", p.mark)
        }
        if problem.contains("mapping values are not allowed") {
            if textBefore.contains(": ") {
                return ("giá trị có dấu `:` theo sau là dấu cách, YAML hiểu nhầm là một khóa mới",
                        "đặt cả giá trị trong dấu nháy kép, ví dụ `trich_yeu: \"Kế hoạch: …\"`", p.mark)
            }
            if let previous = p.previousLine, p.indentation > previous.indentation, previous.text.contains(": ") {
                return ("dòng này thụt vào sâu hơn dòng \(previous.number) nên bị hiểu là phần tiếp theo của giá trị dòng đó",
                        "các khóa cùng cấp phải thẳng cột với nhau (cùng số dấu cách ở đầu dòng)", p.mark)
            }
            return ("dấu `:` không đúng chỗ", quoteHint, p.mark)
        }
        if textBefore.hasSuffix("\"") || textBefore.hasSuffix("'"),
           problem.contains("expected key") || problem.contains("expected comment or line break") {
            return ("còn chữ sau dấu nháy đóng", "đặt cả giá trị trong một cặp dấu nháy, hoặc bỏ dấu nháy đi", p.mark)
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
            // libyaml gives up on keys longer than 1024 characters.
            let keyLine = SyntaxProblem.line(start.line, in: p.text).unicodeScalars
            if let colon = keyLine.firstIndex(of: ":"), keyLine.distance(from: keyLine.startIndex, to: colon) - start.column > 1_000 {
                return ("tên khóa dài quá 1024 ký tự",
                        "tên khóa chỉ là vài chữ không dấu, ví dụ `trich_yeu`; nếu đây là một đoạn văn, đặt cả đoạn trong dấu nháy kép", start)
            }
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
            return ("trong dấu nháy kép, sau dấu `\\` chỉ được là n, t, \", \\ hoặc mã u…",
                    "dùng dấu nháy đơn '…' thay cho nháy kép, hoặc viết `\\\\` cho một dấu `\\`", p.mark)
        }
        if problem.contains("cannot start any token") {
            let what = p.character.map { "ký tự “\($0)”" } ?? "ký tự này"
            return ("\(what) không được đứng đầu một giá trị YAML", quoteHint, p.mark)
        }
        if problem.contains("expected comment or line break") {
            return ("còn chữ sau giá trị trên cùng dòng", "đặt cả giá trị trong một cặp dấu nháy, hoặc bỏ phần thừa", p.mark)
        }
        if problem.contains("expected <document start>") {
            return ("còn nội dung thừa sau khi dữ liệu đã kết thúc (dấu `}` hoặc `]` thừa, hoặc dòng thụt lề sai)",
                    "xóa phần thừa, hoặc thụt lề dòng này cho đúng khối của nó", p.mark)
        }
        if problem.contains("another document") || problem.contains("document indicator") {
            return ("tệp có nhiều hơn một văn bản YAML (dòng `---` hoặc `...` ở giữa tệp)",
                    "mỗi tệp chỉ chứa một văn bản: xóa dòng `---`/`...` hoặc tách ra nhiều tệp", p.mark)
        }
        if problem.contains("undefined tag handle") || context.contains("tag") {
            return ("giá trị bắt đầu bằng `!` bị hiểu là thẻ kiểu YAML", quoteHint, p.contextMark ?? p.mark)
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
        diagnostics.append(.error(Self.shorten(message), at: node.map(position) ?? SourcePosition(file: file),
                                  hint: hint.map { Self.shorten($0) }))
    }

    mutating func warning(_ message: String, at node: Node?, hint: String? = nil) {
        diagnostics.append(.warning(Self.shorten(message), at: node.map(position) ?? SourcePosition(file: file),
                                    hint: hint.map { Self.shorten($0) }))
    }

    /// Messages quote what the clerk wrote (a key, a value); a pasted
    /// megabyte must not become a megabyte-long line on the terminal, so the
    /// middle of a very long message is cut, keeping its start and end.
    static func shorten(_ message: String, limit: Int = 400) -> String {
        guard message.utf8.count > limit, message.count > limit else { return message }
        return String(message.prefix(limit - 100)) + " … " + String(message.suffix(80))
    }

    mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// A mapping's entries by key, reporting unknown keys with the nearest valid one.
    mutating func mapping(_ node: Node, _ what: String, allowed: [String]) -> Fields? {
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
        if scalar.tag.rawValue == Tag.Name.null.rawValue, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
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
        InputText.isForbidden(scalar) || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
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
        case .scalar(let scalar) where scalar.tag.rawValue == Tag.Name.null.rawValue: return []
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
