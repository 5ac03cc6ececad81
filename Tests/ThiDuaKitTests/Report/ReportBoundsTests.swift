import Testing
@testable import ThiDuaKit

/// What a report refuses before writing anything: a table of every unit longer than any
/// document holds (400,000 units took 1.5 GB and ended on SIGABRT), and a list of expected
/// units with no unit in it (the text said "1/1 đơn vị đã gửi báo cáo" against none).
@Suite struct ReportBoundsTests {
    typealias F = ReportComposeFixture

    @Test func aUnitTableOfMoreUnitsThanADocumentHoldsIsRefused() {
        let limit = ReportAggregator.maxUnitTableRows
        var csv = "don_vi;so_cdcs\n"
        for unit in 0 ... limit { csv += "CĐCS \(unit);1\n" }
        let outcome = F.run(F.report("  so_lieu: [a.csv]\n  bang_don_vi: true"), files: ["a.csv": csv])
        let refusal = outcome.diagnostics.first { $0.message.contains("dòng của bảng từng đơn vị") }
        #expect(refusal?.severity == .error)
        #expect(refusal?.message == "báo cáo có 20.001 đơn vị, quá 20.000 dòng của bảng từng đơn vị (`bang_don_vi`)")
        #expect(refusal?.position?.line == 14, "at bang_don_vi: \(String(describing: refusal?.position))")
        let without = F.run(F.report("  so_lieu: [a.csv]"), files: ["a.csv": csv])
        #expect(!without.diagnostics.hasErrors, "\(without.messages.prefix(3))")
    }

    @Test func anEmptyListOfExpectedUnitsIsAnError() {
        let outcome = F.run(F.report("  so_lieu: [a.csv]\n  don_vi_du_kien: ds.csv"),
                            files: ["a.csv": "don_vi;so_cdcs\nCĐCS A;1\n", "ds.csv": "don_vi;nhom\n"])
        #expect(outcome.messages.contains { $0.contains("lỗi: danh sách đơn vị dự kiến \"ds.csv\" không có đơn vị nào") }, "\(outcome.messages)")
        #expect(outcome.result == nil || outcome.diagnostics.hasErrors)
    }
}
