import Foundation
import Testing
@testable import ThiDuaWorkspace

/// Real paths through the remembered folders are those `realpath(3)` gives, links included,
/// and a failure leaves `errno` saying why.
@Suite struct PathResolverTests {
    @Test func realFilesMatchRealpath() throws {
        let root = try Fixture.folder()
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/nhan-ve", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/khac", withIntermediateDirectories: true)
        try Fixture.write("x", to: root + "/nhan-ve/a.csv")
        try Fixture.write("y", to: root + "/khac/b.csv")
        try fm.createSymbolicLink(atPath: root + "/nhan-ve/lien-ket.csv", withDestinationPath: root + "/khac/b.csv")
        try fm.createSymbolicLink(atPath: root + "/thu-muc-lien-ket", withDestinationPath: root + "/khac")
        let resolver = PathResolver()
        let paths = ["nhan-ve/a.csv", "nhan-ve/lien-ket.csv", "thu-muc-lien-ket/b.csv", "nhan-ve/../khac/b.csv",
                     "nhan-ve/.", "nhan-ve/..", "nhan-ve/a.csv", "nhan-ve", "/"]
        for path in paths {
            let full = path.hasPrefix("/") ? path : root + "/" + path
            #expect(resolver.realFile(full) == Workspace.realPath(full), "\(path)")
        }
        #expect(resolver.realFile(root + "/nhan-ve/lien-ket.csv") == Workspace.realPath(root + "/khac/b.csv"))
        #expect(resolver.realFile(root + "/nhan-ve/thieu.csv") == nil)
        #expect(errno == ENOENT)
        #expect(resolver.realFile(root + "/khong-co/thieu.csv") == nil)
        #expect(errno == ENOENT)
        // A folder remembered as missing still lets a later file say why it is missing.
        #expect(resolver.realFile(root + "/khong-co/khac.csv") == nil)
        #expect(errno == ENOENT)
        #expect(resolver.realFile(root + "/nhan-ve/a.csv/x") == nil)
        #expect(errno == ENOTDIR)
    }
}
