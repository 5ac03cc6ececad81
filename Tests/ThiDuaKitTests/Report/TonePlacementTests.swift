import Testing
@testable import ThiDuaKit

/// Old and new tone placement ("Hòa"/"Hoà", "Thủy"/"Thuỷ") name one unit.
@Suite struct TonePlacementTests {
    @Test(arguments: [
        ("Công ty Thủy sản", "Công ty Thuỷ sản"),
        ("CĐCS xã Hòa Lợi", "CĐCS xã Hoà Lợi"),
        ("Ủy ban nhân dân", "Uỷ ban nhân dân"),
        ("Trường THPT Thanh Hóa", "Trường THPT Thanh Hoá"),
        ("Sức khỏe", "Sức khoẻ"),
        ("xòe, lũy, tọa", "xoè, luỹ, toạ"),
        ("HÒA BÌNH", "hoà bình"),
    ])
    func bothPlacementsFoldAlike(_ old: String, _ new: String) {
        #expect(ReportText.folded(old) == ReportText.folded(new))
        #expect(ReportText.folded(old.decomposedStringWithCanonicalMapping) == ReportText.folded(new))
    }

    @Test(arguments: [
        ("Hòa", "Hoa"),        // a tone is not a placement
        ("hoàng", "hòang"),    // a final consonant: one spelling, nothing moved
        ("thuyền", "thùyên"),
        ("Hóa", "Hòa"),        // different tones
        ("Thụy", "Thủy"),
    ])
    func differentNamesStayDifferent(_ a: String, _ b: String) {
        #expect(ReportText.folded(a) != ReportText.folded(b))
    }

    @Test func namesWithoutSuchPairsAreUnchanged() {
        for name in ["công đoàn phường 1", "khối doanh nghiệp", "quý i", "của", "mùa", "thuế", "hoàng", ""] {
            #expect(ReportText.placingTones(name) == name)
        }
        // The moved form is a spelling, in NFC.
        #expect(ReportText.placingTones("thủy sản") == "thuỷ sản")
        #expect(ReportText.placingTones("hòa") == "hoà")
    }

    @Test func oneUnitSpelledBothWaysIsADuplicateAndMatchesTheList() throws {
        let r = ReportFixture.aggregate([("a.csv", "don_vi;nhom;so_cdcs\nCông ty Thủy sản Hải Vương;Khối Doanh nghiệp;3\n"),
                                         ("b.csv", "don_vi;nhom;so_cdcs\nCông ty Thuỷ sản Hải Vương;Khối Doanh nghiệp;3\nCĐCS xã Hoà Lợi;Khối Doanh nghiệp;1\n")],
                                        expected: [ExpectedUnit(name: "Công ty Thủy sản Hải Vương", group: "Khối Doanh nghiệp"),
                                                   ExpectedUnit(name: "CĐCS xã Hòa Lợi", group: "Khối Doanh nghiệp")])
        #expect(r.statistics.unitCount == 2)
        #expect(r.statistics.totals(for: "so_cdcs")?.total == 4)
        #expect(r.statistics.missingUnits.isEmpty)
        #expect(r.statistics.unexpectedUnits.isEmpty)
        #expect(r.reconciliation.skipped.count == 1)
        #expect(r.diagnostics.contains { $0.message.contains("a.csv:2:1") && $0.message.contains("b.csv:2:1") })
    }

    /// The byte pre-check lets through every text the scalar rule would change: each toned
    /// "o"/"u", each second letter, each kind of character after, at the start, middle, end.
    @Test func theBytePreCheckMissesNoPair() {
        let tones: [Unicode.Scalar: [Unicode.Scalar]] = [
            "o": ["\u{F2}", "\u{F3}", "\u{1ECF}", "\u{F5}", "\u{1ECD}"], "u": ["\u{F9}", "\u{FA}", "\u{1EE7}", "\u{169}", "\u{1EE5}"],
        ]
        let seconds: [Unicode.Scalar: Unicode.Scalar] = ["o": "a", "u": "y"]
        for (letter, toned) in tones {
            for (t, first) in toned.enumerated() {
                for second in [seconds[letter] ?? "a", "e", "x"] {
                    for after in ["", " ", "n", "\u{1B0}", "-", "1", "\u{2013}", "\u{E0}"] {
                        for before in ["", "th", "c\u{F4}ng ty "] {
                            let text = before + String(first) + String(second) + after
                            let expectMoved = (second != "x") && (letter == "u" ? second == "y" : second != "y")
                                && (after.isEmpty || !(after.unicodeScalars.first?.properties.isAlphabetic ?? false))
                            let moved = ReportText.placingTones(text) != text
                            #expect(moved == expectMoved, "\(text) (tone \(t))")
                        }
                    }
                }
            }
        }
    }
}
