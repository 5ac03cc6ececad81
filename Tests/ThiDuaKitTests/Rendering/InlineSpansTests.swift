import PropertyBased
import Testing
@testable import ThiDuaKit

/// Inline markup read into spans for formats that mark emphasis themselves (Word).
@Suite("Inline markup as spans")
struct InlineSpansTests {
    @Test func boldItalicAndQuotes() {
        #expect(InlineMarkup.spans("Phong trào **\"Lao động giỏi\"** và *nữ công*.") == [
            InlineSpan(text: "Phong trào "), InlineSpan(text: "“Lao động giỏi”", bold: true),
            InlineSpan(text: " và "), InlineSpan(text: "nữ công", italic: true), InlineSpan(text: "."),
        ])
        #expect(InlineMarkup.spans("***cả hai***") == [InlineSpan(text: "***cả hai***")],
                "a run of three is not markup in any format (the plain text and Markdown keep it)")
        #expect(InlineMarkup.spans("***cả hai***") .map(\.text).joined() == InlineText.plain("***cả hai***"))
    }

    @Test func loneStarsAndUnclosedEmphasisAreText() {
        #expect(InlineMarkup.spans("5 * 3 = 15") == [InlineSpan(text: "5 * 3 = 15")])
        // An unclosed ** is text in every format (Markdown, plain text and Word alike).
        #expect(InlineMarkup.spans("**chưa đóng") == [InlineSpan(text: "**chưa đóng")])
        #expect(InlineText.plain("**chưa đóng") == "**chưa đóng")
        #expect(InlineMarkup.spans("") == [])
    }

    /// Joined, the spans say exactly what the plain text says, for any text.
    @Test func spansJoinToThePlainText() async {
        let alphabet = ["*", "**", " ", "\"", "a", "ộ"]
        await propertyCheck(count: 500, input: Gen.int(in: 0...5).array(of: 0...24)) { pieces in
            let text = pieces.map { alphabet[$0] }.joined()
            #expect(InlineMarkup.spans(text).map(\.text).joined() == InlineText.plain(text))
        }
    }
}
