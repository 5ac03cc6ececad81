import Testing
@testable import ThiDuaKit

/// Where a body's name too long for its column is broken (`VietnameseText.breakName`, shared
/// by the .docx letterhead and the plain-text header): where a unit's name begins, never
/// inside a word of several syllables, the proper name after "TỈNH" whole, the lines even.
@Suite("Breaking the names of bodies")
struct NameBreakTests {
    static func lines(_ name: String, _ width: Int) -> [String] {
        VietnameseText.breakName(name, width: width).lines
    }

    /// Two syllables a clerk never puts on two lines.
    static let compounds = ["CÔNG ĐOÀN", "LIÊN ĐOÀN", "LAO ĐỘNG", "CƠ SỞ", "SƯ PHẠM", "THÀNH PHỐ", "CÔNG NGHIỆP",
                            "ĐẠI HỌC", "KỸ THUẬT", "KHU CÔNG", "HỒ CHÍ", "CHÍ MINH", "BÌNH DƯƠNG", "KINH TẾ", "VIỆT NAM"]

    static func splitsACompound(_ lines: [String]) -> String? {
        for (line, next) in zip(lines, lines.dropFirst()) {
            let last = line.split(separator: " ").last.map(String.init) ?? ""
            let first = next.split(separator: " ").first.map(String.init) ?? ""
            if compounds.contains("\(last) \(first)") { return "\(last) / \(first)" }
        }
        return nil
    }

    @Test func theReviewersExamples() {
        #expect(Self.lines("CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP TỈNH BÌNH DƯƠNG", 16)
                == ["CÔNG ĐOÀN CÁC", "KHU CÔNG NGHIỆP", "TỈNH BÌNH DƯƠNG"])
        #expect(Self.lines("CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP TỈNH BÌNH DƯƠNG", 44)
                == ["CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP", "TỈNH BÌNH DƯƠNG"])
        let school = "CÔNG ĐOÀN CƠ SỞ TRƯỜNG ĐẠI HỌC SƯ PHẠM KỸ THUẬT THÀNH PHỐ HỒ CHÍ MINH"
        #expect(Self.lines(school, 22) == ["CÔNG ĐOÀN CƠ SỞ", "TRƯỜNG ĐẠI HỌC", "SƯ PHẠM KỸ THUẬT", "THÀNH PHỐ HỒ CHÍ MINH"])
        #expect(Self.lines(school, 36) == ["CÔNG ĐOÀN CƠ SỞ", "TRƯỜNG ĐẠI HỌC SƯ PHẠM KỸ THUẬT", "THÀNH PHỐ HỒ CHÍ MINH"])
        // A line more rather than "TRƯỜNG / ĐẠI HỌC".
        #expect(Self.lines(school, 24) == ["CÔNG ĐOÀN CƠ SỞ", "TRƯỜNG ĐẠI HỌC", "SƯ PHẠM KỸ THUẬT", "THÀNH PHỐ HỒ CHÍ MINH"])
        #expect(Self.lines("LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HỒ CHÍ MINH", 30) == ["LIÊN ĐOÀN LAO ĐỘNG", "THÀNH PHỐ HỒ CHÍ MINH"])
        #expect(Self.lines("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", 25) == ["TỔNG LIÊN ĐOÀN LAO ĐỘNG", "VIỆT NAM"])
        #expect(Self.lines("LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE", 25) == ["LIÊN ĐOÀN LAO ĐỘNG", "TỈNH BẾN TRE"])
    }

    @Test func aLineStartsWithTheJoiningWordNotEndsWithIt() {
        let name = "CÔNG ĐOÀN KHU KINH TẾ NGHI SƠN VÀ CÁC KHU CÔNG NGHIỆP TỈNH THANH HÓA"
        #expect(Self.lines(name, 44) == ["CÔNG ĐOÀN KHU KINH TẾ NGHI SƠN", "VÀ CÁC KHU CÔNG NGHIỆP TỈNH THANH HÓA"])
        #expect(Self.lines(name, 36) == ["CÔNG ĐOÀN KHU KINH TẾ NGHI SƠN", "VÀ CÁC KHU CÔNG NGHIỆP", "TỈNH THANH HÓA"])
        for width in 22...67 {
            #expect(!Self.lines(name, width).dropLast().contains { $0.hasSuffix(" VÀ") }, "@\(width)")
        }
    }

    @Test func theCaseAndTheTonePlacementOfTheDataDoNotMatter() {
        #expect(Self.lines("Công đoàn các Khu công nghiệp tỉnh Bình Dương", 16)
                == ["Công đoàn các", "Khu công nghiệp", "tỉnh Bình Dương"])
        #expect(VietnameseText.nameBreakCosts(["NGÀNH", "VĂN", "HOÁ"])[2] == VietnameseText.NameBreakCost.insideWord)
        // "SỞ" of "CƠ SỞ" and "XÃ" of "XÃ HỘI" start no unit.
        #expect(VietnameseText.nameBreakCosts(["CÔNG", "ĐOÀN", "CƠ", "SỞ"])[3] == VietnameseText.NameBreakCost.insideWord)
        #expect(VietnameseText.nameBreakCosts(["CÔNG", "ĐOÀN", "NGÀNH", "XÃ", "HỘI"])[3] != VietnameseText.NameBreakCost.unitStart)
    }

    @Test("at every width, no compound split when the column can hold its words", arguments: [
        "CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP TỈNH BÌNH DƯƠNG",
        "CÔNG ĐOÀN CƠ SỞ TRƯỜNG ĐẠI HỌC SƯ PHẠM KỸ THUẬT THÀNH PHỐ HỒ CHÍ MINH",
        "CÔNG ĐOÀN KHU KINH TẾ NGHI SƠN VÀ CÁC KHU CÔNG NGHIỆP TỈNH THANH HÓA",
        "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HỒ CHÍ MINH",
    ])
    func everyWidth(name: String) {
        for width in 1...70 {
            let broken = VietnameseText.breakName(name, width: width)
            // Nothing lost, nothing moved.
            #expect(broken.lines.joined(separator: " ") == name, "@\(width)")
            if !broken.isForced {
                #expect(broken.lines.allSatisfy { VietnameseText.displayWidth($0) <= width }, "@\(width): \(broken.lines)")
                #expect(Self.splitsACompound(broken.lines) == nil, "@\(width): \(broken.lines)")
            }
        }
        // Wide enough for the words of the longest unit ("THÀNH PHỐ HỒ CHÍ MINH"): never forced.
        #expect(!VietnameseText.breakName(name, width: 22).isForced)
    }

    @Test func aNameThatCannotFitIsSplitAtTheLeastBadPlace() {
        // One long word: left whole on its line, for the caller to cut.
        let word = "CÔNGĐOÀNKHUCÔNGNGHIỆPBÌNHDƯƠNG"
        #expect(VietnameseText.breakName(word, width: 10) == VietnameseText.NameLines(lines: [word], isForced: true))
        #expect(VietnameseText.breakName("CĐ \(word) TỈNH", width: 10).lines == ["CĐ", word, "TỈNH"])
        // "KHU CÔNG NGHIỆP" in 12 columns: "KHU / CÔNG NGHIỆP", not "KHU CÔNG / NGHIỆP".
        let narrow = VietnameseText.breakName("KHU CÔNG NGHIỆP", width: 12)
        #expect(narrow.lines == ["KHU", "CÔNG NGHIỆP"])
        #expect(narrow.isForced)
        // Two lines at most: the rest stays on lines wider than the column, in order.
        let capped = VietnameseText.breakName("CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP TỈNH BÌNH DƯƠNG", width: 8, maxLines: 2) { Double(VietnameseText.displayWidth($0)) }
        #expect(capped.lines.count == 2 && capped.isForced)
        #expect(capped.lines.joined(separator: " ") == "CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP TỈNH BÌNH DƯƠNG")
        // A dash never starts a line, as it would read as a list entry.
        let dashed = Self.lines("LIÊN ĐOÀN LAO ĐỘNG TỈNH BÀ RỊA - VŨNG TÀU", 20)
        #expect(dashed.allSatisfy { !$0.hasPrefix("-") }, "\(dashed)")
        #expect(Self.lines("NGẮN", 40) == ["NGẮN"])
        #expect(VietnameseText.nameBreakCosts([]) == [] && VietnameseText.nameBreakCosts(["TỈNH"]) == [0])
        #expect(Self.lines("", 40) == [""])
    }

    @Test func aVeryLongNameIsStillSetInOrder() {
        let name = Array(repeating: "CÔNG ĐOÀN TỈNH BẾN TRE", count: 20).joined(separator: " ")
        let broken = VietnameseText.breakName(name, width: 30)
        #expect(broken.lines.joined(separator: " ") == name)
        #expect(broken.lines.allSatisfy { VietnameseText.displayWidth($0) <= 30 })
    }
}
