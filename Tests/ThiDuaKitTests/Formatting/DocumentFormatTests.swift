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

        /// A cited "số, ký hiệu" written whole gets the leading zero a number below 10 takes
        /// ("Công văn số 3/TLĐ" was printed as written).
        @Test(arguments: [("3/TLĐ", "03/TLĐ"), ("5-CT/TW", "05-CT/TW"), ("05/TLĐ", "05/TLĐ"), ("12/KH-TLĐ", "12/KH-TLĐ"),
                          ("1234/LĐLĐ", "1234/LĐLĐ"), ("TLĐ", "TLĐ"), ("3 /TLĐ", "3 /TLĐ"), ("", "")])
        func aCitedNumberWrittenWholeIsPadded(written: String, printed: String) {
            #expect(DocumentFormat.paddingNumber(of: written) == printed)
        }

        /// Anniversary phrases as documents get them: from the catalog, the number of years
        /// computed from the dates.
        @Test func partyAnniversaries() throws {
            func phrase(_ key: String, _ year: Int, style: DayMonthStyle = .official) throws -> String {
                try #require(CommemorationCatalog.builtin.anniversaries(in: year).first { $0.commemoration.key == key }).phrase(style: style)
            }
            let party = try #require(CommemorationCatalog.builtin.keys.first { CommemorationCatalog.builtin[$0]?.base == (try? date(1930, 2, 3)) })
            // It cannot produce the "(… - 03/02/2014)" mistake of a real 2015 plan.
            #expect(try phrase(party, 2015) == "kỷ niệm 85 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2015)")
            #expect(try phrase(party, 2020) == "kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)")
            #expect(try phrase(party, 2020, style: .plain) == "kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2020)")
        }

        @Test func styles() throws {
            let liberation = try #require(CommemorationCatalog.builtin.anniversaries(in: 2025).first { $0.commemoration.base == (try? date(1975, 4, 30)) })
            #expect(liberation.years == 50)
            #expect(liberation.phrase() == "kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025)")
            #expect(liberation.phrase(style: .padded) == "kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/04/1975 - 30/04/2025)")
        }

        /// A 29 February base is kept on 28 February in a common year: the anniversary of
        /// 1976 falls in a campaign of 2029–2030 as its 54th, with its range. It used to be
        /// skipped, and the inline field fell back to the 53rd, before the campaign began.
        @Test func aLeapDayBaseFallsOnTheTwentyEighthInACommonYear() throws {
            let founded = Commemoration(key: "thanh_lap", name: "Ngày thành lập Liên đoàn Lao động tỉnh", base: try date(1976, 2, 29))
            let catalog = CommemorationCatalog([founded])
            #expect(founded.date(in: 2030) == (try date(2030, 2, 28)))
            #expect(founded.date(in: 2028) == (try date(2028, 2, 29)))
            let found = try #require(catalog.anniversary(of: "thanh_lap", between: try date(2029, 9, 1), and: try date(2030, 5, 31)))
            #expect(found.years == 54)
            #expect(found.range() == "29/02/1976 - 28/02/2030")
            #expect(catalog.anniversaries(in: 2029).map(\.years) == [53])
        }

        @Test func anniversaryYears() throws {
            let union = Commemoration(key: "cong_doan", name: "Ngày thành lập Công đoàn Việt Nam", base: try date(1929, 7, 28))
            #expect(union.years(in: 2029) == 100)
            #expect(CommemorationCatalog([union]).anniversaries(in: 2029).first?.kind == .round)
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
