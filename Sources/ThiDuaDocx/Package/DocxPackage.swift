import Foundation
import ThiDuaKit
import ZIPFoundation

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
    static func render(_ context: TemplateValue, main: String, templates: TemplateSet) throws -> [(path: String, xml: String)] {
        let object = context.mustacheObject
        return try parts(main: main).map { part in
            var xml = try templates.renderPart(object: object, name: part.template)
            if let start = xml.firstIndex(where: { !$0.isWhitespace }), start != xml.startIndex {
                xml.removeSubrange(xml.startIndex..<start)
            }
            return (part.path, xml)
        }
    }

    /// The zip of `parts`, deflated, every entry dated `date` (so the same document always
    /// gives the same bytes).
    static func zip(_ parts: [(path: String, xml: String)], date: CivilDate?) throws -> [UInt8] {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw ThiDuaError.output(path: "", message: "không tạo được tệp nén .docx trong bộ nhớ (\(error))")
        }
        let modified = Self.date(date)
        for part in parts {
            let data = Data(part.xml.utf8)
            do {
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                                     compressionMethod: .deflate, bufferSize: 1 << 16) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                throw ThiDuaError.output(path: part.path, message: "không ghi được phần \(part.path) vào tệp .docx (\(error))")
            }
        }
        guard let bytes = archive.data else {
            throw ThiDuaError.output(path: "", message: "không lấy được nội dung tệp .docx từ bộ nhớ")
        }
        return [UInt8](bytes)
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
