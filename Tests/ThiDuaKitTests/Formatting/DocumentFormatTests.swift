import Testing
@testable import ThiDuaKit

extension FormattingTests {
    @Suite struct DocumentFormatting {
        private func date(_ year: Int, _ month: Int, _ day: Int) throws -> CivilDate {
            try #require(CivilDate(year: year, month: month, day: day))
        }

        @Test func placeAndDate() throws {
            #expect(try DocumentFormat.placeAndDate(place: "Bến Tre", date: date(2017, 2, 22))
                == "Bến Tre, ngày 22 tháng 02 năm 2017")
            #expect(try DocumentFormat.placeAndDate(place: "Hà Nội", date: date(2021, 6, 29))
                == "Hà Nội, ngày 29 tháng 6 năm 2021")
            let decomposed = try DocumentFormat.placeAndDate(place: "Be\u{0302}\u{0301}n Tre", date: date(2021, 3, 6))
            #expect(scalarValues(decomposed) == scalarValues("B\u{1EBF}n Tre, ngày 06 tháng 3 năm 2021"))
        }

        @Test(arguments: [
            (Optional(13), "KH-LĐLĐ", "Số: 13/KH-LĐLĐ"),
            (6, "HD-LĐLĐ", "Số: 06/HD-LĐLĐ"),
            (1, "BC-LĐLĐ", "Số: 01/BC-LĐLĐ"),
            (270, "TLĐ", "Số: 270/TLĐ"),
            (nil, "KH-LĐLĐ", "Số:      /KH-LĐLĐ"),
            (0, "KH-LĐLĐ", "Số:      /KH-LĐLĐ"),
        ])
        func numberLine(number: Int?, symbol: String, expected: String) {
            #expect(DocumentFormat.numberLine(number: number, symbol: symbol) == expected)
        }

        @Test func referenceToAnotherDocument() throws {
            let reference = "Kế hoạch số \(DocumentFormat.numberAndSymbol(number: 2, symbol: "KH-TLĐ")) ngày \(try date(2017, 2, 10).short()) của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam"
            #expect(reference == "Kế hoạch số 02/KH-TLĐ ngày 10/02/2017 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam")
            #expect(DocumentFormat.numberAndSymbol(number: 13, symbol: "KH-LĐLĐ") == "13/KH-LĐLĐ")
            #expect(DocumentFormat.numberAndSymbol(number: nil, symbol: "KH-LĐLĐ") == "     /KH-LĐLĐ")
        }

        @Test func partyAnniversaries() throws {
            let party = "Ngày thành lập Đảng Cộng sản Việt Nam"
            #expect(try DocumentFormat.anniversaryPhrase(years: 85, name: party, base: date(1930, 2, 3), target: date(2015, 2, 3))
                == "kỷ niệm 85 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2015)")
            #expect(try DocumentFormat.anniversaryPhrase(years: 90, name: party, base: date(1930, 2, 3), target: date(2020, 2, 3))
                == "kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)")
            // The computed overload cannot produce the "(… - 03/02/2014)" mistake of a real 2015 plan.
            #expect(try DocumentFormat.anniversaryPhrase(name: party, base: date(1930, 2, 3), target: date(2015, 2, 3))
                == "kỷ niệm 85 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2015)")
        }

        @Test func styleSeparatorAndPrefix() throws {
            let name = "Ngày Giải phóng miền Nam, thống nhất đất nước"
            let base = try date(1975, 4, 30)
            let target = try date(2025, 4, 30)
            #expect(DocumentFormat.anniversaryPhrase(name: name, base: base, target: target)
                == "kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025)")
            #expect(DocumentFormat.anniversaryPhrase(name: name, base: base, target: target, style: .padded)
                == "kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/04/1975 - 30/04/2025)")
            #expect(try DocumentFormat.anniversaryPhrase(years: 80, name: "Quốc khánh", base: date(1945, 9, 2), target: date(2025, 9, 2), style: .plain, separator: " – ")
                == "kỷ niệm 80 năm Quốc khánh (2/9/1945 – 2/9/2025)")
            #expect(try DocumentFormat.anniversaryPhrase(years: 95, name: "Ngày thành lập Công đoàn Việt Nam", base: date(1929, 7, 28), target: date(2024, 7, 28), prefix: "")
                == "95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024)")
            #expect(try DocumentFormat.anniversaryPhrase(years: 134, name: "Ngày sinh Chủ tịch Hồ Chí Minh", base: date(1890, 5, 19), target: date(2024, 5, 19), prefix: "chào mừng")
                == "chào mừng 134 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2024)")
        }

        @Test func anniversaryYears() throws {
            #expect(try DocumentFormat.anniversaryYears(base: date(1929, 7, 28), target: date(2029, 7, 28)) == 100)
        }

        @Test(arguments: [
            (90, AnniversaryKind.round), (10, .round), (100, .round),
            (85, .halfRound), (5, .halfRound), (95, .halfRound),
            (96, .ordinary), (1, .ordinary), (0, .ordinary), (-5, .ordinary), (-10, .ordinary),
        ])
        func anniversaryKind(years: Int, expected: AnniversaryKind) {
            #expect(DocumentFormat.anniversaryKind(years: years) == expected)
        }

        @Test func anniversaryKindNames() {
            #expect(AnniversaryKind.round.rawValue == "năm tròn")
            #expect(AnniversaryKind.halfRound.rawValue == "năm lẻ")
            #expect(AnniversaryKind.ordinary.rawValue == "")
        }
    }
}
