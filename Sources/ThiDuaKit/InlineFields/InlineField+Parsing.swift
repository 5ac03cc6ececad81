/// The syntax of inline fields, on text alone (no catalogue, no positions in the file):
/// text is cut into literal pieces and fields, each field into its kind, codes and options,
/// with character offsets so the loader can point at the exact place.
enum InlineFieldSyntax {
    /// A piece of text: literal, or a field.
    enum Piece: Equatable {
        case literal(String)
        case field(Parsed)
        /// A brace that opens or closes no field; `offset` is its index in characters.
        case strayBrace(Character, offset: Int)
        /// `{…}` that is not a field; `reason` says why (in Vietnamese).
        case malformed(String, reason: String, offset: Int)
    }

    /// One option: a word, with a value when one follows it (`nam 2030`).
    struct Option: Equatable {
        var name: String
        var value: String?
        /// Offset of the option's name from the field's opening brace, in characters.
        var offset: Int
    }

    /// A field as written.
    struct Parsed: Equatable {
        var kind: String
        var codes: [(code: String, offset: Int)]
        var options: [Option]
        /// The text after `ten`, if given.
        var ownName: String?
        /// The field as written, braces included.
        var source: String
        /// Offset of the opening brace in the text, in characters; and which single opening
        /// brace of the text it is (0 for the first), to find it in the source file.
        var offset: Int
        var braceOrdinal: Int

        static func == (a: Parsed, b: Parsed) -> Bool {
            a.kind == b.kind && a.codes.map(\.code) == b.codes.map(\.code) && a.codes.map(\.offset) == b.codes.map(\.offset)
                && a.options == b.options && a.ownName == b.ownName && a.source == b.source && a.offset == b.offset
        }
    }

    /// True when the text has a brace at all (most text has none: a byte test is enough).
    static func mayHaveFields(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
    }

    /// Cuts `text` into pieces. `{{` and `}}` are literal braces.
    static func pieces(_ text: String) -> [Piece] {
        let characters = Array(text)
        var pieces: [Piece] = []
        var literal = ""
        var ordinal = 0
        var i = 0
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
        }
        while i < characters.count {
            let c = characters[i]
            if c == "{" || c == "}", i + 1 < characters.count, characters[i + 1] == c {
                literal.append(c)
                i += 2
                continue
            }
            if c == "}" {
                flush()
                pieces.append(.strayBrace(c, offset: i))
                i += 1
                continue
            }
            guard c == "{" else {
                literal.append(c)
                i += 1
                continue
            }
            flush()
            var j = i + 1
            while j < characters.count, characters[j] != "}", characters[j] != "{" { j += 1 }
            guard j < characters.count, characters[j] == "}" else {
                pieces.append(.strayBrace(c, offset: i))
                ordinal += 1
                i += 1
                continue
            }
            let source = String(characters[i...j])
            let inner = String(characters[(i + 1)..<j])
            switch parse(inner, source: source, offset: i, ordinal: ordinal) {
            case .success(let parsed): pieces.append(.field(parsed))
            case .failure(let failure): pieces.append(.malformed(source, reason: failure.reason, offset: i))
            }
            ordinal += 1
            i = j + 1
        }
        flush()
        return pieces
    }

    struct Failure: Error { var reason: String }

    /// `kind[:] code[+code…][, option]…` between the braces.
    static func parse(_ inner: String, source: String, offset: Int, ordinal: Int) -> Result<Parsed, Failure> {
        let characters = Array(inner)
        var i = 0
        func skipSpaces() { while i < characters.count, characters[i] == " " || characters[i] == "\t" { i += 1 } }
        func isCodeCharacter(_ c: Character) -> Bool {
            c.isASCII && (c.isLetter || c.isNumber || c == "_")
        }
        skipSpaces()
        var kind = ""
        while i < characters.count, isCodeCharacter(characters[i]) { kind.append(characters[i]); i += 1 }
        guard !kind.isEmpty else {
            return .failure(Failure(reason: "sau `{` phải là tên trường, ví dụ `{ky_niem thanh_lap_dang}`"))
        }
        if i < characters.count, characters[i] == ":" { i += 1 }
        skipSpaces()
        // Codes up to the first comma.
        var codes: [(String, Int)] = []
        var code = "", codeStart = i
        while i < characters.count, characters[i] != "," {
            let c = characters[i]
            if c == "+" {
                guard !code.isEmpty else { return .failure(Failure(reason: "thiếu mã trước dấu `+`")) }
                codes.append((code, codeStart + 1))
                code = ""
                i += 1
                skipSpaces()
                codeStart = i
                continue
            }
            if c == " " || c == "\t" {
                skipSpaces()
                if i < characters.count, characters[i] != ",", characters[i] != "+" {
                    return .failure(Failure(reason: "mã chỉ gồm chữ không dấu, số và `_`; các tùy chọn cách nhau bằng dấu phẩy"))
                }
                continue
            }
            guard isCodeCharacter(c) else {
                return .failure(Failure(reason: "mã chỉ gồm chữ không dấu, số và `_`, không có \"\(c)\""))
            }
            if code.isEmpty { codeStart = i }
            code.append(c)
            i += 1
        }
        guard !code.isEmpty else { return .failure(Failure(reason: "thiếu mã sau tên trường `\(kind)`")) }
        codes.append((code, codeStart + 1))
        // Options.
        var options: [Option] = []
        var ownName: String?
        while i < characters.count, characters[i] == "," {
            i += 1
            skipSpaces()
            let nameStart = i
            var name = ""
            while i < characters.count, isCodeCharacter(characters[i]) { name.append(characters[i]); i += 1 }
            guard !name.isEmpty else { return .failure(Failure(reason: "sau dấu phẩy phải là một tùy chọn, ví dụ `khoang`")) }
            if i < characters.count, characters[i] == ":" { i += 1 }
            skipSpaces()
            if name == "ten" {
                let rest = String(characters[i...]).trimmingSpaces()
                guard !rest.isEmpty else { return .failure(Failure(reason: "sau `ten` phải là tên sự kiện theo cách ghi của văn bản")) }
                ownName = rest
                i = characters.count
                break
            }
            var value = ""
            while i < characters.count, characters[i] != "," { value.append(characters[i]); i += 1 }
            let trimmed = value.trimmingSpaces()
            options.append(Option(name: name, value: trimmed.isEmpty ? nil : trimmed, offset: nameStart + 1))
        }
        return .success(Parsed(kind: kind, codes: codes.map { (code: $0.0, offset: $0.1) }, options: options, ownName: ownName,
                               source: source, offset: offset, braceOrdinal: ordinal))
    }
}

extension String {
    /// Without the spaces and tabs at both ends (no Foundation).
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
