import Testing
@testable import ThiDuaKit

/// Quoted input is shortened for messages whatever limit a caller picks (a limit of 80
/// once asked for a prefix of -20 and crashed on a long malformed field; found by fuzzing).
@Suite("Shortened quotes in messages")
struct MessageShorteningTests {
    @Test(arguments: [1, 4, 20, 80, 179, 180, 400, 1_000])
    func anyLimitGivesAShortQuoteKeepingBothEnds(_ limit: Int) {
        let text = "Đầu " + String(repeating: "giữa ", count: 2_000) + " cuối"
        let short = YAMLReader.shorten(text, limit: limit)
        #expect(short.count <= limit + 3 + 3, "\(limit): \(short.count)")
        #expect(short.hasPrefix("Đ"))
        #expect(short.contains(" … "))
        if limit >= 20 { #expect(short.hasSuffix("cuối")) }
    }

    @Test func theDefaultKeepsItsShape() {
        let text = String(repeating: "a", count: 1_000)
        #expect(YAMLReader.shorten(text) == String(repeating: "a", count: 300) + " … " + String(repeating: "a", count: 80))
        #expect(YAMLReader.shorten("ngắn", limit: 10) == "ngắn")
    }
}
