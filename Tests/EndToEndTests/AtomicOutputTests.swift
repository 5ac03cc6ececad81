import Foundation
import TestFixtures
import Testing

/// Data files for the output tests: small plans that differ only in their
/// subject (so they map to the same output name), or big ones.
enum Plans {
    static func plan(subject: String = "Phát động thi đua năm 2025", symbol: String = "KH-LĐLĐ",
                     paragraphs: Int = 1, extra: String = "") -> String {
        SampleData.plan(subject: subject, symbol: symbol, paragraphs: paragraphs, extra: extra)
    }

    static func write(_ text: String, to folder: URL, as name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

/// Every file in a folder (not recursive), by name.
func snapshot(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return result
}

/// Temporary files of `writeAtomically` (`.<name>.tmp-<pid>-<n>`).
func temporaryFiles(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".") && $0.contains(".tmp-") }
}

@Suite("Outputs are written whole or not at all")
struct AtomicOutputTests {
    @Test func aFailingRunLeavesEarlierOutputsByteIdentical() throws {
        let folder = try Run.tempFolder()
        let out = folder.appendingPathComponent("out")
        let good = try Plans.write(Plans.plan(), to: folder, as: "tot.yaml")
        #expect(try Run.thidua(["render", good, "--out", out.path]).status == 0)
        let before = try snapshot(out)
        #expect(before.count == 3) // .md, .txt, .docx

        // Same number, symbol and date (same output names), but a data error.
        let broken = try Plans.write(Plans.plan(subject: "Bản sửa", extra: "ghi_chu: x\n"), to: folder, as: "hong.yaml")
        let dataError = try Run.thidua(["render", broken, "--out", out.path])
        #expect(dataError.status == 1)
        #expect(try snapshot(out) == before)

        // A template that fails: nothing may be written either.
        let templates = folder.appendingPathComponent("mau")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{> khong-co}}\n".write(to: templates.appendingPathComponent("ke-hoach.txt.mustache"), atomically: true, encoding: .utf8)
        let changed = try Plans.write(Plans.plan(subject: "Bản mới"), to: folder, as: "moi.yaml")
        let templateError = try Run.thidua(["render", changed, "--templates", templates.path, "--out", out.path])
        #expect(templateError.status == 2)
        #expect(try snapshot(out) == before)

        // A good file followed by a broken one: the good one is written, the
        // broken one's outputs stay as they were.
        let other = try Plans.write(Plans.plan(subject: "Văn bản khác", symbol: "KH-CĐN"), to: folder, as: "khac.yaml")
        let mixed = try Run.thidua(["render", other, broken, "--out", out.path])
        #expect(mixed.status == 1)
        let after = try snapshot(out)
        #expect(after.count == 6)
        for (name, data) in before { #expect(after[name] == data, "\(name) changed") }
        #expect(temporaryFiles(out).isEmpty)
    }

    @Test func outputNamesFromHostileDataStayInsideTheOutputFolder() throws {
        // Written inside double quotes in YAML, so `\x01` and `\n` become real control characters.
        let symbols = ["../../etc/x", "/", "/etc/passwd", "..", "a/../../b", "\\x01KH\\x1B[31m", "KH\\x7F",
                       "CON", "nul", "COM1.md", String(repeating: "Đ", count: 3_000), ".hidden", "-rf", "~", "*"]
        for symbol in symbols {
            let folder = try Run.tempFolder()
            let out = folder.appendingPathComponent("a/b/out")
            // After the type code, so that the symbol check lets most through to the writer;
            // a "/" is refused by it (the number line would read "Số: 05/KH-a/b"), and then
            // nothing at all may be written.
            let data = try Plans.write(Plans.plan(symbol: "\"KH-\(symbol)\""), to: folder, as: "du-lieu.yaml")
            let result = try Run.thidua(["render", data, "--out", out.path])
            #expect(!result.crashed)
            if symbol.contains("/") {
                #expect(result.status == 1 && result.stderr.contains("có dấu `/`"), "\(symbol): \(result.stderr)")
                #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty)
                #expect(try Set(FileManager.default.contentsOfDirectory(atPath: folder.path)).isSubset(of: ["du-lieu.yaml", "a"]))
                continue
            }
            #expect(result.status == 0, "\(symbol): \(result.stderr)")
            // Nothing outside a/b/out: the folder holds the data file and `a`.
            #expect(try Set(FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["du-lieu.yaml", "a"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a").path) == ["b"])
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
            #expect(names.count == 3, "\(symbol): \(names)")
            for name in names {
                var isDirectory: ObjCBool = false
                #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path, isDirectory: &isDirectory) && !isDirectory.boolValue)
                #expect(!name.hasPrefix(".") && !name.hasPrefix("-") && name.utf8.count <= 120, "\(symbol) → \(name)")
                #expect(name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0)) },
                        "\(symbol) → \(name)")
            }
            for line in result.stdout.split(separator: "\n") {
                #expect(line.hasPrefix(out.path + "/"), "\(line)")
            }
        }
    }

    @Test func concurrentRendersToOneFolderLeaveOnlyWholeFiles() throws {
        let folder = try Run.tempFolder()
        // Two different documents with the same number, symbol and date,
        // so both write 05-KH-LDLD-2025.md and .txt.
        let a = try Plans.write(Plans.plan(subject: "Văn bản A", paragraphs: 300), to: folder, as: "a.yaml")
        let b = try Plans.write(Plans.plan(subject: "Văn bản B", paragraphs: 300), to: folder, as: "b.yaml")
        let referenceA = folder.appendingPathComponent("ref-a"), referenceB = folder.appendingPathComponent("ref-b")
        #expect(try Run.thidua(["render", a, "--out", referenceA.path]).status == 0)
        #expect(try Run.thidua(["render", b, "--out", referenceB.path]).status == 0)
        let wholeA = try snapshot(referenceA), wholeB = try snapshot(referenceB)
        #expect(wholeA.keys.sorted() == ["05-KH-LDLD-2025.docx", "05-KH-LDLD-2025.md", "05-KH-LDLD-2025.txt"])
        #expect(wholeA != wholeB)

        let out = folder.appendingPathComponent("chung")
        // Slow writes (64 KiB chunks, 2 ms apart) so that the runs overlap
        // while writing, not only while rendering.
        let slow = ["THIDUA_TEST_WRITE_DELAY_MS": "2"]
        for _ in 0..<2 {
            var processes: [Process] = []
            for index in 0..<40 {
                processes.append(try Run.startThidua(["render", index % 2 == 0 ? a : b, "--out", out.path], environment: slow))
            }
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationReason == .exit && process.terminationStatus == 0)
            }
            let result = try snapshot(out)
            #expect(result.keys.sorted() == wholeA.keys.sorted(), "\(result.keys.sorted())")
            for (name, data) in result {
                #expect(data == wholeA[name] || data == wholeB[name], "\(name) is neither whole output (\(data.count) bytes)")
            }
            #expect(temporaryFiles(out).isEmpty)
        }
    }

    @Test func aRenderKilledMidWriteNeverLeavesAPartialFile() throws {
        let folder = try Run.tempFolder()
        // Two thousand paragraphs: about 400 KB per output, seven 64 KiB
        // chunks, so with the 15 ms write pause each file takes ~100 ms to
        // write; a real write would be over too fast to kill on purpose.
        let old = try Plans.write(Plans.plan(subject: "Bản cũ", paragraphs: 2_000), to: folder, as: "cu.yaml")
        let new = try Plans.write(Plans.plan(subject: "Bản mới", paragraphs: 2_000), to: folder, as: "moi.yaml")
        let referenceOld = folder.appendingPathComponent("ref-cu"), referenceNew = folder.appendingPathComponent("ref-moi")
        let clock = ContinuousClock()
        #expect(try Run.thidua(["render", old, "--out", referenceOld.path]).status == 0)
        let start = clock.now
        #expect(try Run.thidua(["render", new, "--out", referenceNew.path], environment: ["THIDUA_TEST_WRITE_DELAY_MS": "15"]).status == 0)
        let fullRun = clock.now - start
        let oldFiles = try snapshot(referenceOld), newFiles = try snapshot(referenceNew)
        // The text outputs; the .docx is compressed, a tenth of that.
        #expect(oldFiles.filter { !$0.key.hasSuffix(".docx") }.values.allSatisfy { $0.count > 200_000 })

        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var killedWhileWriting = 0
        var generator = SystemRandomNumberGenerator()
        let rounds = 20
        for round in 0..<rounds {
            // Start from the old outputs each round.
            for (name, data) in oldFiles { try data.write(to: out.appendingPathComponent(name), options: .atomic) }
            let process = try Run.startThidua(["render", new, "--out", out.path], environment: ["THIDUA_TEST_WRITE_DELAY_MS": "15"])
            if round % 2 == 0 {
                // Wait until this run's temporary file exists (its name holds
                // the pid; earlier rounds' leftovers do not count), then kill
                // within the write.
                let mine = ".tmp-\(process.processIdentifier)-"
                var sawTemporary = false
                while process.isRunning && !sawTemporary {
                    sawTemporary = temporaryFiles(out).contains { $0.contains(mine) }
                    if !sawTemporary { usleep(300) }
                }
                usleep(UInt32.random(in: 0...150_000, using: &generator))
                if sawTemporary && process.isRunning { killedWhileWriting += 1 }
            } else {
                // Anywhere in the run: loading, rendering or writing.
                let micros = Double(fullRun.components.seconds) * 1e6 + Double(fullRun.components.attoseconds) / 1e12
                usleep(UInt32.random(in: 0...UInt32(max(1, micros)), using: &generator))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Stale temporary files may stay (they are cleaned up later);
            // under the final names there must be whole files only.
            let now = try snapshot(out).filter { !$0.key.hasPrefix(".") }
            #expect(now.keys.sorted() == oldFiles.keys.sorted())
            for (name, data) in now {
                #expect(data == oldFiles[name] || data == newFiles[name], "round \(round): \(name) is partial (\(data.count) bytes)")
            }
        }
        #expect(killedWhileWriting >= rounds / 4, "only \(killedWhileWriting) kills landed while writing")

        // Killed runs leave temporary files; the next run removes those that
        // are old enough, and never a young one (it may be another run's).
        let leftovers = temporaryFiles(out).filter { !$0.contains("tmp-1-") }
        #expect(!leftovers.isEmpty, "no temporary file survived a kill; the cleanup below is untested")
        let anHourAgo = Date(timeIntervalSinceNow: -3_600)
        for name in leftovers {
            try FileManager.default.setAttributes([.modificationDate: anHourAgo], ofItemAtPath: out.appendingPathComponent(name).path)
        }
        try Data("đang ghi".utf8).write(to: out.appendingPathComponent(".05-KH-LDLD-2025.md.tmp-1-2"))
        try Data("của người dùng".utf8).write(to: out.appendingPathComponent(".ghi-chu.tmp-cu"))
        try FileManager.default.setAttributes([.modificationDate: anHourAgo], ofItemAtPath: out.appendingPathComponent(".ghi-chu.tmp-cu").path)
        #expect(try Run.thidua(["render", new, "--out", out.path]).status == 0)
        #expect(temporaryFiles(out).sorted() == [".05-KH-LDLD-2025.md.tmp-1-2", ".ghi-chu.tmp-cu"])
        #expect(try snapshot(out).filter { !$0.key.hasPrefix(".") } == newFiles)
    }
}
