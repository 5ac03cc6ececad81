import Foundation
import TestFixtures
import Testing

/// The binary over the workspace layer: confinement, --root, cited data files, check = render
/// without writing.
@Suite("Files a data file names, through the binary")
struct WorkspaceEndToEndTests {
    func report(figures: [String]) -> String {
        SampleData.report(figures: figures)
    }

    @Test func aFigurePathOutsideTheDataFilesFolderIsRefusedUnlessRootAllowsIt() throws {
        let folder = try Run.tempFolder()
        let nested = folder.appendingPathComponent("bao-cao/2025")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try "Đơn vị;Khối;so_cdcs\nCĐCS A;Khối 1;3\n".write(to: folder.appendingPathComponent("so-lieu.csv"), atomically: true, encoding: .utf8)
        try report(figures: ["../../so-lieu.csv"]).write(to: nested.appendingPathComponent("bc.yaml"), atomically: true, encoding: .utf8)
        let data = nested.appendingPathComponent("bc.yaml").path
        let refused = try Run.thidua(["render", data, "--out", folder.appendingPathComponent("out").path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bc.yaml:14:7: lỗi: tệp số liệu \"../../so-lieu.csv\" nằm ngoài thư mục được phép đọc"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/41-BC-LDLD-2025.md").path))

        let allowed = try Run.thidua(["render", data, "--root", folder.path, "--out", folder.appendingPathComponent("out").path])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("41-BC-LDLD-2025.xlsx"))
        let badRoot = try Run.thidua(["check", data, "--root", folder.appendingPathComponent("khong-co").path])
        #expect(badRoot.status == 2)
        #expect(badRoot.stderr.contains("thư mục gốc"))
    }

    @Test func devicesAndPasswordFilesAreNeverRead() throws {
        let folder = try Run.tempFolder()
        let data = folder.appendingPathComponent("bc.yaml")
        try report(figures: ["/dev/zero", "/etc/passwd", "/proc/self/environ", "../../../../../../etc/shadow"])
            .write(to: data, atomically: true, encoding: .utf8)
        for arguments in [["check", data.path], ["render", data.path, "--out", folder.appendingPathComponent("out").path]] {
            let result = try Run.thidua(arguments)
            #expect(result.status == 1)
            #expect(!result.crashed)
            #expect(result.stderr.components(separatedBy: "nằm ngoài thư mục được phép đọc").count == 5, "\(result.stderr)")
            #expect(!result.stderr.contains("root:x:0"))
        }
    }

    @Test func checkRefusesATemplateThatRenderWouldRefuse() throws {
        let folder = try Run.tempFolder()
        let data = try Plans.write(Plans.plan(), to: folder, as: "kh.yaml")
        let templates = folder.appendingPathComponent("mau")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{#sections}}\n".write(to: templates.appendingPathComponent("ke-hoach.md.mustache"), atomically: true, encoding: .utf8)
        #expect(try Run.thidua(["check", data]).status == 0)
        let check = try Run.thidua(["check", data, "--templates", templates.path])
        let render = try Run.thidua(["render", data, "--templates", templates.path, "--out", folder.appendingPathComponent("out").path])
        #expect(check.status != 0 && check.status == render.status, "check \(check.status), render \(render.status)")
        #expect(check.stderr.contains("ke-hoach.md.mustache"))
    }

    @Test func aDistrictPlanCitesTheProvincialPlanByItsDataFile() throws {
        let folder = try Run.tempFolder()
        _ = try Plans.write(Plans.plan(subject: "Phát động phong trào thi đua năm 2025"), to: folder, as: "tinh.yaml")
        let district = Plans.plan(subject: "Thực hiện phong trào thi đua", symbol: "KH-LĐLĐH", extra: """
        loi_dan: thuc_hien
        can_cu:
          - tep: tinh.yaml
        """)
        let data = try Plans.write(district, to: folder, as: "huyen.yaml")
        let result = try Run.thidua(["render", data, "--format", "md", "--out", folder.appendingPathComponent("out").path])
        #expect(result.status == 0, "\(result.stderr)")
        let md = try String(contentsOfFile: folder.appendingPathComponent("out/05-KH-LDLDH-2025.md").path, encoding: .utf8)
        #expect(md.contains("Thực hiện Kế hoạch số 05/KH-LĐLĐ ngày 20/02/2025 của Ban Thường vụ Liên đoàn Lao động tỉnh Bến Tre về phát động phong trào thi đua năm 2025."), "\(md)")
    }
}
