import Foundation
import Testing
@testable import ThiDuaKit

/// A form save keeps the file it replaces: `yaml(kind:replacing:)` over the source's layout
/// gives the source back where nothing changed, and only the edited lines change otherwise.
@Suite("Data tree: a save keeps the comments and layout of the file it replaces")
struct DataTreeLayoutTests {
    /// The examples, the starters' golden files and `thidua moi`'s files with their heading.
    static let sources: [(name: String, text: String)] = {
        var found: [(String, String)] = []
        let fm = FileManager.default
        for folder in ["Examples", "Tests/ThiDuaKitTests/Golden/Expected/starters"] {
            let url = TestSupport.packageRoot.appendingPathComponent(folder)
            for name in ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).sorted() where name.hasSuffix(".yaml") {
                if let text = try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) { found.append((name, text)) }
            }
        }
        for kind in DocumentKind.allCases {
            let heading = ["Văn bản mới: điền các chỗ trống, rồi chạy `thidua check`.", "Dòng `#` là ghi chú, thidua bỏ qua."]
            found.append(("thidua-moi-\(kind.templateName).yaml", Starter.fileText(Starter.newDocument(kind), heading: heading)))
        }
        return found
    }()

    static func tree(_ text: String) throws -> DataNode {
        let (tree, diagnostics) = DataNode.parse(text: text, file: "t.yaml")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return try #require(tree)
    }

    /// The tree as the form sends it back: JSON, whose objects have no order.
    static func throughForm(_ tree: DataNode) throws -> DataNode {
        try JSONDecoder().decode(DataNode.self, from: JSONEncoder().encode(tree))
    }

    static func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    @Test("There are sources: 4 examples, 7 starter goldens, 3 new files")
    func sourcesAreThere() {
        #expect(Self.sources.count >= 14)
        #expect(Self.sources.allSatisfy { $0.text.contains("#") })
    }

    @Test("Unchanged, parsed or through the form's JSON: the same text", arguments: sources.map(\.name))
    func unchangedIsIdentical(name: String) throws {
        let source = try #require(Self.sources.first { $0.name == name }).text
        #expect(DataNode.parseKeepingLayout(text: source, file: name).1 != nil, "no layout for \(name)")
        let parsed = try Self.tree(source)
        for tree in [parsed, try Self.throughForm(parsed)] {
            let written = tree.yaml(kind: tree.documentKind, replacing: source).text
            #expect(written == source, "\(name) changed:\n\(Self.firstDifference(written, source))")
        }
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let la = lines(a), lb = lines(b)
        for index in 0..<max(la.count, lb.count) where index >= la.count || index >= lb.count || la[index] != lb[index] {
            return "line \(index + 1): got «\(index < la.count ? String(la[index]) : "")» expected «\(index < lb.count ? String(lb[index]) : "")»"
        }
        return "same"
    }

    /// Lines of `a` not in `b` and of `b` not in `a`, in order (a plain line diff by LCS).
    static func changed(_ a: String, _ b: String) -> (removed: [String], added: [String]) {
        let x = lines(a).map(String.init), y = lines(b).map(String.init)
        var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var removed: [String] = [], added: [String] = []
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                i += 1
                j += 1
            } else if j == y.count || (i < x.count && table[i + 1][j] >= table[i][j + 1]) {
                removed.append(x[i])
                i += 1
            } else {
                added.append(y[j])
                j += 1
            }
        }
        return (removed, added)
    }

    static let plan = "ke-hoach-tinh-2025.yaml"
    static func example(_ name: String) throws -> String {
        try String(contentsOf: TestSupport.example(name), encoding: .utf8)
    }

    @Test("One field changed in the form: only its line changes, every comment stays")
    func oneFieldChanged() throws {
        let source = try Self.example(Self.plan)
        var tree = try Self.throughForm(try Self.tree(source))
        tree = tree.setting(DataPath("dia_danh")!, to: .scalar("Vĩnh Long"))
        let written = tree.yaml(kind: .keHoach, replacing: source).text
        let diff = Self.changed(source, written)
        #expect(diff.removed == ["dia_danh: Bến Tre"])
        #expect(diff.added == ["dia_danh: Vĩnh Long"])
        // `thidua check` reads the saved file as the edited tree.
        #expect(try Self.tree(written).isSameData(as: tree))
        try DataTreeRoundTripTests.expectSameDocument(original: Array(tree.yaml(kind: .keHoach, comments: false).text.utf8),
                                                      rewritten: Array(written.utf8), name: Self.plan,
                                                      folder: TestSupport.example(Self.plan).deletingLastPathComponent())
    }

    @Test("A long paragraph edited deep in a list: its block is rewritten, the comment above it stays")
    func paragraphEdited() throws {
        let source = try Self.example(Self.plan)
        let path = try #require(DataPath("muc[0].noi_dung[0].noi_dung[1]"))
        var tree = try Self.throughForm(try Self.tree(source))
        let old = try #require(tree[path]?.text)
        tree = tree.setting(path, to: .scalar(old + " Thêm một câu."))
        let written = tree.yaml(kind: .keHoach, replacing: source).text
        #expect(written.contains("          # Số năm kỷ niệm trong đoạn văn cũng do thidua tính: {ky_niem mã} in \"95 năm …\".\n          - >-\n"))
        let diff = Self.changed(source, written)
        #expect(diff.removed.allSatisfy { !$0.contains("#") }, "\(diff.removed)")
        #expect(diff.added.allSatisfy { !$0.contains("#") }, "\(diff.added)")
        #expect(try Self.tree(written).isSameData(as: tree))
    }

    /// A file of every kind of comment and of values that hold `#` without one.
    static let commented = """
    # Đầu tệp: ghi chú chung.

    loai: ke_hoach  # loại văn bản
    co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
    # Ghi chú trên khóa.
    co_quan_ban_hanh: "Liên đoàn # Lao động"   # sau chuỗi có dấu #
    so: 12
    ky_hieu: 'KH-LĐLĐ #1'
    dia_danh: Bến Tre
    ngay: 2025-02-20
    trich_yeu: >-  # sau đầu khối
      Phát động thi đua
      # dòng này là nội dung, không phải ghi chú
      năm 2025
    mo_dau:
      - |
        Dòng một # không phải ghi chú
        xem https://vi-du.invalid/trang#muc
    muc:  # các mục
      # Mục đầu.
      - ten: Mục đích, yêu cầu
        noi_dung:
          - Nội dung một  # ghi chú cuối dòng
          # Trên ý hai.
          - Nội dung hai
      # Mục sau.
      - ten: Nội dung thi đua
        noi_dung: [Ý a, Ý b]  # danh sách ngắn
    luu: [VT, Ban CSPL]
    chu_ky:
      hinh_thuc: TM.
      thay_mat: Ban Thường vụ
      chuc_vu: Chủ tịch
      ho_ten: Nguyễn Văn A
    # Cuối tệp.

    """

    @Test("Every kind of comment comes back; `#` inside strings, block scalars and URLs is text")
    func everyKindOfComment() throws {
        let source = Self.commented
        let tree = try Self.tree(source)
        #expect(tree["co_quan_ban_hanh"]?.text == "Liên đoàn # Lao động")
        #expect(tree["ky_hieu"]?.text == "KH-LĐLĐ #1")
        #expect(tree["trich_yeu"]?.text == "Phát động thi đua # dòng này là nội dung, không phải ghi chú năm 2025")
        #expect(tree["mo_dau"]?.items?.first?.text == "Dòng một # không phải ghi chú\nxem https://vi-du.invalid/trang#muc\n")
        let form = try Self.throughForm(tree)
        #expect(form.yaml(kind: .keHoach, replacing: source).text == source)

        // Every value changed: every comment stays, at its place.
        var edited = form
        for (path, value) in [("loai", "ke_hoach"), ("co_quan_ban_hanh", "Liên đoàn Lao động tỉnh"), ("ky_hieu", "KH-LĐLĐ"),
                              ("trich_yeu", "Phát động thi đua năm 2026"), ("mo_dau[0]", "Một dòng"),
                              ("muc[0].noi_dung[0]", "Nội dung một, đã sửa")] {
            edited = edited.setting(try #require(DataPath(path)), to: .scalar(value))
        }
        let written = edited.yaml(kind: .keHoach, replacing: source).text
        #expect(try Self.tree(written).isSameData(as: edited))
        for line in ["# Đầu tệp: ghi chú chung.", "loai: ke_hoach  # loại văn bản", "# Ghi chú trên khóa.",
                     "co_quan_ban_hanh: Liên đoàn Lao động tỉnh   # sau chuỗi có dấu #", "trich_yeu: Phát động thi đua năm 2026  # sau đầu khối",
                     "muc:  # các mục", "  # Mục đầu.", "      - Nội dung một, đã sửa  # ghi chú cuối dòng", "      # Trên ý hai.",
                     "  # Mục sau.", "    noi_dung: [Ý a, Ý b]  # danh sách ngắn", "# Cuối tệp."] {
            #expect(Self.lines(written).contains(Substring(line)), "missing «\(line)» in\n\(written)")
        }
        #expect(!written.contains("# dòng này là nội dung"))
    }

    @Test("A removed key or item takes its comments; a moved item keeps its own")
    func removedAndMoved() throws {
        let source = Self.commented
        var tree = try Self.throughForm(try Self.tree(source))
        tree["co_quan_ban_hanh"] = nil
        let items = try #require(tree["muc"]?.items)
        tree["muc"] = .sequence([items[1], items[0]])
        let written = tree.yaml(kind: .keHoach, replacing: source).text
        #expect(try Self.tree(written).isSameData(as: tree))
        #expect(!written.contains("Ghi chú trên khóa") && !written.contains("sau chuỗi có dấu #"))
        let sau = try #require(written.range(of: "  # Mục sau.\n  - ten: Nội dung thi đua"))
        let dau = try #require(written.range(of: "  # Mục đầu.\n  - ten: Mục đích, yêu cầu"))
        #expect(sau.lowerBound < dau.lowerBound)

        // The first item removed: the second keeps its comment, the first's is gone.
        var shorter = try Self.throughForm(try Self.tree(source))
        shorter["muc"] = .sequence([items[1]])
        let text = shorter.yaml(kind: .keHoach, replacing: source).text
        #expect(text.contains("muc:  # các mục\n  # Mục sau.\n  - ten: Nội dung thi đua"))
        #expect(!text.contains("Mục đầu"))
    }

    @Test("New keys: no comment in a clerk's file, the schema's comment in a starter's, at the schema's place")
    func newKeys() throws {
        let source = try Self.example(Self.plan)
        var tree = try Self.throughForm(try Self.tree(source))
        tree["du_thao"] = .scalar("true")
        let written = tree.yaml(kind: .keHoach, replacing: source).text
        let diff = Self.changed(source, written)
        #expect(diff.removed.isEmpty && diff.added == ["du_thao: true"], "\(diff)")
        #expect(written.contains("ngay: 2025-02-20\ndu_thao: true\ntrich_yeu: >-"))

        let starter = Starter.fileText(DataNode.mapping([DataEntry(key: "loai", value: .scalar("ke_hoach"))]), heading: [])
        var filled = try Self.throughForm(try Self.tree(starter))
        filled["dia_danh"] = .scalar("Bến Tre")
        let commented = filled.yaml(kind: .keHoach, replacing: starter).text
        #expect(commented == filled.yaml(kind: .keHoach, comments: true).text)
        #expect(commented.contains("# Địa danh: nơi ban hành"))
    }

    @Test("A text whose layout cannot be followed is written in the documented format")
    func unfollowable() throws {
        let json = #"{"loai": "ke_hoach", "dia_danh": "Bến Tre"}"#
        let tree = try Self.tree(json)
        #expect(DataNode.parseKeepingLayout(text: json, file: "j.yaml").1 == nil)
        #expect(tree.yaml(kind: .keHoach, replacing: json).text == tree.yaml(kind: .keHoach, comments: true).text)
        // A tag before a value: the value is kept exactly, its line is left to the emitter.
        let tagged = "loai: ke_hoach\n# số\nso: !!str 12\ndia_danh: Bến Tre  # nơi\n"
        let taggedTree = try Self.tree(tagged)
        let written = taggedTree.yaml(kind: .keHoach, replacing: tagged).text
        #expect(try Self.tree(written).isSameData(as: taggedTree))
        #expect(written.contains("dia_danh: Bến Tre  # nơi"))
    }

    @Test("Every loadable file of the corpus reads back the same after a save over itself", arguments: DataTreeRoundTripTests.files.map(\.lastPathComponent))
    func corpus(name: String) throws {
        let url = try #require(DataTreeRoundTripTests.files.first { $0.lastPathComponent == name })
        let bytes = try [UInt8](Data(contentsOf: url))
        guard case .success(let source) = InputText.decode(bytes, file: name) else { return }
        let tree = try #require(DataNode.parse(text: source, file: name).0)
        var edited = try Self.throughForm(tree)
        if edited["dia_danh"] != nil { edited = edited.setting(DataPath("dia_danh")!, to: .scalar("Vĩnh Long")) }
        // Unchanged: the same document as the file itself; edited: as the edited tree written
        // without comments (the kept comments may keep a warning of the file, see hash-comment.yaml).
        let unchanged = try Self.throughForm(tree)
        let same = unchanged.yaml(kind: unchanged.documentKind, replacing: source).text
        #expect(try Self.tree(same).isSameData(as: unchanged), "\(name)")
        try DataTreeRoundTripTests.expectSameDocument(original: bytes, rewritten: Array(same.utf8), name: name, folder: url.deletingLastPathComponent())
        let written = edited.yaml(kind: edited.documentKind, replacing: source).text
        #expect(try Self.tree(written).isSameData(as: edited), "\(name)")
        try DataTreeRoundTripTests.expectSameDocument(original: Array(edited.yaml(kind: edited.documentKind, comments: false).text.utf8),
                                                      rewritten: Array(written.utf8), name: name, folder: url.deletingLastPathComponent(),
                                                      noNewWarnings: false)
    }

    @Test("Items are paired by content: unchanged in order, moved, then edited between them")
    func pairing() {
        let a = DataNode.scalar("a"), b = DataNode.scalar("b"), c = DataNode.scalar("c"), x = DataNode.scalar("x")
        #expect(YAMLEmitter.pair([a, b, c], with: [a, b, c]) == [0, 1, 2])
        #expect(YAMLEmitter.pair([b, c], with: [a, b, c]) == [1, 2])
        #expect(YAMLEmitter.pair([c, a, b], with: [a, b, c]) == [2, 0, 1])
        #expect(YAMLEmitter.pair([a, x, c], with: [a, b, c]) == [0, 1, 2])
        #expect(YAMLEmitter.pair([a, b, c, x], with: [a, b, c]) == [0, 1, 2, nil])
        #expect(YAMLEmitter.pair([], with: [a]) == [])
    }
}

/// Random hostile trees (the emitter's own fuzz corpus): the text the emitter writes is one
/// whose layout the reader follows exactly, and an edit over it still reads back.
@Suite("Data tree: layout over random hostile trees")
struct DataTreeLayoutFuzzTests {
    @Test("500 random trees: written over their own text, the same text; edited, the edited tree")
    func randomTrees() throws {
        for seed in UInt64(1)...500 {
            var rng = SeededGenerator(state: seed)
            var entries: [DataEntry] = []
            var seen = Set<String>()
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                let k = DataTreeFuzzTests.key(&rng)
                guard seen.insert(k).inserted else { continue }
                entries.append(DataEntry(key: k, value: DataTreeFuzzTests.tree(&rng, depth: 4)))
            }
            let tree = DataNode.mapping(entries)
            let source = tree.yaml(kind: nil, comments: false).text
            let again = tree.yaml(kind: nil, replacing: source).text
            #expect(again == source, "seed \(seed): \(DataTreeLayoutTests.firstDifference(again, source))\n\(source)")
            var edited = tree
            edited[entries[0].key] = .scalar(DataTreeFuzzTests.text(&rng))
            let written = edited.yaml(kind: nil, replacing: source).text
            #expect(DataNode.parse(text: written, file: "t.yaml").0?.isSameData(as: edited) == true, "seed \(seed)")
            if again != source { return }
        }
    }
}
