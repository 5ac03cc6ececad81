import Foundation
import ThiDuaKit

/// The figures pipeline on arbitrary bytes: stream them through the CSV
/// reader (split in two chunks at a point chosen by the input, so chunk
/// boundaries are fuzzed too), aggregate, compose the report text and
/// check that every row read is either used or reported.
enum FiguresHarness {
    static let templates: TemplateSet? = try? TemplateSet()

    /// A minimal report document the figures are composed into.
    static let document: Document? = {
        let yaml = """
        loai: bao_cao
        co_quan_chu_quan: Tổng Liên đoàn Lao động Việt Nam
        co_quan_ban_hanh: Liên đoàn Lao động tỉnh
        so: 1
        ky_hieu: BC-LĐLĐ
        dia_danh: Bến Tre
        ngay: 2025-09-12
        trich_yeu: Sơ kết
        bao_cao: { hinh_thuc: so_ket, so_lieu: [a.csv], bang_don_vi: true }
        luu: [VT]
        chu_ky: { chuc_vu: Chủ tịch, ho_ten: Nguyễn Văn A }
        """
        return Document.load(text: yaml, file: "fuzz.yaml").0
    }()

    static func run(_ bytes: [UInt8]) {
        let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        let chunks = [Array(bytes[..<cut]), Array(bytes[cut...])]
        let previous = FigureSource(label: "truoc.csv", bytes: bytes)
        let expected = ExpectedUnit.parseList(bytes, file: "ds.csv").0
        let inputs = ReportInputs(sources: [FigureSource(label: "a.csv", chunks: chunks)],
                                  expectedUnits: expected, previous: [previous])
        let result = ReportAggregator.aggregate(inputs)
        for diagnostic in result.diagnostics { _ = diagnostic.description }
        // Nothing silently lost: every row is used or reported.
        // The harness must crash for libFuzzer to record the input.
        if !result.reconciliation.isBalanced {
            FileHandle.standardError.write(Data("mất dòng: \(result.reconciliation)\n".utf8))
            abort()
        }
        guard let document, let templates else { return }
        let composed = ReportComposer.compose(document, result: result)
        for format in OutputFormat.allCases {
            _ = try? Renderer.render(composed, format: format, templates: templates, width: 80)
        }
    }
}

#if FUZZING
/// libFuzzer's driver, linked in by scripts/fuzz.sh (see fuzz-document).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
enum FuzzFigures {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            FiguresHarness.run(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        }
        exit(status)
    }
}
#else
/// Without the fuzzer flags: `fuzz-figures FILE…` replays saved inputs.
@main
enum FuzzFiguresReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("không đọc được \(path)\n".utf8))
                exit(2)
            }
            FiguresHarness.run([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif
