import Yams

/// Inline fields in running text: read with the text, computed at once, and reported at the
/// line and column of the brace (or of the code or option at fault) in the data file.
extension YAMLReader {
    /// Text (as `text(_:_:)`) with its inline fields replaced by their values.
    mutating func richText(_ node: Node, _ what: String) -> String? {
        guard let text = text(node, what) else { return nil }
        guard InlineFieldSyntax.mayHaveFields(text) else { return text }
        return resolvingFields(text, node)
    }

    mutating func resolvingFields(_ text: String, _ node: Node) -> String {
        var out = ""
        let characters = Array(text)
        for piece in InlineFieldSyntax.pieces(text) {
            switch piece {
            case .literal(let literal):
                out += literal
            case .strayBrace(let brace, let offset):
                let ordinal = Self.singleOccurrences(of: brace, in: characters, before: offset)
                diagnostics.append(.error("dấu `\(brace)` không mở hay đóng trường nào", at: bracePosition(node, brace, ordinal: ordinal),
                                          hint: "viết `\(brace)\(brace)` để in dấu ngoặc nhọn; trường viết dạng `{ky_niem thanh_lap_dang}`"))
                out.append(brace)
            case .malformed(let source, let reason, let offset):
                let ordinal = Self.singleOccurrences(of: "{", in: characters, before: offset)
                diagnostics.append(.error("trường \(Self.shorten(source, limit: 80)) viết sai: \(reason)",
                                          at: bracePosition(node, "{", ordinal: ordinal),
                                          hint: "viết dạng `{ky_niem thanh_lap_dang}` hoặc `{ky_niem thanh_lap_dang, khoang}`; `{{` in dấu `{`"))
                out += source
            case .field(let parsed):
                out += value(of: parsed, node, textBefore: out)
            }
        }
        return out
    }

    /// The field's value (its source when it is wrong, after reporting why).
    mutating func value(of parsed: InlineFieldSyntax.Parsed, _ node: Node, textBefore: String) -> String {
        let start = bracePosition(node, "{", ordinal: parsed.braceOrdinal)
        func at(_ offset: Int) -> SourcePosition {
            SourcePosition(file: start.file, line: start.line, column: start.column + offset)
        }
        // No resolver: the document's date could not be read, which is reported already; the
        // year every field counts to is unknown, so the fields stay as written.
        guard let resolver = fieldResolver else { return parsed.source }
        switch resolver.resolve(parsed) {
        case .failure(let list):
            for problem in list.problems {
                diagnostics.append(.error(Self.shorten(problem.message), at: at(problem.offset), hint: problem.hint))
            }
            return parsed.source
        case .success(let result):
            if result.kind == .kyNiem, let typed = Self.typedYearsBefore(textBefore) {
                let computed = result.value.prefix { $0.isNumber }
                let message = String(typed) == String(computed)
                    ? "trước trường \(parsed.source) đã ghi tay \"\(typed) năm\": trường tự in số năm nên chữ này bị lặp"
                    : "trước trường \(parsed.source) ghi tay \"\(typed) năm\" nhưng số năm đúng là \(computed)"
                diagnostics.append(.error(Self.shorten(message), at: start, hint: "bỏ \"\(typed) năm\" trước trường"))
            }
            let codes = parsed.codes.map { Located($0.code, at: at($0.offset)) }
            inlineFields.append(InlineField(kind: result.kind, codes: codes, source: parsed.source, position: start,
                                            value: result.value, year: result.year, phaseIndex: resolver.phase?.index))
            return result.value
        }
    }

    /// The digits of a hand-typed "95 năm" that ends `text`, if any.
    static func typedYearsBefore(_ text: String) -> Substring? {
        var rest = Substring(text)
        while rest.last == " " { rest.removeLast() }
        guard rest.lowercased().hasSuffix("năm") else { return nil }
        rest.removeLast(3)
        guard rest.last == " " else { return nil }
        while rest.last == " " { rest.removeLast() }
        let digits = rest.reversed().prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Substring(String(digits.reversed()))
    }

    /// How many single (not doubled) `brace`s come before `offset`.
    static func singleOccurrences(of brace: Character, in characters: [Character], before offset: Int) -> Int {
        var count = 0, i = 0
        while i < offset, i < characters.count {
            if characters[i] == brace {
                if i + 1 < characters.count, characters[i + 1] == brace { i += 2; continue }
                count += 1
            }
            i += 1
        }
        return count
    }

    /// Where the `ordinal`-th single `brace` of the node's value is in the file: found by
    /// scanning the source from the node's start (YAML folds lines and drops quotes, so the
    /// value's offsets do not map to columns, but its braces are the source's braces).
    func bracePosition(_ node: Node, _ brace: Character, ordinal: Int) -> SourcePosition {
        let fallback = position(node)
        guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count,
              let target = brace.unicodeScalars.first else { return fallback }
        var seen = 0
        for lineIndex in (mark.line - 1)..<lines.count {
            let scalars = Array(lines[lineIndex].unicodeScalars)
            var column = lineIndex == mark.line - 1 ? max(0, mark.column - 1) : 0
            while column < scalars.count {
                if scalars[column] == target {
                    if column + 1 < scalars.count, scalars[column + 1] == target { column += 2; continue }
                    if seen == ordinal { return SourcePosition(file: file, line: lineIndex + 1, column: column + 1) }
                    seen += 1
                }
                column += 1
            }
        }
        return fallback
    }
}
