import CLibZip
import CSheetXML
import Foundation
import Testing
@testable import ThiDuaKit
@testable import ThiDuaXlsxReader

/// Sheets are read by pugixml in segments cut between rows (`XlsxSheetSegments`), and
/// left to libxml2 whenever that reading cannot stand behind the bytes. Whatever the cuts
/// and however the bytes arrive, the rows and findings must be libxml2's own.
@Suite struct SheetSegmentsTests {
    static let strings = ["Đơn vị", "Cụm 1", "CĐCS A", "Tổng"]

    /// What one reading of a sheet gave.
    struct Reading: Equatable {
        var records: [FigureRecord] = []
        var misplaced: String?
        var beyond = 0
        var badStrings = 0
        var rowsWithValues = 0
    }

    static func rows(_ emit: @escaping (FigureRecord) -> Bool) -> XlsxSheetRows {
        XlsxSheetRows(sheet: "T", strings: strings, dates: XlsxDateStyles(), maxColumns: 6, emit: emit)
    }

    static func summary(_ rows: XlsxSheetRows, _ records: [FigureRecord]) -> Reading {
        Reading(records: records, misplaced: rows.misplaced.map { "\($0.row):\($0.element)" },
                beyond: rows.cellsBeyond, badStrings: rows.badStringIndices, rowsWithValues: rows.rowsWithValues)
    }

    /// The segment reader, the bytes handed over `piece` at a time, cut every `segment` bytes.
    static func segmented(_ xml: String, segment: Int, piece: Int, stopAfter: Int = .max) -> (XlsxSheetSegments.Outcome, Reading) {
        var records: [FigureRecord] = []
        let handler = rows { records.append($0); return records.count < stopAfter }
        let bytes = Array(xml.utf8)
        var offset = 0
        let outcome = (try? XlsxSheetSegments.read(into: handler, segmentBytes: segment) { buffer, count in
            let n = min(count, piece, bytes.count - offset)
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
            offset += n
            return n
        }) ?? .leftToLibXML
        return (outcome, summary(handler, records))
    }

    /// libxml2's streaming reading: the reference.
    static func strict(_ xml: String, stopAfter: Int = .max) -> (XMLReadFailure?, Reading) {
        var records: [FigureRecord] = []
        let handler = rows { records.append($0); return records.count < stopAfter }
        let parser = XMLEventParser(handler: handler)
        handler.parser = parser
        let bytes = Array(xml.utf8)
        bytes.withUnsafeBytes { parser.feed($0) }
        parser.finish()
        return (parser.failure, summary(handler, records))
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func sheet(_ rows: String, head: String = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n",
                      tail: String = "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>") -> String {
        head + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            + "<dimension ref=\"A1:F9\"/><cols><col min=\"1\" max=\"2\" width=\"30\"/></cols><sheetData>"
            + rows + "</sheetData>" + tail + "</worksheet>"
    }

    /// Sheets the segment reader must read exactly as libxml2 does.
    static let readable: [(String, String)] = [
        ("shared strings, numbers, gaps", sheet("""
            <row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
            <row r="2"><c r="A2" t="s"><v>2</v></c><c r="C2"><v>12</v></c><c r="D2" s="3"/><c r="E2"><v>1.5E+3</v></c></row>\
            <row r="7" hidden="1"><c r="A7" t="s"><v>3</v></c><c r="B7"><f>SUM(B2:B6)</f><v>40</v></c><c r="C7"><f>B7*2</f></c></row>
            """)),
        ("rows and cells without numbers", sheet("""
            <row><c t="inlineStr"><is><t>Một</t></is></c><c><v>1</v></c></row><row/><row><c/><c><v>2</v></c></row>\
            <row r="9"><c><v>3</v></c></row><row><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c><c t="str"><v>chữ</v></c></row>
            """)),
        ("text with entities, CDATA, spaces, phonetics", sheet("""
            <row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">  Hội &amp; Đoàn &lt;1&gt; &#x1EA1;&#7841; &quot;x&apos; </t></is></c>\
            <c r="B1" t="inlineStr"><is><r><t>Cụm</t></r><r><rPr><b/></rPr><t> 2</t></r><rPh><t>ignored</t></rPh></is></c>\
            <c r="C1" t="inlineStr"><is><t><![CDATA[a < b > c]]></t></is></c><c r="D1" t="inlineStr"><is><t>dòng\r\nhai</t></is></c></row>
            """)),
        ("comments and instructions between rows, one naming a row", sheet("""
            <row r="1"><c r="A1"><v>1</v></c></row><!-- <row r="2"><c r="A2"><v>99</v></c></row> -->\
            <?thidua <row r="3"> ?><row r="4"><c r="A4"><v>4</v></c></row>\n  <row r="5">\n <c r="A5"><v>5</v></c>\n</row>\n
            """)),
        ("prefixed names and declarations", """
            <x:worksheet xmlns:x="\(main)" xmlns:r="\(relations)"><x:sheetData>\
            <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>\
            <x:row r="2"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="B2"><x:v>8</x:v></x:c></x:row></x:sheetData></x:worksheet>
            """),
        ("a byte order mark", "\u{FEFF}" + sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c></row>", head: "")),
        ("cells far right and broken string links", sheet("""
            <row r="1"><c r="A1"><v>1</v></c><c r="H1"><v>8</v></c><c r="XFD1"><v>9</v></c></row>\
            <row r="2"><c r="A2" t="s"><v>17</v></c><c r="B2" t="s"><v>x</v></c></row>
            """)),
        ("rows named in an extension after the data", sheet(
            "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c></row>",
            tail: "<extLst><ext uri=\"{x}\"><row xmlns=\"urn:other\" r=\"40\"><c><v>5</v></c></row><row r=\"41\"/></ext></extLst>")),
        ("empty data", sheet("")),
        ("no data element content", sheet("", head: "").replacingOccurrences(of: "<sheetData></sheetData>", with: "<sheetData/>")),
        ("misplaced cell outside a row", sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><c r=\"A2\"><v>2</v></c><row r=\"3\"><c><v>3</v></c></row>")),
    ]

    static let mayBeLeft: Set = ["rows named in an extension after the data", "comments and instructions between rows, one naming a row"]

    @Test func anAmpersandInCDATALeavesTheSheetToLibXML() {
        let xml = Self.sheet("<row r=\"1\"><c t=\"inlineStr\"><is><t><![CDATA[a & b]]></t></is></c></row>")
        #expect(Self.segmented(xml, segment: 1 << 20, piece: 1 << 18).0 == .leftToLibXML)
        #expect(Self.strict(xml).1.records.first?.cells == [.text("a & b")])
    }

    @Test(arguments: readable.indices)
    func segmentsReadAsLibXMLDoes(_ index: Int) {
        let (what, xml) = Self.readable[index]
        let (failure, expected) = Self.strict(xml)
        if what != "misplaced cell outside a row" { #expect(failure == nil, "\(what)") }
        for segment in [1, 40, 200, 1 << 20] {
            for piece in [1, 3, 64, 1 << 18] {
                let (outcome, reading) = Self.segmented(xml, segment: segment, piece: piece)
                // A cut inside a comment, or an ampersand in CDATA or a comment, leaves
                // the sheet to libxml2 (Excel and LibreOffice write neither): a slower
                // reading, never another one.
                if Self.mayBeLeft.contains(what), outcome == .leftToLibXML, segment < 1 << 20 { continue }
                #expect(outcome != .leftToLibXML, "\(what), segment \(segment), piece \(piece)")
                #expect(reading == expected, "\(what), segment \(segment), piece \(piece)")
            }
        }
    }

    @Test func aStopWantedStopsTheSegmentsWhereLibXMLStops() {
        let xml = Self.sheet((1...50).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined())
        let (_, expected) = Self.strict(xml, stopAfter: 7)
        #expect(expected.records.count == 7)
        for segment in [1, 100, 1 << 20] {
            let (outcome, reading) = Self.segmented(xml, segment: segment, piece: 50, stopAfter: 7)
            #expect(outcome == .stopped)
            #expect(reading.records == expected.records)
        }
    }

    /// Sheets the segment reader must leave to libxml2, whatever the cuts: libxml2 then
    /// refuses them, or reads them (another encoding).
    static let leftAlone: [(String, String)] = [
        ("a DTD", "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY e \"xxxxxxxx\">]>" + sheet("<row r=\"1\"><c><v>&e;</v></c></row>", head: "")),
        ("another encoding", sheet("<row r=\"1\"><c><v>1</v></c></row>", head: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")),
        ("an unknown entity late", sheet(rows(20) + "<row r=\"30\"><c t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row>")),
        ("a reference to no character", sheet(rows(20) + "<row r=\"30\"><c t=\"inlineStr\"><is><t>&#0;</t></is></c></row>")),
        ("a control character", sheet(rows(20) + "<row r=\"30\"><c t=\"inlineStr\"><is><t>a\u{1}b</t></is></c></row>")),
        ("an unclosed row at the end", sheet(rows(20) + "<row r=\"30\"><c><v>1</v></c>")),
        ("a mismatched end tag in the middle", sheet(rows(10) + "<row r=\"15\"><c><v>1</v></x></row>" + rows(10))),
        ("a row inside a row", sheet(rows(10) + "<row r=\"15\"><c><v>1</v></c><row r=\"16\"/></row>" + rows(10))),
        ("a second root", sheet(rows(3)) + "<worksheet/>"),
        ("text after the root", sheet(rows(3)) + "oops"),
        ("no sheet data", "<worksheet xmlns=\"\(main)\"><dimension ref=\"A1\"/></worksheet>"),
    ]

    static func rows(_ count: Int) -> String {
        (1...count).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"s\"><v>2</v></c><c r=\"B\($0)\"><v>\($0)</v></c></row>" }.joined()
    }

    @Test(arguments: leftAlone.indices)
    func whatPugixmlCannotStandBehindIsLeftToLibXML(_ index: Int) {
        let (what, xml) = Self.leftAlone[index]
        let (failure, _) = Self.strict(xml)
        if what != "another encoding" && what != "no sheet data" { #expect(failure != nil, "\(what): libxml2 refuses it") }
        for segment in [1, 100, 1 << 20] {
            let (outcome, _) = Self.segmented(xml, segment: segment, piece: 64)
            if what == "a row inside a row", outcome == .stopped { continue }  // the handler found it first
            #expect(outcome == .leftToLibXML, "\(what), segment \(segment)")
        }
    }

    @Test func invalidUTF8AnywhereIsLeftToLibXML() {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE1, 0xBA], [0xFF], [0xEF, 0xBF, 0xBE]] {
            #expect(thidua_sheet_valid_text(bad, bad.count) == 0, "\(bad)")
            let framed = Array("<a>".utf8) + bad + Array("</a>".utf8)
            #expect(thidua_sheet_valid_text(framed, framed.count) == 0, "\(bad) framed")
        }
        for good in ["Đoàn viên Công đoàn ạ ữ 𝔘", "a &amp; b &#x10FFFF; &#9; &lt;", "\t\r\n plain ascii text of some length"] {
            let bytes = Array(good.utf8)
            #expect(thidua_sheet_valid_text(bytes, bytes.count) == 1, "\(good)")
        }
        for bad in ["&am;", "&#x;", "&#12", "&#xD800;", "& ", "&#1114112;"] {
            let bytes = Array(bad.utf8)
            #expect(thidua_sheet_valid_text(bytes, bytes.count) == 0, "\(bad)")
        }
    }

    @Test func manyRowsCutIntoManySegmentsKeepEveryRowAndItsNumber() {
        // Rows with and without numbers across thousands of cuts.
        let body = (1...3_000).map { i in
            i % 3 == 0 ? "<row><c><v>\(i)</v></c><c t=\"s\"><v>\(i % 4)</v></c></row>"
                : "<row r=\"\(i + i / 3)\"><c r=\"B\(i)\"><v>\(i)</v></c></row>"
        }.joined()
        let xml = Self.sheet(body)
        let (failure, expected) = Self.strict(xml)
        #expect(failure == nil)
        for segment in [64, 4_096, 1 << 16] {
            let (outcome, reading) = Self.segmented(xml, segment: segment, piece: 1 << 18)
            #expect(outcome == .read)
            #expect(reading == expected)
        }
    }
}

/// A workbook whose sheet pugixml gives up on after rows were handed on: libxml2 reads it
/// again from the start, and the rows come once each, as a strict reading alone gives them.
@Suite struct SheetSegmentsFallbackTests {
    /// A workbook of one sheet, `sheet` its XML, zipped by libzip.
    static func workbook(sheet: String) throws -> [UInt8] {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="xml" ContentType="application/xml"/></Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(SheetSegmentsTests.main)" xmlns:r="\(SheetSegmentsTests.relations)">\
                <sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-seg-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var error: Int32 = 0
        let archive = try #require(zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &error))
        var buffers: [UnsafeMutableRawBufferPointer] = []
        for (name, text) in parts {
            let bytes = Array(text.utf8)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
            buffer.copyBytes(from: bytes)
            buffers.append(buffer)
            let source = try #require(zip_source_buffer(archive, buffer.baseAddress, zip_uint64_t(bytes.count), 0))
            #expect(zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8)) >= 0)
        }
        #expect(zip_close(archive) == 0)
        for buffer in buffers { buffer.deallocate() }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Every record and the error (if any), reading with segments of `segment` bytes.
    static func read(_ bytes: [UInt8], segment: Int) -> ([FigureRecord], String?) {
        var limits = XlsxReadLimits()
        limits.sheetSegmentBytes = segment
        var records: [FigureRecord] = []
        do {
            let reader = try XlsxWorkbookReader(bytes: bytes, file: "t.xlsx", limits: limits)
            for sheet in reader.sheets {
                _ = try reader.readRows(of: sheet) { records.append($0); return true }
            }
            return (records, nil)
        } catch let error as XlsxReadError {
            return (records, error.diagnostic.description)
        } catch {
            return (records, "\(error)")
        }
    }

    static let rows = SheetSegmentsTests.rows(40)

    @Test func aCutInsideACommentLeavesTheSheetToLibXMLWithEveryRowOnce() throws {
        // Segments of 100 bytes put cuts in the comment, after rows were handed on.
        let xml = SheetSegmentsTests.sheet(Self.rows + "<!-- <row r=\"50\"><c><v>9</v></c></row> <row r=\"51\"/> -->" + Self.rows)
        let bytes = try Self.workbook(sheet: xml)
        let (whole, wholeError) = Self.read(bytes, segment: 1 << 20)
        #expect(wholeError == nil)
        #expect(whole.count == 80)
        for segment in [1, 100, 700, 2_000] {
            let (records, error) = Self.read(bytes, segment: segment)
            #expect(error == nil, "segment \(segment)")
            #expect(records == whole, "segment \(segment)")
        }
    }

    @Test func damageLateInTheSheetIsLibXMLsDiagnosticAfterTheRowsBeforeIt() throws {
        let body = Self.rows + "<row r=\"60\"><c t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row>" + Self.rows
        let bytes = try Self.workbook(sheet: SheetSegmentsTests.sheet(body))
        // libxml2 alone: the same sheet declared in another encoding, which the segment
        // reader leaves at once (its bytes are ASCII, so it reads the same).
        let strict = try Self.workbook(sheet: SheetSegmentsTests.sheet(body, head: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n"))
        let (expected, expectedError) = Self.read(strict, segment: 1 << 20)
        #expect(expected.count == 40)
        #expect(expectedError?.contains("t.xlsx") == true)
        for segment in [1, 100, 2_000, 1 << 20] {
            let (records, error) = Self.read(bytes, segment: segment)
            #expect(records == expected, "segment \(segment)")
            #expect(error == expectedError, "segment \(segment)")
        }
    }
}
