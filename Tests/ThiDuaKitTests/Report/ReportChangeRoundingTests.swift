import Testing
@testable import ThiDuaKit

/// A change too small for one decimal is said to be below 0,1, never rounded up to it: the
/// rule that a share is never printed as 0% (1/2.001 is 0,1%) is for shares, not changes.
/// The text used to say "tăng 0,1 điểm phần trăm" for a rise of 0,02 points.
@Suite struct ReportChangeRoundingTests {
    typealias F = ReportComposeFixture

    static let spec = """
          so_lieu: [nay.csv]
          ky_truoc: [truoc.csv]
          chi_tieu:
            - ma: so_cdcs
            - ma: cdcs_phat_dong
            - ma: ty_le_cdcs_phat_dong
            - ma: doan_vien_moi
        """

    static func text(now: (Int, Int), then: (Int, Int)) throws -> String {
        // The members recruited are the same numbers, for the rate of a count's change.
        let current = "don_vi;nhom;so_cdcs;cdcs_phat_dong;doan_vien_moi\nCĐCS A;Khối 1;2500;\(now.0);\(now.0)\nCĐCS B;Khối 1;2500;\(now.1);\(now.1)\n"
        let previous = "don_vi;nhom;so_cdcs;cdcs_phat_dong;doan_vien_moi\nCĐCS A;Khối 1;2500;\(then.0);\(then.0)\nCĐCS B;Khối 1;2500;\(then.1);\(then.1)\n"
        let outcome = F.run(F.report(spec), files: ["nay.csv": current, "truoc.csv": previous])
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.messages)")
        return try outcome.text()
    }

    @Test func aRiseOfTwoHundredthsOfAPointIsBelowOneTenth() throws {
        // 4.991/5.000 = 99,82% against 4.990/5.000 = 99,80%: +0,02 points; +1 member is +0,02%.
        let text = try Self.text(now: (2496, 2495), then: (2495, 2495))
        #expect(text.contains("tăng dưới 0,1 điểm phần trăm"), "\(text)")
        #expect(!text.contains("tăng 0,1 điểm phần trăm"))
        #expect(text.contains("tăng 1 đoàn viên (dưới 0,1%)"), "\(text)")
    }

    @Test func aFallJustShortOfAllIsNotAFallOfAHundredPoints() throws {
        // 1/5.000 against 4.999/5.000: −99,96 points, printed below 100.
        let text = try Self.text(now: (1, 0), then: (2500, 2499))
        #expect(text.contains("giảm 99,9 điểm phần trăm"), "\(text)")
    }

    @Test func changesOfOneTenthAndMoreAreRoundedAsBefore() throws {
        // 4.995/5.000 against 4.990/5.000: +0,1 point; +5 members is +0,1%.
        let text = try Self.text(now: (2500, 2495), then: (2495, 2495))
        #expect(text.contains("tăng 0,1 điểm phần trăm"), "\(text)")
        #expect(text.contains("tăng 5 đoàn viên (0,1%)"), "\(text)")
    }

    @Test func theRateOfAChangeKeepsItsExactValue() {
        #expect(ExactRatio(1, 4990)?.changePercent(fractionDigits: 1) == 0)
        #expect(ExactRatio(1, 4990)?.percent(fractionDigits: 1) == 1)
        #expect(ExactRatio(-9997, 10000)?.changePercent(fractionDigits: 1) == -999)
        #expect(ExactRatio(3, 2)?.changePercent(fractionDigits: 1) == 1500)
        #expect(ExactRatio(-1, 1)?.changePercent(fractionDigits: 1) == -1000)
    }
}
