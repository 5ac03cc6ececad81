import ThiDuaKit

/// Why a workbook cannot be read at all, each with the Vietnamese diagnostic a clerk sees:
/// what the file is, and how to get a readable one.
public enum XlsxReadError: Error, Hashable, Sendable {
    /// An Excel 97–2003 `.xls` (an OLE2 compound file).
    case legacyExcel(file: String)
    /// A workbook saved with a password (OOXML encryption inside an OLE2 file), or a zip
    /// with encrypted entries.
    case encrypted(file: String)
    /// An OpenDocument spreadsheet (`.ods`).
    case openDocument(file: String)
    /// Another Office document in a zip (Word, PowerPoint) or a zip of other things.
    case notAWorkbook(file: String, found: String?)
    /// Not a zip at all: a CSV or text renamed, an HTML page saved as `.xls`.
    case notAZip(file: String, looksLike: String?)
    /// The zip (or one part) is damaged: truncated, wrong checksum, bad compressed data.
    case damaged(file: String, part: String?)
    /// A part the workbook names is absent, or a name points outside the package.
    case missingPart(file: String, part: String)
    /// A part inflates past the limits: a zip bomb, or a workbook no clerk sends.
    /// `part` is nil when all the parts read together are over the bounds.
    case zipBomb(file: String, part: String?, inflated: Int64, compressed: Int64)
    /// More zip entries than any workbook has.
    case tooManyEntries(file: String, count: Int)
    /// A part declares a DTD (never in OOXML; the vector of entity-expansion attacks).
    case documentType(file: String, part: String)
    /// A part is not well-formed XML.
    case malformedXML(file: String, part: String, line: Int)
    /// A part runs longer than `XMLMarkupGap.limit` bytes without a tag: a start tag with
    /// tens of thousands of attributes (on which libxml2 spends quadratic time) or text
    /// longer than any cell holds.
    case markupGap(file: String, part: String)
    /// The workbook lists no worksheet.
    case noSheets(file: String)
    /// A sheet's rows are not laid out as rows of cells (a row inside a row, a cell inside
    /// a cell or outside any row): well-formed XML no spreadsheet program writes, whose
    /// rows could only be guessed at.
    case misplacedElement(file: String, sheet: String, row: Int, element: String)
    /// A cell whose place in its row already held a value (two `<c r="A2">`, or cells out
    /// of order).
    case repeatedCell(file: String, sheet: String, row: Int, column: Int)

    /// The diagnostic for the clerk.
    public var diagnostic: Diagnostic {
        let resave = "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx (Sổ làm việc Excel)"
        switch self {
        case .legacyExcel(let file):
            return .error("tệp là dạng Excel cũ .xls (Excel 97–2003), thidua chỉ đọc .xlsx",
                          at: SourcePosition(file: file), hint: resave)
        case .encrypted(let file):
            return .error("tệp được đặt mật khẩu (mã hoá), không đọc được",
                          at: SourcePosition(file: file),
                          hint: "mở bằng Excel, vào Tệp ▸ Thông tin ▸ Bảo vệ sổ làm việc ▸ Mã hoá bằng mật khẩu, xoá mật khẩu rồi lưu lại")
        case .openDocument(let file):
            return .error("tệp là bảng tính OpenDocument (.ods), thidua chỉ đọc .xlsx",
                          at: SourcePosition(file: file),
                          hint: "trong LibreOffice chọn Tệp ▸ Lưu thành ▸ 'Excel 2007-365 (.xlsx)'")
        case .notAWorkbook(let file, let found):
            let what = found.map { "tệp là \($0), không phải bảng tính .xlsx" } ?? "tệp nén không phải bảng tính .xlsx"
            return .error(what, at: SourcePosition(file: file), hint: "chọn đúng tệp số liệu đơn vị gửi (.xlsx hoặc .csv)")
        case .notAZip(let file, let looksLike):
            let what = looksLike.map { "tệp không phải bảng tính .xlsx (có vẻ là \($0))" } ?? "tệp không phải bảng tính .xlsx (không phải tệp nén zip)"
            return .error(what, at: SourcePosition(file: file), hint: resave)
        case .damaged(let file, let part):
            let place = part.map { " (phần \($0))" } ?? ""
            return .error("tệp .xlsx bị hỏng\(place), không đọc được", at: SourcePosition(file: file),
                          hint: "tệp có thể tải về chưa hết hoặc bị cắt; xin đơn vị gửi lại, hoặc mở bằng Excel để sửa rồi lưu lại")
        case .missingPart(let file, let part):
            return .error("tệp .xlsx thiếu phần '\(part)' (hoặc đường dẫn trong tệp trỏ ra ngoài tệp nén)",
                          at: SourcePosition(file: file), hint: resave)
        case .zipBomb(let file, let part, let inflated, let compressed):
            return .error(
                "tệp .xlsx giải nén ra quá lớn (\(part.map { "phần \($0)" } ?? "cả tệp"): hơn \(Self.size(inflated)) từ \(Self.size(compressed))); có thể là tệp độc hại, không đọc",
                at: SourcePosition(file: file),
                hint: "một bảng số liệu thật chỉ vài MB; xin đơn vị gửi lại tệp, hoặc mở bằng Excel, xoá các ô thừa rồi lưu lại")
        case .tooManyEntries(let file, let count):
            return .error("tệp nén có \(VietnameseNumber.integer(count)) phần, quá nhiều cho một bảng tính; không đọc",
                          at: SourcePosition(file: file), hint: resave)
        case .documentType(let file, let part):
            return .error("phần \(part) của tệp có khai báo DOCTYPE (không bao giờ có trong tệp Excel thật); không đọc",
                          at: SourcePosition(file: file), hint: resave)
        case .malformedXML(let file, let part, let line):
            let at = line > 0 ? ", dòng \(line)" : ""
            return .error("tệp .xlsx bị hỏng: phần \(part) không phải XML hợp lệ\(at)",
                          at: SourcePosition(file: file), hint: resave)
        case .markupGap(let file, let part):
            return .error("tệp .xlsx bị hỏng: phần \(part) có một đoạn dài hơn \(XMLMarkupGap.limit >> 10) KB không có thẻ XML nào "
                          + "(một thẻ có hàng chục nghìn thuộc tính, hay chữ dài hơn mọi ô Excel chứa được); không đọc",
                          at: SourcePosition(file: file), hint: resave)
        case .noSheets(let file):
            return .error("tệp .xlsx không có trang tính nào", at: SourcePosition(file: file), hint: resave)
        case .repeatedCell(let file, let sheet, let row, let column):
            return .error("trang tính bị hỏng: ô này đã có giá trị trước đó trong dòng (hai ô cùng chỗ hoặc các ô sai thứ tự), không biết giá trị nào đúng; không đọc tệp này",
                          at: SourcePosition(file: file, sheet: sheet, row: row, column: column), hint: resave)
        case .misplacedElement(let file, let sheet, let row, let element):
            let what = element == "row" ? "một dòng nằm trong dòng khác" : element == "c" ? "một ô nằm trong ô khác hoặc ngoài mọi dòng" : "phần '\(element)' đặt sai chỗ"
            return .error("trang tính bị hỏng: \(what) (không phải Excel hay LibreOffice ghi ra); không đọc tệp này",
                          at: SourcePosition(file: file, sheet: sheet, row: row, column: 0), hint: resave)
        }
    }

    private static func size(_ bytes: Int64) -> String {
        if bytes >= 1 << 20 { return "\(VietnameseNumber.integer(Int(bytes >> 20))) MB" }
        return "\(VietnameseNumber.integer(Int(max(bytes >> 10, 1)))) KB"
    }
}

extension XlsxReadError: ClerkFacingError {
    /// The diagnostic's sentence, for a catch-all that words an error as text.
    public var description: String { diagnostic.description }
}
