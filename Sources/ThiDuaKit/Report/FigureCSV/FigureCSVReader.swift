/// A streaming RFC 4180 reader: feed it byte chunks as they arrive, get records back.
///
/// It accepts what clerks' tools write: UTF-8 with or without BOM; comma, semicolon (Excel in
/// a Vietnamese locale) or tab separators, chosen by whichever splits the first non-blank
/// line into more fields outside quotes, or named by Excel's "sep=;" line; quoted fields
/// with doubled quotes and line breaks inside; CRLF, LF or CR line ends. Only the current record is held as text, so a 100,000-row file
/// never needs to exist as one `String`. Chunk boundaries may fall anywhere, even inside a
/// UTF-8 sequence or between CR and LF; the records are the same.
public struct FigureCSVReader: Sendable {
    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    /// File label used in diagnostics.
    public let file: String
    /// The separator byte, once known (from the header line or given to `init`).
    public private(set) var delimiter: UInt8?
    /// Problems met so far: unclosed quote, text after a closing quote, not UTF-8, not text.
    public var diagnostics: [Diagnostic] {
        guard strayQuotesLeftOut > 0 else { return findings }
        return findings + [.warning(
            "còn \(ReportText.grouped(strayQuotesLeftOut)) chỗ khác có chữ ngay sau dấu ngoặc kép đóng ô, không liệt kê (đến dòng \(strayQuoteLastLine))",
            at: SourcePosition(file: file, line: strayQuoteLastLine),
            hint: "bao cả ô trong ngoặc kép và viết \"\" cho dấu ngoặc kép bên trong")]
    }
    private var findings: [Diagnostic] = []
    /// Lines that were entirely empty; they are not records.
    public private(set) var blankLines = 0

    private var headerBuffer: [UInt8] = []
    private var headerInQuotes = false
    private var headerPrevCR = false
    private var sawStart = false
    /// True once the file was refused as a whole (UTF-16, binary): no further record
    /// comes, and its content is never quoted.
    public private(set) var isRejected = false
    private var skipSeparatorLine = false

    private var state: State = .fieldStart
    private var field: [UInt8] = []
    private var fieldCut = false
    private var reportedLongField = false
    private var reportedWideRecord = false
    /// Excel's limits: 32,767 characters in a cell (4 bytes each at most), 16,384 columns.
    static let maxFieldBytes = 32_767 * 4
    static let maxFields = 16_384
    /// Bytes of the first line looked at to choose the separator.
    static let maxHeaderProbe = 1 << 20
    private var fields: [String] = []
    private var fieldLines: [Int] = []
    private var fieldColumns: [Int] = []
    private var recordLine = 1
    private var line = 1
    private var column = 1
    private var afterCR = false
    private var quoteLine = 1
    private var quoteColumn = 1
    private var fieldLine = 1
    private var fieldColumn = 1
    private var reportedBadUTF8 = false
    private var strayQuoteWarnings = 0
    private var strayQuotesLeftOut = 0
    private var strayQuoteLastLine = 0

    /// Creates a reader. Pass `delimiter` to skip detection (e.g. `UInt8(ascii: ";")`).
    public init(file: String, delimiter: UInt8? = nil) {
        self.file = file
        self.delimiter = delimiter
    }

    /// Reads the next chunk and returns the records it completed.
    public mutating func feed<C: Collection>(_ chunk: C) -> [CSVRecord] where C.Element == UInt8 {
        var out: [CSVRecord] = []
        let handled: Void? = chunk.withContiguousStorageIfAvailable { buffer in
            consume(UnsafeRawBufferPointer(buffer), into: &out)
        }
        if handled == nil {
            Array(chunk).withUnsafeBytes { consume($0, into: &out) }
        }
        return out
    }

    /// Reads the next chunk from raw memory and returns the records it completed.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [CSVRecord] {
        var out: [CSVRecord] = []
        consume(chunk, into: &out)
        return out
    }

    /// Ends the input and returns the last record, if the file did not end with a line break.
    /// A quote still open here is reported with the line and column where it opened.
    public mutating func finish() -> [CSVRecord] {
        var out: [CSVRecord] = []
        if isRejected { return out }
        if !sawStart {
            // The whole file was one line with no line break: it is the header.
            sawStart = true
            if !checkStart() { return out }
            if delimiter == nil { chooseDelimiter() }
            let pending = headerBuffer
            headerBuffer = []
            pending.withUnsafeBytes { run($0, into: &out) }
        }
        switch state {
        case .quoted:
            findings.append(.error(
                "dấu ngoặc kép mở ở dòng \(quoteLine) không được đóng; phần còn lại của tệp (đến dòng \(line)) bị gộp vào một ô",
                at: SourcePosition(file: file, line: quoteLine, column: quoteColumn),
                hint: "thêm dấu \" đóng ô, hoặc viết \"\" cho dấu ngoặc kép nằm trong ô"))
            endField()
            endRecord(into: &out, unterminated: true)
        case .fieldStart where fields.isEmpty:
            break
        default:
            endField()
            endRecord(into: &out, unterminated: false)
        }
        return out
    }

    // MARK: - Header detection

    private mutating func consume(_ bytes: UnsafeRawBufferPointer, into out: inout [CSVRecord]) {
        if isRejected { return }
        if delimiter != nil && sawStart {
            run(bytes, into: &out)
            return
        }
        // Until the header line is complete the separator is unknown, so its bytes wait here.
        for (i, byte) in bytes.enumerated() {
            headerBuffer.append(byte)
            if byte == UInt8(ascii: "\"") {
                headerInQuotes.toggle()
            }
            // A first line longer than any header (a megabyte without a line break) decides
            // the separator from what came so far: it is not held whole in memory.
            let probeFull = headerBuffer.count >= Self.maxHeaderProbe
            if probeFull || ((byte == 0x0A || byte == 0x0D) && !headerInQuotes) {
                // Blank lines before the header do not decide the separator; wait for text.
                if !probeFull, !headerBuffer.contains(where: { $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) {
                    continue
                }
                if !checkStart() { return }
                if delimiter == nil { chooseDelimiter() }
                sawStart = true
                let pending = headerBuffer
                headerBuffer = []
                pending.withUnsafeBytes { run($0, into: &out) }
                run(UnsafeRawBufferPointer(rebasing: bytes[(i + 1)...]), into: &out)
                return
            }
        }
        if headerBuffer.count >= 4 && !sawStart && !checkStart() { return }
    }

    /// Strips a UTF-8 BOM and refuses UTF-16 (Excel's "Unicode Text"), which would otherwise
    /// read as garbage with no clear error. Returns false when the file is refused.
    private mutating func checkStart() -> Bool {
        if headerBuffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            headerBuffer.removeFirst(3)
        } else if headerBuffer.starts(with: [0xFF, 0xFE]) || headerBuffer.starts(with: [0xFE, 0xFF]) || headerBuffer.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            // FF FE 00 00 is UTF-32 LE's mark, and 00 00 FE FF UTF-32 BE's.
            let utf32 = headerBuffer.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || headerBuffer.starts(with: [0x00, 0x00, 0xFE, 0xFF])
            findings.append(.error(
                "tệp mã \(utf32 ? "UTF-32" : "UTF-16"), không đọc được",
                at: SourcePosition(file: file, line: 1),
                hint: "trong Excel chọn Lưu thành ▸ 'CSV UTF-8 (phân cách bằng dấu phẩy)'"))
            isRejected = true
            headerBuffer = []
            return false
        } else if let order = Self.utf16WithoutBOM(headerBuffer) {
            findings.append(.error(
                "tệp mã UTF-16 \(order) (không có dấu BOM), không đọc được",
                at: SourcePosition(file: file, line: 1),
                hint: "trong Excel chọn Lưu thành ▸ 'CSV UTF-8 (phân cách bằng dấu phẩy)'"))
            isRejected = true
            headerBuffer = []
            return false
        }
        return true
    }

    private mutating func chooseDelimiter() {
        let choice = Self.separator(ofHeader: headerBuffer)
        delimiter = choice.separator
        skipSeparatorLine = choice.namedByLine
    }

    // MARK: - Tokenizer

    private mutating func run(_ bytes: UnsafeRawBufferPointer, into out: inout [CSVRecord]) {
        guard let delimiter, !isRejected else { return }
        let quote = UInt8(ascii: "\"")
        for byte in bytes {
            if byte == 0 {
                // No text file holds a NUL: this is a binary file (or UTF-16 caught late).
                // Refuse the rest without quoting any of it.
                findings.append(.error(
                    "tệp có byte 0 ở dòng \(line), cột \(column): đây không phải tệp văn bản CSV; phần còn lại không đọc",
                    at: SourcePosition(file: file, line: line, column: column),
                    hint: "chọn đúng tệp số liệu; bảng tính Excel cần lưu dạng 'CSV UTF-8' trước"))
                isRejected = true
                field.removeAll()
                fields.removeAll()
                fieldLines.removeAll()
                fieldColumns.removeAll()
                state = .fieldStart
                return
            }
            let isLineBreak = byte == 0x0A || byte == 0x0D
            if byte == 0x0A && afterCR {
                // The LF of a CRLF: the CR already ended the line (and the record, if any).
                afterCR = false
                if state == .quoted { keep(byte) }
                continue
            }
            switch state {
            case .fieldStart:
                fieldLine = line
                fieldColumn = column
                if byte == quote {
                    state = .quoted
                    quoteLine = line
                    quoteColumn = column
                } else if byte == delimiter {
                    endField()
                } else if isLineBreak {
                    if fields.isEmpty {
                        blankLines += 1
                    } else {
                        endField()
                        endRecord(into: &out, unterminated: false)
                    }
                } else {
                    keep(byte)
                    state = .unquoted
                }
            case .unquoted:
                if byte == delimiter {
                    endField()
                    state = .fieldStart
                } else if isLineBreak {
                    endField()
                    endRecord(into: &out, unterminated: false)
                    state = .fieldStart
                } else {
                    keep(byte)
                }
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else {
                    keep(byte)
                }
            case .quoteInQuoted:
                if byte == quote {
                    keep(quote)
                    state = .quoted
                } else if byte == delimiter {
                    endField()
                    state = .fieldStart
                } else if isLineBreak {
                    endField()
                    endRecord(into: &out, unterminated: false)
                    state = .fieldStart
                } else {
                    // `"ab"c`: not RFC 4180, but Excel users write it; keep the text and say so.
                    if strayQuoteWarnings >= 5 {
                        strayQuotesLeftOut += 1
                        strayQuoteLastLine = line
                    } else {
                        strayQuoteWarnings += 1
                        findings.append(.warning(
                            "có chữ ngay sau dấu ngoặc kép đóng ô",
                            at: SourcePosition(file: file, line: line, column: column),
                            hint: "bao cả ô trong ngoặc kép và viết \"\" cho dấu ngoặc kép bên trong"))
                    }
                    keep(byte)
                    state = .unquoted
                }
            }
            advance(over: byte)
        }
    }

    /// Moves the line/column counters past a byte. Columns count characters: UTF-8
    /// continuation bytes and combining marks U+0300–U+036F (lead bytes CC, CD, as in NFD
    /// Vietnamese) do not start a new character.
    private mutating func advance(over byte: UInt8) {
        switch byte {
        case 0x0D:
            line += 1
            column = 1
            afterCR = true
        case 0x0A:
            line += 1
            column = 1
            afterCR = false
        default:
            afterCR = false
            if byte & 0xC0 != 0x80 && byte != 0xCC && byte != 0xCD { column += 1 }
        }
    }

    /// Adds a byte to the field being read, up to what an Excel cell holds: a line of 500
    /// million bytes between two quotes is not kept whole.
    @inline(__always)
    private mutating func keep(_ byte: UInt8) {
        if field.count < Self.maxFieldBytes { field.append(byte) } else { fieldCut = true }
    }

    private mutating func endField() {
        if fields.isEmpty { recordLine = fieldLine }
        if fieldCut {
            fieldCut = false
            // Cut at a byte: the last character, if cut through, is dropped whole (not read
            // as a byte that is not UTF-8).
            var lead = field.count - 1
            while lead > 0, field.count - lead < 4, field[lead] & 0xC0 == 0x80 { lead -= 1 }
            if lead >= 0 {
                let byte = field[lead]
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                if field.count - lead < length { field.removeSubrange(lead...) }
            }
            if !reportedLongField {
                reportedLongField = true
                findings.append(.error(
                    "ô quá dài (hơn \(ReportText.grouped(Self.maxFieldBytes / 1024)) KB; một ô Excel giữ tối đa 32.767 ký tự); phần sau không được đọc",
                    at: SourcePosition(file: file, line: fieldLine, column: fieldColumn),
                    hint: "kiểm tra dấu ngoặc kép quanh ô này (một dấu \" thiếu làm cả phần sau của tệp dồn vào một ô), hoặc xoá bớt nội dung"))
            }
        }
        // A line of 50 million separators is not 50 million fields: past Excel's 16,384
        // columns nothing is kept, and a field with text there is reported once.
        guard fields.count < Self.maxFields else {
            if !reportedWideRecord, field.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                reportedWideRecord = true
                findings.append(.error(
                    "dòng \(recordLine) có quá \(ReportText.grouped(Self.maxFields)) ô (số cột tối đa của Excel); các ô sau đó không được đọc",
                    at: SourcePosition(file: file, line: fieldLine, column: fieldColumn),
                    hint: "bảng số liệu chỉ cần vài chục cột; xoá các ô thừa ở cuối dòng"))
            }
            field.removeAll(keepingCapacity: true)
            fieldLine = line
            fieldColumn = column + 1
            return
        }
        fields.append(decode(field))
        fieldLines.append(fieldLine)
        fieldColumns.append(fieldColumn)
        field.removeAll(keepingCapacity: true)
        // The next field starts right after the separator just read.
        fieldLine = line
        fieldColumn = column + 1
    }

    private mutating func endRecord(into out: inout [CSVRecord], unterminated: Bool) {
        if skipSeparatorLine {
            skipSeparatorLine = false
            fields.removeAll(keepingCapacity: true)
            fieldLines.removeAll(keepingCapacity: true)
            fieldColumns.removeAll(keepingCapacity: true)
            return
        }
        out.append(CSVRecord(line: recordLine, fields: fields, fieldLines: fieldLines,
                             fieldColumns: fieldColumns, isUnterminated: unterminated))
        fields.removeAll(keepingCapacity: true)
        fieldLines.removeAll(keepingCapacity: true)
        fieldColumns.removeAll(keepingCapacity: true)
    }

    /// Decodes a field as UTF-8. Invalid bytes (a TCVN3, VNI or Windows-1258 file) become
    /// U+FFFD and one error per file tells the clerk to re-save as UTF-8.
    private mutating func decode(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        if !reportedBadUTF8, bytes.contains(where: { $0 >= 0x80 }),
           text.unicodeScalars.contains("\u{FFFD}"),
           !bytes.indices.dropLast(2).contains(where: { bytes[$0] == 0xEF && bytes[$0 + 1] == 0xBF && bytes[$0 + 2] == 0xBD }) {
            reportedBadUTF8 = true
            findings.append(.error(
                "tệp không phải mã UTF-8 (gặp byte lạ ở ô này); chữ Việt sẽ bị sai",
                at: SourcePosition(file: file, line: fieldLine, column: fieldColumn),
                hint: "lưu lại tệp dạng 'CSV UTF-8'; tệp gõ bằng TCVN3 (ABC), VNI hay Windows-1258 cần chuyển mã sang Unicode trước"))
        }
        return text
    }
}
