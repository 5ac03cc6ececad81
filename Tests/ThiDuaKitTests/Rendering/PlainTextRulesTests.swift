import Testing
@testable import ThiDuaKit

/// Plain text that never breaks wrongly, for every example at widths 40, 60, 72, 80 and 120:
/// no line wider than the page, no wrapped line that starts like a list entry, the letterhead's
/// fixed lines whole, recipients' purposes whole, room for the signature and the seal.
@Suite("Plain-text rules at every width")
struct PlainTextRulesTests {
    static let widths = [40, 60, 72, 80, 120]
    static let examples = ["ke-hoach-tinh-2025.yaml", "ke-hoach-phuong-2025.yaml", "huong-dan-tinh-2025.yaml", "bao-cao-so-ket-2025.yaml"]
    static let cases = examples.flatMap { name in widths.map { (name, $0) } }

    /// A wrapped line that a reader would take for a new list entry.
    static func startsLikeAnEntry(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " ") else { return false }
        return VietnameseText.isListMarkerWord(trimmed[..<space])
    }

    @Test("every example, every width", arguments: cases)
    func rulesHold(name: String, width: Int) throws {
        let document = try #require(try TestSupport.loadExample(name).0)
        let text = try Renderer.render(document, format: .txt, templates: try TemplateSet(), width: width)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Tables of figures are as wide as their columns (a report's matter): left out here.
        let view = DocumentView(width: width)
        var blocks = document.preamble + document.closing
        for section in view.bodySections(document) { blocks += section.blocks }
        var tableLines = Set<Substring>()
        for group in BlockLayout.groups(blocks) {
            for block in group {
                if case .table(let table) = block.role {
                    tableLines.formUnion(TableLayout.plain(table, width: width).split(separator: "\n"))
                }
            }
        }
        for line in lines where VietnameseText.displayWidth(String(line)) > width && !tableLines.contains(line) {
            // Only a single word longer than the page may stick out.
            #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "\(name) @\(width): \(line)")
        }
        // The letterhead's fixed lines, each whole on one line; the names whole, or broken in
        // the left column where the shared rule breaks them.
        let header = document.header
        let placeDate = DocumentFormat.placeAndDate(place: header.place, date: header.date.value)
        for fixed in [DocumentFormat.nation, DocumentFormat.motto, placeDate]
        where VietnameseText.displayWidth(fixed) <= width {
            #expect(lines.contains { $0.contains(fixed) }, "\(name) @\(width): \(fixed)")
        }
        let room = width - 2 - VietnameseText.displayWidth(DocumentFormat.nation)
        for body in [header.parentBody, header.issuingBody] where VietnameseText.displayWidth(body) <= width {
            let pieces = room > 0 ? VietnameseText.breakName(body, width: room).lines : [body]
            #expect(lines.contains { $0.contains(body) } || pieces.allSatisfy { piece in lines.contains { $0.contains(piece) } },
                    "\(name) @\(width): \(body)")
        }
        // Recipients: the purpose and the final mark never broken.
        for recipient in document.recipients {
            guard let purpose = recipient.purpose else { continue }
            #expect(lines.contains { $0.contains("(\(purpose));") || $0.contains("(\(purpose)).") }, "\(name) @\(width): \(purpose)")
        }
        // Room for the signature and the seal: at least four lines between title and name.
        let signer = document.signature.signer.value
        let titleRow = try #require(lines.lastIndex { $0.contains(document.signature.title) })
        let nameRow = try #require(lines.lastIndex { $0.contains(signer) })
        #expect(nameRow - titleRow >= 5, "\(name) @\(width)")
        for row in (titleRow + 1)..<nameRow {
            // Nothing of the signature block in between (the recipients may be beside it).
            let right = lines[row].dropFirst(width / 2)
            #expect(right.trimmingCharacters(in: .whitespaces).isEmpty || VietnameseText.displayWidth(String(lines[row])) <= width / 2,
                    "\(name) @\(width): \(lines[row])")
        }
        // Body blocks: no wrapped line starts like a list entry.
        let formatter = PlainTextFormatter(width: width)
        for group in BlockLayout.groups(blocks) {
            for block in group {
                if case .table = block.role { continue }
                for line in formatter.lines(block).split(separator: "\n").dropFirst() {
                    #expect(!Self.startsLikeAnEntry(line), "\(name) @\(width): \(line)")
                }
            }
        }
        if let references = view.referencesParagraph(document) {
            for line in TextLayout.wrap(references, width: width, first: TextLayout.paragraphIndent, rest: "").split(separator: "\n").dropFirst() {
                #expect(!Self.startsLikeAnEntry(line), "\(name) @\(width): \(line)")
            }
        }
    }

    @Test func aDashIsNeverAtTheStartOfAWrappedLine() {
        let text = "góp phần hoàn thành nhiệm vụ phát triển kinh tế - xã hội của từng tỉnh"
        for width in 20...60 {
            let lines = VietnameseText.wrap(text, width: width)
            #expect(lines.dropFirst().allSatisfy { !$0.hasPrefix("- ") && !$0.hasPrefix("-") }, "@\(width): \(lines)")
            #expect(lines.joined(separator: " ") == text)
            #expect(lines.allSatisfy { VietnameseText.displayWidth($0) <= width })
        }
        // Plain greedy wrapping (today's) put the dash first at widths 47 and 48.
        #expect(VietnameseText.wrapWords(text, width: 48, firstIndent: "", restIndent: "").last?.hasPrefix("- ") == true)
        #expect(VietnameseText.wrap("Điều khoản theo mục 2. Luật Công đoàn năm 2024 quy định", width: 25).dropFirst().allSatisfy { !$0.hasPrefix("2. ") })
    }

    @Test func theLetterheadsFixedLinesAreNeverBroken() {
        let header = TextLayout.header(left: ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE"],
                                       right: [DocumentFormat.nation, DocumentFormat.motto], number: "Số: 06/KH-LĐLĐ",
                                       placeDate: "Bến Tre, ngày 06 tháng 01 năm 2020", width: 60)
        let lines = header.split(separator: "\n")
        #expect(lines.contains { $0.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") })
        #expect(!lines.contains { $0.hasSuffix("VIỆT") || $0.hasSuffix("năm") })
        #expect(lines.contains { $0.contains("Bến Tre, ngày 06 tháng 01 năm 2020") })
        #expect(lines.allSatisfy { VietnameseText.displayWidth(String($0)) <= 60 })
        // Side by side when it fits.
        let wide = TextLayout.header(left: ["A"], right: [DocumentFormat.nation, DocumentFormat.motto], number: "Số: 1/KH",
                                     placeDate: "Bến Tre, ngày 06 tháng 01 năm 2020", width: 80)
        #expect(wide.split(separator: "\n").first?.hasSuffix(DocumentFormat.nation) == true)
    }

    @Test func recipientsAreNotBrokenInsideTheirPurpose() {
        let lines = TextLayout.wrapKeepingTail("- Công đoàn các cấp trực thuộc", tail: "(để th/hiện);", width: 34, restIndent: "  ")
        #expect(lines == ["- Công đoàn các cấp trực thuộc", "  (để th/hiện);"])
    }
}
