import Foundation
import TestFixtures
import Testing
import CLibZip
@testable import ThiDuaDocx
import ThiDuaKit
import ThiDuaWorkspace

/// Paths, example documents and their Word files, shared by the docx tests.
enum DocxTestSupport {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let expected = packageRoot.appendingPathComponent("Tests/ThiDuaDocxTests/Expected")
    static let scripts = packageRoot.appendingPathComponent("Tests/ThiDuaDocxTests/Scripts")

    /// Every example document.
    static let examples = ["ke-hoach-tinh-2025", "ke-hoach-phuong-2025", "huong-dan-tinh-2025", "bao-cao-so-ket-2025"]

    static func example(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Examples/\(name)")
    }

    /// An example as `thidua render` makes it: loaded, its cited documents opened and
    /// checked, a report's figure files read and its results composed (the workspace's
    /// document job, with no output).
    static func loadExample(_ name: String) throws -> Document {
        let path = example("\(name).yaml").path
        let workspace = try Workspace()
        let job = DocumentJob(workspace: workspace, templates: try TemplateSet(), kinds: [])
        let result = job.run(file: path, bytes: try workspace.readDataFile(path))
        #expect(!result.failed, "\(result.diagnostics) \(String(describing: result.error))")
        return try #require(result.document)
    }

    /// The .docx of an example with the built-in templates.
    static func docx(_ name: String) throws -> DocxOutput {
        try DocxWriter(templates: TemplateSet()).write(loadExample(name))
    }

    /// The parts of a .docx, by path, read back from its zip.
    static func parts(_ bytes: [UInt8]) throws -> [String: String] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        defer { buffer.deallocate() }
        bytes.withUnsafeBytes { if let base = $0.baseAddress { buffer.baseAddress?.copyMemory(from: base, byteCount: $0.count) } }
        let source = try #require(zip_source_buffer_create(buffer.baseAddress, zip_uint64_t(bytes.count), 0, &error))
        // ZIP_CHECKCONS: the central directory must agree with the local headers.
        let archive = try #require(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error), "không phải tệp zip hợp lệ")
        defer { zip_discard(archive) }
        var parts: [String: String] = [:]
        for index in 0..<zip_get_num_entries(archive, 0) {
            var info = zip_stat_t()
            zip_stat_init(&info)
            #expect(zip_stat_index(archive, zip_uint64_t(index), 0, &info) == 0)
            let name = String(cString: try #require(info.name))
            let file = try #require(zip_fopen_index(archive, zip_uint64_t(index), 0))
            var data = [UInt8](repeating: 0, count: Int(info.size))
            let read = data.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, info.size) }
            zip_fclose(file)
            #expect(read == Int64(info.size), "\(name): CRC hay độ dài sai")
            parts[name] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    /// A new empty folder, removed with the rest when the test process exits.
    static func tempFolder() throws -> URL {
        try ScratchFolder.make("thidua-docx")
    }

    /// Every example's .docx (and the guidance's task list) written to a new folder,
    /// named after the example; `THIDUA_DOCX_OUT` keeps a copy there for a look by hand.
    static func writeExamples() throws -> (folder: URL, files: [URL]) {
        let folder = try tempFolder()
        var files: [URL] = []
        for name in examples {
            let url = folder.appendingPathComponent("\(name).docx")
            try Data(docx(name).bytes).write(to: url)
            files.append(url)
        }
        let guidance = try loadExample("huong-dan-tinh-2025")
        let tasks = try DocxWriter(templates: TemplateSet()).write(TaskList(documents: [guidance]), documents: [guidance])
        let url = folder.appendingPathComponent("huong-dan-tinh-2025-nhiem-vu.docx")
        try Data(tasks.bytes).write(to: url)
        files.append(url)
        if let keep = ProcessInfo.processInfo.environment["THIDUA_DOCX_OUT"] {
            try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            for file in files {
                let target = URL(fileURLWithPath: keep).appendingPathComponent(file.lastPathComponent)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: file, to: target)
            }
        }
        return (folder, files)
    }
}
