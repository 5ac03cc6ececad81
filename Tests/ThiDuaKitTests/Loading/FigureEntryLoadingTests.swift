import Testing
@testable import ThiDuaKit

/// Entries of `so_lieu` and `ky_truoc`: a path, or `{tep:, nhom:}` giving its files' rows a group.
@Suite("Loading figure entries with a group")
struct FigureEntryLoadingTests {
    /// A report whose `so_lieu` lines start at line 14 and `ky_truoc` follows them.
    func report(_ entries: String, previous: String = "") -> String {
        """
        loai: bao_cao
        co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
        co_quan_ban_hanh: Liên đoàn Lao động tỉnh Vĩnh Long
        so: 41
        ky_hieu: BC-LĐLĐ
        dia_danh: Vĩnh Long
        ngay: 2025-09-12
        trich_yeu: Sơ kết phong trào thi đua đợt 1 năm 2025
        luu: [VT]
        chu_ky: { hinh_thuc: TM., thay_mat: Ban Thường vụ, chuc_vu: Chủ tịch, ho_ten: Nguyễn Văn A }
        bao_cao:
          hinh_thuc: so_ket
          so_lieu:
        \(entries)
        \(previous)
          ky: { tu: 2025-01-01, den: 2025-06-30 }
        """
    }

    @Test func bothFormsLoadAndTheGroupIsKeptByTheEntryPosition() throws {
        let yaml = report("""
                - tinh.csv
                - { tep: nhan-ve/chau-thanh.xlsx, nhom: Huyện Châu Thành }
                - tep: nhan-ve/*.xlsx
                  nhom: theo_ten_tep
            """, previous: """
              ky_truoc:
                - { tep: truoc/chau-thanh.xlsx, nhom: Huyện Châu Thành }
            """)
        let (document, diagnostics) = TestSupport.load(yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let spec = try #require(document?.report)
        #expect(spec.figureFiles.map(\.value) == ["tinh.csv", "nhan-ve/chau-thanh.xlsx", "nhan-ve/*.xlsx"])
        // Each entry is located at its path, so findings about its files point there.
        #expect(spec.figureFiles.map { "\($0.position.line):\($0.position.column)" } == ["14:7", "15:14", "16:12"])
        #expect(spec.entryGroups[spec.figureFiles[0].position] == nil)
        #expect(spec.entryGroups[spec.figureFiles[1].position] == .named("Huyện Châu Thành"))
        #expect(spec.entryGroups[spec.figureFiles[2].position] == .fileName)
        #expect(spec.previousFiles.map(\.value) == ["truoc/chau-thanh.xlsx"])
        #expect(spec.entryGroups[try #require(spec.previousFiles.first).position] == .named("Huyện Châu Thành"))
    }

    @Test func aGroupFromTheFileNameDropsFolderAndExtension() {
        #expect(FigureEntryGroup.fileName.group(forFile: "nhan-ve/Huyện Mỏ Cày.xlsx") == "Huyện Mỏ Cày")
        #expect(FigureEntryGroup.fileName.group(forFile: "ba-tri") == "ba-tri")
        #expect(FigureEntryGroup.fileName.group(forFile: "x/.an") == ".an")
        #expect(FigureEntryGroup.named("Khối A").group(forFile: "x.csv") == "Khối A")
    }

    @Test func anUnknownKeySuggestsTheNearestAtItsPosition() {
        let messages = TestSupport.messages(report("    - { tep: a.xlsx, nhóm: Huyện Ba Tri }"))
        #expect(messages.contains { $0.hasPrefix("tệp.yaml:14:22: lỗi: khóa `nhóm`") && $0.contains("`nhom`") }, "\(messages)")
    }

    @Test func aMissingPathOrGroupIsAnErrorAtTheEntry() {
        let noGroup = TestSupport.messages(report("    - { tep: a.xlsx }"))
        #expect(noGroup.contains { $0.hasPrefix("tệp.yaml:14:7: lỗi: thiếu trường bắt buộc `nhom`") }, "\(noGroup)")
        let noPath = TestSupport.messages(report("    - nhom: Huyện Ba Tri"))
        #expect(noPath.contains { $0.hasPrefix("tệp.yaml:14:7: lỗi: thiếu trường bắt buộc `tep`") }, "\(noPath)")
        let emptyGroup = TestSupport.messages(report("    - { tep: a.xlsx, nhom: }"))
        #expect(emptyGroup.contains { $0.hasPrefix("tệp.yaml:14:") && $0.contains("đang để trống") }, "\(emptyGroup)")
    }

    @Test func aListInsteadOfAnEntryIsExplained() {
        let messages = TestSupport.messages(report("    - [a.xlsx, b.xlsx]"))
        #expect(messages.contains { $0.hasPrefix("tệp.yaml:14:7: lỗi:") && $0.contains("khối `khóa: giá trị`") }, "\(messages)")
    }
}
