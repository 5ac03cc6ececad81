import Foundation
@testable import ThiDuaKit

/// A whole report in memory: its data file, its figure files and the documents it links,
/// run through the library's pipeline as the document job does (read → link → check →
/// figures → compose → render), without touching the disk.
enum ReportComposeFixture {
    /// A plan with targets as data (`cac_chi_tieu`), to be linked as `ke-hoach.yaml`.
    static let plan = """
    loai: ke_hoach
    co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
    co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre
    so: 12
    ky_hieu: KH-LĐLĐ
    dia_danh: Bến Tre
    ngay: 2025-02-20
    trich_yeu: Phát động phong trào thi đua năm 2025
    thoi_gian: { tu: 2025-01-01, den: 2025-12-31 }
    muc:
      - ten: Chỉ tiêu
        noi_dung:
          - cac_chi_tieu:
              - { ma: doan_vien_moi, gia_tri: 100, cau: "Phát triển mới {gia_tri} đoàn viên." }
              - { ma: ty_le_cdcs_phat_dong, gia_tri: 100 }
    noi_nhan: [Công đoàn cơ sở]
    chu_ky: { hinh_thuc: TM., thay_mat: Ban Thường vụ, chuc_vu: Chủ tịch, ho_ten: Nguyễn Văn A }

    """

    /// A report; `spec` holds more lines of its `bao_cao` block, each indented by two spaces.
    static func report(_ spec: String, date: String = "2025-07-10") -> String {
        """
        loai: bao_cao
        co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
        co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre
        so: 41
        ky_hieu: BC-LĐLĐ
        dia_danh: Bến Tre
        ngay: \(date)
        trich_yeu: Sơ kết đợt 1 năm 2025
        loi_dan: thuc_hien
        bao_cao:
          hinh_thuc: so_ket
          ky: { tu: 2025-01-01, den: 2025-06-30 }
        \(spec)
          ton_tai: [Việc báo cáo còn chậm.]
        noi_nhan: [Công đoàn cơ sở]
        chu_ky: { hinh_thuc: TM., thay_mat: Ban Thường vụ, chuc_vu: Chủ tịch, ho_ten: Nguyễn Văn A }

        """
    }

    struct Outcome {
        var document: Document?
        var result: ReportResult?
        var diagnostics: [Diagnostic]
        var width: Int

        /// The plain text (empty when the report could not be composed).
        func text() throws -> String {
            guard let document, result != nil else { return "" }
            return try Renderer.render(document, format: .txt, templates: TemplateSet(), width: width)
        }

        func markdown() throws -> String {
            guard let document, result != nil else { return "" }
            return try Renderer.render(document, format: .md, templates: TemplateSet(), width: width)
        }

        var messages: [String] { diagnostics.map(\.description) }
    }

    /// Runs the report `yaml` (file `bc.yaml`) with figure files and linked documents given
    /// by name.
    static func run(_ yaml: String, files: [String: String], linked: [String: String] = [:], width: Int = 10_000) -> Outcome {
        let (read, readDiagnostics) = Renderer.read(bytes: Array(yaml.utf8), file: "bc.yaml")
        guard let read else { return Outcome(document: nil, result: nil, diagnostics: readDiagnostics, width: width) }
        var documents: [String: Document] = [:]
        for (name, text) in linked {
            if let document = Renderer.load(bytes: Array(text.utf8), file: name).0 { documents[name] = document }
        }
        let (checked, checkDiagnostics) = Renderer.check(read, linked: LinkedDocuments(documents))
        var diagnostics = readDiagnostics + checkDiagnostics
        guard !diagnostics.hasErrors else { return Outcome(document: checked, result: nil, diagnostics: diagnostics, width: width) }
        let (result, figureDiagnostics) = ReportAggregator.aggregate(document: checked) { name in
            guard let text = files[name.value] else { return .failure(.error("không có \(name.value)", at: name.position)) }
            return .success([FigureSource(label: name.value, text: text)])
        }
        diagnostics += figureDiagnostics
        guard let result, !diagnostics.hasErrors else { return Outcome(document: checked, result: result, diagnostics: diagnostics, width: width) }
        return Outcome(document: ReportComposer.compose(checked, result: result), result: result, diagnostics: diagnostics, width: width)
    }
}
