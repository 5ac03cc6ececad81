#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libxlsxwriter reports a failure twice: as an `lxw_error` code, which ThiDuaXlsx turns
/// into a Vietnamese ``XlsxError``, and as an English line on the C `stderr`
/// ("[ERROR][./src/packager.c:1541]: … ZIP_ERRNO … No space left on device"). No English
/// system message may reach a clerk, so while libxlsxwriter works the C `stderr` points
/// at /dev/null. Only C code's `FILE *stderr` is redirected, never file descriptor 2:
/// Swift's own output and thidua's diagnostics are untouched, and so is the stream of a
/// thread that is not inside libxlsxwriter once the last caller has left.
enum XlsxLibraryOutput {
    private static let state = QuietState()

    /// Runs `body` with C `stderr` silenced; calls may nest and run on several threads.
    static func quietly<T>(_ body: () throws -> T) rethrows -> T {
        state.enter()
        defer { state.leave() }
        return try body()
    }

    /// A count of callers inside, under a mutex: the first swaps `stderr`, the last restores it.
    private final class QuietState: @unchecked Sendable {
        private var mutex = pthread_mutex_t()
        private var inside = 0
        private var saved: UnsafeMutablePointer<FILE>?
        private let sink: UnsafeMutablePointer<FILE>? = fopen("/dev/null", "w")

        init() { pthread_mutex_init(&mutex, nil) }

        func enter() {
            pthread_mutex_lock(&mutex)
            defer { pthread_mutex_unlock(&mutex) }
            inside += 1
            if inside == 1, let sink {
                saved = stderr
                stderr = sink
            }
        }

        func leave() {
            pthread_mutex_lock(&mutex)
            defer { pthread_mutex_unlock(&mutex) }
            inside -= 1
            if inside == 0, let saved {
                fflush(stderr)
                stderr = saved
                self.saved = nil
            }
        }
    }
}
