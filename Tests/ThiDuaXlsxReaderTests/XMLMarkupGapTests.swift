import Testing
@testable import ThiDuaXlsxReader

/// The bound on a run of a part without "<": the longest text an Excel cell holds passes,
/// a tag with tens of thousands of attributes does not, however the bytes are cut.
@Suite struct XMLMarkupGapTests {
    static func admits(_ bytes: [UInt8], pieces: Int) -> Bool {
        var gap = XMLMarkupGap()
        var start = 0
        while start < bytes.count {
            let end = min(start + pieces, bytes.count)
            let ok = bytes[start ..< end].withUnsafeBytes { gap.admit($0) }
            if !ok { return false }
            start = end
        }
        return true
    }

    @Test(arguments: [1, 1000, 4096, 65_536, 1 << 20])
    func theLongestCellPassesAndAHugeTagDoesNot(pieces: Int) {
        // 32,767 "&" written as "&amp;": the longest text of one cell, 164 KB.
        let cell = Array(("<c><is><t>" + String(repeating: "&amp;", count: 32_767) + "</t></is></c>").utf8)
        #expect(Self.admits(cell + cell + cell, pieces: pieces))
        let tag = Array(("<c r=\"B2\" " + (0 ..< 50_000).map { "a\($0)=\"1\"" }.joined(separator: " ") + "><v>1</v></c>").utf8)
        #expect(tag.count > XMLMarkupGap.limit)
        #expect(!Self.admits(tag, pieces: pieces))
        let normal = Array(String(repeating: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", count: 100_000).utf8)
        #expect(Self.admits(normal, pieces: pieces))
    }
}
