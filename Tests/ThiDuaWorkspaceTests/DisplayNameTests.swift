import Foundation
import Testing
import BenchSupport
@testable import ThiDuaWorkspace

/// File labels are worked out on the path's segments; they must be exactly what
/// Foundation's URL standardization gave.
@Suite struct DisplayNameTests {
    @Test func segmentsStandardizeAsURLsDo() {
        let pieces = ["a", "bao-cao", "nhận về", "..", ".", "Tổng hợp.xlsx", "x%20y", "~", "so lieu", "a.b", "...", "-", "đơn vị 01.xlsx"]
        var paths = ["/", "/..", "/../a", "..", ".", "./a", "a/..", "/a/b/../../..", "a/./b", "/tmp", "../../x.csv"]
        var random = SplitMix64(seed: 31)
        for _ in 0 ..< 3_000 {
            let n = 1 + Int(random.next() % 6)
            let path = (0 ..< n).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(separator: "/")
            paths.append(random.next() % 3 == 0 ? "/" + path : path)
        }
        // URL resolves a relative path from the process's working folder.
        let cwd = FileManager.default.currentDirectoryPath + "/"
        for path in paths + paths.map({ "./" + $0 }) + ["~", "~/a", "~root/a", "a//b", "a/", "/a/b/", ""] {
            #expect(Workspace.standardizedPath(path, in: cwd) == URL(fileURLWithPath: path).standardizedFileURL.path, "\(path)")
        }
    }

    /// Foundation follows the links of a path with "..": "link/../x" is the link target's
    /// neighbour, which the label must name, not the link's.
    @Test func dotDotThroughALinkIsTheTargetsParent() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-label-\(UInt32.random(in: 0 ... .max))").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base + "/real/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: base + "/real/sub")
        FileManager.default.createFile(atPath: base + "/real/x.xlsx", contents: Data())
        let path = base + "/link/../x.xlsx"
        let expected = URL(fileURLWithPath: path).standardizedFileURL.path
        #expect(Workspace.standardizedPath(path, in: "/") == expected)
        #expect(expected.hasSuffix("/real/x.xlsx"))
    }

    @Test func labelsAreRelativeToTheWorkingFolder() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(Workspace.displayName("./bao-cao/../so-lieu.csv") == "so-lieu.csv")
        #expect(Workspace.displayName(cwd + "/a/b.xlsx") == "a/b.xlsx")
        #expect(Workspace.displayName("/") == "/")
    }
}
