import CXlsxWriter
import ThiDuaKit

/// Every failure of the xlsx layer, with a Vietnamese message a clerk can act on.
///
/// Errors that libxlsxwriter reports as an `lxw_error` code are mapped onto these
/// cases by ``XlsxError/init(code:context:)``; the checks done in Swift before a C
/// call (sheet names, string length, row and column limits) throw the same cases,
/// so callers see one vocabulary whichever side found the fault.
public enum XlsxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The C library could not allocate memory.
    case outOfMemory
    /// The output file (or its temporary twin) could not be created.
    case cannotCreateFile(path: String)
    /// libxlsxwriter could not create or read one of its own temporary files.
    case temporaryFile(directory: String?)
    /// Packing the xlsx (zip) container failed; `detail` is the C library's text.
    case zip(detail: String)
    /// The sheet name is empty.
    case sheetNameEmpty
    /// The sheet name is longer than Excel's 31 characters (UTF-16 code units).
    case sheetNameTooLong(name: String, length: Int)
    /// The sheet name contains one of `[ ] : * ? / \`.
    case sheetNameInvalidCharacter(name: String, character: Character)
    /// The sheet name starts or ends with an apostrophe.
    case sheetNameApostrophe(name: String)
    /// Another sheet already has this name (Excel compares names case-insensitively).
    case sheetNameDuplicate(name: String, existing: String)
    /// A text is longer than Excel's 32,767 characters per cell.
    case stringTooLong(length: Int, row: Int, column: Int)
    /// A text contains a NUL character, which cannot be stored in a cell.
    case stringContainsNul(row: Int, column: Int)
    /// A text holds a character the xlsx XML cannot carry in that place (a control
    /// character, U+FFFE/U+FFFF), named by code point.
    case invalidCharacter(place: String, codePoint: String)
    /// A row index outside 0 ..< 1,048,576.
    case rowOutOfRange(row: Int)
    /// A column index outside 0 ..< 16,384.
    case columnOutOfRange(column: Int)
    /// In constant-memory mode a row that was already flushed to disk cannot be written again.
    case rowAlreadyWritten(sheet: String, row: Int, currentRow: Int)
    /// A formula longer than Excel's 8,192 characters.
    case formulaTooLong(length: Int)
    /// A number that Excel cannot hold exactly (beyond ±2^53) or that is not finite.
    case numberNotRepresentable(description: String)
    /// A parameter the C library rejected; `detail` names what was being done.
    case invalidParameter(detail: String)
    /// The workbook was already closed (written or abandoned).
    case workbookClosed
    /// The finished temporary file could not be moved over the destination.
    case renameFailed(from: String, to: String, reason: String)
    /// The report input is inconsistent (unknown indicator key, …).
    case invalidInput(String)
    /// Any other libxlsxwriter error, with its C text.
    case library(code: Int, message: String)

    /// A Vietnamese sentence describing the fault, naming the offending value and the rule.
    public var description: String {
        switch self {
        case .outOfMemory:
            return "không đủ bộ nhớ để tạo tệp Excel"
        case .cannotCreateFile(let path):
            return "không tạo được tệp Excel “\(path)” (thư mục không tồn tại hoặc không có quyền ghi)"
        case .temporaryFile(let directory):
            let place = directory.map { "trong thư mục “\($0)”" } ?? "trong thư mục tạm của hệ thống"
            return "không tạo hoặc đọc được tệp tạm \(place) khi ghi tệp Excel"
        case .zip(let detail):
            return "lỗi khi nén tệp Excel (xlsx): \(detail)"
        case .sheetNameEmpty:
            return "tên trang tính không được để trống"
        case .sheetNameTooLong(let name, let length):
            return "tên trang tính “\(name)” dài \(length) ký tự; Excel chỉ cho phép tối đa 31 ký tự"
        case .sheetNameInvalidCharacter(let name, let character):
            return "tên trang tính “\(name)” chứa ký tự “\(character)”; Excel không cho phép các ký tự [ ] : * ? / \\"
        case .sheetNameApostrophe(let name):
            return "tên trang tính “\(name)” không được bắt đầu hoặc kết thúc bằng dấu nháy đơn (')"
        case .sheetNameDuplicate(let name, let existing):
            return "tên trang tính “\(name)” trùng với trang “\(existing)” (Excel không phân biệt chữ hoa, chữ thường)"
        case .stringTooLong(let length, let row, let column):
            return "nội dung ô \(XlsxCellReference.a1(row: row, column: column)) dài \(length) ký tự; Excel chỉ cho phép tối đa 32.767 ký tự trong một ô"
        case .stringContainsNul(let row, let column):
            return "nội dung ô \(XlsxCellReference.a1(row: row, column: column)) chứa ký tự NUL, không ghi được vào Excel"
        case .invalidCharacter(let place, let codePoint):
            return "\(place) có ký tự \(codePoint) (ký tự điều khiển), không ghi vào tệp Excel được"
        case .rowOutOfRange(let row):
            return "dòng số \(row + 1) vượt quá giới hạn của Excel (1 đến 1.048.576)"
        case .columnOutOfRange(let column):
            return "cột số \(column + 1) vượt quá giới hạn của Excel (1 đến 16.384)"
        case .rowAlreadyWritten(let sheet, let row, let currentRow):
            return "trang “\(sheet)”: không ghi lại được dòng \(row + 1) vì đã chuyển sang dòng \(currentRow + 1) (chế độ tiết kiệm bộ nhớ chỉ ghi các dòng theo thứ tự)"
        case .formulaTooLong(let length):
            return "công thức dài \(length) ký tự; Excel chỉ cho phép tối đa 8.192 ký tự"
        case .numberNotRepresentable(let description):
            return "số \(description) không ghi chính xác được vào Excel (chỉ chính xác tới ±9.007.199.254.740.992)"
        case .invalidParameter(let detail):
            return "tham số không hợp lệ khi ghi tệp Excel: \(detail)"
        case .workbookClosed:
            return "tệp Excel đã đóng, không ghi thêm được"
        case .renameFailed(let from, let to, let reason):
            return "không thay được tệp “\(to)” bằng tệp vừa ghi “\(from)”: \(reason)"
        case .invalidInput(let message):
            return "dữ liệu báo cáo không hợp lệ: \(message)"
        case .library(let code, let message):
            return "lỗi thư viện libxlsxwriter (mã \(code)): \(message)"
        }
    }

    /// Maps a libxlsxwriter error code onto a case.
    ///
    /// - Parameters:
    ///   - code: the code a C function returned; must not be `LXW_NO_ERROR`.
    ///   - context: what was being done, used for the cases that carry no other detail
    ///     (a path for file errors, a short description otherwise).
    public init(code: lxw_error, context: String = "") {
        switch code {
        case LXW_ERROR_MEMORY_MALLOC_FAILED:
            self = .outOfMemory
        case LXW_ERROR_CREATING_XLSX_FILE:
            self = .cannotCreateFile(path: context)
        case LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE:
            self = .temporaryFile(directory: context.isEmpty ? nil : context)
        case LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_PARAMETER_ERROR, LXW_ERROR_ZIP_BAD_ZIP_FILE,
             LXW_ERROR_ZIP_INTERNAL_ERROR, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE:
            self = .zip(detail: XlsxError.cText(code))
        case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
            self = .sheetNameTooLong(name: context, length: context.utf16.count)
        case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
            let bad = context.first { XlsxSheetName.forbiddenCharacters.contains($0) } ?? "?"
            self = .sheetNameInvalidCharacter(name: context, character: bad)
        case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
            self = .sheetNameApostrophe(name: context)
        case LXW_ERROR_SHEETNAME_ALREADY_USED:
            self = .sheetNameDuplicate(name: context, existing: context)
        case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
            self = .stringTooLong(length: context.utf16.count, row: 0, column: 0)
        case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
            self = .invalidParameter(detail: "ô nằm ngoài giới hạn dòng/cột của Excel, hoặc ghi lại một dòng đã xuất ở chế độ tiết kiệm bộ nhớ (\(context))")
        case LXW_ERROR_PARAMETER_VALIDATION, LXW_ERROR_NULL_PARAMETER_IGNORED,
             LXW_ERROR_32_STRING_LENGTH_EXCEEDED, LXW_ERROR_128_STRING_LENGTH_EXCEEDED,
             LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
            self = .invalidParameter(detail: "\(context): \(XlsxError.cText(code))")
        case LXW_ERROR_FEATURE_NOT_SUPPORTED:
            self = .invalidParameter(detail: "tính năng không được hỗ trợ ở chế độ này (\(context))")
        default:
            self = .library(code: Int(code.rawValue), message: XlsxError.cText(code))
        }
    }

    /// What a code means, in Vietnamese: `lxw_strerror` is English, and no English system
    /// text reaches a clerk. Every code of `lxw_error` has its sentence; a code added by a
    /// later libxlsxwriter is shown by number.
    static func cText(_ code: lxw_error) -> String {
        switch code {
        case LXW_NO_ERROR: return "không có lỗi"
        case LXW_ERROR_MEMORY_MALLOC_FAILED: return "không đủ bộ nhớ"
        case LXW_ERROR_CREATING_XLSX_FILE: return "không tạo được tệp (thư mục không tồn tại hoặc không có quyền ghi)"
        case LXW_ERROR_CREATING_TMPFILE: return "không tạo được tệp tạm (thư mục tạm đầy hoặc không ghi được)"
        case LXW_ERROR_READING_TMPFILE: return "không đọc lại được tệp tạm"
        case LXW_ERROR_ZIP_FILE_OPERATION: return "lỗi đọc/ghi khi nén tệp (ổ đĩa đầy hoặc không ghi được)"
        case LXW_ERROR_ZIP_PARAMETER_ERROR: return "tham số nén không hợp lệ"
        case LXW_ERROR_ZIP_BAD_ZIP_FILE: return "tệp nén quá lớn cho định dạng zip thường"
        case LXW_ERROR_ZIP_INTERNAL_ERROR: return "lỗi nội bộ của bộ nén zip"
        case LXW_ERROR_ZIP_FILE_ADD: return "không thêm được một phần vào tệp nén (ổ đĩa đầy hoặc không ghi được)"
        case LXW_ERROR_ZIP_CLOSE: return "không đóng được tệp nén (ổ đĩa đầy hoặc không ghi được)"
        case LXW_ERROR_FEATURE_NOT_SUPPORTED: return "tính năng không được hỗ trợ ở chế độ này"
        case LXW_ERROR_NULL_PARAMETER_IGNORED: return "thiếu một tham số"
        case LXW_ERROR_PARAMETER_VALIDATION: return "tham số không hợp lệ"
        case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED: return "tên trang tính dài quá 31 ký tự"
        case LXW_ERROR_INVALID_SHEETNAME_CHARACTER: return "tên trang tính chứa ký tự không được phép [ ] : * ? / \\"
        case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE: return "tên trang tính bắt đầu hoặc kết thúc bằng dấu nháy đơn"
        case LXW_ERROR_SHEETNAME_ALREADY_USED: return "tên trang tính đã dùng"
        case LXW_ERROR_32_STRING_LENGTH_EXCEEDED: return "chuỗi dài quá 32 ký tự"
        case LXW_ERROR_128_STRING_LENGTH_EXCEEDED: return "chuỗi dài quá 128 ký tự"
        case LXW_ERROR_255_STRING_LENGTH_EXCEEDED: return "chuỗi dài quá 255 ký tự"
        case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED: return "chuỗi dài quá 32.767 ký tự"
        case LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND: return "không tìm thấy chuỗi dùng chung"
        case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE: return "dòng hoặc cột vượt giới hạn của Excel"
        case LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED: return "liên kết dài quá 2.079 ký tự"
        case LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED: return "quá 65.530 liên kết trong một trang"
        case LXW_ERROR_IMAGE_DIMENSIONS: return "không đọc được kích thước ảnh"
        default: return "lỗi số \(code.rawValue)"
        }
    }

    /// The same fault as the project-wide error type, for callers that report `ThiDuaError`.
    public func thiDuaError(path: String) -> ThiDuaError {
        .output(path: path, message: description)
    }
}

/// Converts a C return code into a thrown error.
@inline(__always)
func check(_ code: lxw_error, _ context: @autoclosure () -> String = "") throws {
    if code != LXW_NO_ERROR {
        throw XlsxError(code: code, context: context())
    }
}

extension XlsxError: ClerkFacingError {}
