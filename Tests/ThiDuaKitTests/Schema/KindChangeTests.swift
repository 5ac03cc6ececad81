import Foundation
import Testing
@testable import ThiDuaKit

/// Changing `loai` in the form: the fields the new kind does not have go (asked first when
/// filled), the shared ones stay, the title and the symbol's code follow.
@Suite("Schema: changing a data file's kind")
struct KindChangeTests {
    static func example(_ name: String) throws -> DataNode {
        let text = try String(contentsOf: TestSupport.example(name), encoding: .utf8)
        return try #require(DataNode.parse(text: text, file: name).0)
    }

    @Test("A plan made a report loses its phases, keeps header, sections, recipients and signature")
    func planToReport() throws {
        let plan = try Self.example("ke-hoach-tinh-2025.yaml")
        let change = DocumentSchema.changingKind(of: plan, to: .baoCao)
        let tree = change.tree
        #expect(tree["loai"]?.text == "bao_cao")
        for key in ["thoi_gian", "dot_thi_dua"] {
            #expect(tree[key] == nil, "\(key)")
            #expect(change.dropped.contains { $0.path.description == key && $0.filled }, "\(key)")
        }
        for key in ["co_quan_chu_quan", "co_quan_ban_hanh", "so", "ngay", "trich_yeu", "can_cu", "mo_dau", "muc", "noi_nhan", "luu", "chu_ky"] {
            #expect(tree[key].map { $0.isSameData(as: plan[key] ?? .blank) } == true, "\(key)")
        }
        #expect(tree["ky_hieu"]?.text == "BC-LĐLĐ")
        #expect(change.notes == ["Ký hiệu đổi thành BC-LĐLĐ."])
        let question = try #require(change.question)
        #expect(question.hasPrefix("Đổi loại văn bản sang báo cáo? Báo cáo không có các phần "))
        #expect(question.contains("“Các đợt thi đua”") && question.contains("“Thời gian phong trào”"))
        #expect(question.contains("được giữ nguyên"))
        // `thidua check` then only asks for the report's own block: no unknown key, no symbol warning.
        let text = tree.yaml(kind: .baoCao, comments: false).text
        let (document, diagnostics) = Renderer.read(bytes: Array(text.utf8), file: "bc.yaml")
        var messages = diagnostics.map(\.message)
        if let document { messages += Renderer.check(document, linked: LinkedDocuments([:])).1.map(\.message) }
        #expect(messages == ["văn bản loại `bao_cao` cần khối `bao_cao` (kỳ báo cáo, tệp số liệu…)"], "\(messages)")
    }

    @Test("A report made a plan loses its report block; a plan made guidance loses nothing")
    func otherWays() throws {
        let report = try Self.example("bao-cao-so-ket-2025.yaml")
        let change = DocumentSchema.changingKind(of: report, to: .keHoach)
        #expect(change.tree["bao_cao"] == nil)
        #expect(change.dropped.map(\.path.description) == ["bao_cao"])
        #expect(change.question?.contains("Kế hoạch không có phần “") == true, "\(change.question ?? "")")

        let plan = try Self.example("ke-hoach-phuong-2025.yaml")
        let guidance = DocumentSchema.changingKind(of: plan, to: .huongDan)
        #expect(guidance.dropped.isEmpty && guidance.question == nil)
        #expect(guidance.tree["dot_thi_dua"].map { $0.isSameData(as: plan["dot_thi_dua"] ?? .blank) } == true)
        #expect(guidance.tree["loai"]?.text == "huong_dan")
    }

    @Test("A starter's blank fields go without a question; the title follows the kind; unknown keys stay for check")
    func blankAndTitle() throws {
        var plan = Starter.newDocument(.keHoach)
        plan["ghi_chu_rieng"] = .scalar("của văn thư")
        #expect(plan["ten_loai"]?.text == "KẾ HOẠCH")
        let change = DocumentSchema.changingKind(of: plan, from: .keHoach, to: .baoCao)
        #expect(!change.dropped.isEmpty && change.question == nil, "\(change.dropped)")
        #expect(change.tree["ten_loai"]?.text == "BÁO CÁO")
        #expect(change.tree["ghi_chu_rieng"]?.text == "của văn thư")
        // The form's tree already holds the new `loai`: the old kind comes from the form.
        var sent = try Self.example("ke-hoach-tinh-2025.yaml")
        sent["loai"] = .scalar("bao_cao")
        #expect(DocumentSchema.changingKind(of: sent, from: .keHoach, to: .baoCao).tree["dot_thi_dua"] == nil)
    }
}
