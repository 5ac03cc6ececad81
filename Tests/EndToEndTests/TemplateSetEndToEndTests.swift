import Foundation
import TestFixtures
import Testing

/// The hostile template sets of Tests/ThiDuaKitTests/TemplateCorpus through the real
/// binary: `thidua render --templates <case>` must exit 2 (a template set is an option,
/// not data) with the recorded message, write nothing, and never crash or hang.
enum TemplateCorpusFiles {
    static let folder = Run.packageRoot.appendingPathComponent("Tests/ThiDuaKitTests/TemplateCorpus")

    /// Cases too big to commit, made at test time (shared with the library's test).
    static let generated = HostileTemplateSets.generated

    static var names: [String] { HostileTemplateSets.names(in: folder) }
}

@Suite("Hostile template sets through `thidua render`")
struct TemplateSetEndToEndTests {
    @Test(arguments: TemplateCorpusFiles.names)
    func renderRefusesTheSetAsAUsageError(_ name: String) throws {
        var directory = TemplateCorpusFiles.folder
        if let make = TemplateCorpusFiles.generated[name] {
            directory = try Run.tempFolder()
            let caseFolder = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: caseFolder, withIntermediateDirectories: true)
            for (file, text) in make() { try text.write(to: caseFolder.appendingPathComponent(file), atomically: false, encoding: .utf8) }
        }
        let out = try Run.tempFolder()
        let example = Run.packageRoot.appendingPathComponent("Examples/ke-hoach-tinh-2025.yaml").path
        let start = Date()
        let result = try Run.thidua(["render", example, "--templates", name, "--out", out.path], in: directory)
        #expect(!result.crashed, "\(name) crashed thidua: \(result.stderr.suffix(500))")
        #expect(result.status == 2, "\(name): exit \(result.status)")
        #expect(Date().timeIntervalSince(start) < 30, "\(name) took too long")
        let expected = try String(contentsOf: TemplateCorpusFiles.folder.appendingPathComponent(name + ".expected"), encoding: .utf8)
        #expect(result.stderr == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    /// A Word template that parses as a template but renders what is not XML (or nothing)
    /// would give a file Word refuses to open; `check` and `render` refuse it as a template
    /// error (exit 2) and write nothing. The built-in part copied unchanged still renders.
    @Test(arguments: [("ke-hoach.docx.mustache", "<<<không phải xml &&& {{trich_yeu}}", "word/document.xml"),
                      ("content-types.docx.mustache", "", "[Content_Types].xml")])
    func aWordTemplateThatRendersNoXMLIsRefused(_ file: String, _ text: String, _ part: String) throws {
        let folder = try Run.tempFolder()
        let templates = folder.appendingPathComponent("mau")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try text.write(to: templates.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let example = Run.packageRoot.appendingPathComponent("Examples/ke-hoach-tinh-2025.yaml").path
        let check = try Run.thidua(["check", example, "--templates", templates.path])
        #expect(check.status == 2, "\(check.stderr)")
        #expect(check.stderr.contains("mau/\(file): lỗi: mẫu văn bản sai: phần \(part) của tệp Word") && check.stderr.contains("không phải XML hợp lệ"),
                "\(check.stderr)")
        let out = folder.appendingPathComponent("out")
        let render = try Run.thidua(["render", example, "--templates", templates.path, "--out", out.path])
        #expect(render.status == 2, "\(render.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty)

        let builtin = try String(contentsOf: Run.packageRoot.appendingPathComponent("Templates/docx/\(file)"), encoding: .utf8)
        try builtin.write(to: templates.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let fine = try Run.thidua(["render", example, "--templates", templates.path, "--out", out.path, "--format", "docx"])
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    /// A template whose list sections multiply (`{{#sections}}` inside itself, thirty deep)
    /// would render for ever; `check` and `render` refuse it as a template error (exit 2)
    /// in seconds, and nothing is written. The Word template too.
    @Test(arguments: ["ke-hoach.md.mustache", "ke-hoach.txt.mustache", "ke-hoach.docx.mustache"])
    func aTemplateWhoseSectionsMultiplyIsRefused(_ file: String) throws {
        let folder = try Run.tempFolder()
        let templates = folder.appendingPathComponent("mau")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let body = String(repeating: "{{#sections}}", count: 30) + "x" + String(repeating: "{{/sections}}", count: 30)
        let text = file.hasSuffix(".docx.mustache")
            ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>\(body)</w:t></w:r></w:p></w:body></w:document>"
            : body + "\n"
        try text.write(to: templates.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let example = Run.packageRoot.appendingPathComponent("Examples/ke-hoach-tinh-2025.yaml").path
        let start = Date()
        let check = try Run.thidua(["check", example, "--templates", templates.path])
        #expect(!check.crashed && check.status == 2, "\(check.status) \(check.stderr.suffix(500))")
        #expect(check.stderr.contains("mau/\(file): lỗi: mẫu văn bản sai: mẫu lặp các khối danh sách"), "\(check.stderr)")
        let out = folder.appendingPathComponent("out")
        let render = try Run.thidua(["render", example, "--templates", templates.path, "--out", out.path])
        #expect(!render.crashed && render.status == 2, "\(render.status) \(render.stderr.suffix(500))")
        #expect(render.stderr.split(separator: "\n").first == check.stderr.split(separator: "\n").first)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty)
        #expect(Date().timeIntervalSince(start) < 60)
    }
}
