import Foundation
import ThiDuaKit

/// The whole document pipeline on arbitrary bytes: decode, load, check,
/// then render with the built-in templates in every text format.
///
/// Rendering runs even when the diagnostics hold errors: the CLI would stop
/// there, but `Renderer.render` is public API and must not crash on any
/// document the loader hands out.
enum DocumentHarness {
    /// Parsed once: template parsing is not what is being fuzzed.
    static let templates: TemplateSet? = try? TemplateSet()

    static func run(_ bytes: [UInt8]) {
        let (document, diagnostics) = Renderer.load(bytes: bytes, file: "fuzz.yaml")
        for diagnostic in diagnostics { _ = diagnostic.description }
        guard let document else { return }
        _ = OutputName.base(for: document)
        guard let templates else { return }
        // The width follows the input so the fuzzer also reaches the
        // narrow-column wrapping paths, at the cost of one render per format.
        let width = 40 + bytes.count % 161
        for format in OutputFormat.allCases {
            _ = try? Renderer.render(document, format: format, templates: templates, width: width)
        }
    }
}

#if FUZZING
/// libFuzzer's own driver (from libclang_rt.fuzzer_no_main, which
/// scripts/fuzz.sh links in). SwiftPM points every executable's `main` at
/// the target's `@main`, so libFuzzer's `main` cannot be used; this entry
/// point takes the same arguments (-max_total_time, corpus folders, …).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
enum FuzzDocument {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            DocumentHarness.run(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        }
        exit(status)
    }
}
#else
/// Without the fuzzer flags the target is a replayer: `fuzz-document FILE…`
/// runs each file through the same harness, so a crash found by the fuzzer
/// can be reproduced (and debugged) with an ordinary build.
@main
enum FuzzDocumentReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("không đọc được \(path)\n".utf8))
                exit(2)
            }
            DocumentHarness.run([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif
