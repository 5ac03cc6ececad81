/// Watches the bytes of a part as libxml2 pulls them, for a run without a "<" longer
/// than `limit`.
///
/// In well-formed XML no attribute value holds a "<", so such a run is one start tag or one
/// text. An Excel cell holds at most 32,767 characters (164 KB even written as "&amp;"),
/// so no real workbook has one; a hostile one uses it for a tag with tens of thousands of
/// attributes, which libxml2 2.9 checks for duplicates in quadratic time (200,000
/// attributes in a 463 KB file took 34 s). This is a bound on input, not XML parsing: the
/// bytes are only searched for "<", a stride at a time from its end, which costs a few
/// instructions per stride of normal XML (where a tag is never far).
struct XMLMarkupGap {
    /// The longest run let through (within one `stride`).
    static let limit = 256 * 1024
    static let stride = 4096
    private var sinceMarkup = 0

    /// False once the bytes read so far hold a run of more than `limit` bytes without "<".
    mutating func admit(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        while start < bytes.count {
            let end = min(start + Self.stride, bytes.count)
            var last = end - 1
            while last >= start, bytes[last] != UInt8(ascii: "<") { last -= 1 }
            sinceMarkup = last >= start ? end - 1 - last : sinceMarkup + (end - start)
            if sinceMarkup > Self.limit { return false }
            start = end
        }
        return true
    }
}
