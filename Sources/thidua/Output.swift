import Foundation
import ThiDuaKit
import ThiDuaWorkspace

/// Printing for the commands: diagnostics, errors and the program's accounts (a report's
/// reconciliation) on standard error, paths and notes on standard output. Nothing here reads or writes a document's files.
enum Output {
    /// Prints diagnostics to standard error.
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(diagnostics.map(\.description).joined(separator: "\n"))
    }

    /// One line (or several) on standard error.
    static func error(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Writes `text` whole to the descriptor, or as much as it takes. `FileHandle.write`
    /// traps when the descriptor is closed or full (`2>&-`, `2>/dev/full`): a message that
    /// cannot be shown must not turn a data error (exit 1) into a crash.
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Flushes standard output; the error number when what was printed could not all be
    /// written (`>/dev/full`, a closed pipe), which the command must not report as success.
    static func flushStandardOutput() -> Int32? {
        if fflush(stdout) != 0 { return errno }
        return ferror(stdout) != 0 ? EIO : nil
    }

    /// Opens /dev/null on each of descriptors 0, 1 and 2 that is closed (`thidua … >&-`):
    /// otherwise the first file the command opens would get that number, and what is
    /// printed for the clerk would be written into it.
    static func reserveStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            // open() takes the lowest free number, which is this one; anything else is closed again.
            if opened >= 0, opened != descriptor { close(opened) }
        }
    }

    /// Prints what a job gave, in the order a clerk reads it.
    static func print(_ result: JobResult) {
        report(result.diagnostics)
        for account in result.accounts { error(account) }
        for note in result.notes { Swift.print(note) }
        for path in result.written { Swift.print(path) }
        if let failure = result.error { error(failure.description) }
    }
}

/// Data errors were printed; exit with 1.
struct DataErrorsFound: Error {}
