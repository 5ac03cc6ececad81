/// What a file is, from its bytes rather than its name: a clerk's "so-lieu.xlsx" may be a
/// CSV renamed, an old .xls, or an HTML page a web portal saved as .xls.
public enum XlsxContent {
    /// The first bytes of a zip (a local file header, or the end record of an empty zip).
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let emptyZipMagic: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    /// An OLE2 compound file: .xls, and also a password-protected .xlsx.
    static let ole2Magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// True when the bytes are a spreadsheet container (zip or OLE2) rather than text: the
    /// workbook reader should get them, not the CSV reader.
    public static func isSpreadsheetContainer<C: Collection>(_ prefix: C) -> Bool where C.Element == UInt8 {
        prefix.starts(with: zipMagic) || prefix.starts(with: emptyZipMagic) || prefix.starts(with: ole2Magic)
    }

    /// True when the workbook reader should have the file: a spreadsheet container, or a
    /// file named as a spreadsheet whose content is plainly not CSV (a web page, XML, a
    /// PDF), which the reader refuses saying what it is. A CSV renamed .xlsx stays CSV.
    public static func isWorkbook<C: Collection>(prefix: C, name: String) -> Bool where C.Element == UInt8 {
        if isSpreadsheetContainer(prefix) { return true }
        let lower = name.lowercased()
        guard [".xlsx", ".xlsm", ".xls", ".ods"].contains(where: { lower.hasSuffix($0) }) else { return false }
        let head = String(decoding: prefix.prefix(512), as: UTF8.self).lowercased()
            .drop { $0 == "\u{FEFF}" || $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        return head.hasPrefix("<") || head.hasPrefix("%pdf") || head.hasPrefix("{\\rtf")
    }

    /// Refuses, with the right message, bytes that are not a zip.
    static func refuseIfNotZip(_ bytes: [UInt8], file: String) throws {
        if bytes.starts(with: zipMagic) || bytes.starts(with: emptyZipMagic) { return }
        if bytes.starts(with: ole2Magic) {
            // A password-protected OOXML file is an OLE2 file with an "EncryptedPackage"
            // stream; its directory entry names it in UTF-16LE.
            let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if contains(bytes, name) { throw XlsxReadError.encrypted(file: file) }
            throw XlsxReadError.legacyExcel(file: file)
        }
        let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        if head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") {
            throw XlsxReadError.notAZip(file: file, looksLike: "trang web HTML lưu thành tệp Excel")
        }
        if head.contains("<?xml") && head.contains("urn:schemas-microsoft-com:office:spreadsheet") {
            throw XlsxReadError.notAZip(file: file, looksLike: "bảng tính XML 2003")
        }
        if bytes.starts(with: Array("%PDF".utf8)) {
            throw XlsxReadError.notAZip(file: file, looksLike: "tệp PDF")
        }
        throw XlsxReadError.notAZip(file: file, looksLike: nil)
    }

    /// Refuses zips that are another kind of document.
    static func refuseOtherPackages(_ package: XlsxPackage, file: String) throws {
        if let mimetype = try? package.bytes(of: "mimetype", cap: 256) {
            let type = String(decoding: mimetype, as: UTF8.self)
            if type.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") { throw XlsxReadError.openDocument(file: file) }
            if type.hasPrefix("application/vnd.oasis.opendocument") {
                throw XlsxReadError.notAWorkbook(file: file, found: "văn bản OpenDocument")
            }
        }
        if package.contains("EncryptedPackage") { throw XlsxReadError.encrypted(file: file) }
        if package.contains("word/document.xml") { throw XlsxReadError.notAWorkbook(file: file, found: "văn bản Word (.docx)") }
        if package.contains("ppt/presentation.xml") {
            throw XlsxReadError.notAWorkbook(file: file, found: "bản trình chiếu PowerPoint (.pptx)")
        }
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
