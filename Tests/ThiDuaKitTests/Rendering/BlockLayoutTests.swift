import Testing
@testable import ThiDuaKit

/// Numbering is computed once, in `BlockLayout`, for every output format.
@Suite("Block layout shared by the formats")
struct BlockLayoutTests {
    let here = SourcePosition(file: "t.yaml", line: 1, column: 1)

    @Test func itemsPointsAndBulletsAreNumberedInTheirParent() {
        let blocks: [Block] = [
            .item(title: "Mục đích", blocks: [
                .paragraph("Đoạn.", here),
                .item(title: "Con một", blocks: [], here),
                .item(title: "Con hai", blocks: [.point("Điểm một", blocks: [], here), .point("Điểm hai", blocks: [], here)], here),
            ], here),
            .item(title: "Yêu cầu", blocks: [], here),
        ]
        let laidOut = BlockLayout.layOut(blocks, depth: 0, prefix: "")
        #expect(laidOut.map(\.label) == ["1.", "", "1.1.", "1.2.", "a)", "b)", "2."])
        #expect(laidOut.map(\.role) == [.heading(level: 0), .paragraph, .numberedSentence(level: 1), .heading(level: 1),
                                        .point, .point, .numberedSentence(level: 0)])
    }

    @Test func consecutiveBulletsAreOneGroupAndAParagraphEndsIt() {
        let blocks: [Block] = [
            .bullet("một", blocks: [.bullet("một con", blocks: [], here), .paragraph("lời", here)], here),
            .bullet("hai", blocks: [], here),
            .paragraph("Đoạn.", here),
            .bullet("ba", blocks: [], here),
        ]
        let groups = BlockLayout.groups(blocks)
        #expect(groups.map(\.count) == [4, 1, 1])
        #expect(MarkdownFormatter().format(groups[0]) == "- một\n  - một con\n  lời\n- hai")
        #expect(PlainTextFormatter(width: 40).format(groups[0]) == "- một\n  + một con\n  lời\n- hai")
    }

    /// Numbered content written under a bullet used to vanish from every format.
    @Test func numberedContentUnderABulletIsKept() {
        let blocks: [Block] = [.bullet("ý", blocks: [.point("điểm dưới ý", blocks: [], here)], here)]
        let laidOut = BlockLayout.layOut(blocks, depth: 0, prefix: "")
        #expect(laidOut.map(\.text) == ["ý", "điểm dưới ý"])
        #expect(laidOut.last?.role == .point)
    }

    /// A format added to the view holds the text of every block under its own key.
    @Test func anExtraFormatterFillsItsKeyForEveryBlock() throws {
        struct Upper: BlockFormatter {
            var key: String { "up" }
            func format(_ group: [LaidOutBlock]) -> String { group.map { $0.label + $0.text.uppercased() }.joined(separator: "|") }
            func sectionHeading(number: String, title: String) -> String { "\(number)/\(title)" }
        }
        let view = DocumentView(width: 60, extraFormatters: [Upper()])
        let blocks = view.layout([.item(title: "một", blocks: [.paragraph("hai", here)], here)])
        #expect(blocks.map { $0["up"] } == [.string("1.MỘT"), .string("HAI")])
        #expect(blocks.map { $0["md"] } == [.string("### 1. một"), .string("hai")])
    }
}
