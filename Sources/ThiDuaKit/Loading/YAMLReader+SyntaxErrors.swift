import Yams

/// Turning libyaml's syntax errors into Vietnamese diagnostics a clerk can act on.
extension YAMLReader {
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
        case .reader:
            // InputText.decode has refused bad bytes already; this is a fallback. libyaml's
            // own words are English: the clerk gets the fix, not the detail.
            return .error("tệp có ký tự không đọc được", at: SourcePosition(file: file),
                          hint: "lưu lại tệp với bảng mã UTF-8 và bỏ các ký tự lạ")
        default:
            return .error("không đọc được cấu trúc YAML của tệp", at: SourcePosition(file: file),
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
        if problem.contains("unknown escape character") || problem.contains("Unicode character escape") || problem.contains("hexdecimal") {
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
        if context.contains("directive") || problem.contains("directive") || problem.contains("incompatible YAML document") {
            return ("dòng bắt đầu bằng `%` bị hiểu là chỉ thị YAML", "đặt giá trị trong dấu nháy kép, hoặc bỏ dòng đó", p.mark)
        }
        // Anything rarer: libyaml's words are English, so only where and how to look.
        return ("cú pháp YAML sai ở đây",
                "kiểm tra thụt lề, dấu `:` và dấu nháy ở dòng này; so sánh với một tệp mẫu trong Examples/", p.mark)
    }
}
