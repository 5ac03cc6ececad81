import Foundation
import ThiDuaDocx
import ThiDuaKit
import ThiDuaXlsx
import BenchSupport
import ThiDuaWorkspace

// thidua-bench: in-process timings that a whole `thidua render` run cannot isolate.
//
//   thidua-bench workbook UNITS INDICATORS GROUPS OUTPUT.xlsx [--normal]
//   thidua-bench report FILE.yaml OUTDIR
//   thidua-bench docx FILE.yaml [RUNS]
//   thidua-bench check FILE.yaml [RUNS]
//
// `check` times the web editor's live check (`thidua serve`, POST /api/kiem-tra) in the
// process: the check job with every output prepared, each format alone, and the HTML
// preview; thread CPU time, the mean of RUNS runs after one warm-up.
//
// `docx` times, in the process, the steps of writing one document (not a report) as .docx,
// the mean of RUNS runs after one warm-up: templates, layout file and Word parts, view
// model, parts + zip. CPU time of the thread, so that other work on the machine does not
// count.
//
// `report` runs the steps of `thidua render --format all` on one report and prints, after
// each step, its time and the process's resident and peak memory (/proc/self/status).
//
// Writes the summary workbook of `SummaryWorkbookInput.synthetic` (the same cells as
// bench/xlsx/raw.c) in constant-memory mode (as raw.c does; --normal for libxlsxwriter's
// normal mode) and prints, in seconds, the time to build the input model and the time
// of `ReportWorkbook.write` alone.

func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

/// VmRSS and VmHWM in MB.
func memory() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
    func field(_ name: String) -> Double {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
    return String(format: "rss %6.1f MB, peak %6.1f MB", field("VmRSS:"), field("VmHWM:"))
}

/// A file read lazily in 256 KiB chunks, as `thidua` reads figure files.
struct FileChunks: Sequence, IteratorProtocol {
    let handle: FileHandle?
    mutating func next() -> [UInt8]? {
        guard let handle else { return nil }
        let data = handle.readData(ofLength: 256 * 1024)
        return data.isEmpty ? nil : [UInt8](data)
    }
}

func report(_ file: String, out: String) throws {
    var step = DispatchTime.now()
    func done(_ what: String) {
        let label = what.padding(toLength: 22, withPad: " ", startingAt: 0)
        print(label + String(format: " %8.3f s   ", seconds(since: step)) + memory())
        step = DispatchTime.now()
    }
    done("start")
    let bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
    let (loaded, diagnostics) = Renderer.load(bytes: bytes, file: file)
    guard var document = loaded, !diagnostics.hasErrors else { throw ThiDuaError.output(path: file, message: "không đọc được") }
    done("load + check")
    let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
    let (aggregated, _) = ReportAggregator.aggregate(document: document) { name in
        let path = folder.appendingPathComponent(name.value).path
        return .success([FigureSource(label: name.value, chunks: FileChunks(handle: FileHandle(forReadingAtPath: path)))])
    }
    guard let result = aggregated else { throw ThiDuaError.output(path: file, message: "không phải báo cáo") }
    done("aggregate")
    document = ReportComposer.compose(document, result: result)
    done("compose")
    let templates = try TemplateSet()
    for format in [OutputFormat.md, .txt] {
        let text = try Renderer.render(document, format: format, templates: templates)
        try text.write(toFile: "\(out)/report.\(format.rawValue)", atomically: true, encoding: .utf8)
        done("render + write \(format.rawValue)")
    }
    let input = SummaryWorkbookInput(document: document, result: result)
    done("workbook input")
    try ReportWorkbook.write(input, to: "\(out)/report.xlsx",
                             options: XlsxWorkbook.Options(constantMemory: result.statistics.unitCount > 10_000))
    done("workbook write")
}

func docx(_ file: String, runs: Int) throws {
    let bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
    var totals = [Double](repeating: 0, count: 5)
    var size = 0
    for run in 0...runs {
        var times: [Double] = []
        func cpu() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        }
        var step = cpu()
        func lap() {
            times.append(cpu() - step)
            step = cpu()
        }
        let (loaded, diagnostics) = Renderer.load(bytes: bytes, file: file)
        guard let document = loaded, !diagnostics.hasErrors else { throw ThiDuaError.output(path: file, message: "không đọc được") }
        lap()
        let templates = try TemplateSet()
        lap()
        let writer = try DocxWriter(templates: templates)
        lap()
        let formatter = writer.formatter(for: document)
        let context = DocumentView(width: 80, formatters: [formatter]).context(for: document)
        lap()
        size = try writer.package(document, context: context, formatter: formatter).bytes.count
        lap()
        if run > 0 { totals = zip(totals, times).map { $0 + $1 } }
    }
    let names = ["load + check", "templates (text)", "layout + Word parts", "view model (docx)", "parts + zip"]
    for (name, total) in zip(names, totals) {
        print(name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: " %8.3f ms", total / Double(runs) * 1000))
    }
    print("docx size             \(size) bytes")
}

func threadCPU() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func check(_ file: String, runs: Int) throws {
    let workspace = try Workspace()
    let templates = try TemplateSet()
    let path = URL(fileURLWithPath: file).path
    let bytes = try workspace.readDataFile(path)
    let variants: [(String, [OutputKind]?)] = [("check, every output", nil), ("md alone", [OutputKinds.markdown]),
                                               ("txt alone", [OutputKinds.plainText]), ("docx alone", [OutputKinds.word])]
    for (name, kinds) in variants {
        let job = DocumentJob(workspace: workspace, templates: templates, kinds: kinds)
        var total = 0.0
        for run in 0...runs {
            let start = threadCPU()
            let result = job.run(file: path, bytes: bytes)
            if result.failed { throw ThiDuaError.output(path: file, message: "kiểm tra không đạt") }
            if run > 0 { total += threadCPU() - start }
        }
        print(name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: " %8.3f ms", total / Double(runs) * 1000))
    }
    guard let document = DocumentJob(workspace: workspace, templates: templates, kinds: [OutputKinds.markdown])
        .run(file: path, bytes: bytes).document else { return }
    var total = 0.0
    for run in 0...runs {
        let start = threadCPU()
        _ = try templates.previewHTML(document)
        if run > 0 { total += threadCPU() - start }
    }
    print("preview (html)".padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: " %8.3f ms", total / Double(runs) * 1000))
}

let arguments = Array(CommandLine.arguments.dropFirst())

/// Runs one command and exits: 0, or 1 with the error on standard error.
func runAndExit(_ body: () throws -> Void) -> Never {
    do {
        try body()
    } catch {
        FileHandle.standardError.write(Data("thidua-bench: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}

/// The optional run count after the file (`arguments[2]`).
func runs(default value: Int) -> Int {
    arguments.count > 2 ? Int(arguments[2]) ?? value : value
}

if arguments.first == "check", arguments.count >= 2 {
    runAndExit { try check(arguments[1], runs: runs(default: 50)) }
}
if arguments.first == "docx", arguments.count >= 2 {
    runAndExit { try docx(arguments[1], runs: runs(default: 20)) }
}
if arguments.first == "report", arguments.count == 3 {
    runAndExit { try report(arguments[1], out: arguments[2]) }
}
guard arguments.count >= 5, arguments[0] == "workbook",
      let units = Int(arguments[1]), let indicators = Int(arguments[2]), let groups = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: thidua-bench workbook UNITS INDICATORS GROUPS OUTPUT.xlsx [--normal]\n".utf8))
    exit(2)
}
let output = arguments[4]
let constantMemory = !arguments.contains("--normal")

let buildStart = DispatchTime.now()
let input = SummaryWorkbookInput.synthetic(units: units, indicators: indicators, groups: groups)
let buildTime = seconds(since: buildStart)

let writeStart = DispatchTime.now()
do {
    try ReportWorkbook.write(input, to: output, options: XlsxWorkbook.Options(constantMemory: constantMemory))
} catch {
    FileHandle.standardError.write(Data("thidua-bench: \(error)\n".utf8))
    exit(1)
}
let writeTime = seconds(since: writeStart)
print(String(format: "input %.4f s, write %.4f s", buildTime, writeTime))
