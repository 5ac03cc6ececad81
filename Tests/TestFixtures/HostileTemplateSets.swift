import Foundation

/// The hostile template sets too big to commit, made at test time, for the library's and
/// the binary's template-corpus tests (Tests/ThiDuaKitTests/TemplateCorpus holds the
/// committed ones and every case's `.expected`).
public enum HostileTemplateSets {
    /// Case name → file name → text.
    public static let generated: [String: @Sendable () -> [String: String]] = [
        // Twenty thousand nested sections: the engine's parser recurses once per section.
        "deep-sections": { ["ke-hoach.md.mustache": String(repeating: "{{#a}}", count: 20_000) + String(repeating: "{{/a}}", count: 20_000)] },
        // A chain of 5,000 partials, each including the next: no cycle, but as deep.
        "chain-5000": {
            var files = ["ke-hoach.md.mustache": "{{> c0}}\n"]
            for i in 0..<5_000 { files["c\(i).mustache"] = "{{> c\(i + 1)}}\n" }
            files["c5000.mustache"] = "{{{title}}}\n"
            return files
        },
        // A 2 MB template: no document template is that large.
        "huge-template": { ["ke-hoach.md.mustache": String(repeating: "Thi đua yêu nước. ", count: 110_000)] },
        // One level only, but 1,000 inclusions of a 2 KB partial.
        "wide-fan": {
            ["ke-hoach.md.mustache": String(repeating: "{{> p}}", count: 1_000),
             "p.mustache": String(repeating: "Thi đua yêu nước. ", count: 100) + "{{{title}}}\n"]
        },
        // 100,000 tags in 900 KB: the engine's parser is quadratic and would take minutes.
        "many-tags": { ["ke-hoach.md.mustache": String(repeating: "{{title}}", count: 100_000)] },
    ]

    /// Every case in `folder` (one sub-folder per committed case) and the generated ones, sorted.
    public static func names(in folder: URL) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let folders = entries.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        return (folders + generated.keys).sorted()
    }
}
