import Foundation
import FuzzDriver
import ThiDuaKit

/// Template sets from arbitrary bytes: the input is a `--templates` folder, files
/// separated by byte 0x01, each `NAME\nTEXT` (the name gets `.mustache` if it lacks it).
/// The set must be refused with a template error, or render the example plan in every
/// format: never crash, overflow the stack, hang or grow without bound (libFuzzer's
/// -timeout and -rss_limit_mb catch the last two).
enum TemplatesHarness {
    /// The example plan (fuzz.sh runs from the package root). The document is loaded afresh
    /// for each accepted set: a loaded document kept in a global is reported by
    /// LeakSanitizer at exit (its enum payloads carry tag bits in their pointers), which
    /// would mask real leaks.
    static let planText: [UInt8] = FileManager.default.contents(atPath: "Examples/ke-hoach-tinh-2025.yaml").map { [UInt8]($0) } ?? []

    /// The folder the bytes describe.
    static func files(_ bytes: [UInt8]) -> [String: String] {
        var files: [String: String] = [:]
        for chunk in bytes.split(separator: 0x01, omittingEmptySubsequences: false) {
            let newline = chunk.firstIndex(of: 0x0A) ?? chunk.endIndex
            let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-_".utf8)
            var name = String(decoding: chunk[..<newline].filter { allowed.contains($0) }, as: UTF8.self)
            if name.isEmpty { name = "x" }
            if !name.hasSuffix(".mustache") { name += ".mustache" }
            let text = newline < chunk.endIndex ? String(decoding: chunk[(newline + 1)...], as: UTF8.self) : ""
            files[name] = text
        }
        return files
    }

    static func run(_ bytes: [UInt8]) {
        let templates: TemplateSet
        do {
            templates = try TemplateSet(overrides: files(bytes), overrideFolder: "mau")
        } catch let error as ThiDuaError {
            guard case .template = error, error.description.hasPrefix("mau/") || error.description.hasPrefix("<mẫu có sẵn>/") else {
                FileHandle.standardError.write(Data("lỗi không đúng dạng: \(error)\n".utf8))
                abort()
            }
            return
        } catch {
            FileHandle.standardError.write(Data("lỗi lạ: \(error)\n".utf8))
            abort()
        }
        let (document, diagnostics) = Renderer.load(bytes: planText, file: "ke-hoach.yaml")
        guard let document, !diagnostics.hasErrors else { return }
        _ = try? Renderer.render(document, formats: OutputFormat.allCases, templates: templates, width: 80)
    }
}

@main
enum FuzzTemplates {
    static func main() {
        guard !TemplatesHarness.planText.isEmpty else {
            FileHandle.standardError.write(Data("fuzz-templates: chạy từ thư mục gốc của gói (cần Examples/ke-hoach-tinh-2025.yaml)\n".utf8))
            exit(2)
        }
        FuzzDriver.run(harness: TemplatesHarness.run)
    }
}
