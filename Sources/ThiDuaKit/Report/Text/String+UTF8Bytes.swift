#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Calls `body` with the string's UTF-8 bytes: a native string's own storage (a small
    /// string's on the stack), not copied. Checks that run on every cell of a 100,000-row
    /// sheet index these bytes, where walking `utf8` went through String's index type for
    /// every byte (the largest part of the time those checks took).
    @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body) // bridged strings only
    }

    /// True when the two strings have the same UTF-8 bytes (not canonical equivalence,
    /// which `==` decides).
    func hasSameBytes(as other: String) -> Bool {
        withUTF8Bytes { a in
            other.withUTF8Bytes { b in
                guard a.count == b.count else { return false }
                guard let x = a.baseAddress, let y = b.baseAddress else { return true }
                return memcmp(x, y, a.count) == 0
            }
        }
    }
}
