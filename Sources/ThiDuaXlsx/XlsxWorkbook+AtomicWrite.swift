import CXlsxWriter
import ThiDuaKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension XlsxWorkbook {
    /// Writes the workbook and moves it into place.
    ///
    /// libxlsxwriter assembles the xlsx into ``temporaryPath`` (in the destination's
    /// folder, so the final `rename(2)` stays on one file system and is atomic); the
    /// file is flushed to disk and renamed over ``destinationPath``. On any failure the
    /// temporary file is removed and whatever was at the destination is untouched.
    ///
    /// The workbook cannot be used after `close()`, whether it succeeded or not.
    ///
    /// - Throws: ``XlsxError``; ``XlsxError/workbookClosed`` if called twice.
    public func close() throws {
        let workbook = try liveHandle()
        // workbook_close frees the workbook whatever it returns, so forget it first.
        handle = nil
        errno = 0
        // Its English report of a failure must not reach the user: the code says it all.
        let code = XlsxLibraryOutput.quietly { workbook_close(workbook) }
        // A full disk or a refused write surfaces as a zip error; the reason is errno.
        let systemError = errno
        if code != LXW_NO_ERROR {
            unlink(temporaryPath)
            if systemError != 0, [LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE,
                                  LXW_ERROR_ZIP_INTERNAL_ERROR].contains(code) {
                throw XlsxError.zip(detail: SystemErrorText.describe(systemError))
            }
            let context: String
            switch code {
            case LXW_ERROR_CREATING_XLSX_FILE: context = destinationPath
            case LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE: context = options.temporaryDirectory ?? ""
            default: context = "ghi tệp “\(destinationPath)”"
            }
            throw XlsxError(code: code, context: context)
        }
        do {
            try flushToDisk(temporaryPath)
            if injectFailureBeforeRename {
                throw XlsxError.renameFailed(from: temporaryPath, to: destinationPath, reason: "lỗi giả lập để kiểm thử")
            }
            if rename(temporaryPath, destinationPath) != 0 {
                throw XlsxError.renameFailed(from: temporaryPath, to: destinationPath, reason: XlsxWorkbook.errnoText())
            }
        } catch {
            unlink(temporaryPath)
            throw error
        }
        // Make the rename itself durable; a failure here cannot undo the write, so it is
        // not reported.
        _ = try? flushToDisk(XlsxWorkbook.parentDirectory(of: destinationPath))
    }

    /// `fsync` a file or folder so a crash right after the rename cannot leave an empty file.
    private func flushToDisk(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw XlsxError.renameFailed(from: temporaryPath, to: destinationPath, reason: XlsxWorkbook.errnoText())
        }
        defer { _ = closeDescriptor(descriptor) }
        if fsync(descriptor) != 0 {
            throw XlsxError.renameFailed(from: temporaryPath, to: destinationPath, reason: XlsxWorkbook.errnoText())
        }
    }

    /// `.name.xlsx.tmp-PID-RANDOM` in the destination's folder.
    ///
    /// The leading dot hides it from casual listings; the PID and 64 random bits keep
    /// two writers (or two runs) from ever sharing a temporary file.
    static func makeTemporaryPath(for destination: String) -> String {
        let directory = parentDirectory(of: destination)
        let base = destination.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? destination
        let random = String(UInt64.random(in: 0 ... UInt64.max))
        return "\(directory)/.\(base).tmp-\(getpid())-\(random)"
    }

    /// The folder part of a path ("." for a bare file name).
    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The reason for the current `errno`, in Vietnamese.
    static func errnoText() -> String {
        SystemErrorText.current()
    }
}

/// `close(2)`, named apart from ``XlsxWorkbook/close()`` which shadows it inside the class.
@inline(__always)
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.close(descriptor)
    #else
    return Darwin.close(descriptor)
    #endif
}
