import Foundation
import Testing
@testable import ThiDuaKit

/// A small, deterministic cousin of the libFuzzer run (scripts/fuzz.sh) that
/// CI can afford: the examples, damaged the way files get damaged (cut
/// short, lines lost or doubled, a stray tab, colon, quote, NBSP or NUL),
/// must load and render without crashing, and every error must come with
/// a fix.
@Suite("Damaged examples never crash")
struct MutationTests {
    /// SplitMix64: the same damage on every run, so a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let strays: [[UInt8]] = ["\t", ":", ": ", "- ", "[", "{", "\"", "'", "#", "&a ", "*a", "!x ", "|", "%", "@",
                                    "\u{00A0}", "\u{200B}", "\u{FEFF}", "\r", "\\"].map { Array($0.utf8) } + [[0x00], [0xC3], [0xFF]]

    static func damage(_ bytes: [UInt8], _ random: inout Seeded) -> [UInt8] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        switch Int.random(in: 0..<6, using: &random) {
        case 0:  // cut short, maybe mid-character
            return Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        case 1 where lines.count > 1:
            lines.remove(at: Int.random(in: 0..<lines.count, using: &random))
        case 2 where !lines.isEmpty:
            let index = Int.random(in: 0..<lines.count, using: &random)
            lines.insert(lines[index], at: index)
        case 3 where lines.count > 1:
            lines.swapAt(Int.random(in: 0..<lines.count, using: &random), Int.random(in: 0..<lines.count, using: &random))
        default:
            var result = bytes
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let stray = strays.randomElement(using: &random) ?? []
                result.insert(contentsOf: stray, at: Int.random(in: 0...result.count, using: &random))
            }
            return result
        }
        return Array(lines.joined(separator: [0x0A]))
    }

    @Test(arguments: ["ke-hoach-tinh-2025.yaml", "ke-hoach-phuong-2025.yaml", "huong-dan-tinh-2025.yaml"])
    func damagedExamplesLoadAndRenderWithoutCrashing(_ name: String) throws {
        let original = [UInt8](try Data(contentsOf: TestSupport.example(name)))
        let templates = try TemplateSet()
        var random = Seeded(state: UInt64(name.utf8.count) &* 7919)
        var refused = 0, rendered = 0
        for round in 0..<400 {
            let bytes = Self.damage(original, &random)
            let (document, diagnostics) = Renderer.load(bytes: bytes, file: name)
            for diagnostic in diagnostics where diagnostic.severity == .error {
                #expect(diagnostic.hint?.isEmpty == false, "round \(round): \(diagnostic)")
                #expect(!diagnostic.description.contains("\n"), "round \(round): \(diagnostic)")
            }
            if diagnostics.hasErrors { refused += 1 }
            if let document {
                rendered += 1
                for format in OutputFormat.allCases {
                    _ = try Renderer.render(document, format: format, templates: templates, width: 40 + round % 160)
                }
            }
        }
        // The damage must be real, and not so heavy that nothing renders.
        #expect(refused > 50 && rendered > 50, "\(refused) refused, \(rendered) rendered")
    }
}
