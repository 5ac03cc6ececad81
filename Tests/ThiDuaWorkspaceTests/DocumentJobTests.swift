import Foundation
import Testing
import ThiDuaKit
@testable import ThiDuaWorkspace

/// The document job without the CLI: data file in, diagnostics and a set of outputs out.
@Suite("Document job")
struct DocumentJobTests {
    func job(_ folder: String, kinds: [OutputKind]? = nil, root: String? = nil) throws -> DocumentJob {
        DocumentJob(workspace: try Workspace(root: root), templates: try TemplateSet(), kinds: kinds, outputFolder: folder)
    }

    @Test func everyExampleRendersInEveryFormatThatAppliesToIt() throws {
        let examples = try Fixture.examples()
        let out = examples + "/out"
        let files = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 4)
        let results = try DocumentBatch(job: job(out)).run(files: files.map { "\(examples)/\($0)" }, jobs: 2)
        for result in results {
            #expect(!result.failed, "\(result.file): \(result.diagnostics.filter { $0.severity == .error }) \(String(describing: result.error))")
            let document = try #require(result.document)
            let base = OutputName.base(for: document)
            let expected = OutputKinds.all(for: document.kind).map { "\(out)/\(base).\($0.fileExtension)" }
            #expect(result.written == expected)
            for path in expected { #expect((FileManager.default.contents(atPath: path)?.count ?? 0) > 500, "\(path)") }
        }
        #expect(results.contains { $0.document?.kind == .baoCao && $0.written.contains { $0.hasSuffix(".xlsx") } })
    }

    @Test func checkPreparesEveryOutputButWritesNothing() throws {
        let examples = try Fixture.examples()
        let before = try Fixture.snapshot(examples)
        let check = DocumentJob(workspace: try Workspace(), templates: try TemplateSet())
        let result = check.run(file: "\(examples)/bao-cao-so-ket-2025.yaml",
                               bytes: try Workspace().readDataFile("\(examples)/bao-cao-so-ket-2025.yaml"))
        #expect(!result.failed)
        #expect(result.written.isEmpty)
        #expect(try Fixture.snapshot(examples) == before)
    }

    /// A format that fails while it is prepared, after the others succeeded.
    static let failing = OutputKind(id: "hong", fileExtension: "hong", summary: "thử") { _ in
        throw WorkspaceError.output(path: "x.hong", message: "lỗi giả lập")
    }

    /// A format whose file writer fails halfway through writing.
    static let failingWriter = OutputKind(id: "hong2", fileExtension: "hong2", summary: "thử") { _ in
        .file { path in
            try Data("nửa chừng".utf8).write(to: URL(fileURLWithPath: path))
            throw WorkspaceError.output(path: path, message: "hết chỗ trống trên đĩa")
        }
    }

    @Test(arguments: [failing, failingWriter])
    func aFailureInTheLastFormatLeavesNoFileOfTheSet(_ last: OutputKind) throws {
        let folder = try Fixture.folder()
        let out = folder + "/out"
        try Fixture.write(Documents.plan(subject: "Bản cũ"), to: folder + "/kh.yaml")
        let first = try job(out).run(file: folder + "/kh.yaml", bytes: try Workspace().readDataFile(folder + "/kh.yaml"))
        #expect(first.written.count == 3)
        let before = try Fixture.snapshot(out)

        try Fixture.write(Documents.plan(subject: "Bản mới"), to: folder + "/kh.yaml")
        let result = try job(out, kinds: [OutputKinds.markdown, OutputKinds.plainText, last])
            .run(file: folder + "/kh.yaml", bytes: try Workspace().readDataFile(folder + "/kh.yaml"))
        #expect(result.failed)
        #expect(result.written.isEmpty)
        #expect(try Fixture.snapshot(out) == before, "the previous set must stay untouched, with no temporary file")
    }

    @Test func aFailedRenameInTheMiddleOfASetPutsThePreviousSetBack() throws {
        let out = try Fixture.folder()
        let old = OutputSet(folder: out, base: "x", entries: [("x.md", .bytes(Array("cũ md".utf8))), ("x.txt", .bytes(Array("cũ txt".utf8))),
                                                             ("x.csv", .bytes(Array("cũ csv".utf8)))])
        _ = try old.commit()
        let before = try Fixture.snapshot(out)
        var new = OutputSet(folder: out, base: "x", entries: [("x.md", .bytes(Array("mới md".utf8))), ("x.txt", .bytes(Array("mới txt".utf8))),
                                                             ("x.csv", .bytes(Array("mới csv".utf8))), ("x.tsv", .bytes(Array("mới".utf8)))])
        new.failingRename = 2
        #expect(throws: WorkspaceError.self) { try new.commit() }
        #expect(try Fixture.snapshot(out) == before)
    }

    @Test func aSetCommittedByAKilledRunIsFinishedByTheNextOne() throws {
        let out = try Fixture.folder()
        _ = try OutputSet(folder: out, base: "y", entries: [("y.md", .bytes(Array("cũ".utf8))), ("y.txt", .bytes(Array("cũ".utf8)))]).commit()
        // What a run killed after its commit point leaves: its temporaries, and the journal
        // (here the .md was already renamed, the .txt not yet).
        let temporary = TemporaryName.make(for: out + "/y.txt")
        try Fixture.write("mới", to: temporary)
        try Fixture.write("mới", to: out + "/y.md")
        _ = try Journal.write(folder: out, base: "y", temporaries: [out + "/.gone.tmp-1-1", temporary], finals: [out + "/y.md", out + "/y.txt"])
        try OutputFolder.prepare(out)
        let after = try Fixture.snapshot(out)
        #expect(after.keys.sorted() == ["y.md", "y.txt"])
        #expect(after["y.txt"] == Data("mới".utf8))
    }

    @Test func twoJobsOnOneSetAtOnceNeverMixTheirOutputs() throws {
        let folder = try Fixture.folder()
        let out = folder + "/out"
        // Same number, symbol and date: the same output names.
        try Fixture.write(Documents.plan(subject: "Văn bản A", paragraphs: 200), to: folder + "/a.yaml")
        try Fixture.write(Documents.plan(subject: "Văn bản B", paragraphs: 200), to: folder + "/b.yaml")
        try OutputFolder.prepare(out)
        var job = try job(out)
        // Slow renames: without the set's lock, the runs would interleave between them.
        job.renamePause = 20_000
        let bytes = [try Workspace().readDataFile(folder + "/a.yaml"), try Workspace().readDataFile(folder + "/b.yaml")]
        for _ in 0..<5 {
            DispatchQueue.concurrentPerform(iterations: 6) { index in
                _ = job.run(file: folder + (index % 2 == 0 ? "/a.yaml" : "/b.yaml"), bytes: bytes[index % 2])
            }
            let files = try Fixture.snapshot(out)
            #expect(files.keys.sorted() == ["05-KH-LDLD-2025.docx", "05-KH-LDLD-2025.md", "05-KH-LDLD-2025.txt"])
            let md = String(decoding: files["05-KH-LDLD-2025.md"] ?? Data(), as: UTF8.self)
            let txt = String(decoding: files["05-KH-LDLD-2025.txt"] ?? Data(), as: UTF8.self)
            let fromA = md.contains("Văn bản A")
            #expect(fromA != md.contains("Văn bản B"))
            #expect(txt.contains(fromA ? "Văn bản A" : "Văn bản B"), "the .md of one run beside the .txt of the other")
        }
    }
}
