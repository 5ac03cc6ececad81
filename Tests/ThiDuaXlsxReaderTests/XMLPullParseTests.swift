import Testing
@testable import ThiDuaXlsxReader

/// The sheets and parts are parsed with libxml2 pulling the bytes (`parse(pulling:)`);
/// the push interface (`feed`, `finish`) is the general one it replaced. Both must give
/// the same events and the same failure for every document, whatever the chunking.
struct XMLPullParseTests {
    /// Writes down every event, and stops the parse at `stopAt` events.
    final class Recorder: XMLEventHandler {
        var events: [String] = []
        var stopAt = Int.max

        override func start(_ name: XMLName, _ attributes: XMLAttributes) {
            let (r, s, t) = attributes.cellAttributes()
            let text = [r, s, t].map { $0.map { String(decoding: $0, as: UTF8.self) } ?? "-" }.joined(separator: ",")
            note("<\(String(cString: name.bytes)) \(text)")
        }

        override func end(_ name: XMLName) {
            note("</\(String(cString: name.bytes))")
        }

        override func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            // Text may come in pieces that differ with the chunking: joined below.
            if let last = events.last, last.hasPrefix("#") {
                events[events.count - 1] = last + String(decoding: bytes, as: UTF8.self)
            } else {
                note("#" + String(decoding: bytes, as: UTF8.self))
            }
        }

        private func note(_ event: String) {
            events.append(event)
            if events.count >= stopAt { parser?.fail(.stopped) }
        }
    }

    static func pushed(_ bytes: [UInt8], chunk: Int, stopAt: Int) -> ([String], XMLReadFailure?) {
        let recorder = Recorder()
        recorder.stopAt = stopAt
        let parser = XMLEventParser(handler: recorder)
        recorder.parser = parser
        var offset = 0
        while offset < bytes.count, parser.failure == nil {
            let end = min(offset + chunk, bytes.count)
            bytes[offset..<end].withUnsafeBytes { parser.feed($0) }
            offset = end
        }
        parser.finish()
        return (recorder.events, parser.failure)
    }

    static func pulled(_ bytes: [UInt8], piece: Int, stopAt: Int) -> ([String], XMLReadFailure?) {
        let recorder = Recorder()
        recorder.stopAt = stopAt
        let parser = XMLEventParser(handler: recorder)
        recorder.parser = parser
        // Chunks of `piece` bytes, filled into libxml2's reads as the package's parts are.
        var offset = 0
        var filler = ChunkFiller()
        let source = XMLPullSource { buffer, count in
            bytes.withUnsafeBytes { all in
                filler.fill(buffer, count) {
                    guard offset < all.count else { return nil }
                    let n = min(piece, all.count - offset)
                    defer { offset += n }
                    return UnsafeRawBufferPointer(rebasing: all[offset..<(offset + n)])
                }
            }
        }
        withExtendedLifetime(recorder) { parser.parse(pulling: source) }
        return (recorder.events, parser.failure)
    }

    static let documents = [
        #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Đơn vị &amp; cụm</t></is></c><c r="B1" s="2"><v>12.5</v></c></row></sheetData></worksheet>"#,
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\#n<x:sst xmlns:x="urn:x" count="2"><x:si><x:t xml:space="preserve"> a </x:t></x:si><x:si><x:r><x:t>b</x:t></x:r><x:rPh><x:t>ph</x:t></x:rPh></x:si></x:sst>"#,
        #"<a><b t="s" r="C3" s="1"><![CDATA[<raw>]]></b><b r="D4"/></a>"#,
        #"<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>"#,
        #"<a><b></a>"#,
        "",
        "<a>",
        "not xml at all",
        #"<a x="1" x="2"/>"#,
        "<a>\u{1}</a>",
        #"<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\#u{E9}</a>"#,
    ]

    @Test func pullingGivesWhatPushingGives() {
        var documents = Self.documents.map { Array($0.utf8) }
        // A larger sheet, so the pieces cross tags and texts.
        var big = #"<worksheet><sheetData>"#
        for row in 1...300 { big += #"<row r="\#(row)"><c r="A\#(row)" t="n"><v>\#(row * 7)</v></c><c r="B\#(row)" t="inlineStr"><is><t>CĐCS số \#(row)</t></is></c></row>"# }
        big += "</sheetData></worksheet>"
        documents.append(Array(big.utf8))
        documents.append(Array(big.utf8.dropLast(40)))
        for bytes in documents {
            for stopAt in [Int.max, 3] {
                let reference = Self.pushed(bytes, chunk: 256 * 1024, stopAt: stopAt)
                for piece in [1, 7, 4096, 1 << 20] {
                    let pull = Self.pulled(bytes, piece: piece, stopAt: stopAt)
                    #expect(pull.0 == reference.0, "\(String(decoding: bytes.prefix(60), as: UTF8.self)) piece \(piece)")
                    // libxml2's wording differs between the two; the kind and line are what a clerk sees.
                    #expect(Self.shown(pull.1) == Self.shown(reference.1), "\(String(decoding: bytes.prefix(60), as: UTF8.self)) piece \(piece)")
                }
            }
        }
    }

    @Test func anErrorAfterALongAttributeEndsTheParseWithoutCrashing() {
        // libxml2 2.9.14 crashed (SIGSEGV) when halted from its error callback while reading
        // the text of a document whose root carries a long attribute: the failure is kept,
        // and the parse ended by its source.
        // A fixed mmap threshold: libxml2's grown input buffer is then unmapped when freed,
        // so reading it after the halt faults here instead of reading stale memory.
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, 128 * 1024)
        let long = String(repeating: "x", count: 300_000)
        for broken in ["a ]]> b", "a \u{1} b", "a &bogus; b", "<b></c>"] {
            let xml = #"<?xml version="1.0"?><worksheet xmlns="m" foo="\#(long)"><sheetData><row r="1"><c t="inlineStr"><is><t>"#
                + broken + "</t></is></c></row>" + String(repeating: #"<row r="2"><c><v>1</v></c></row>"#, count: 2_000)
                + "</sheetData></worksheet>"
            let bytes = Array(xml.utf8)
            for piece in [4096, 1 << 20] {
                let (events, failure) = Self.pulled(bytes, piece: piece, stopAt: .max)
                #expect(Self.shown(failure).hasPrefix("malformed"), "\(broken) piece \(piece): \(Self.shown(failure))")
                #expect(!events.contains("<row 2,-,-"), "\(broken): no row after the error")
            }
            let (_, pushed) = Self.pushed(bytes, chunk: 256 * 1024, stopAt: .max)
            #expect(Self.shown(pushed).hasPrefix("malformed"), "\(broken) pushed")
        }
    }

    /// A failure as the reader reports it: the detail is for the developer log only.
    static func shown(_ failure: XMLReadFailure?) -> String {
        switch failure {
        case nil: return "ok"
        case .malformed(let line, _): return "malformed at \(line)"
        case let other?: return "\(other)"
        }
    }

    @Test func aFailingSourceStopsTheParse() {
        let recorder = Recorder()
        let parser = XMLEventParser(handler: recorder)
        recorder.parser = parser
        var calls = 0
        let source = XMLPullSource { buffer, count in
            calls += 1
            guard calls == 1 else { return -1 }
            let bytes = Array("<a><b>".utf8)
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            return bytes.count
        }
        withExtendedLifetime(recorder) { parser.parse(pulling: source) }
        #expect(parser.failure != nil)
        #expect(parser.failure != .stopped)
    }
}

/// The rows of a sheet: a row in a row or a cell in a cell is a damaged sheet, but an
/// extension's elements, whatever their names, are not rows or cells.
@Suite struct SheetStructureTests {
    static func misplaced(_ sheetData: String) -> (row: Int, element: String)? {
        let xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:q=\"urn:q\"><sheetData>\(sheetData)</sheetData></worksheet>"
        let rows = XlsxSheetRows(sheet: "S", strings: [], dates: XlsxDateStyles(), maxColumns: 512) { _ in true }
        let parser = XMLEventParser(handler: rows)
        rows.parser = parser
        Array(xml.utf8).withUnsafeBytes { parser.feed($0) }
        parser.finish()
        return rows.misplaced
    }

    @Test func nestingThatNoWriterProducesIsFound() {
        #expect(Self.misplaced("<row r=\"2\"><c r=\"A2\"><v>1</v></c><row r=\"3\"/></row>")?.element == "row")
        #expect(Self.misplaced("<row r=\"2\"><c r=\"A2\"><c r=\"B2\"/></c></row>")?.element == "c")
        #expect(Self.misplaced("<c r=\"A1\"><v>1</v></c>")?.element == "c")
    }

    @Test func extensionsAndOrdinaryRowsAreNot() {
        #expect(Self.misplaced("<row r=\"1\"><c r=\"A1\"><v>1</v><extLst><ext uri=\"x\"><q:c/><q:row/></ext></extLst></c></row>") == nil)
        #expect(Self.misplaced("<row r=\"1\"/><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c></row>") == nil)
    }
}

/// glibc's `mallopt` (malloc.h is not in the Glibc module).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
