import Foundation

/// Golden files of the test targets: compare output with the expected file, or write it
/// anew when recording (`THIDUA_RECORD=1 swift test`; read the diff before committing).
public enum GoldenFile {
    /// True when the tests write the expected files instead of comparing.
    public static var recording: Bool { ProcessInfo.processInfo.environment["THIDUA_RECORD"] == "1" }

    /// nil when `actual` equals the file at `url` (or was just recorded there); otherwise
    /// what differs, in Vietnamese: the first line that differs, and within a long line the
    /// place where the two part.
    public static func mismatch(_ actual: String, expectedAt url: URL, name: String) throws -> String? {
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "thiếu tệp mẫu \(name): chạy THIDUA_RECORD=1 swift test"
        }
        guard actual != expected else { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "<hết>"
        let want = line < e.count ? String(e[line]) : "<hết>"
        guard got.count > 160 || want.count > 160 else {
            return "\(name) khác ở dòng \(line + 1):\n  có:  \(got)\n  cần: \(want)"
        }
        let common = zip(got, want).prefix { $0 == $1 }.count
        return "\(name) khác ở dòng \(line + 1), ký tự \(common + 1):\n  có:  …\(got.dropFirst(max(0, common - 60)).prefix(160))\n"
            + "  cần: …\(want.dropFirst(max(0, common - 60)).prefix(160))"
    }
}
