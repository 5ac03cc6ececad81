import Foundation

/// An error whose `description` is already the Vietnamese sentence a clerk reads: the
/// project's own error types. ``SystemErrorText/describe(error:)`` passes these through and
/// words every other error (Foundation's, the system's) itself.
public protocol ClerkFacingError: Error, CustomStringConvertible {}

extension ThiDuaError: ClerkFacingError {}
extension DateParseError: ClerkFacingError {}

extension SystemErrorText {
    /// A Vietnamese sentence for any error a library call threw.
    ///
    /// Foundation's errors describe themselves in English ("The file couldn't be saved",
    /// "The operation could not be completed"), which must never reach a clerk, so a
    /// catch-all branch words its error through here: the project's own errors keep their
    /// sentence, a POSIX error (also when it is the underlying error of a Foundation one)
    /// gets `describe(_:)` of its number, a Cocoa file error the sentence of the number it
    /// stands for, and anything else a plain sentence without the English text.
    public static func describe(error: any Error) -> String {
        if let own = error as? any ClerkFacingError { return own.description }
        if let posix = error as? POSIXError { return describe(posix.code.rawValue) }
        let bridged = error as NSError
        if bridged.domain == NSPOSIXErrorDomain { return describe(Int32(truncatingIfNeeded: bridged.code)) }
        if let underlying = bridged.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return describe(Int32(truncatingIfNeeded: underlying.code))
        }
        if let cocoa = error as? CocoaError {
            if let code = posixCode(of: cocoa.code) { return describe(code) }
            if cocoa.code == .fileWriteInvalidFileName || cocoa.code == .fileReadInvalidFileName {
                return "tên tệp không hợp lệ — đổi tên, bỏ các ký tự đặc biệt"
            }
            if cocoa.code == .fileReadCorruptFile { return "tệp bị hỏng, không đọc được" }
        }
        return "lỗi hệ thống không rõ nguyên nhân — chạy lại; nếu vẫn lỗi, kiểm tra ổ đĩa và quyền với thư mục"
    }

    /// The error number a Cocoa file error code stands for, where there is one.
    static func posixCode(of code: CocoaError.Code) -> Int32? {
        switch code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteFileExists: return EEXIST
        case .fileReadTooLarge: return EFBIG
        case .fileLocking: return EBUSY
        default: return nil
        }
    }
}
