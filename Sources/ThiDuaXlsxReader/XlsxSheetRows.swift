import ThiDuaKit

/// Maps one worksheet's XML (`<sheetData><row><c>`) to `FigureRecord`s as it streams: the
/// only part of the xlsx format thidua reads itself. Every other part is libzip's or
/// libxml2's.
///
/// Cell kinds (ECMA-376 §18.3.1.4): `t="s"` shared string, `inlineStr`, `str` (a formula's
/// text), `b`, `e` (an error such as `#DIV/0!`), `d` (ISO date), and numbers (no `t`, or
/// `n`), a date when their style formats them so. A formula keeps its cached `<v>`; one
/// without a cached value becomes `.formulaWithoutValue`. Cells with no value (Excel writes
/// `<c r="B2" s="3"/>` for every formatted empty cell) store nothing, so millions of them
/// cost only the parse; cells right of `maxColumns` are counted, not kept.
///
/// libxml2's events go to one `XlsxSheetRowState`, a struct the handler owns through a
/// pointer: a class's stored property is checked for exclusive access at every mutation
/// (one check per event was still 4% of reading a large sheet), memory behind a pointer is
/// not, and only this handler ever touches it, on the one thread that parses the sheet.
final class XlsxSheetRows: XMLEventHandler {
    private let state: UnsafeMutablePointer<XlsxSheetRowState>

    /// Cells with a value right of `maxColumns`, and the first of them.
    var cellsBeyond: Int { state.pointee.cellsBeyond }
    var firstBeyond: (row: Int, column: Int)? { state.pointee.firstBeyond }
    /// Shared-string indices that point past the table (a damaged file).
    var badStringIndices: Int { state.pointee.badStringIndices }
    var firstBadString: (row: Int, column: Int)? { state.pointee.firstBadString }
    /// Rows that held at least one value.
    var rowsWithValues: Int { state.pointee.rowsWithValues }

    init(sheet: String, strings: [String], dates: XlsxDateStyles, maxColumns: Int, emit: @escaping (FigureRecord) -> Bool) {
        state = UnsafeMutablePointer.allocate(capacity: 1)
        state.initialize(to: XlsxSheetRowState(sheet: sheet, strings: strings, dates: dates, maxColumns: maxColumns, emit: emit))
    }

    deinit {
        state.pointee.value.release()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        state.pointee.start(name, attributes)
        // A Bool read per event, not the optional tuple (its String retained each time).
        if state.pointee.stopRequested {
            state.pointee.stopRequested = false
            parser?.fail(.stopped)
        }
    }

    /// The first element out of place (a row in a row, a cell in a cell or outside a row),
    /// at which the parse stopped; nil when the sheet was laid out as rows of cells.
    var misplaced: (row: Int, element: String)? { state.pointee.misplaced }

    /// The first cell (row, 1-based column) whose place already held a value, at which the
    /// parse stopped; nil when every row's cells came left to right.
    var repeatedCell: (row: Int, column: Int)? { state.pointee.repeatedCell }

    override func end(_ name: XMLName) {
        state.pointee.end(name)
        if state.pointee.stopRequested {
            state.pointee.stopRequested = false
            parser?.fail(.stopped)
        }
    }

    override func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        state.pointee.text(bytes)
    }
}

/// What `XlsxSheetRows` keeps while a sheet streams: the row being read and its cell.
struct XlsxSheetRowState {
    let sheet: String
    let strings: [String]
    let dates: XlsxDateStyles
    let maxColumns: Int
    let emit: (FigureRecord) -> Bool

    var inSheetData = false
    var inRow = false
    var extensionDepth = 0
    /// See `XlsxSheetRows.misplaced`.
    var misplaced: (row: Int, element: String)?
    /// See `XlsxSheetRows.repeatedCell`.
    var repeatedCell: (row: Int, column: Int)?
    var rowNumber = 0
    var rowHidden = false
    var cells: [FigureCell] = []

    var inCell = false
    var column = -1
    private var type: CellType = .number
    var style = 0
    var hasFormula = false
    var hasValue = false
    /// The bytes of the cell's `<v>` or `<t>`; allocated with the state, freed by the handler.
    var value = ByteScratch(capacity: 256)
    var collecting = false
    var inInline = false
    var phoneticDepth = 0

    /// Cells with a value right of `maxColumns`, and the first of them.
    private(set) var cellsBeyond = 0
    private(set) var firstBeyond: (row: Int, column: Int)?
    /// Shared-string indices that point past the table (a damaged file).
    private(set) var badStringIndices = 0
    /// The first such cell (row, 1-based column).
    private(set) var firstBadString: (row: Int, column: Int)?
    /// Rows that held at least one value.
    private(set) var rowsWithValues = 0
    /// Set when `emit` wants no more rows; the handler stops the parser.
    var stopRequested = false

    /// Text a cell can hold: Excel's limit is 32,767 characters (up to 4 bytes each).
    private static let maxCellBytes = 32_767 * 4

    private enum CellType { case number, shared, inline, formulaText, boolean, error, isoDate }

    init(sheet: String, strings: [String], dates: XlsxDateStyles, maxColumns: Int, emit: @escaping (FigureRecord) -> Bool) {
        self.sheet = sheet
        self.strings = strings
        self.dates = dates
        self.maxColumns = maxColumns
        self.emit = emit
    }

    mutating func start(_ name: XMLName, _ attributes: XMLAttributes) {
        // Extensions (`<extLst>`) hold elements of other schemas, whatever their names.
        if name.bytes[0] == UInt8(ascii: "e"), name.is("extLst") { extensionDepth += 1 }
        if extensionDepth > 0 { return }
        if inCell {
            if name.is("v") {
                collecting = true
                hasValue = true
            } else if name.is("f") {
                hasFormula = true
            } else if name.is("is") {
                inInline = true
                hasValue = true
            } else if name.is("rPh") {
                phoneticDepth += 1
            } else if name.is("t"), inInline, phoneticDepth == 0 {
                collecting = true
            } else if name.is("c") || name.is("row") {
                misplaced = (rowNumber, name.is("c") ? "c" : "row")
                stopRequested = true
            }
        } else if name.is("c"), inSheetData {
            guard inRow else {
                misplaced = (rowNumber, "c")
                stopRequested = true
                return
            }
            startCell(attributes)
        } else if name.is("row"), inSheetData {
            guard !inRow else {
                misplaced = (rowNumber, "row")
                stopRequested = true
                return
            }
            inRow = true
            let number = attributes.value("r").flatMap(Self.decimal) ?? 0
            rowNumber = number > 0 ? number : rowNumber + 1
            if let hidden = attributes.value("hidden"), let first = hidden.first {
                rowHidden = first == UInt8(ascii: "1") || first == UInt8(ascii: "t")
            } else {
                rowHidden = false
            }
            column = -1
            cells.removeAll(keepingCapacity: true)
        } else if name.is("sheetData") {
            inSheetData = true
        }
    }

    mutating func end(_ name: XMLName) {
        if extensionDepth > 0 {
            if name.bytes[0] == UInt8(ascii: "e"), name.is("extLst") { extensionDepth -= 1 }
            return
        }
        if inCell {
            if name.is("c") {
                endCell()
            } else if name.is("v") || name.is("t") {
                collecting = false
            } else if name.is("is") {
                inInline = false
            } else if name.is("rPh") {
                phoneticDepth = max(phoneticDepth - 1, 0)
            }
        } else if name.is("row"), inSheetData {
            inRow = false
            if !cells.isEmpty {
                rowsWithValues += 1
                if !emit(FigureRecord(line: rowNumber, cells: cells, layout: .sheet(name: sheet), isHidden: rowHidden)) {
                    stopRequested = true
                }
            }
        } else if name.is("sheetData") {
            inSheetData = false
        }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard collecting, value.count + bytes.count <= Self.maxCellBytes else { return }
        value.append(bytes)
    }

    private mutating func startCell(_ attributes: XMLAttributes) {
        inCell = true
        hasFormula = false
        hasValue = false
        collecting = false
        inInline = false
        phoneticDepth = 0
        value.removeAll()
        let (r, s, t) = attributes.cellAttributes()
        if let reference = r, let parsed = Self.columnIndex(reference) {
            column = parsed
        } else {
            column += 1
        }
        style = s.flatMap(Self.decimal) ?? 0
        type = .number
        if let t, let first = t.first {
            switch (first, t.count) {
            case (UInt8(ascii: "s"), 1): type = .shared
            case (UInt8(ascii: "s"), _): type = .formulaText
            case (UInt8(ascii: "i"), _): type = .inline
            case (UInt8(ascii: "b"), _): type = .boolean
            case (UInt8(ascii: "e"), _): type = .error
            case (UInt8(ascii: "d"), _): type = .isoDate
            default: type = .number
            }
        }
    }

    private mutating func endCell() {
        inCell = false
        collecting = false
        guard let cell = makeCell() else { return }
        guard column < maxColumns else {
            cellsBeyond += 1
            if firstBeyond == nil { firstBeyond = (rowNumber, column + 1) }
            return
        }
        // Cells come left to right: the next one is appended, gaps are filled with empties.
        if cells.count < column {
            cells.append(contentsOf: repeatElement(FigureCell.empty, count: column - cells.count))
        }
        guard cells.count == column else {
            // A value already read at this column or right of it: two cells in one place, or
            // cells out of order, which no spreadsheet program writes. Which value is the
            // cell's cannot be told, so the sheet is not read (the second used to win).
            repeatedCell = (rowNumber, column + 1)
            stopRequested = true
            return
        }
        cells.append(cell)
    }

    private mutating func makeCell() -> FigureCell? {
        let value = self.value.bytes
        let empty = !hasValue || value.isEmpty
        if empty {
            if hasFormula { return .formulaWithoutValue }
            return type == .inline && hasValue ? FigureCell.empty : nil
        }
        switch type {
        case .shared:
            guard let index = Self.decimal(value), index < strings.count else {
                badStringIndices += 1
                if firstBadString == nil { firstBadString = (rowNumber, column + 1) }
                return nil
            }
            return .text(strings[index])
        case .inline, .formulaText:
            return .text(XlsxText.decode(value))
        case .boolean:
            return .boolean(value.first == UInt8(ascii: "1"))
        case .error:
            return .error(String(decoding: value, as: UTF8.self))
        case .isoDate:
            return .date(XlsxDateStyles.format(iso: String(decoding: value, as: UTF8.self)))
        case .number:
            let literal = String(decoding: value, as: UTF8.self)
            if dates.isDate(style: style), let shown = dates.format(serial: literal) { return .date(shown) }
            return .number(literal)
        }
    }

    /// A non-negative decimal of at most 9 digits, else nil.
    static func decimal<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var n = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            n = n * 10 + Int(byte - 0x30)
        }
        return n
    }

    /// The 0-based column of a reference such as `AB12` (letters first), or nil.
    static func columnIndex(_ reference: UnsafeBufferPointer<UInt8>) -> Int? {
        var n = 0, letters = 0
        for byte in reference {
            let upper = byte & 0xDF
            guard upper >= UInt8(ascii: "A") && upper <= UInt8(ascii: "Z") else { break }
            n = n * 26 + Int(upper - UInt8(ascii: "A") + 1)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters > 0 ? n - 1 : nil
    }
}

/// A growing byte buffer for the text of one cell at a time: emptied for each cell, grown
/// when a text is longer than any before, never shrunk. An array's append and
/// `removeAll(keepingCapacity:)` went through its general paths (uniqueness, capacity) for
/// every cell, a tenth of the handler's time on a 100,000-row sheet.
struct ByteScratch {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer.allocate(capacity: self.capacity)
    }

    /// The bytes held, valid until the next change.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity {
            var grown = capacity * 2
            while grown < count + bytes.count { grown *= 2 }
            let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            fresh.initialize(from: base, count: count)
            base.deallocate()
            base = fresh
            capacity = grown
        }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func removeAll() {
        count = 0
    }

    /// Frees the storage; called once, by the owner, when the buffer is no longer used.
    func release() {
        base.deallocate()
    }
}
