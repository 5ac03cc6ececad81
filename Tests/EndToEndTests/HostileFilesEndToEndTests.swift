import Foundation
import TestFixtures
import Testing

/// The second round of hostile inputs (issue 15) that the workspace layer answers, through
/// the binary: files that are not files, a folder that cannot be written (as root too), a
/// full disk, an output in the way, and concurrent renders of one document.
@Suite("Hostile files and folders through the binary")
struct HostileFilesEndToEndTests {
    /// A report whose figures file is `figure`, in a fresh folder with the sample figures.
    func reportFolder(figure: String = "so-lieu.csv") throws -> (folder: URL, data: String) {
        let folder = try Run.tempFolder()
        try SampleData.figures.write(to: folder.appendingPathComponent("so-lieu.csv"), atomically: true, encoding: .utf8)
        let data = folder.appendingPathComponent("bc.yaml")
        try SampleData.report(figures: [figure]).write(to: data, atomically: true, encoding: .utf8)
        return (folder, data.path)
    }

    @Test func devicesPipesAndHugeFilesAreRefusedQuicklyAtTheLineThatNamesThem() throws {
        let (folder, _) = try reportFolder()
        let fifo = folder.appendingPathComponent("ong.csv").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let huge = folder.appendingPathComponent("lon.csv").path
        #expect(FileManager.default.createFile(atPath: huge, contents: Data("Đơn vị;so_cdcs\n".utf8)))
        #expect(truncate(huge, 3 << 30) == 0) // 3 GB, sparse
        for figure in ["/dev/zero", "/dev/urandom", "ong.csv", "lon.csv"] {
            let data = folder.appendingPathComponent("bc-\(figure.replacingOccurrences(of: "/", with: "-")).yaml")
            try SampleData.report(figures: [figure]).write(to: data, atomically: true, encoding: .utf8)
            let start = Date()
            // --root / lets the path through the confinement rule: the guard itself must refuse it.
            let result = try Run.thidua(["check", data.path, "--root", "/"])
            #expect(Date().timeIntervalSince(start) < 20, "\(figure) took too long")
            #expect(!result.crashed)
            #expect(result.status == 1, "\(figure): \(result.stderr)")
            // Pointed at the data file, where the path was written (line 14, after "- ").
            #expect(result.stderr.contains("\(data.lastPathComponent):14:7: lỗi:"), "\(figure): \(result.stderr)")
        }
    }

    @Test func aFolderThatCannotBeWrittenIsReportedInVietnameseAndLeavesTheOldSet() throws {
        let (folder, data) = try reportFolder()
        let out = folder.appendingPathComponent("out")
        #expect(try Run.thidua(["render", data, "--out", out.path]).status == 0)
        let before = try snapshot(out)
        #expect(before.count == 4) // md, txt, docx and the workbook
        let result = try Sandbox.run(["render", data, "--out", out.path], readOnly: out)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("lỗi:"), "\(result.stderr)")
        for english in ["Read-only", "Permission denied", "operation could not", "Error", "ZIP_ERRNO", ".c:"] {
            #expect(!result.stderr.contains(english), "English or C text reached the user: \(result.stderr)")
        }
        #expect(try snapshot(out) == before)
    }

    @Test func aFullDiskIsNamedAndLeavesNothingBehind() throws {
        let (folder, data) = try reportFolder()
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // 12 KB: the Markdown fits, the set does not.
        let result = try Sandbox.run(["render", data, "--out", out.path], fullDiskOf: out, bytes: 12 * 1_024)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("hết chỗ trống trên đĩa"), "\(result.stderr)")
        // Not libxlsxwriter's English report ("[ERROR][./src/packager.c:…] … ZIP_ERRNO").
        for english in ["ERROR", "ZIP_ERRNO", "No space", ".c:"] {
            #expect(!result.stderr.contains(english), "\(result.stderr)")
        }
        // The tmpfs is gone with the sandbox; what it held is in the listing printed after
        // the run: no output and no temporary file.
        let left = result.stdout.split(separator: "\n").filter { $0 != "." && $0 != ".." }
        #expect(!left.contains { $0.contains(".md") || $0.contains(".txt") || $0.contains(".xlsx") }, "\(left)")
    }

    @Test func anOutputInTheWayOfTheWorkbookWritesNoneOfTheSet() throws {
        let (folder, data) = try reportFolder()
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("41-BC-LDLD-2025.xlsx"), withIntermediateDirectories: true)
        let result = try Run.thidua(["render", data, "--out", out.path])
        #expect(result.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") } == ["41-BC-LDLD-2025.xlsx"])
    }

    @Test func concurrentRendersOfOneDocumentLeaveOneWholeSet() throws {
        let (folder, _) = try reportFolder()
        // Two documents with the same output names, told apart by their issuer, which
        // every output states (the workbook in its document properties).
        var variants: [String] = []
        for place in ["Bến Tre", "Trà Vinh"] {
            let text = SampleData.report(figures: ["so-lieu.csv"]).replacingOccurrences(of: "Bến Tre", with: place)
            let path = folder.appendingPathComponent("bc-\(variants.count).yaml")
            try text.write(to: path, atomically: true, encoding: .utf8)
            variants.append(path.path)
        }
        let out = folder.appendingPathComponent("out")
        for _ in 0..<4 {
            let processes = try (0..<6).map { try Run.startThidua(["render", variants[$0 % 2], "--out", out.path]) }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
            // md, txt and xlsx all of one run: the place each names says which.
            let md = try String(contentsOf: out.appendingPathComponent("41-BC-LDLD-2025.md"), encoding: .utf8)
            let txt = try String(contentsOf: out.appendingPathComponent("41-BC-LDLD-2025.txt"), encoding: .utf8)
            let properties = try Run.program("/usr/bin/unzip", ["-p", out.appendingPathComponent("41-BC-LDLD-2025.xlsx").path, "docProps/core.xml"]).stdout
            let markers = [md, txt, properties].map { text in ["BẾN TRE", "TRÀ VINH"].filter { text.uppercased().contains($0) } }
            #expect(markers.allSatisfy { $0.count == 1 } && Set(markers.map(\.first)).count == 1, "mixed set: \(markers)")
        }
    }
}

/// Runs the binary where a folder cannot be written even by root (a read-only bind mount),
/// or where a folder is a small tmpfs (a full disk), in a private mount namespace that
/// disappears with the run. Not root: `unshare -r` maps the user to root in a user namespace.
enum Sandbox {
    static func run(_ arguments: [String], readOnly folder: URL) throws -> Run.Result {
        try namespaced(arguments, setup: "mount --bind \"$D\" \"$D\" && mount -o remount,bind,ro \"$D\"", folder: folder)
    }

    static func run(_ arguments: [String], fullDiskOf folder: URL, bytes: Int) throws -> Run.Result {
        try namespaced(arguments, setup: "mount -t tmpfs -o size=\(bytes) tmpfs \"$D\"",
                       folder: folder, after: "; ls -a1 \"$D\"")
    }

    private static func namespaced(_ arguments: [String], setup: String, folder: URL, after: String = "") throws -> Run.Result {
        let unshare = try #require(Run.which("unshare"), "cần unshare (util-linux)")
        let flags = geteuid() == 0 ? ["-m"] : ["-r", "-m"]
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = "D='\(folder.path)'; \(setup) || { echo 'sandbox: mount failed' >&2; exit 97; }; '\(Run.binary)' \(quoted); status=$?\(after); exit $status"
        let result = try Run.program(unshare, flags + ["sh", "-c", script])
        #expect(result.status != 97, "the sandbox could not be made: \(result.stderr)")
        return result
    }
}
