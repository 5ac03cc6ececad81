import Foundation
import Testing
@testable import ThiDuaKit

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Examples/\(name)")
    }

    /// A small valid plan; tests replace or append lines to make it faulty.
    static let minimalPlan = """
    loai: ke_hoach
    co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
    co_quan_ban_hanh: Liên đoàn Lao động tỉnh Bến Tre
    so: 5
    ky_hieu: KH-LĐLĐ
    dia_danh: Bến Tre
    ngay: 2025-02-20
    trich_yeu: Phát động thi đua năm 2025
    muc:
      - ten: Mục đích, yêu cầu
        noi_dung:
          - Động viên đoàn viên thi đua lao động sản xuất.
    noi_nhan:
      - ten: LĐLĐ các huyện
        muc_dich: để th/hiện
    luu: [VT, CSPL]
    chu_ky:
      hinh_thuc: TM.
      thay_mat: Ban Thường vụ
      chuc_vu: Chủ tịch
      ho_ten: Nguyễn Văn A

    """

    /// Loads and checks YAML text, returning the document and all diagnostics.
    static func load(_ yaml: String, file: String = "tệp.yaml") -> (Document?, [Diagnostic]) {
        Renderer.load(bytes: Array(yaml.utf8), file: file)
    }

    /// Reads an example and checks it against the examples it links by `tep:` (read from
    /// Examples/ the same way), without its figures.
    static func readExample(_ name: String) throws -> (Document?, [Diagnostic]) {
        let bytes = try [UInt8](Data(contentsOf: example(name)))
        let (read, readDiagnostics) = Renderer.read(bytes: bytes, file: name)
        guard let read else { return (nil, readDiagnostics) }
        var linked: [String: Document] = [:]
        for link in read.dataFileLinks {
            if let cited = try readExample(link.value).0 { linked[link.value] = cited }
        }
        let (checked, checkDiagnostics) = Renderer.check(read, linked: LinkedDocuments(linked))
        return (checked, readDiagnostics + checkDiagnostics)
    }

    /// Loads an example, and for a report aggregates its figure files (read
    /// from Examples/) and composes the results part.
    static func loadExample(_ name: String) throws -> (Document?, [Diagnostic]) {
        let (document, diagnostics) = try readExample(name)
        guard let document, !diagnostics.hasErrors else { return (document, diagnostics) }
        let (report, reportDiagnostics) = ReportAggregator.aggregate(document: document) { file in
            guard let data = try? Data(contentsOf: example(file.value)) else {
                return .failure(.error("không có \(file.value)", at: file.position))
            }
            return .success([FigureSource(label: file.value, bytes: [UInt8](data))])
        }
        guard let report else { return (document, diagnostics + reportDiagnostics) }
        return (ReportComposer.compose(document, result: report), diagnostics + reportDiagnostics)
    }

    /// The diagnostics' one-line forms.
    static func messages(_ yaml: String) -> [String] {
        load(yaml).1.map(\.description)
    }
}
