import CLibZip
import Foundation
import ThiDuaKit

/// The parts of a .docx (an Open Packaging Conventions zip) and how they are put
/// together: each part is rendered from its template, then all are zipped in memory.
enum DocxPackage {
    /// A part: where it goes in the zip and the template it comes from. The main part's
    /// template depends on the document's kind (`ke-hoach.docx`, …), the others are shared.
    struct Part {
        var path: String
        var template: String
    }

    /// Every part but the main document, in the order they are zipped ([Content_Types].xml
    /// first, as Word writes it). Content types and relationships of these names are in
    /// the templates `content-types.docx` and `document-rels.docx`.
    static func parts(main: String) -> [Part] {
        [
            Part(path: "[Content_Types].xml", template: "content-types.docx"),
            Part(path: "_rels/.rels", template: "package-rels.docx"),
            Part(path: "docProps/core.xml", template: "core.docx"),
            Part(path: "docProps/app.xml", template: "app.docx"),
            Part(path: "word/document.xml", template: main),
            Part(path: "word/_rels/document.xml.rels", template: "document-rels.docx"),
            Part(path: "word/styles.xml", template: "styles.docx"),
            Part(path: "word/settings.xml", template: "settings.docx"),
            Part(path: "word/header1.xml", template: "header-page.docx"),
            Part(path: "word/header2.xml", template: "header-first.docx"),
        ]
    }

    /// Renders every part with `context`. Whitespace before the XML declaration (left by
    /// a template's comment or partial lines) is removed: XML allows none there.
    ///
    /// With templates from the user's folder, each part is parsed once made: a template that
    /// renders what is not XML (or nothing) would give a file Word refuses to open, written
    /// with success; it is a template error instead, naming the template and the place.
    static func render(_ context: TemplateValue, main: String, templates: TemplateSet) throws -> [(path: String, xml: String)] {
        let object = TemplateObject(context)
        let verify = templates.isCustomized
        return try parts(main: main).map { part in
            var xml = try templates.renderPart(object: object, name: part.template)
            if let start = xml.firstIndex(where: { !$0.isWhitespace }), start != xml.startIndex {
                xml.removeSubrange(xml.startIndex..<start)
            }
            if verify, let fault = WellFormedXML.fault(in: xml) {
                throw ThiDuaError.template(file: templates.origin(of: part.template), line: 0, column: 0,
                                           message: "phần \(part.path) của tệp Word điền từ mẫu này không phải XML hợp lệ (dòng \(fault.line), cột \(fault.column) của phần đã điền: \(fault.message)); sửa mẫu cho đúng cú pháp XML")
            }
            return (part.path, xml)
        }
    }

    /// The zip of `parts`, deflated, every entry dated `date` (so the same document always
    /// gives the same bytes). Written by libzip into a buffer in memory: the project's one
    /// zip library (the xlsx reader's too), and nothing touches the disk.
    static func zip(_ parts: [(path: String, xml: String)], date: CivilDate?) throws -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let buffer = zip_source_buffer_create(nil, 0, 0, &error) else { throw failure("không tạo được bộ đệm") }
        guard let archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error) else {
            zip_source_free(buffer)
            throw failure("không mở được tệp nén trong bộ nhớ")
        }
        // The archive now owns `buffer` and writes into it when closed: keep it after that.
        zip_source_keep(buffer)
        defer { zip_source_free(buffer) }
        let modified = time_t(Self.date(date).timeIntervalSince1970)
        for part in parts {
            let bytes = Array(part.xml.utf8)
            // libzip frees the copy (freep = 1) once the archive is written.
            guard let copy = malloc(max(bytes.count, 1)) else {
                zip_discard(archive)
                throw failure("hết bộ nhớ")
            }
            bytes.withUnsafeBytes { source in
                if let base = source.baseAddress { copy.copyMemory(from: base, byteCount: source.count) }
            }
            guard let data = zip_source_buffer(archive, copy, zip_uint64_t(bytes.count), 1) else {
                free(copy)
                zip_discard(archive)
                throw failure("không thêm được phần \(part.path)")
            }
            let index = zip_file_add(archive, part.path, data, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(data)
                zip_discard(archive)
                throw failure("không thêm được phần \(part.path)")
            }
            let entry = zip_uint64_t(index)
            guard zip_set_file_compression(archive, entry, ZIP_CM_DEFLATE, 6) == 0,
                  zip_file_set_mtime(archive, entry, modified, 0) == 0 else {
                zip_discard(archive)
                throw failure("không đặt được cách nén phần \(part.path)")
            }
        }
        guard zip_close(archive) == 0 else {
            zip_discard(archive)
            throw failure("không ghi được tệp nén")
        }
        return try contents(of: buffer)
    }

    /// The bytes libzip wrote into `buffer`.
    static func contents(of buffer: OpaquePointer) throws -> [UInt8] {
        guard zip_source_open(buffer) == 0 else { throw failure("không đọc lại được tệp nén") }
        defer { zip_source_close(buffer) }
        guard zip_source_seek(buffer, 0, SEEK_END) == 0 else { throw failure("không đọc lại được tệp nén") }
        let size = zip_source_tell(buffer)
        guard size >= 0, zip_source_seek(buffer, 0, SEEK_SET) == 0 else { throw failure("không đọc lại được tệp nén") }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        let read = bytes.withUnsafeMutableBytes { zip_source_read(buffer, $0.baseAddress, zip_uint64_t(size)) }
        guard read == size else { throw failure("không đọc lại được tệp nén") }
        return bytes
    }

    static func failure(_ message: String) -> ThiDuaError {
        .output(path: "", message: "tệp .docx: \(message)")
    }

    /// Noon of `date` in UTC (1 January 1980, the first day a zip can hold, without one):
    /// a zip stores local time without a zone, and noon keeps the day whatever zone the
    /// reader assumes. Computed with timegm, not Calendar, which would load ICU's data
    /// (milliseconds of a short run).
    static func date(_ date: CivilDate?) -> Date {
        guard let date, date.year >= 1980 else { return Date(timeIntervalSince1970: 315_532_800) }
        var time = tm()
        time.tm_year = Int32(date.year - 1900)
        time.tm_mon = Int32(date.month - 1)
        time.tm_mday = Int32(date.day)
        time.tm_hour = 12
        return Date(timeIntervalSince1970: TimeInterval(timegm(&time)))
    }
}
