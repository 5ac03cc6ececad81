#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ThiDuaKit

/// What a file is for, which sets its size cap and the words of its messages.
public enum FileRole: Sendable, CaseIterable {
    /// A document's data file (.yaml / .json), given by the user.
    case dataFile
    /// The data file of a document this one cites (`tep:`).
    case citedDocument
    /// A figures file of the current phase (`so_lieu`).
    case figures
    /// A figures file of the previous phase (`ky_truoc`).
    case previousFigures
    /// The list of units expected to report (`don_vi_du_kien`).
    case expectedUnits
    /// A template of a `--templates` folder.
    case template
    /// A file thidua itself wrote into a scratch folder, read back to be downloaded.
    case output

    /// The noun used in messages: "tệp số liệu".
    public var noun: String {
        switch self {
        case .dataFile: return "tệp"
        case .citedDocument: return "tệp văn bản được dẫn"
        case .figures: return "tệp số liệu"
        case .previousFigures: return "tệp số liệu kỳ trước"
        case .expectedUnits: return "tệp danh sách đơn vị"
        case .template: return "tệp mẫu"
        case .output: return "tệp kết quả"
        }
    }

    /// The largest file of this role thidua reads. A data file is a few dozen KB (64 MB is a
    /// hundred times the largest real one); figure files are streamed, and 512 MB holds
    /// several million rows, more than a worksheet; a template is a page of text.
    public var sizeCap: Int64 {
        switch self {
        case .dataFile, .citedDocument: return 64 << 20
        case .figures, .previousFigures, .expectedUnits, .output: return 512 << 20
        case .template: return 4 << 20
        }
    }
}

/// Why a file cannot be read, in Vietnamese; the caller puts it at a position.
public struct FileRefusal: ClerkFacingError, Sendable, Equatable {
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String

    /// The reason and the fix in one sentence, for a message without a position.
    public var description: String { "\(message); \(hint)" }
}

/// A file opened through the one guard every read goes through: a regular file (never a
/// device, FIFO, socket or folder), no larger than its role's cap, read with that bound
/// even if it grows while being read.
///
/// Opening uses `O_NONBLOCK` so a FIFO cannot block the open itself, then `fstat` on the
/// descriptor (not the path, so nothing can be swapped in between) decides.
public final class GuardedFile: @unchecked Sendable {
    // @unchecked: the descriptor is owned by this object and read by one caller at a time
    // (a file is read once, by the job that opened it).
    private var descriptor: Int32
    /// The path that was opened (already resolved by the workspace).
    public let path: String
    /// The size when opened.
    public let size: Int64
    /// The most bytes that will be read.
    public let cap: Int64

    /// Opens `path` for reading as a file of `role`.
    ///
    /// - Throws: `FileRefusal` when it does not exist, is not a regular file, is too large,
    ///   or cannot be read (with the system's reason in Vietnamese).
    public init(path: String, role: FileRole, shownAs name: String) throws {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                throw FileRefusal(message: "không tìm thấy \(role.noun) \(name)", hint: "kiểm tra tên và đường dẫn của tệp")
            }
            throw FileRefusal(message: "không mở được \(role.noun) \(name): \(SystemErrorText.describe(code))",
                              hint: "kiểm tra quyền đọc của tệp")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            _ = close(fd)
            throw FileRefusal(message: "không đọc được \(role.noun) \(name): \(SystemErrorText.describe(code))", hint: "kiểm tra tệp")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            _ = close(fd)
            let what = (info.st_mode & S_IFMT) == S_IFDIR ? "là thư mục, không phải tệp" : "không phải tệp thường (thiết bị, đường ống hay ổ cắm)"
            throw FileRefusal(message: "\(role.noun) \(name) \(what)", hint: "chọn một tệp bình thường trên đĩa")
        }
        guard Int64(info.st_size) <= role.sizeCap else {
            _ = close(fd)
            throw FileRefusal(message: "\(role.noun) \(name) quá lớn (\(Int64(info.st_size) >> 20) MB), tối đa \(role.sizeCap >> 20) MB",
                              hint: "có thể đã chọn nhầm tệp")
        }
        self.descriptor = fd
        self.path = path
        self.size = Int64(info.st_size)
        self.cap = role.sizeCap
    }

    deinit {
        if descriptor >= 0 { _ = close(descriptor) }
    }

    /// Reads up to `count` bytes, retrying on interruption; empty at the end of the file.
    func read(upTo count: Int) throws -> [UInt8] {
        guard descriptor >= 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let got = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, count) }
            if got >= 0 {
                buffer.removeSubrange(got...)
                return buffer
            }
            if errno == EINTR || errno == EAGAIN { continue }
            throw FileRefusal(message: "lỗi khi đọc tệp: \(SystemErrorText.current())", hint: "kiểm tra ổ đĩa rồi chạy lại")
        }
    }

    /// The whole file, bounded by the cap.
    ///
    /// - Throws: `FileRefusal` when reading fails or the file grew past its cap.
    public func readAll() throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(size, cap)))
        while true {
            // As much as the file still holds (plus one byte to see the end), at most 1 MB: a
            // fixed 1 MB buffer, zeroed for every read, was most of the time of reading a
            // small data file in a fresh process.
            let left = max(0, Int(min(size, cap)) - bytes.count)
            let chunk = try read(upTo: max(4096, min(1 << 20, left + 1)))
            if chunk.isEmpty { break }
            bytes += chunk
            if Int64(bytes.count) > cap {
                throw FileRefusal(message: "tệp lớn dần trong lúc đọc, vượt quá \(cap >> 20) MB", hint: "chọn đúng tệp")
            }
        }
        return bytes
    }

    /// The file as successive chunks of `chunkSize` bytes, read lazily and stopping at the
    /// cap; the descriptor is closed when the end is reached. A read error ends the sequence
    /// early and is kept in `readError` for the caller to report.
    public func chunks(of chunkSize: Int = 256 * 1024) -> Chunks {
        Chunks(file: self, chunkSize: chunkSize)
    }

    /// The first error met while reading chunks, if any.
    public private(set) var readError: FileRefusal?

    /// The lazy chunks of a guarded file.
    public struct Chunks: Sequence {
        let file: GuardedFile
        let chunkSize: Int

        public func makeIterator() -> Iterator {
            Iterator(file: file, chunkSize: chunkSize)
        }

        public struct Iterator: IteratorProtocol {
            let file: GuardedFile
            let chunkSize: Int
            var total: Int64 = 0

            public mutating func next() -> [UInt8]? {
                guard total < file.cap else {
                    if file.readError == nil, file.descriptor >= 0 {
                        file.readError = FileRefusal(message: "tệp lớn hơn \(file.cap >> 20) MB, phần sau không được đọc", hint: "chọn đúng tệp")
                    }
                    file.closeNow()
                    return nil
                }
                do {
                    let chunk = try file.read(upTo: Int(Swift.min(Int64(chunkSize), file.cap - total)))
                    if chunk.isEmpty {
                        file.closeNow()
                        return nil
                    }
                    total += Int64(chunk.count)
                    return chunk
                } catch let refusal as FileRefusal {
                    file.readError = refusal
                    file.closeNow()
                    return nil
                } catch {
                    file.closeNow()
                    return nil
                }
            }
        }
    }

    /// Up to `count` bytes from the start of the file, without moving the read position:
    /// enough to tell a CSV from an xlsx or a PDF by content.
    public func peek(_ count: Int) -> [UInt8] {
        guard descriptor >= 0, count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, 0) }
        return got > 0 ? Array(buffer[..<got]) : []
    }

    /// Asks the system to start reading the whole file into its cache now, without waiting:
    /// a phase's 1,000 workbooks are opened one after another, then read on other threads,
    /// and a workbook not in the cache cost its opening a disk read, one file at a time.
    public func prefetch() {
        #if canImport(Glibc)
        if descriptor >= 0 { _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_WILLNEED)) }
        #endif
    }

    /// Closes the descriptor (reading ends); safe to call more than once.
    public func closeNow() {
        if descriptor >= 0 {
            _ = close(descriptor)
            descriptor = -1
        }
    }
}

/// `read(2)`, named apart from `GuardedFile.read(upTo:)`.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
