import Foundation
import Testing

/// pandoc, an independent Markdown reader, must see the structure we meant:
/// the header and signature as tables, sections as headings, bullets as lists.
@Suite("pandoc reads the Markdown")
struct PandocTests {
    struct Structure {
        var headings: [(level: Int, text: String)] = []
        var tables = 0
        var bulletLists = 0
        var orderedLists = 0
    }

    /// pandoc's reading of a Markdown file as GitHub-flavoured Markdown (its JSON AST).
    static func ast(of markdown: URL) throws -> Any? {
        guard let pandoc = Run.which("pandoc") else {
            Issue.record("cần pandoc (scripts/test.sh cài gói pandoc)")
            return nil
        }
        let result = try Run.program(pandoc, ["-f", "gfm", "-t", "json", markdown.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    static func structure(of markdown: URL) throws -> Structure {
        guard let json = try ast(of: markdown) else { return Structure() }
        var structure = Structure()
        func text(_ inlines: Any) -> String {
            guard let items = inlines as? [[String: Any]] else { return "" }
            return items.map { item -> String in
                switch item["t"] as? String {
                case "Str": return item["c"] as? String ?? ""
                case "Space": return " "
                case "Strong", "Emph": return text(item["c"] as Any)
                default: return ""
                }
            }.joined()
        }
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                switch object["t"] as? String {
                case "Header":
                    if let c = object["c"] as? [Any], let level = c.first as? Int, c.count == 3 {
                        structure.headings.append((level, text(c[2])))
                    }
                case "Table": structure.tables += 1
                case "BulletList": structure.bulletLists += 1
                case "OrderedList": structure.orderedLists += 1
                default: break
                }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(json)
        return structure
    }

    /// The Markdown the binary writes now for an example (not a committed golden file:
    /// pandoc must judge what a clerk would get).
    static func freshMarkdown(_ example: String) throws -> URL {
        let out = try Run.tempFolder()
        let result = try Run.thidua(["render", "Examples/\(example)", "--format", "md", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".md") }
        #expect(written.count == 1)
        return out.appendingPathComponent(written.first ?? "khong-co.md")
    }

    @Test func planHasHeaderAndSignatureTablesHeadingsAndLists() throws {
        let md = try Self.freshMarkdown("ke-hoach-tinh-2025.yaml")
        let s = try Self.structure(of: md)
        #expect(s.tables == 2)
        #expect(s.headings.first.map { $0.level == 1 && $0.text == "KẾ HOẠCH" } == true)
        let sections = s.headings.filter { $0.level == 2 }.map(\.text)
        #expect(sections == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG THI ĐUA", "III. BIỆN PHÁP TỔ CHỨC THỰC HIỆN"])
        #expect(s.headings.contains { $0.level == 4 && $0.text == "1.1. Công đoàn trong doanh nghiệp" })
        #expect(s.bulletLists >= 4)
        // Lettered points and "1." sentences are text, never ordered lists.
        #expect(s.orderedLists == 0)
    }

    @Test func guidanceHasFourNumberingLevels() throws {
        let md = try Self.freshMarkdown("huong-dan-tinh-2025.yaml")
        let s = try Self.structure(of: md)
        #expect(s.tables == 2)
        #expect(s.headings.contains { $0.level == 2 && $0.text == "III. TỔ CHỨC THỰC HIỆN" })
        #expect(s.headings.contains { $0.level == 3 && $0.text == "1. Xây dựng kế hoạch và chỉ tiêu" })
        #expect(s.headings.contains { $0.level == 4 && $0.text == "1.1. Ở Công đoàn cấp trên trực tiếp cơ sở" })
        #expect(s.orderedLists == 0)
    }
}
