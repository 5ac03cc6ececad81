import Foundation
import TestFixtures
import ThiDuaKit
@testable import ThiDuaWorkspace

/// Temporary folders and example files for the workspace tests.
enum Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A new empty folder (real path, links resolved).
    static func folder() throws -> String {
        let url = try ScratchFolder.make("thidua-ws")
        return Workspace.realPath(url.path) ?? url.path
    }

    /// Copies `Examples/` into a new folder and returns the folder.
    static func examples() throws -> String {
        let folder = try folder()
        let source = packageRoot.appendingPathComponent("Examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(atPath: source.appendingPathComponent(name).path, toPath: "\(folder)/\(name)")
        }
        return folder
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// File name → contents of a folder (hidden files included).
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = FileManager.default.contents(atPath: "\(folder)/\(name)")
        }
        return result
    }
}
