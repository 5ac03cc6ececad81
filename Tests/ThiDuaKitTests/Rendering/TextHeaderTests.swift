import Testing
@testable import ThiDuaKit

/// The plain-text header with long names and a long place: two columns kept, the names broken
/// inside the left one as the .docx breaks them, the right column as it is, the number and the
/// place-and-date line on one row whenever they fit; stacked only when the left column is too
/// narrow even for broken names.
@Suite("Plain-text header with long names")
struct TextHeaderTests {
    static func header(parent: String, issuer: String, number: String = "Số: 06/KH-CĐKCN",
                       placeDate: String = "Bình Dương, ngày 05 tháng 01 năm 2025", width: Int) -> [Substring] {
        TextLayout.header(left: [parent, issuer], right: [DocumentFormat.nation, DocumentFormat.motto],
                          number: number, placeDate: placeDate, width: width).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The left column of each row (up to the start of the right one), trimmed.
    static func left(_ lines: [Substring], before column: Int) -> [String] {
        lines.map { String($0.prefix(column)).trimmingCharacters(in: .whitespaces) }
    }

    @Test func aLongIssuerIsBrokenInsideTheLeftColumn() throws {
        let lines = Self.header(parent: "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH DƯƠNG", issuer: "CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP TỈNH BÌNH DƯƠNG", width: 80)
        #expect(lines[0].hasSuffix(DocumentFormat.nation))
        #expect(lines[0].hasPrefix("  LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH DƯƠNG"))
        #expect(lines[1].hasSuffix(DocumentFormat.motto))
        #expect(Self.left(Array(lines[1...3]), before: 41) == ["CÔNG ĐOÀN CÁC KHU CÔNG NGHIỆP", "TỈNH BÌNH DƯƠNG", "------------"])
        // The number and the date on one row, each centred in its column.
        let row = try #require(lines.first { $0.contains("Số:") })
        #expect(row == "            Số: 06/KH-CĐKCN               Bình Dương, ngày 05 tháng 01 năm 2025")
        #expect(lines.allSatisfy { VietnameseText.displayWidth(String($0)) <= 80 })
    }

    @Test func theNumberAndALongPlaceShareARowWhenTheyFit() throws {
        let place = "Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025"
        let wide = Self.header(parent: "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", issuer: "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE",
                               number: "Số: 1234/KH-LĐLĐ", placeDate: place, width: 80)
        #expect(wide.contains("           Số: 1234/KH-LĐLĐ     \(place)"))
        // 16 + 2 + 48 columns do not fit in 60: the date under the number, at the right margin.
        let narrow = Self.header(parent: "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", issuer: "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE",
                                 number: "Số: 1234/KH-LĐLĐ", placeDate: place, width: 60)
        let numberRow = try #require(narrow.firstIndex { $0.contains("Số: 1234/KH-LĐLĐ") })
        #expect(narrow[numberRow + 1] == Substring(String(repeating: " ", count: 12) + place))
    }

    @Test func theColumnsAreStackedOnlyWhenBrokenNamesCannotFit() {
        let issuer = "CÔNG ĐOÀN KHU KINH TẾ NGHI SƠN VÀ CÁC KHU CÔNG NGHIỆP TỈNH THANH HÓA"
        // 60 columns: 24 for the left column, enough for every unit of the name.
        let sixty = Self.header(parent: "LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA", issuer: issuer,
                                placeDate: "Thanh Hóa, ngày 05 tháng 01 năm 2025", width: 60)
        #expect(sixty[0].hasSuffix(DocumentFormat.nation))
        #expect(Self.left(Array(sixty[0...5]), before: 24)
                == ["LIÊN ĐOÀN LAO ĐỘNG", "TỈNH THANH HÓA", "CÔNG ĐOÀN", "KHU KINH TẾ NGHI SƠN", "VÀ CÁC KHU CÔNG NGHIỆP", "TỈNH THANH HÓA"])
        // 50 columns leave 14: "KHU CÔNG NGHIỆP" would be split, so the columns are stacked.
        let fifty = Self.header(parent: "LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA", issuer: issuer,
                                placeDate: "Thanh Hóa, ngày 05 tháng 01 năm 2025", width: 50)
        #expect(fifty[0].trimmingCharacters(in: .whitespaces) == DocumentFormat.nation)
        #expect(fifty.map { $0.trimmingCharacters(in: .whitespaces) }.contains("VÀ CÁC KHU CÔNG NGHIỆP TỈNH THANH HÓA"))
        for width in 40...120 {
            let lines = Self.header(parent: "LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA", issuer: issuer,
                                    placeDate: "Thanh Hóa, ngày 05 tháng 01 năm 2025", width: width)
            #expect(lines.allSatisfy { VietnameseText.displayWidth(String($0)) <= width }, "@\(width)")
            #expect(lines.contains { $0.contains(DocumentFormat.nation) } && lines.contains { $0.contains(DocumentFormat.motto) })
            #expect(!lines.contains { $0.hasSuffix(" CÔNG") || $0.hasSuffix(" KINH") || $0.hasSuffix(" VÀ") }, "@\(width): \(lines)")
        }
    }

    @Test func aWordWiderThanThePageIsCutOnlyWhenStacked() {
        let word = String(repeating: "Ư", count: 45)
        let lines = Self.header(parent: "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE", issuer: "CÔNG ĐOÀN \(word)", width: 40)
        #expect(lines.allSatisfy { VietnameseText.displayWidth(String($0)) <= 40 })
        #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined().contains(word))
    }
}
