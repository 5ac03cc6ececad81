import Foundation
import Yams

/// Reads a Yams node tree into typed values, collecting Vietnamese
/// diagnostics with positions instead of failing at the first problem.
///
/// Every accessor returns nil after recording a diagnostic, so a loader can
/// go on and report all faults of a file in one run.
struct YAMLReader {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Findings past `maxFindings` (60,000 unknown keys pasted in): counted, not listed;
    /// `allDiagnostics` says how many, an error when one of them was.
    var unlistedErrors = 0, unlistedWarnings = 0
    static let maxFindings = 200
    /// The parsed text's lines, to see what YAML dropped from a line (a `#` comment).
    var lines: [Substring] = []
    /// Computes inline fields (`{ky_niem …}`) while text is read; set by the document loader
    /// once the catalogue, the congresses and the year are known.
    var fieldResolver: InlineFieldResolver?
    /// The fields met so far, as written and what they became.
    var inlineFields: [InlineField] = []
    /// The targets of the `cac_chi_tieu` blocks read so far (a plan's targets as data).
    var planTargets: [PlanTarget] = []
    /// Where each mapping read starts and the keys it accepts, when a caller asks (nil, the
    /// default, records nothing): the schema's drift test compares these with `DocumentSchema`.
    var keySets: [(position: SourcePosition, allowed: [String])]?

    init(file: String) {
        self.file = file
    }

    /// Yams' resolver with no rules: the reader types every value itself (nulls included, see
    /// `isNullScalar`). The default rules run regular expressions on every scalar, keys
    /// included, and even the null rule alone compiles an ICU regular expression, about a
    /// millisecond of a fresh process's start. Keys stay equal exactly when they were (same
    /// text); explicit tags (`!word`, checked by `reportTags`; `!!null`) are kept as written.
    static let resolver = Resolver.basic

    /// A null as YAML core schema reads one: an explicit `!!null`, or a plain (unquoted) empty,
    /// `~`, `null`, `Null` or `NULL`.
    static func isNullScalar(_ scalar: Node.Scalar) -> Bool {
        if scalar.tag.rawValue == Tag.Name.null.rawValue { return true }
        guard scalar.style == .plain || scalar.style == .any else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// JSON writes a character beyond U+FFFF as two escaped halves (`\ud83d\ude00`, as
    /// Python's `json.dumps` does by default), which YAML refuses; each such pair becomes the
    /// one escape YAML reads (`\U0001F600`). Lone halves are left for YAML to refuse; an
    /// escaped backslash (`\\`) is passed over, so `\\ud83d` stays text.
    static func joiningSurrogateEscapes(_ text: String) -> String {
        guard text.contains("\\u") else { return text }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var out = String.UnicodeScalarView()
        func hex(_ at: Int) -> UInt32? {
            guard at + 6 <= scalars.count, scalars[at] == "\\", scalars[at + 1] == "u" else { return nil }
            var value: UInt32 = 0
            for scalar in scalars[(at + 2) ..< (at + 6)] {
                guard let digit = Character(scalar).hexDigitValue else { return nil }
                value = value * 16 + UInt32(digit)
            }
            return value
        }
        while index < scalars.count {
            if scalars[index] == "\\", index + 1 < scalars.count, scalars[index + 1] == "\\" {
                out.append(scalars[index])
                out.append(scalars[index + 1])
                index += 2
                continue
            }
            if let high = hex(index), (0xD800...0xDBFF).contains(high), let low = hex(index + 6), (0xDC00...0xDFFF).contains(low) {
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                out.append(contentsOf: ("\\U" + String(format: "%08X", value)).unicodeScalars)
                index += 12
                continue
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }

    /// Parses text (YAML, or JSON, which is YAML flow style) into a node.
    /// Returns nil after recording a diagnostic for syntax errors.
    mutating func parse(_ original: String) -> Node? {
        // Special spaces become plain ones first, so a file of NBSPs is empty too.
        let text = Self.joiningSurrogateEscapes(cleanSpecialSpaces(original))
        // Stops at the first visible byte: cheap even on a 10 MB file.
        if !text.utf8.contains(where: { !Self.isBlankByte($0) }) {
            diagnostics.removeAll()  // warnings about its spaces would only distract
            diagnostics.append(.error("tệp rỗng, không có dữ liệu", at: SourcePosition(file: file, line: 1, column: 1),
                                      hint: "sao chép một tệp mẫu trong thư mục Examples/ rồi sửa lại"))
            return nil
        }
        lines = VietnameseText.lines(text)
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
            diagnostics.append(.error("không đọc được tệp (\(SystemErrorText.describe(error: error)))", at: SourcePosition(file: file),
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

    /// Whether the text holds a character `cleanSpecialSpaces` acts on (a special space or a
    /// zero-width character), found on the UTF-8 bytes: much faster than a scalar walk, and
    /// exact, so the common case (none) never pays for the copy.
    static func mayHaveSpecialSpaces(_ text: String) -> Bool {
        // Exactly the UTF-8 forms of the characters `cleanSpecialSpaces` acts on, so that text
        // with an ellipsis, a dash or curly quotes (U+2013…U+2026: E2 80 93…A6) is not copied.
        var text = text
        return text.withUTF8 { bytes -> Bool in
            let count = bytes.count
            var index = 0
            while index < count {
                let lead = bytes[index]
                if lead == 0xC2, index + 1 < count {
                    let next = bytes[index + 1]
                    if next == 0x85 || next == 0xA0 || next == 0xAD { return true } // NEL, NBSP, soft hyphen
                } else if lead >= 0xE1, lead <= 0xEF, index + 2 < count {
                    let second = bytes[index + 1], third = bytes[index + 2]
                    switch (lead, second) {
                    case (0xE1, 0x9A): if third == 0x80 { return true }                  // U+1680
                    case (0xE1, 0xA0): if third == 0x8E { return true }                  // U+180E
                    case (0xE2, 0x80): if third <= 0x8F || third >= 0xA8 && third <= 0xAF { return true } // U+2000–200F, U+2028–202F
                    case (0xE2, 0x81): if third == 0x9F || third == 0xA0 || third >= 0xA6 && third <= 0xA9 { return true } // U+205F, 2060, 2066–2069
                    case (0xE3, 0x80): if third == 0x80 { return true }                  // U+3000
                    case (0xEF, 0xBB): if third == 0xBF { return true }                  // U+FEFF
                    default: break
                    }
                }
                index += 1
            }
            return false
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
    /// The tags of YAML's core schema (and the merge key and dates, which resolve to them).
    static let coreTags: Set<String> = ["str", "int", "float", "bool", "null", "map", "seq", "merge", "timestamp", "value"]

    mutating func reportTags(_ root: Node) {
        var pending = [root]
        var visited = 0
        while let node = pending.popLast() {
            visited += 1
            // Alias expansion is bounded by YAMLShape; this is a second fence.
            if visited > 1_000_000 { return }
            let tag = node.tag.rawValue
            // The core schema's own tags are plain values; `!!binary` (decoded to bytes, then
            // printed as garbage), `!!python/object:…` and the like name types a data file
            // never holds, and are refused like any other tag.
            let core = tag.hasPrefix("tag:yaml.org,2002:") && Self.coreTags.contains(String(tag.dropFirst("tag:yaml.org,2002:".count)))
            if !tag.isEmpty, tag != "?", tag != "!", !core {
                let written = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
                error("giá trị bắt đầu bằng `\(written)` bị YAML hiểu là thẻ kiểu dữ liệu và bị cắt khỏi nội dung", at: node,
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

    /// A plain one-line value followed by ` # …` on its line, where the `#` looks like it cut
    /// visible text rather than opened a comment. Returns what was dropped.
    ///
    /// YAML drops everything from ` #` as a comment, and clerks do write comments after values
    /// (`ten: Mục đích  # ghi chú`), so only two cases are reported: a `#` glued to what follows
    /// ("đợt #1 năm 2025", which a comment never is), and a `#` after a single space in the middle
    /// of what reads as a sentence (five words or more with no final stop, the dropped part
    /// going on in lower case or digits: "… thi đua đợt # 1 năm 2025").
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
        let text = comment.dropFirst()
        let gluedToText = text.first.map { !$0.isWhitespace } ?? false
        let spacesBefore = after.count - comment.count
        let words = scalar.string.split(separator: " ")
        let sentenceLike = words.count >= 5 && !(scalar.string.last.map { ".;:!?".contains($0) } ?? false)
        let goesOn = text.drop { $0 == " " }.first.map { $0.isLowercase || $0.isNumber } ?? false
        guard gluedToText || (spacesBefore == 1 && sentenceLike && goesOn) else { return nil }
        return String(comment).trimmingCharacters(in: .whitespaces)
    }


    /// `diagnostics`, and a line for those not listed.
    var allDiagnostics: [Diagnostic] {
        let unlisted = unlistedErrors + unlistedWarnings
        guard unlisted > 0 else { return diagnostics }
        let text = "còn \(VietnameseNumber.integer(unlistedErrors)) lỗi và \(VietnameseNumber.integer(unlistedWarnings)) cảnh báo khác trong tệp, không liệt kê"
        let hint = "sửa các lỗi trên rồi chạy lại để xem tiếp"
        let position = SourcePosition(file: file)
        return diagnostics + [unlistedErrors > 0 ? .error(text, at: position, hint: hint) : .warning(text, at: position, hint: hint)]
    }
}
