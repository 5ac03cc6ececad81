/// What one template text says about its structure, read before the Mustache engine
/// parses it: the partials it includes and how deeply its sections nest.
///
/// The engine (swift-mustache) parses sections recursively and renders partials
/// recursively, with no limit: a partial that includes itself crashes the process and
/// a fan-out of partials forty deep never ends. The partial graph of a template set is
/// static, so `TemplateSet` checks it here, before parsing or rendering anything.
///
/// The scanner follows the engine's tokenizer (delimiters as characters, `{{=<% %>=}}`
/// changes, comments, triple mustaches): a tag it reads differently from the engine
/// would hide a partial, so any text it cannot follow makes it stop with
/// `isComplete == false`, and the template is then refused.
struct TemplateScan {
    /// A `{{> name}}` (or `{{< name}}`, `{{>* name}}`) tag.
    struct Reference {
        enum Kind {
            /// `{{> name}}`: the named template, rendered in place.
            case partial
            /// `{{>* key}}`: a partial whose name comes from the data.
            case dynamic
            /// `{{< name}}…{{/name}}`: template inheritance.
            case parent
        }

        var name: String
        var kind: Kind
        var line: Int
        var column: Int
        /// Sections open around the tag: they add to the render nesting of the partial.
        var sectionDepth: Int
    }

    /// A `{{#name}}…{{/name}}` (or inverted, or block) section: what one pass of its body
    /// can print besides its variables, for the render budget (`TemplateObject`).
    struct Section {
        /// The key of the value the section renders: `rows` for `{{#rows}}`, `{{#a.rows}}`
        /// and `{{#reversed(rows)}}`; empty for `{{#.}}`.
        var key: String
        /// UTF-8 bytes between the opening and the closing tag.
        var bodyBytes: Int
        /// The indices in `references` of the partials inside the body, at any depth.
        var partials: Range<Int>
    }

    /// The references, in text order.
    var references: [Reference] = []
    /// The sections, in the order they close.
    var sections: [Section] = []
    /// The deepest section nesting, and where it was reached.
    var maxSectionDepth = 0
    var deepestLine = 1
    var deepestColumn = 1
    /// False when the scan stopped before the end (a tag it could not follow, or nesting
    /// beyond `depthLimit`); the engine then reports the syntax error, or the template is
    /// refused if the engine accepts it.
    var isComplete = true
    /// Where the scan stopped, when it did not complete.
    var stopLine = 1
    var stopColumn = 1
    /// True when the scan stopped because the engine would take too long to parse the
    /// text (see `parseCost`).
    var isTooSlowToParse = false
    /// Tags read, for messages.
    var tagCount = 0
    /// The engine's parse work, in characters stepped over: each time it tries a
    /// delimiter it first measures the rest of the text (`String.distance`, linear), so
    /// parsing is quadratic and a 1 MB file of tags takes minutes. Counted the same way.
    var parseCost = 0

    /// Scans `text`, giving up once sections nest deeper than `depthLimit` (the engine's
    /// recursive parser would overflow the stack on ten thousand nested sections).
    init(_ text: String, depthLimit: Int, costLimit: Int = .max) {
        var cursor = Cursor(text)
        var open = "{{", close = "}}"
        var depth = 0
        // Open sections: key, where the body starts, and the first reference inside.
        var openSections: [(key: String, start: Int, firstReference: Int)] = []
        while !cursor.atEnd {
            guard cursor.skip(toNext: open, costLimit: costLimit) else { break }
            if cursor.cost > costLimit { break }
            tagCount += 1
            let tagLine = cursor.line, tagColumn = cursor.column
            cursor.advance(by: open.count)
            guard let kind = cursor.current else { break }
            var ok = true
            switch kind {
            case "#", "^", "$":
                cursor.advance()
                let name = cursor.readName(Self.nameCharacters, close: close)
                ok = name != nil
                if let name {
                    depth += 1
                    openSections.append((Self.key(of: name), cursor.utf8Offset, references.count))
                }
            case "/":
                let closeStart = cursor.utf8Offset - open.utf8.count
                cursor.advance()
                ok = cursor.readName(Self.nameCharacters, close: close) != nil && depth > 0
                if ok {
                    depth -= 1
                    if let section = openSections.popLast() {
                        sections.append(Section(key: section.key, bodyBytes: max(0, closeStart - section.start),
                                                partials: section.firstReference ..< references.count))
                    }
                }
            case "!", "%":
                cursor.advance()
                ok = cursor.skipLikeEngine(past: close)
            case "{":
                cursor.advance()
                ok = cursor.readName(Self.nameCharacters, close: close) != nil && cursor.take("}")
            case "&":
                cursor.advance()
                ok = cursor.readName(Self.nameCharacters, close: close) != nil
            case ">", "<":
                cursor.advance()
                cursor.skipWhitespace()
                var dynamic = false
                if kind == ">" && cursor.current == "*" {
                    cursor.advance()
                    dynamic = true
                }
                if let name = cursor.readName(Self.partialNameCharacters, close: close) {
                    let referenceKind: Reference.Kind = kind == "<" ? .parent : (dynamic || name.hasPrefix("*") ? .dynamic : .partial)
                    references.append(Reference(name: name, kind: referenceKind, line: tagLine, column: tagColumn, sectionDepth: depth))
                    if kind == "<" {
                        depth += 1
                        openSections.append(("", cursor.utf8Offset, references.count))
                    }
                } else {
                    ok = false
                }
            case "=":
                cursor.advance()
                if let (newOpen, newClose) = cursor.readDelimiters(close: close) {
                    open = newOpen
                    close = newClose
                } else {
                    ok = false
                }
            default:
                ok = cursor.readName(Self.nameCharacters, close: close) != nil
            }
            if depth > maxSectionDepth {
                maxSectionDepth = depth
                deepestLine = tagLine
                deepestColumn = tagColumn
            }
            if !ok || depth > depthLimit {
                isComplete = false
                stopLine = tagLine
                stopColumn = tagColumn
                parseCost = cursor.cost
                return
            }
        }
        parseCost = cursor.cost
        if cursor.cost > costLimit {
            isComplete = false
            isTooSlowToParse = true
            stopLine = cursor.line
            stopColumn = cursor.column
        }
    }

    /// The key a section name looks up last: `a.rows` and `reversed(rows)` → `rows`.
    static func key(of name: String) -> String {
        var inner = Substring(name)
        while let open = inner.firstIndex(of: "("), let close = inner.lastIndex(of: ")"), open < close {
            inner = inner[inner.index(after: open)..<close]
        }
        let last = inner.split(separator: ".", omittingEmptySubsequences: true).last ?? ""
        return String(last)
    }

    /// The engine's characters of a variable or section name.
    static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    /// The engine's characters of a partial name.
    static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    /// A position in the text, by characters as the engine counts them, with line and column.
    struct Cursor {
        let text: String
        var index: String.Index
        var line = 1
        var column = 1
        /// Characters before the cursor, and in all.
        var offset = 0
        let total: Int
        /// The engine's work so far (see `TemplateScan.parseCost`).
        var cost = 0

        init(_ text: String) {
            self.text = text
            self.index = text.startIndex
            self.total = text.count
        }

        var atEnd: Bool { index == text.endIndex }
        /// UTF-8 bytes before the cursor.
        var utf8Offset: Int { text.utf8.distance(from: text.utf8.startIndex, to: index) }
        var current: Character? { atEnd ? nil : text[index] }

        mutating func advance(by count: Int = 1) {
            for _ in 0..<count where !atEnd {
                if text[index].isNewline {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index = text.index(after: index)
                offset += 1
            }
        }

        /// True when the text at the cursor starts with `string` (compared by characters).
        /// Where the engine would try the same match, it measures the rest of the text.
        mutating func starts(with string: String) -> Bool {
            if let first = string.first, current == first { cost += total - offset }
            var i = index
            for character in string {
                guard i < text.endIndex, text[i] == character else { return false }
                i = text.index(after: i)
            }
            return true
        }

        /// Consumes `character` if it is next.
        mutating func take(_ character: Character) -> Bool {
            guard current == character else { return false }
            advance()
            return true
        }

        /// Moves to the next occurrence of `delimiter`; false (at the end) when there is none.
        mutating func skip(toNext delimiter: String, costLimit: Int = .max) -> Bool {
            while !atEnd {
                if starts(with: delimiter) { return true }
                if cost > costLimit { return true }
                advance()
            }
            return false
        }

        /// Moves past the next occurrence of `delimiter`.
        mutating func skip(past delimiter: String) -> Bool {
            guard skip(toNext: delimiter) else { return false }
            advance(by: delimiter.count)
            return true
        }

        /// Moves past `delimiter` the way the engine ends a comment: a mismatch restarts
        /// the match at the next character (so "%%>" does not end a comment closed by
        /// "%>"); following it exactly keeps the scan aligned with the engine's tags.
        mutating func skipLikeEngine(past delimiter: String) -> Bool {
            let target = Array(delimiter)
            guard !target.isEmpty else { return true }
            var matched = 0
            while let c = current {
                if c == target[matched] {
                    matched += 1
                    advance()
                    if matched == target.count { return true }
                } else {
                    matched = 0
                    advance()
                }
            }
            return false
        }

        mutating func skipWhitespace() {
            while let c = current, c.isWhitespace { advance() }
        }

        /// White space, a name of `allowed` characters, white space and the closing
        /// delimiter, as the engine reads a tag; nil when the tag is not of that shape.
        mutating func readName(_ allowed: Set<Character>, close: String) -> String? {
            skipWhitespace()
            var name = ""
            while let c = current, allowed.contains(c) {
                name.append(c)
                advance()
            }
            skipWhitespace()
            guard starts(with: close) else { return nil }
            advance(by: close.count)
            return name
        }

        /// The body of `{{=<% %>=}}`: two delimiters without white space, then `=` and
        /// the closing delimiter in force.
        mutating func readDelimiters(close: String) -> (String, String)? {
            skipWhitespace()
            var first = ""
            while let c = current, !c.isWhitespace {
                first.append(c)
                advance()
            }
            skipWhitespace()
            var second = ""
            while let c = current, !c.isWhitespace, c != "=" {
                second.append(c)
                advance()
            }
            skipWhitespace()
            guard !first.isEmpty, !second.isEmpty, take("="), starts(with: close) else { return nil }
            advance(by: close.count)
            return (first, second)
        }
    }
}
