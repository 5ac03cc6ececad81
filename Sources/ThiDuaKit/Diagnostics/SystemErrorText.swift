#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Vietnamese wording for the operating system's error numbers (`errno`), so that no English
/// system message ("Permission denied", "No space left on device") reaches a clerk.
///
/// Pure: it maps a number to a sentence; whoever made the system call passes the number.
public enum SystemErrorText {
    /// What went wrong, and what to do about it, for the error number `code`.
    public static func describe(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "hết chỗ trống trên đĩa — xóa bớt tệp hoặc chọn thư mục trên ổ đĩa khác"
        case EDQUOT: return "đã dùng hết dung lượng được cấp trên đĩa — xóa bớt tệp hoặc hỏi người quản trị máy"
        case EACCES, EPERM: return "không có quyền ghi hoặc đọc ở đây — chọn thư mục khác hoặc hỏi người quản trị máy"
        case EROFS: return "ổ đĩa chỉ cho đọc, không ghi được — chọn thư mục khác"
        case ENOENT: return "thư mục hoặc tệp không còn tồn tại"
        case ENOTDIR: return "một phần của đường dẫn là tệp, không phải thư mục"
        case EISDIR: return "đã có một thư mục trùng tên với tệp cần ghi — đổi tên hoặc xóa thư mục đó"
        case EEXIST: return "đã có tệp trùng tên"
        case ENAMETOOLONG: return "tên tệp hoặc đường dẫn quá dài"
        case EMFILE, ENFILE: return "mở quá nhiều tệp cùng lúc — chạy lại với ít tệp hơn (--jobs 1)"
        case EIO: return "lỗi đọc/ghi của ổ đĩa — kiểm tra ổ đĩa hoặc USB"
        case EXDEV: return "không chuyển được tệp giữa hai ổ đĩa"
        case EBUSY, ETXTBSY: return "tệp đang được chương trình khác dùng — đóng chương trình đó rồi chạy lại"
        case ELOOP: return "đường dẫn có liên kết vòng quanh"
        case ENOMEM: return "không đủ bộ nhớ"
        case EFBIG: return "tệp quá lớn so với giới hạn của hệ thống"
        case EINTR, EAGAIN: return "thao tác bị gián đoạn — chạy lại"
        default: return "lỗi hệ thống số \(code)"
        }
    }

    /// `describe(errno)` for the error the last failed system call left.
    public static func current() -> String {
        describe(errno)
    }
}
