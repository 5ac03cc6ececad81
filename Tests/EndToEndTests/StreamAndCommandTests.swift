import Foundation
import TestFixtures
import Testing

/// The binary's standard streams and command names, as a shell gives them: a closed or full
/// standard error is no crash, lost output is no success, a mistyped command names the
/// nearest, and two documents of one output name never replace each other's files.
@Suite("Standard streams, command names, output names")
struct StreamAndCommandTests {
    static func shell(_ script: String, in folder: URL) throws -> Run.Result {
        try Run.program("/bin/sh", ["-c", script], in: folder)
    }

    @Test func aClosedOrFullStandardErrorIsNoCrash() throws {
        let folder = try Run.tempFolder()
        _ = try Plans.write(Plans.plan().replacingOccurrences(of: "ngay: 2025-02-20", with: "ngay: 2025-02-30"), to: folder, as: "sai.yaml")
        for redirect in ["2>&-", "2>/dev/full"] {
            let result = try Self.shell("'\(Run.binary)' check sai.yaml \(redirect); echo \"rc=$?\"", in: folder)
            #expect(result.stdout.contains("rc=1"), "\(redirect): \(result.stdout) \(result.stderr)")
            let usage = try Self.shell("'\(Run.binary)' check khong-co.yaml \(redirect); echo \"rc=$?\"", in: folder)
            #expect(usage.stdout.contains("rc=2"), "\(redirect): \(usage.stdout)")
        }
    }

    @Test func outputThatCannotBeWrittenIsNoSuccess() throws {
        let folder = try Run.tempFolder()
        let full = try Self.shell("'\(Run.binary)' calendar 2025 >/dev/full; echo \"rc=$?\" >&2", in: folder)
        #expect(full.stderr.contains("lỗi: không ghi được kết quả ra đầu ra chuẩn") && full.stderr.contains("rc=1"), "\(full.stderr)")
        // Closed standard output: the lines go nowhere, and no file the command opens takes its place.
        _ = try Plans.write(Plans.plan(), to: folder, as: "kh.yaml")
        let closed = try Self.shell("'\(Run.binary)' render kh.yaml --out out --format md >&-; echo \"rc=$?\" >&2", in: folder)
        #expect(closed.stderr.contains("rc=0"), "\(closed.stderr)")
        let written = try String(contentsOf: folder.appendingPathComponent("out/05-KH-LDLD-2025.md"), encoding: .utf8)
        #expect(written.hasPrefix("|") || written.contains("KẾ HOẠCH"), "\(written.prefix(200))")
    }

    @Test(arguments: [(["rendr", "x.yaml"], "có phải ý bạn là 'render'"), (["help", "chek"], "có phải ý bạn là 'check'"),
                      (["help", "xyzxyz"], "các lệnh: render, check")])
    func anUnknownCommandIsAUsageErrorNamingTheNearest(_ arguments: [String], _ hint: String) throws {
        let result = try Run.thidua(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("không có lệnh '\(arguments.last == "x.yaml" ? arguments[0] : arguments[1])'") && result.stderr.contains(hint), "\(result.stderr)")
    }

    @Test func twoDocumentsOfOneOutputNameDoNotReplaceEachOther() throws {
        let folder = try Run.tempFolder()
        let first = try Plans.write(Plans.plan(subject: "Văn bản thứ nhất"), to: folder, as: "a.yaml")
        let second = try Plans.write(Plans.plan(subject: "Văn bản thứ hai", symbol: "KH-LDLD"), to: folder, as: "b.yaml")
        let out = folder.appendingPathComponent("out")
        for jobs in ["1", "2"] {
            try? FileManager.default.removeItem(at: out)
            let result = try Run.thidua(["render", first, second, "--out", out.path, "--format", "md", "--jobs", jobs])
            #expect(result.status == 1)
            #expect(result.stderr.contains("\(second) cho cùng tên tệp kết quả với \(first)"), "\(result.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
            #expect(names == ["05-KH-LDLD-2025.md"])
            let text = try String(contentsOf: out.appendingPathComponent(names[0]), encoding: .utf8)
            // The first document's file, whole, whatever the order the workers finished in.
            #expect(text.contains("Văn bản thứ nhất") && !text.contains("Văn bản thứ hai"))
        }
        // `check` refuses it as `render` does.
        let check = try Run.thidua(["check", first, second])
        #expect(check.status == 1 && check.stderr.contains("cho cùng tên tệp kết quả với"), "\(check.stderr)")
    }
}
