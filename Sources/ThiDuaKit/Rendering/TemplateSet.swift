import Foundation
import Mustache

/// An output format of the text documents.
public enum OutputFormat: String, Sendable, CaseIterable {
    case md
    case txt
}

/// The Mustache templates in use: the built-in ones from `Templates/`,
/// with any a user supplies (`--templates DIR`) taking their place by name.
///
/// Partials (`{{> header.md}}`) resolve only among these templates, so a
/// template can never pull in a file from elsewhere on disk; a set whose partials
/// include themselves, or expand beyond a bound, is refused when it is built
/// (see `TemplateSet+Structure.swift`), so rendering always ends.
public struct TemplateSet: Sendable {
    /// The templates of the text formats, parsed when the set is made.
    private let library: MustacheLibrary
    /// The Word parts (`*.docx.mustache`), parsed on first use: a third of a short run's
    /// time would otherwise go into parsing XML templates that Markdown and text never use.
    private let word: WordParts
    /// File name → where it came from (`<built-in>` or the user's folder).
    public let origins: [String: String]
    /// Section key → what one pass of such a section in the text templates prints besides
    /// its variables (`TemplateSet.sectionWeights`), charged to the render budget per
    /// iteration; empty for the built-in set, which the test suite checks instead.
    let sectionWeights: [String: Int]

    /// Parses the built-in templates and the overrides (the Word parts when first used).
    ///
    /// - Parameters:
    ///   - overrides: file name (e.g. `ke-hoach.md.mustache`) → contents.
    ///   - overrideFolder: shown in error messages before the file name.
    /// - Throws: `ThiDuaError.template` naming the file, line and column: a syntax error,
    ///   a missing partial, a cycle of partials, or a set too large once expanded.
    public init(overrides: [String: String] = [:], overrideFolder: String = "") throws {
        var sources = BuiltinTemplates.all
        var origins = [String: String]()
        for name in sources.keys { origins[name] = "<mẫu có sẵn>/\(name)" }
        for (name, text) in overrides {
            sources[name] = text
            origins[name] = overrideFolder.isEmpty ? name : "\(overrideFolder)/\(name)"
        }
        let known = Set(sources.keys.map(Self.templateName))
        // Size, nesting and the partial graph first, on bytes: the engine's parser recurses
        // once per open section, and a cycle or a fan-out of partials would never finish
        // rendering. The text templates are checked now, among themselves (they cannot
        // include a Word part); the Word parts with the whole set when first used, so a
        // broken Word part fails the Word file only.
        //
        // The built-in set alone is not scanned: it is part of the program, and the test
        // suite checks it whole (TemplateSetStructureTests.theBuiltInSetIsFarWithinTheLimits).
        // Skipping it saves a tenth of a short run's time; one override brings every check back.
        let text = sources.filter { !Self.isWordPart($0.key) }
        let checked = !overrides.isEmpty
        var nodes: [Node] = []
        var weights: [String: Int] = [:]
        if checked {
            for (file, body) in text.sorted(by: { $0.key < $1.key }) {
                nodes.append(try Self.scan(file: file, text: body, origin: origins[file] ?? file))
            }
            weights = try Self.checkStructure(nodes)
        }
        var library = MustacheLibrary()
        try Self.register(text, into: &library, known: known, origins: origins)
        self.library = library
        self.sectionWeights = weights
        self.word = WordParts(sources: sources.filter { Self.isWordPart($0.key) }, known: known, origins: origins,
                              base: library, textNodes: checked ? nodes : nil)
        self.origins = origins
    }

    /// True when some template came from the user's folder (`--templates`): what such a set
    /// renders is not known to be well-formed, so the Word writer checks each part it makes.
    public var isCustomized: Bool {
        origins.values.contains { !$0.hasPrefix("<mẫu có sẵn>/") }
    }

    /// True for the templates of the Word parts (`Templates/docx/`), parsed on first use.
    static func isWordPart(_ file: String) -> Bool {
        file.hasSuffix(".docx.mustache") || file.hasSuffix(".docx")
    }

    /// Parses `sources` into `library` (their partials were checked by `checkStructure`).
    static func register(_ sources: [String: String], into library: inout MustacheLibrary, known: Set<String>,
                         origins: [String: String]) throws {
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) {
            let name = Self.templateName(file)
            let origin = origins[file] ?? file
            do {
                let template = try MustacheTemplate(string: text)
                library.register(template, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw ThiDuaError.template(file: origin, line: error.context.lineNumber, column: error.context.columnNumber,
                                           message: Self.describe(error.error))
            }
        }
    }

    /// `ke-hoach.md.mustache` → `ke-hoach.md`.
    static func templateName(_ file: String) -> String {
        file.hasSuffix(".mustache") ? String(file.dropLast(".mustache".count)) : file
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "thẻ đóng `{{/…}}` không khớp tên với thẻ mở"
        case MustacheTemplate.Error.unfinishedName: return "thẻ chưa đóng `}}`"
        case MustacheTemplate.Error.expectedSectionEnd: return "thiếu thẻ đóng `{{/…}}` cho một khối"
        case MustacheTemplate.Error.invalidSetDelimiter: return "thẻ đổi ký hiệu `{{=…=}}` sai"
        default: return "cú pháp Mustache sai (\(error))"
        }
    }

    /// Renders `context` with the template `<kind>.<format>`.
    public func render(_ context: TemplateValue, kind: DocumentKind, format: OutputFormat) throws -> String {
        try render(object: TemplateObject(context), kind: kind, format: format)
    }

    /// Renders one context in several formats, converting it for the engine once.
    public func render(_ context: TemplateValue, kind: DocumentKind, formats: [OutputFormat]) throws -> [String] {
        let object = TemplateObject(context)
        return try formats.map { try render(object: object, kind: kind, format: $0) }
    }

    /// Renders the template `name` (file name without `.mustache`, e.g. `ke-hoach.docx`)
    /// exactly as it comes out, without `tidy`: for parts whose whitespace is content, such
    /// as the XML parts of a Word file. `object` is a context converted once by the caller
    /// for all the parts it renders.
    public func renderPart(object: TemplateObject, name: String) throws -> String {
        if Self.isWordPart(name) {
            let parts = try word.parts()
            return try render(object, name: name, in: parts.library, weights: parts.weights)
        }
        return try render(object, name: name, in: library, weights: sectionWeights)
    }

    /// Starts parsing the Word parts on another thread, for a job that will write Word: the
    /// parse (a quarter of a short run's time) then overlaps reading and checking the data,
    /// and the first `renderPart` of a Word part waits for it if it is not done. A parse
    /// error is kept and thrown there. Later calls do nothing.
    public func prepareWordPartsInBackground() {
        word.startInBackground()
    }

    /// Parses the Word parts now (if not already) and throws their error, as the first
    /// `renderPart` of a Word part would: for a check that makes no Word file.
    public func checkWordParts() throws {
        _ = try word.parts()
    }

    /// Where the template `name` (without `.mustache`) came from, for messages:
    /// `<mẫu có sẵn>/name.mustache` or the user's folder.
    public func origin(of name: String) -> String {
        origins["\(name).mustache"] ?? "\(name).mustache"
    }

    func render(object: TemplateObject, kind: DocumentKind, format: OutputFormat) throws -> String {
        Self.tidy(try render(object, name: "\(kind.templateName).\(format.rawValue)", in: library, weights: sectionWeights))
    }

    /// One render of the template `name` on the budget of `object` (see `TemplateObject`).
    private func render(_ object: TemplateObject, name: String, in library: MustacheLibrary, weights: [String: Int]) throws -> String {
        object.budget.reset(weights: weights)
        guard let output = library.render(object.root, withTemplate: name) else {
            throw ThiDuaError.template(file: "\(name).mustache", line: 0, column: 0,
                                       message: "không có mẫu `\(name).mustache`")
        }
        if object.budget.isExhausted {
            let budget = object.budget
            let message = budget.ranOutOfIterations
                ? "mẫu lặp các khối danh sách `{{#…}}` quá \(ReportText.grouped(budget.iterationLimit)) lần khi điền văn bản này, nên điền sẽ không bao giờ xong: có lẽ một khối nằm trong khối của chính danh sách ấy (hoặc của danh sách khác) nên lặp lại cả danh sách mỗi vòng; trong khối `{{#danh_sach}}…{{/danh_sach}}` chỉ dùng các trường của mục đang điền"
                : "mẫu điền ra quá \(ReportText.grouped(budget.byteLimit / 1_000_000)) MB chữ khi điền văn bản này, quá xa một văn bản thật: có lẽ một đoạn chữ dài (hay một mẫu con, một trường dài) nằm trong khối `{{#…}}` lặp lại nhiều lần; bớt chữ trong khối lặp"
            throw ThiDuaError.template(file: origin(of: name), line: 0, column: 0, message: message)
        }
        return output
    }

    /// Trailing spaces removed, no blank lines at the start, one final
    /// newline. Blank lines inside are kept: the signature space is blank.
    static func tidy(_ text: String) -> String {
        // Without CR, lines are split and trimmed byte by byte: "\n", " " and "\t" are
        // whole characters there. A CR may pair with "\n" into one character, so text
        // holding one takes the character-based path below.
        if !VietnameseText.containsByte(text, 0x0D) { return tidyBytes(text) }
        var lines: [Substring] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw
            while line.last == " " || line.last == "\t" || line.last == "\r" { line = line.dropLast() }
            if line.isEmpty && lines.isEmpty { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `tidy` for text without CR, on the UTF-8 bytes, a line at a time.
    static func tidyBytes(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 1)
            var pendingNewlines = 0 // blank lines waiting for a following non-blank line
            var started = false
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var trimmedEnd = lineEnd
                while trimmedEnd > lineStart && (bytes[trimmedEnd - 1] == 0x20 || bytes[trimmedEnd - 1] == 0x09) { trimmedEnd -= 1 }
                if trimmedEnd == lineStart {
                    if started { pendingNewlines += 1 }
                } else {
                    if started { out.append(contentsOf: repeatElement(0x0A, count: pendingNewlines + 1)) }
                    pendingNewlines = 0
                    started = true
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<trimmedEnd]))
                }
                lineStart = lineEnd + 1
            }
            out.append(0x0A)
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// The Word parts of a template set, parsed once on first use (by whichever thread needs
/// them first) together with the text templates, so a Word part may use any partial of the
/// set. A parse error is kept and thrown again to every later caller.
final class WordParts: @unchecked Sendable {
    private let lock = NSLock()
    private let sources: [String: String]
    private let known: Set<String>
    private let origins: [String: String]
    private let base: MustacheLibrary
    /// The text templates' scans, already checked: the graph of the Word parts includes them.
    /// Nil for the built-in set alone, which the test suite checks instead.
    private let textNodes: [TemplateSet.Node]?
    private var parsed: Result<(library: MustacheLibrary, weights: [String: Int]), Error>?
    private var started = false

    init(sources: [String: String], known: Set<String>, origins: [String: String], base: MustacheLibrary,
         textNodes: [TemplateSet.Node]?) {
        self.sources = sources
        self.known = known
        self.origins = origins
        self.base = base
        self.textNodes = textNodes
    }

    /// Parses on a background thread unless a parse has begun or ended.
    func startInBackground() {
        lock.lock()
        defer { lock.unlock() }
        guard parsed == nil, !started else { return }
        started = true
        DispatchQueue.global(qos: .userInitiated).async { _ = try? self.parts() }
    }

    /// The library of the whole set, and the section weights of the whole set (Word parts
    /// and text templates: a Word part may use a text template's partials).
    func parts() throws -> (library: MustacheLibrary, weights: [String: Int]) {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return try parsed.get() }
        let result = Result { () throws -> (library: MustacheLibrary, weights: [String: Int]) in
            var weights: [String: Int] = [:]
            if var nodes = textNodes {
                for (file, text) in sources.sorted(by: { $0.key < $1.key }) {
                    nodes.append(try TemplateSet.scan(file: file, text: text, origin: origins[file] ?? file))
                }
                weights = try TemplateSet.checkStructure(nodes, checking: Set(nodes.count - sources.count ..< nodes.count))
            }
            var library = base
            try TemplateSet.register(sources, into: &library, known: known, origins: origins)
            return (library, weights)
        }
        parsed = result
        return try result.get()
    }
}
