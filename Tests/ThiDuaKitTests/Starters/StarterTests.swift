import Foundation
import TestFixtures
import Testing
@testable import ThiDuaKit

@Suite("Starters: new file, derived plan, next year")
struct StarterTests {
    static func load(_ tree: DataNode) -> (Document?, [Diagnostic]) {
        TestSupport.load(tree.yaml(kind: tree.documentKind, comments: true).text, file: "moi.yaml")
    }

    @Test("A new file has every field of the schema, with its help as a comment", arguments: DocumentKind.allCases.map(\.rawValue))
    func newHasEveryField(kind: String) throws {
        let kind = try #require(DocumentKind(rawValue: kind))
        let tree = Starter.newDocument(kind)
        #expect(tree.entries?.map(\.key) == DocumentSchema.fields(for: kind).map(\.key))
        let text = Starter.fileText(tree, heading: ["đầu"])
        for field in DocumentSchema.fields(for: kind) {
            #expect(text.contains("# \(field.label): "), "\(field.key)")
        }
        #expect(DataNode.parse(text: text, file: "moi.yaml").0 == tree)
    }

    @Test("Unfilled, it fails with a diagnostic at each required blank; filled, it passes", arguments: [DocumentKind.keHoach.rawValue, DocumentKind.huongDan.rawValue])
    func fillingPasses(kind: String) throws {
        let kind = try #require(DocumentKind(rawValue: kind))
        let tree = Starter.newDocument(kind)
        let (text, positions) = tree.yaml(kind: kind, comments: true)
        let (_, diagnostics) = TestSupport.load(text, file: "moi.yaml")
        #expect(diagnostics.hasErrors)
        let errorLines = Set(diagnostics.filter { $0.severity == .error }.compactMap { $0.position?.line })
        for key in ["co_quan_chu_quan", "co_quan_ban_hanh", "ky_hieu", "dia_danh", "ngay", "trich_yeu"] {
            let line = try #require(positions[DataPath([.key(key)])]).line
            #expect(errorLines.contains(line), "no error at the blank `\(key)` (line \(line))")
        }
        let filled = StarterFill.fill(tree, with: StarterFill.values(for: kind))
        #expect(Starter.blanks(in: filled).isEmpty)
        let (document, filledDiagnostics) = Self.load(filled)
        #expect(document != nil)
        #expect(!filledDiagnostics.hasErrors, "\(filledDiagnostics.filter { $0.severity == .error })")
    }

    @Test("Dates move by a year as written", arguments: [
        ("2025-02-20", "2026-02-20"), ("20/02/2025", "20/02/2026"), ("2/9/2025", "2/9/2026"), ("2024-02-29", "2025-02-28"),
        ("2023-02-28", "2024-02-29"), ("2025-04-30", "2026-04-30"), ("2025-08", "2026-08"), ("08/2025", "08/2026"), ("29/02/2024", "28/02/2025"),
    ])
    func shiftedDates(from: String, to: String) {
        #expect(YearShift.shifted(from) == to)
    }

    @Test("Relative bounds and text are not dates", arguments: ["dau_nam", "cuoi_nam", "", "Đợt 1"])
    func notDates(raw: String) {
        #expect(YearShift.shifted(raw) == nil)
    }

    @Test("Only the movement's year after “năm” moves")
    func yearWords() {
        #expect(YearShift.replacingYear(2025, in: "Phong trào thi đua năm 2025, nhiệm kỳ 2025 - 2030 (1930 - 2025)")
                == "Phong trào thi đua năm 2026, nhiệm kỳ 2025 - 2030 (1930 - 2025)")
        #expect(YearShift.replacingYear(2025, in: "Năm 2025 và năm 20250") == "Năm 2026 và năm 20250")
    }

    @Test("An anniversary's years written by hand count one more; lengths of time stay")
    func handWrittenAnniversaryCounts() {
        #expect(YearShift.incrementingAnniversaryCounts(in: "thi đua chào mừng 100 năm Công đoàn") == "thi đua chào mừng 101 năm Công đoàn")
        #expect(YearShift.incrementingAnniversaryCounts(in: "Kỷ niệm 95 năm Ngày thành lập Đảng, 80 năm Cách mạng Tháng Tám và 50 năm Giải phóng")
                == "Kỷ niệm 96 năm Ngày thành lập Đảng, 81 năm Cách mạng Tháng Tám và 51 năm Giải phóng")
        #expect(YearShift.incrementingAnniversaryCounts(in: "thực hiện kế hoạch 5 năm, trong 3 năm qua") == "thực hiện kế hoạch 5 năm, trong 3 năm qua")
        #expect(YearShift.incrementingAnniversaryCounts(in: "chào mừng {ky_niem thanh_lap_dang} và 3 năm liền đạt") == "chào mừng {ky_niem thanh_lap_dang} và 3 năm liền đạt")
        #expect(YearShift.incrementingAnniversaryCounts(in: "chào mừng năm 2026") == "chào mừng năm 2026")
    }

    static func parent() throws -> (DataNode, Document) {
        let text = try String(contentsOf: TestSupport.example("ke-hoach-tinh-2025.yaml"), encoding: .utf8)
        let tree = try #require(DataNode.parse(text: text, file: "ke-hoach-tinh-2025.yaml").0)
        let document = try #require(try TestSupport.readExample("ke-hoach-tinh-2025.yaml").0)
        return (tree, document)
    }

    static func period(_ from: String, _ to: String) throws -> Period {
        let place = SourcePosition(file: "t")
        guard case .success(let a) = CivilDate.parse(from), case .success(let b) = CivilDate.parse(to) else { throw CancellationError() }
        return Period(start: Located(a, at: place), end: Located(b, at: place))
    }

    @Test("Derive: cites the parent by file, clips the phases, leaves the own header blank")
    func derive() throws {
        let (tree, parent) = try Self.parent()
        let derived = Starter.derive(from: tree, parentDocument: parent, citing: "../tinh/ke-hoach-tinh-2025.yaml",
                                     period: try Self.period("2025-08-11", "2025-12-31"))
        #expect(derived["can_cu"] == .sequence([.mapping([DataEntry(key: "tep", value: .scalar("../tinh/ke-hoach-tinh-2025.yaml"))])]))
        #expect(derived["loi_dan"]?.text == "thuc_hien" && derived["du_thao"]?.text == "true")
        for key in ["co_quan_ban_hanh", "so", "ky_hieu", "dia_danh", "ngay"] { #expect(derived[key]?.isBlank == true, "\(key)") }
        #expect(derived["co_quan_chu_quan"]?.text == "Liên đoàn Lao động tỉnh Bến Tre")
        #expect(derived["chu_ky"]?["ho_ten"]?.isBlank == true)
        #expect(derived["muc"] == tree["muc"])
        let phases = try #require(derived["dot_thi_dua"]?.items)
        #expect(phases.count == 2)
        #expect(phases[0]["tu"]?.text == "2025-08-11" && phases[0]["den"]?.text == "2025-08-31")
        // Of phase 1's salutes only the August Revolution (19/8) still falls in 11/8–31/8.
        #expect(phases[0]["ky_niem"] == .sequence([.scalar("cach_mang_thang_tam")]))
        #expect(phases[1] == tree["dot_thi_dua"]?.items?[1])
        #expect(derived["dai_hoi"] == tree["dai_hoi"] && derived["gioi_thieu_dot"] == tree["gioi_thieu_dot"])
        let shorter = Starter.derive(from: tree, parentDocument: parent, citing: "p.yaml", period: try Self.period("2025-09-01", "2025-12-31"))
        #expect(shorter["dot_thi_dua"]?.items?.count == 1 && shorter["gioi_thieu_dot"] == nil)
    }

    @Test("Derive: a task due before the lower plan starts has its deadline left blank; later ones stay")
    func deriveBlanksPastDeadlines() throws {
        let (tree, parent) = try Self.parent()
        func task(_ body: String, _ key: String, _ due: String) -> DataNode {
            .mapping([DataEntry(key: "giao", value: .scalar(body)), DataEntry(key: "nhiem_vu", value: .scalar("Gửi kế hoạch.")),
                      DataEntry(key: key, value: .scalar(due))])
        }
        var withTasks = tree
        let tasks: [DataNode] = [task("A", "han", "2025-03-15"), task("B", "han_thang", "2025-08"), task("C", "han_thang", "09/2025"),
                                 task("D", "han", "1/9/2025"), task("E", "han", "không rõ")]
        withTasks["muc"] = .sequence((tree["muc"]?.items ?? []) + [.mapping([DataEntry(key: "ten", value: .scalar("Giao việc")),
                                                                               DataEntry(key: "noi_dung", value: .sequence(tasks))])])
        withTasks["ket_luan"] = .sequence([task("F", "han", "2025-08-31")])
        let derived = Starter.derive(from: withTasks, parentDocument: parent, citing: "p.yaml", period: try Self.period("2025-09-01", "2025-12-31"))
        let copied = try #require(derived["muc"]?.items?.last?["noi_dung"]?.items)
        #expect(copied.map { $0["han"]?.text ?? $0["han_thang"]?.text } == ["", "", "09/2025", "1/9/2025", "không rõ"])
        #expect(derived["ket_luan"]?.items?.first?["han"]?.isBlank == true)
        // The sections before it are untouched, and without a period of its own nothing changes.
        #expect(derived["muc"]?.items?.dropLast() == tree["muc"]?.items?[...])
        #expect(Starter.derive(from: withTasks, parentDocument: parent, citing: "p.yaml")["muc"] == withTasks["muc"])
    }

    @Test("Next year: dates, figures, congresses, number and date, proposed round anniversaries")
    func nextYear() throws {
        let (tree, document) = try Self.parent()
        let (moved, notes) = Starter.nextYear(tree, document: document)
        #expect(moved["so"]?.isBlank == true && moved["ngay"]?.text == "2026-02" && moved["du_thao"]?.text == "true")
        #expect(moved["thoi_gian"]?["tu"]?.text == "2026-01-01" && moved["thoi_gian"]?["den"]?.text == "2026-12-31")
        let phases = try #require(moved["dot_thi_dua"]?.items)
        #expect(phases[0]["tu"]?.text == "dau_nam" && phases[0]["den"]?.text == "2026-08-31" && phases[1]["den"]?.text == "cuoi_nam")
        #expect(phases[0]["han_danh_gia"]?.text == "2026-09-15")
        #expect(phases[1]["ky_niem"]?.items?.first?["so_nam"] == nil)
        #expect(moved["can_cu"] == tree["can_cu"], "references are kept, check flags them")
        #expect(moved["trich_yeu"]?.text?.contains("năm 2026") == true)
        #expect(notes.proposedAnniversaries.contains { $0.hasPrefix("Đợt 1: tong_tuyen_cu (80 năm") })
        #expect(phases[0]["ky_niem"]?.items?.contains(.scalar("tong_tuyen_cu")) == true)
        #expect(notes.proposedAnniversaries.allSatisfy { $0.contains("năm tròn") || $0.contains("năm lẻ 5") }, "\(notes.proposedAnniversaries)")
        let (document2026, diagnostics) = Self.load(moved)
        // Proposals go among the phase's salutes in date order, not at the end.
        for phase in document2026?.phases ?? [] {
            let days = phase.commemorations.compactMap { salute in
                salute.keys.first.flatMap { document2026?.commemorationCatalog.anniversary(of: $0.value, between: phase.start.value, and: phase.end.value)?.date }
            }
            #expect(days == days.sorted(), "\(phase.name): \(days)")
        }
        #expect(document2026 != nil && !diagnostics.hasErrors, "\(diagnostics)")
        #expect(diagnostics.filter { $0.message.contains("là văn bản của năm 2025") }.count == 2)
        #expect(!diagnostics.contains { $0.message.contains("không chào mừng") }, "every round anniversary is proposed")
    }

    @Test("Next year drops the congresses of the old year and their salutes")
    func congresses() throws {
        let text = try String(contentsOf: TestSupport.example("ke-hoach-phuong-2025.yaml"), encoding: .utf8)
        let tree = try #require(DataNode.parse(text: text, file: "p.yaml").0)
        let document = try #require(Document.load(text: text, file: "p.yaml").0)
        let (moved, notes) = Starter.nextYear(tree, document: document)
        #expect(moved["dai_hoi"] == .sequence([]) && notes.droppedCongresses.count == 2)
        let salutes = moved["dot_thi_dua"]?.items?.flatMap { $0["ky_niem"]?.items ?? [] } ?? []
        #expect(!salutes.contains(.scalar("dai_hoi_cong_doan_tinh")))
        #expect(moved["can_cu"]?.items?.first?["tep"]?.text == "ke-hoach-tinh-2025.yaml")
        // The fields that named them name nothing now: the congresses' names stay as text, so
        // the draft passes `check` (it failed with "không có đại hội mã …").
        let draft = moved.yaml(kind: moved.documentKind, comments: false).text
        #expect(!draft.contains("{dai_hoi"), "\(draft)")
        let (_, diagnostics) = Document.load(text: draft, file: "p-2026.yaml")
        #expect(!diagnostics.contains { $0.message.contains("không có đại hội mã") }, "\(diagnostics)")
    }

    /// A year or a count fixed in `{ky_niem …}` moves with the plan: the 2026 draft of a
    /// field `nam 2025` saluted the 2025 anniversary, before its movement began.
    @Test("Next year moves the year and the count fixed in an anniversary field")
    func fixedAnniversaryFields() {
        let names = ["dai_hoi_x": "Đại hội Công đoàn tỉnh lần thứ XI"]
        #expect(YearShift.shiftingInlineFields(in: "chào mừng {ky_niem quoc_khanh, nam 2025, khoang}", congresses: names)
                == "chào mừng {ky_niem quoc_khanh, nam 2026, khoang}")
        #expect(YearShift.shiftingInlineFields(in: "{ky_niem quoc_khanh, so_nam 80} và {ky_niem giai_phong_mien_nam, nam: 2025}", congresses: names)
                == "{ky_niem quoc_khanh, so_nam 81} và {ky_niem giai_phong_mien_nam, nam: 2026}")
        #expect(YearShift.shiftingInlineFields(in: "thành công {dai_hoi dai_hoi_x} và {dai_hoi khac}", congresses: names)
                == "thành công Đại hội Công đoàn tỉnh lần thứ XI và {dai_hoi khac}")
        #expect(YearShift.shiftingInlineFields(in: "{han 2025-03-01} năm 2025", congresses: names) == "{han 2025-03-01} năm 2025")
    }
}
