import Testing
@testable import ThiDuaKit

@Suite("Loading data files")
struct LoaderTests {
    let base = TestSupport.minimalPlan

    @Test func minimalPlanLoadsWithoutDiagnostics() throws {
        let (document, diagnostics) = TestSupport.load(base)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let doc = try #require(document)
        #expect(doc.header.issuingBody == "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE")
        #expect(doc.header.number == 5)
        #expect(doc.signature.authority == .tm)
        #expect(doc.signature.title == "CHỦ TỊCH")
    }

    @Test func unknownKeySuggestsTheNearestValidOne() {
        let messages = TestSupport.messages(base.replacingOccurrences(of: "trich_yeu:", with: "trich_yue:"))
        #expect(messages.contains("tệp.yaml:8:1: lỗi: khóa `trich_yue` không có trong tệp văn bản — có phải ý bạn là `trich_yeu`?"))
        #expect(messages.contains { $0.contains("thiếu trường bắt buộc `trich_yeu`") })
    }

    @Test func missingRequiredFieldNamesTheKeyAndAnExample() {
        let yaml = base.replacingOccurrences(of: "dia_danh: Bến Tre\n", with: "")
        let messages = TestSupport.messages(yaml)
        #expect(messages.contains("tệp.yaml:1:1: lỗi: thiếu trường bắt buộc `dia_danh` (địa danh) — thêm dòng `dia_danh: Bến Tre`"))
    }

    @Test func wrongTypeIsExplained() {
        let messages = TestSupport.messages(base.replacingOccurrences(of: "so: 5", with: "so: năm"))
        #expect(messages.contains { $0.hasPrefix("tệp.yaml:4:5: lỗi: số văn bản (`so`) phải là số nguyên") })
        let list = TestSupport.messages(base.replacingOccurrences(of: "dia_danh: Bến Tre", with: "dia_danh: [Bến Tre]"))
        #expect(list.contains { $0.hasPrefix("tệp.yaml:6:11: lỗi: địa danh phải là một đoạn chữ, không phải một danh sách") })
    }

    @Test func impossibleDateIsAnError() {
        let messages = TestSupport.messages(base.replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2025-02-29"))
        #expect(messages.contains { $0.hasPrefix("tệp.yaml:7:7: lỗi: ngày ban hành") })
    }

    @Test func vietnameseDateStyleIsAccepted() throws {
        let (document, diagnostics) = TestSupport.load(base.replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 20/02/2025"))
        #expect(!diagnostics.hasErrors)
        #expect(document?.header.date.value == CivilDate(year: 2025, month: 2, day: 20))
    }

    @Test func duplicateKeyIsReported() {
        let messages = TestSupport.messages(base + "so: 6\n")
        #expect(messages.contains { $0.contains("lỗi: khóa `so` xuất hiện hai lần") })
    }

    @Test func tabsAreExplained() {
        let messages = TestSupport.messages(base.replacingOccurrences(of: "  - ten: Mục đích", with: "\t- ten: Mục đích"))
        #expect(messages.contains { $0.contains("tab") }, "\(messages)")
    }

    @Test func emptyAndBinaryFilesAreRefused() {
        #expect(TestSupport.messages("") == ["tệp.yaml:1:1: lỗi: tệp rỗng, không có dữ liệu — sao chép một tệp mẫu trong thư mục Examples/ rồi sửa lại"])
        // A .docx renamed to .yaml is named for what it is.
        let zip = Renderer.load(bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], file: "a.yaml").1
        #expect(zip.first?.message.hasPrefix("tệp này là tệp nén ZIP") == true)
        let binary = Renderer.load(bytes: [0x6C, 0x6F, 0x61, 0x69, 0x00, 0x01, 0x02], file: "a.yaml").1
        #expect(binary.first?.message == "tệp không phải văn bản (có byte 0)")
    }

    @Test func jsonWithTheSameSchemaLoads() throws {
        let json = """
        {"loai": "ke_hoach", "co_quan_chu_quan": "Tổng Liên đoàn Lao động Việt Nam",
         "co_quan_ban_hanh": "Liên đoàn Lao động tỉnh Bến Tre", "so": 5, "ky_hieu": "KH-LĐLĐ",
         "dia_danh": "Bến Tre", "ngay": "2025-02-20", "trich_yeu": "Phát động thi đua",
         "muc": [{"ten": "Mục đích", "noi_dung": ["Động viên thi đua."]}],
         "luu": ["VT"],
         "chu_ky": {"chuc_vu": "Phó Chủ tịch", "ho_ten": "Nguyễn Văn A", "thay_mat": "Chủ tịch", "hinh_thuc": "KT"},
         "dia_dnah": 1}
        """
        let (document, diagnostics) = TestSupport.load(json, file: "a.json")
        #expect(document?.signature.authority == .kt)
        #expect(diagnostics.map(\.description) == ["a.json:7:2: lỗi: khóa `dia_dnah` không có trong tệp văn bản — có phải ý bạn là `dia_danh`?"])
    }

    @Test func decomposedInputIsNormalisedToNFC() throws {
        let nfd = base.decomposedStringWithCanonicalMapping
        let (document, _) = TestSupport.load(nfd)
        let doc = try #require(document)
        #expect(doc.header.place == "Bến Tre")
        #expect(doc.header.place.unicodeScalars.count == "Bến Tre".precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }

    @Test func blockKindsAndNesting() throws {
        let yaml = base.replacingOccurrences(of: "      - Động viên đoàn viên thi đua lao động sản xuất.\n", with: """
              - tieu_muc: Một
                noi_dung:
                  - diem: điểm a
                    noi_dung:
                      - y: ý một
                  - cac_y: [x, y]
              - giao: Ban Tổ chức
                nhiem_vu: Làm việc
                han_thang: 03/2025

        """)
        let (document, diagnostics) = TestSupport.load(yaml)
        let doc = try #require(document)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        guard case .item(let title, let children, _) = doc.sections[0].blocks[0] else {
            Issue.record("expected an item")
            return
        }
        #expect(title == "Một")
        #expect(children.count == 3)
        guard case .assignment(let assignment) = doc.sections[0].blocks[1] else {
            Issue.record("expected an assignment")
            return
        }
        #expect(assignment.deadline?.value == .month(year: 2025, month: 3))
    }

    @Test func twoBlockKindsInOneEntryIsAnError() {
        let yaml = base.replacingOccurrences(of: "      - Động viên đoàn viên thi đua lao động sản xuất.\n",
                                             with: "      - tieu_muc: A\n        diem: B\n")
        #expect(TestSupport.messages(yaml).contains { $0.contains("một khối chỉ được có một trong `tieu_muc`, `diem`") })
    }

    @Test func invisibleCharactersInKeysAreReported() {
        let yaml = base.replacingOccurrences(of: "dia_danh:", with: "dia\u{200B}_danh:")
        let (document, diagnostics) = TestSupport.load(yaml)
        #expect(document != nil)
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("ký tự ẩn") })
    }
}
