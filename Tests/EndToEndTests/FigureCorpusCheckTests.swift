import Foundation
import TestFixtures
import Testing

/// The hostile figures files of Tests/ThiDuaKitTests/FigureCorpus through the real binary:
/// each is the one `so_lieu` file of the sample report (default indicators). `thidua check`
/// must exit 1 exactly when the recorded findings have an error, print those findings, and
/// `render` must then write nothing: whatever the workbook cannot hold is found first.
enum FigureCorpusFiles {
    static let folder = Run.packageRoot.appendingPathComponent("Tests/ThiDuaKitTests/FigureCorpus")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
    }
}

@Suite("Hostile figures files through `thidua check` and `render`")
struct FigureCorpusCheckTests {
    @Test(arguments: FigureCorpusFiles.names)
    func checkRefusesWhatRenderWouldWithTheRecordedFindings(_ name: String) throws {
        let folder = try Run.tempFolder()
        try FileManager.default.copyItem(at: FigureCorpusFiles.folder.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        try SampleData.report(figures: [name]).write(to: folder.appendingPathComponent("bao-cao.yaml"), atomically: true, encoding: .utf8)
        let expected = try String(contentsOf: FigureCorpusFiles.folder.appendingPathComponent((name as NSString).deletingPathExtension + ".expected"), encoding: .utf8)
        let hasErrors = expected.contains(": lỗi: ")

        let check = try Run.thidua(["check", "bao-cao.yaml"], in: folder)
        #expect(!check.crashed, "\(name) crashed thidua: \(check.stderr.suffix(500))")
        #expect(check.status == (hasErrors ? 1 : 0), "\(name): exit \(check.status)\n\(check.stderr.prefix(1_000))")
        // The library's findings, as printed (the CLI may name the file differently).
        for line in expected.split(separator: "\n") {
            guard let range = line.range(of: ": lỗi: ") ?? line.range(of: ": cảnh báo: ") else { continue }
            #expect(check.stderr.contains(line[range.upperBound...]), "\(name): missing \(line.prefix(200))")
        }

        let out = folder.appendingPathComponent("out")
        let render = try Run.thidua(["render", "bao-cao.yaml", "--out", out.path], in: folder)
        #expect(!render.crashed)
        if hasErrors {
            #expect(render.status == 1)
            let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            #expect(written.filter { !$0.hasPrefix(".") }.isEmpty, "\(name): render wrote \(written)")
        } else {
            #expect(render.status == 0, "\(name): \(render.stderr.prefix(500))")
        }
    }
}
