import Testing
@testable import ThiDuaDocx

@Suite struct SmokeTests {
    @Test func writesExamples() throws {
        let (_, files) = try DocxTestSupport.writeExamples()
        #expect(files.count == 5)
    }
}
