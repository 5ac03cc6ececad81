import Foundation

/// The entry point shared by the fuzz targets.
///
/// Built with scripts/fuzz.sh (`-DFUZZING`, libclang_rt.fuzzer_no_main
/// linked in), it hands the arguments to libFuzzer's own driver. SwiftPM
/// points every executable's `main` at the target's `@main`, so libFuzzer's
/// `main` cannot be used; `LLVMFuzzerRunDriver` takes the same arguments
/// (-max_total_time, corpus folders, …). In an ordinary build it is a
/// replayer: `fuzz-xxx FILE…` runs each file through the same harness, so a
/// crash the fuzzer found can be reproduced and debugged without sanitizers.
public enum FuzzDriver {
    /// The harness; a C callback cannot capture, so it is kept here.
    nonisolated(unsafe) static var harness: ([UInt8]) -> Void = { _ in }

    /// Runs `harness` on libFuzzer's inputs, or on the files named in `arguments`.
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst()), harness: @escaping ([UInt8]) -> Void) -> Never {
        self.harness = harness
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            FuzzDriver.harness(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        }
        exit(status)
        #else
        for path in arguments {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("không đọc được \(path)\n".utf8))
                exit(2)
            }
            harness([UInt8](data))
            print("ok \(path)")
        }
        exit(0)
        #endif
    }
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
