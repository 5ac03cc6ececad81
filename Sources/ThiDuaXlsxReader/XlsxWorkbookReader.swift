import ThiDuaKit

/// Reads a workbook's sheets as figure records, from its bytes: the caller (the workspace)
/// opened the file through its guarded path; this type never touches the disk.
///
/// Opening reads the package structure (relationships, workbook, shared strings, styles)
/// and refuses, with a Vietnamese diagnostic, anything that is not a readable .xlsx: an
/// .xls, an .ods, a password-protected workbook, a damaged zip, a zip bomb, XML with a DTD.
/// Each worksheet is then streamed row by row on demand.
public final class XlsxWorkbookReader {
    /// A sheet the workbook lists.
    public struct Sheet: Hashable, Sendable {
        /// The tab name, as the clerk sees it.
        public var name: String
        /// True for a hidden (or "very hidden") sheet; it is still read, and reported.
        public var isHidden: Bool
        /// False for a chart sheet or a dialog sheet, which hold no cells.
        public var isWorksheet: Bool
        /// The part in the zip.
        let part: String
    }

    /// What reading one sheet found besides its rows.
    public struct SheetSummary: Sendable {
        /// Rows that held at least one value.
        public var rowsWithValues = 0
        /// Findings about the sheet (cells right of the kept columns, broken string links).
        public var diagnostics: [Diagnostic] = []
    }

    /// The file label used in every diagnostic.
    public let file: String
    /// The sheets in workbook order.
    public let sheets: [Sheet]
    private let package: XlsxPackage
    private let strings: [String]
    private let dates: XlsxDateStyles
    private let limits: XlsxReadLimits

    /// Opens a workbook given as bytes. Throws `XlsxReadError`.
    public init(bytes: [UInt8], file: String, limits: XlsxReadLimits = .standard) throws {
        self.file = file
        self.limits = limits
        try XlsxContent.refuseIfNotZip(bytes, file: file)
        let package = try XlsxPackage(bytes: bytes, file: file, limits: limits)
        self.package = package
        try XlsxContent.refuseOtherPackages(package, file: file)

        let rootRelations = try Self.relationships(package, of: "", file: file)
        guard let workbookPart = rootRelations.first(where: { $0.type.hasSuffix("/officeDocument") })?.target
            ?? (package.contains("xl/workbook.xml") ? "xl/workbook.xml" : nil) else {
            throw XlsxReadError.notAWorkbook(file: file, found: nil)
        }
        let workbook = XlsxPartElements(wanted: ["sheet", "workbookPr"], attributes: ["name", "state", "id", "date1904"])
        try Self.parse(package, part: workbookPart, into: workbook, file: file)
        let relations = try Self.relationships(package, of: workbookPart, file: file)
        let byId = Dictionary(relations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var sheets: [Sheet] = []
        // A part is one sheet: a second sheet naming it (never written by Excel or
        // LibreOffice) would read the same rows again, and make a small file parse its
        // largest part hundreds of times.
        var parts: Set<String> = []
        for element in workbook.elements where element.name == "sheet" {
            guard sheets.count < limits.maxSheets, let name = element.attributes["name"],
                  let id = element.attributes["id"], let relation = byId[id],
                  parts.insert(relation.target).inserted else { continue }
            let state = element.attributes["state"] ?? "visible"
            sheets.append(Sheet(name: VietnameseText.nfc(name), isHidden: state != "visible",
                                isWorksheet: relation.type.hasSuffix("/worksheet"), part: relation.target))
        }
        guard !sheets.isEmpty else { throw XlsxReadError.noSheets(file: file) }
        self.sheets = sheets

        var strings: [String] = []
        if let part = relations.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target, package.contains(part) {
            let table = XlsxSharedStrings(maxStrings: limits.maxSharedStrings, maxBytes: limits.maxSharedStringBytes)
            let parser = try Self.parse(package, part: part, into: table, file: file, allowStop: true)
            if table.overLimit || parser.failure == .stopped {
                throw XlsxReadError.zipBomb(file: file, part: part, inflated: Int64(limits.maxSharedStringBytes), compressed: 0)
            }
            strings = table.strings
        }
        self.strings = strings

        var dates = XlsxDateStyles()
        if let part = relations.first(where: { $0.type.hasSuffix("/styles") })?.target, package.contains(part) {
            let styles = XlsxPartElements(wanted: ["numFmt", "xf"], attributes: ["numFmtId", "formatCode"])
            try Self.parse(package, part: part, into: styles, file: file)
            dates = XlsxDateStyles(elements: styles.elements)
        }
        dates.uses1904 = workbook.elements.contains {
            $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"] ?? "")
        }
        self.dates = dates
    }

    /// Streams the rows of `sheet` that hold a value, in file order, into `body`, which
    /// returns false to stop reading the sheet.
    public func readRows(of sheet: Sheet, _ body: (FigureRecord) -> Bool) throws -> SheetSummary {
        var summary = SheetSummary()
        guard sheet.isWorksheet else { return summary }
        try withoutActuallyEscaping(body) { body in
            let rows = XlsxSheetRows(sheet: sheet.name, strings: strings, dates: dates,
                                     maxColumns: limits.maxColumns, emit: body)
            try Self.parse(package, part: sheet.part, into: rows, file: file, allowStop: true)
            if let (row, element) = rows.misplaced {
                throw XlsxReadError.misplacedElement(file: file, sheet: sheet.name, row: row, element: element)
            }
            if let (row, column) = rows.repeatedCell {
                throw XlsxReadError.repeatedCell(file: file, sheet: sheet.name, row: row, column: column)
            }
            summary.rowsWithValues = rows.rowsWithValues
            if rows.cellsBeyond > 0, let first = rows.firstBeyond {
                summary.diagnostics.append(.warning(
                    "\(VietnameseNumber.integer(rows.cellsBeyond)) ô có dữ liệu ở quá xa bên phải (từ cột \(SourcePosition.columnLetters(limits.maxColumns + 1))) không được đọc",
                    at: SourcePosition(file: file, sheet: sheet.name, row: first.row, column: first.column),
                    hint: "bảng số liệu chỉ cần vài chục cột; xoá các ô thừa rồi lưu lại"))
            }
            if rows.badStringIndices > 0 {
                summary.diagnostics.append(.error(
                    "\(VietnameseNumber.integer(rows.badStringIndices)) ô trỏ tới chữ không có trong tệp (tệp bị hỏng); các ô này được coi là trống",
                    at: SourcePosition(file: file, sheet: sheet.name, row: rows.firstBadString?.row ?? 0, column: rows.firstBadString?.column ?? 0),
                    hint: "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại"))
            }
        }
        return summary
    }

    // MARK: - Parts

    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships of `part` ("" for the package), targets resolved to part names.
    /// A target that climbs out of the package is dropped: it names nothing inside it.
    static func relationships(_ package: XlsxPackage, of part: String, file: String) throws -> [Relationship] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard package.contains(relsPart) else { return [] }
        let collector = XlsxPartElements(wanted: ["Relationship"], attributes: ["Id", "Type", "Target", "TargetMode"])
        try parse(package, part: relsPart, into: collector, file: file)
        return collector.elements.compactMap { element in
            guard element.attributes["TargetMode"] != "External", let id = element.attributes["Id"],
                  let type = element.attributes["Type"], let target = element.attributes["Target"],
                  let resolved = resolve(target, from: folder) else { return nil }
            return Relationship(id: id, type: type, target: resolved)
        }
    }

    /// `target` relative to `folder` (or absolute from the package root), without `.` and
    /// `..`; nil when it would leave the package.
    static func resolve(_ target: String, from folder: String) -> String? {
        // Pieces as byte ranges of one buffer: `split` and `Substring == String` took 12,000
        // instructions for each target of every workbook's relationships.
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let targetBytes = Array(target.utf8)
        var bytes: [UInt8] = targetBytes.first == slash ? [] : Array(folder.utf8) + [slash]
        bytes += targetBytes
        var parts: [Range<Int>] = []
        var begin = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == slash {
            let piece = begin..<end
            begin = end + 1
            if piece.isEmpty || (piece.count == 1 && bytes[piece.lowerBound] == dot) { continue }
            if piece.count == 2 && bytes[piece.lowerBound] == dot && bytes[piece.lowerBound + 1] == dot {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(piece)
            }
        }
        guard !parts.isEmpty else { return nil }
        var joined: [UInt8] = []
        joined.reserveCapacity(bytes.count)
        for (i, piece) in parts.enumerated() {
            if i > 0 { joined.append(slash) }
            joined += bytes[piece]
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// Streams `part` through libxml2 into `handler`; throws for a DTD or malformed XML.
    @discardableResult
    static func parse(_ package: XlsxPackage, part: String, into handler: XMLEventHandler, file: String,
                      allowStop: Bool = false) throws -> XMLEventParser {
        let parser = XMLEventParser(handler: handler)
        handler.parser = parser
        try withExtendedLifetime(handler) {
            let inflating = try package.open(part)
            // A big sheet is inflated on another core while libxml2 parses it.
            let ahead = inflating.isLarge ? XlsxInflateAhead(part: inflating) : nil
            defer { ahead?.close() }
            // A limit or a damaged entry met while libxml2 pulls is thrown here, as when
            // the chunks were pushed: the reading error goes before the parser's.
            var readError: Error?
            var gap = XMLMarkupGap()
            let source = XMLPullSource { buffer, count in
                do {
                    let read = try ahead?.read(into: buffer, count: count) ?? inflating.read(into: buffer, count: count)
                    guard read <= 0 || gap.admit(UnsafeRawBufferPointer(start: buffer, count: read)) else {
                        readError = XlsxReadError.markupGap(file: file, part: part)
                        return -1
                    }
                    return read
                } catch {
                    readError = error
                    return -1
                }
            }
            parser.parse(pulling: source)
            if let readError { throw readError }
        }
        switch parser.failure {
        case nil: return parser
        case .stopped where allowStop: return parser
        case .stopped: throw XlsxReadError.damaged(file: file, part: part)
        case .documentTypeDeclaration: throw XlsxReadError.documentType(file: file, part: part)
        case .malformed(let line, _): throw XlsxReadError.malformedXML(file: file, part: part, line: line)
        }
    }
}
