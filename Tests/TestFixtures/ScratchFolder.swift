import Foundation

/// Temporary folders for tests. They all go under one folder of this test process,
/// which is removed when the process exits. Tests that make a folder per case (the
/// end-to-end, workspace and Word tests) used to leave about 500 folders in the system's
/// temporary folder on every run of the suite.
public enum ScratchFolder {
    /// The process's own folder, made on first use; its removal is registered then.
    private static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("thidua-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { ScratchFolder.removeRoot() }
        return url
    }()

    private static func removeRoot() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A new empty folder named `prefix` and a unique suffix.
    public static func make(_ prefix: String) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
