import Foundation
import PropertyBased
import Testing
@testable import ThiDuaKit

/// Output file names come from data a clerk (or anyone) typed; whatever the
/// data, the name must be one plain component inside the output folder.
@Suite("Output names from hostile data")
struct OutputNameTests {
    /// What every name must look like: letters, digits, `.`, `_`, `-`, not
    /// starting with `.` or `-`, short, never `.`/`..`, never a device name.
    static func isSafe(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 120, name != ".", name != ".." else { return false }
        guard let first = name.unicodeScalars.first, first != ".", first != "-" else { return false }
        let allowed = name.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "." || s == "_" || s == "-")
        }
        let devices = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })
        let stem = name.split(separator: ".").first.map { $0.uppercased() } ?? ""
        return allowed && !devices.contains(stem)
    }

    static let hostileSymbols = [
        "../../etc/x", "/", "/etc/passwd", "..", ".", "a/../../b", "..\\..\\windows", "KH\u{1}\u{7}\u{1B}[31m",
        "KH\nLĐLĐ", "CON", "con", "NUL.txt", "COM1", "lpt9", ".hidden", "-rf", "~", "*", "?", "KH:LĐLĐ",
        String(repeating: "Đ", count: 5_000), String(repeating: "../", count: 300), "\u{202E}fdp.exe", "🙂🙂",
    ]

    @Test(arguments: hostileSymbols)
    func baseNameFromAHostileSymbolIsSafe(_ symbol: String) throws {
        // Built through the loader, so the name is what `render` would use.
        let escaped = symbol.unicodeScalars.map { s -> String in
            switch s {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case _ where s.value < 0x20: return String(format: "\\x%02X", s.value)
            default: return String(s)
            }
        }.joined()
        let yaml = TestSupport.minimalPlan.replacingOccurrences(of: "ky_hieu: KH-LĐLĐ", with: "ky_hieu: \"\(escaped)\"")
        let document = try #require(TestSupport.load(yaml).0, "\(TestSupport.load(yaml).1)")
        let name = OutputName.base(for: document)
        #expect(Self.isSafe(name), "\(symbol.debugDescription) → \(name)")
        // And joined to a folder it stays in that folder.
        let folder = URL(fileURLWithPath: "/tmp/ra")
        let path = folder.appendingPathComponent(name + ".md").standardizedFileURL
        #expect(path.deletingLastPathComponent().path == folder.path)
    }

    @Test(arguments: hostileSymbols + ["", "   ", "-", "...", "-.-", "CON.md", "aux.tar.gz"])
    func sanitizeAloneIsSafe(_ raw: String) {
        #expect(Self.isSafe(OutputName.sanitize(raw)), "\(raw.debugDescription) → \(OutputName.sanitize(raw))")
    }

    @Test func ordinaryNamesAreKeptReadable() throws {
        let document = try #require(TestSupport.load(TestSupport.minimalPlan).0)
        #expect(OutputName.base(for: document) == "05-KH-LDLD-2025")
        #expect(OutputName.sanitize("CON") == "van-ban-CON")
        #expect(OutputName.sanitize("../../etc/x") == "etc-x")
    }

    @Test func anyStringGivesASafeName() async {
        let scalars = Gen.unicodeScalar(in: "\u{0}"..."\u{2FF}")
        await propertyCheck(input: scalars.array(of: 0...40)) { list in
            let raw = String(String.UnicodeScalarView(list))
            #expect(Self.isSafe(OutputName.sanitize(raw)), "\(raw.debugDescription)")
        }
    }
}
