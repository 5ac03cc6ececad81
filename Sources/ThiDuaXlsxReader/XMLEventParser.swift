import CLibXML2

/// What a part's reader does with the XML events of libxml2's SAX2 parser: a part reader
/// overrides these. Names are the local names as raw bytes (namespace prefixes dropped,
/// as OOXML writers differ in them); nothing is turned into a `String` unless the reader asks.
///
/// A class rather than a protocol so the parser's C callbacks reach the reader through an
/// unretained reference and a plain virtual call: through a protocol existential each
/// SAX event retained and released the reader, a tenth of reading a sheet.
class XMLEventHandler {
    /// The parser feeding this handler, set by the reader before parsing, to stop it (a
    /// limit, or nothing more wanted). Not retained: the parser lives as long as the parse.
    unowned(unsafe) var parser: XMLEventParser?

    /// An element opened; `attributes` are valid only during the call.
    func start(_ name: XMLName, _ attributes: XMLAttributes) {}
    /// An element closed.
    func end(_ name: XMLName) {}
    /// Text inside the current element (may come in several pieces).
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// A local name as bytes, valid only during the callback.
struct XMLName {
    let bytes: UnsafePointer<UInt8>

    /// True when the name is exactly `literal` (ASCII).
    @inline(__always)
    func `is`(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let expected = literal.utf8Start
        for i in 0..<count where bytes[i] != expected[i] { return false }
        return bytes[count] == 0
    }
}

/// The attributes of an element: libxml2's array of (localname, prefix, URI, value start,
/// value end) pointers, read without copying.
struct XMLAttributes {
    let pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// The value of the attribute whose local name is `name`, valid only during the callback.
    func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let pointers else { return nil }
        for i in 0..<count {
            let base = i * 5
            guard let local = pointers[base], XMLName(bytes: local).is(name),
                  let start = pointers[base + 3], let end = pointers[base + 4] else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// The values of `r`, `s` and `t`, each as `value(_:)` finds it (the first attribute of
    /// that local name), in one pass over the attributes: a cell's three, read for every cell.
    func cellAttributes() -> (r: UnsafeBufferPointer<UInt8>?, s: UnsafeBufferPointer<UInt8>?, t: UnsafeBufferPointer<UInt8>?) {
        var r: UnsafeBufferPointer<UInt8>?, s: UnsafeBufferPointer<UInt8>?, t: UnsafeBufferPointer<UInt8>?
        guard let pointers else { return (r, s, t) }
        for i in 0..<count {
            let base = i * 5
            guard let local = pointers[base], local[0] != 0, local[1] == 0,
                  let start = pointers[base + 3], let end = pointers[base + 4] else { continue }
            let value = UnsafeBufferPointer(start: start, count: end - start)
            switch local[0] {
            case UInt8(ascii: "r") where r == nil: r = value
            case UInt8(ascii: "s") where s == nil: s = value
            case UInt8(ascii: "t") where t == nil: t = value
            default: break
            }
        }
        return (r, s, t)
    }

    /// The value as text (names, targets).
    func string(_ name: StaticString) -> String? {
        value(name).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Why an XML part could not be read.
enum XMLReadFailure: Error, Equatable {
    /// The part declares a DTD (`<!DOCTYPE`); refused, so no entity is ever expanded and no
    /// external file is ever fetched.
    case documentTypeDeclaration
    /// Not well-formed XML: libxml2's line and its message (kept for the developer log,
    /// never shown to a clerk).
    case malformed(line: Int, detail: String)
    /// The handler asked to stop (a limit was reached); it knows why.
    case stopped
}

/// A streaming XML parser over libxml2's SAX2 push interface: feed it the bytes of a zip
/// entry as they are inflated, and the handler sees each element as it closes. Memory is
/// what one text node needs, whatever the size of the part.
///
/// Hardening: a DOCTYPE stops the parse before its internal subset is read (OOXML never has
/// one), so neither internal entities (the "billion laughs") nor external ones (a file or
/// URL) can be expanded; `XML_PARSE_NONET` forbids network access anyway, and without
/// `XML_PARSE_HUGE` libxml2 keeps its limits on depth and text size. Errors go to our
/// callback, never to stderr.
final class XMLEventParser {
    /// Not retained: a retain and release per SAX event was a tenth of the reading time.
    /// Whoever creates the parser keeps the handler alive for the parse (`parse(_:part:…)`).
    private let handler: Unmanaged<XMLEventHandler>
    private var context: xmlParserCtxtPtr?
    private var sax = xmlSAXHandler()
    private(set) var failure: XMLReadFailure?

    /// libxml2 sets up its global tables on first use, which is not safe on two threads at
    /// once; a report reads workbooks on several (`FigureReadAhead`), so it is done here,
    /// exactly once (a static `let` runs under `swift_once`), before any parser exists.
    private static let libraryReady: Void = xmlInitParser()

    init(handler: XMLEventHandler) {
        _ = Self.libraryReady
        // Nothing libxml2 prints may reach the clerk (English text on stderr).
        thidua_xml_silence()
        self.handler = Unmanaged.passUnretained(handler)
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        // The callbacks borrow the parser and the handler (`_withUnsafeGuaranteedRef`), so
        // no event retains or releases either.
        sax.startElementNs = { ctx, localname, _, _, _, _, attributeCount, _, attributes in
            guard let ctx, let localname else { return }
            Unmanaged<XMLEventParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef { parser in
                guard parser.failure == nil else { return }
                parser.handler._withUnsafeGuaranteedRef {
                    $0.start(XMLName(bytes: localname), XMLAttributes(pointers: attributes, count: Int(attributeCount)))
                }
            }
        }
        sax.endElementNs = { ctx, localname, _, _ in
            guard let ctx, let localname else { return }
            Unmanaged<XMLEventParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef { parser in
                guard parser.failure == nil else { return }
                parser.handler._withUnsafeGuaranteedRef { $0.end(XMLName(bytes: localname)) }
            }
        }
        sax.characters = { ctx, bytes, length in
            guard let ctx, let bytes, length > 0 else { return }
            Unmanaged<XMLEventParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef { parser in
                guard parser.failure == nil else { return }
                parser.handler._withUnsafeGuaranteedRef { $0.text(UnsafeBufferPointer(start: bytes, count: Int(length))) }
            }
        }
        sax.cdataBlock = sax.characters
        sax.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<XMLEventParser>.fromOpaque(ctx).takeUnretainedValue().fail(.documentTypeDeclaration)
        }
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            let parser = Unmanaged<XMLEventParser>.fromOpaque(ctx).takeUnretainedValue()
            guard error.pointee.level == XML_ERR_FATAL || error.pointee.level == XML_ERR_ERROR else { return }
            let detail = error.pointee.message.map { String(cString: $0) } ?? ""
            parser.failInErrorCallback(.malformed(line: Int(error.pointee.line), detail: detail))
        }
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// Makes the parse stop at once with `reason` (a handler reaching a limit uses `.stopped`).
    func fail(_ reason: XMLReadFailure) {
        if failure == nil { failure = reason }
        if let context { xmlStopParser(context) }
    }

    /// The source being pulled, while `parse(pulling:)` runs.
    private var pulling: XMLPullSource?

    /// Keeps `reason` from libxml2's error callback, without `xmlStopParser`: libxml2 2.9.14
    /// crashes when its parser is halted from inside that callback while it is still reading
    /// character data (a worksheet with a 3 MB attribute on its root and "]]>" in a cell
    /// made thidua die with SIGSEGV). After a fatal error libxml2 delivers no more events
    /// anyway; a pulled parse is then ended by its source, which reads nothing more, and a
    /// pushed one by its caller, who feeds nothing more.
    private func failInErrorCallback(_ reason: XMLReadFailure) {
        if failure == nil { failure = reason }
        pulling?.exhausted = true
    }

    /// Parses a whole document that libxml2 pulls from `source` as it needs bytes: the
    /// fastest of its interfaces (pushing chunks made it look ahead for the end of every
    /// tag, about a tenth more). Afterwards `failure` says whether it was read whole; a
    /// source that fails stops the parse, and keeps why.
    func parse(pulling source: XMLPullSource) {
        guard failure == nil, context == nil else { return }
        let me = Unmanaged.passUnretained(self).toOpaque()
        pulling = source
        defer { pulling = nil }
        withExtendedLifetime(source) {
            let io = Unmanaged.passUnretained(source).toOpaque()
            context = xmlCreateIOParserCtxt(&sax, me, { ctx, buffer, length in
                guard let ctx, let buffer, length > 0 else { return 0 }
                return Unmanaged<XMLPullSource>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                    $0.exhausted ? -1 : Int32(clamping: $0.read(UnsafeMutableRawPointer(buffer), Int(length)))
                }
            }, nil, io, XML_CHAR_ENCODING_NONE)
            guard let context else {
                failure = .malformed(line: 0, detail: "libxml2 could not create a parser")
                return
            }
            xmlCtxtUseOptions(context, Self.options)
            xmlParseDocument(context)
            if failure == nil, context.pointee.wellFormed == 0 {
                failure = .malformed(line: 0, detail: "not well-formed")
            }
            // Freed while the source lives: the context's input refers to it.
            xmlFreeParserCtxt(context)
            self.context = nil
        }
    }

    /// Parses the next piece of the document.
    func feed(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, bytes.count > 0 else { return }
        // libxml2 takes an Int32 length; inflated chunks are far smaller, but split anyway.
        var offset = 0
        while offset < bytes.count, failure == nil {
            let length = min(bytes.count - offset, 1 << 24)
            let start = bytes.baseAddress.map { $0.advanced(by: offset).assumingMemoryBound(to: CChar.self) }
            if let context {
                xmlParseChunk(context, start, Int32(length), 0)
            } else {
                create(first: start, length: length)
            }
            offset += length
        }
    }

    /// Ends the document; afterwards `failure` says whether it was read whole.
    func finish() {
        guard failure == nil else { return }
        if context == nil { create(first: nil, length: 0) }
        if let context { xmlParseChunk(context, nil, 0, 1) }
        if failure == nil, let context, context.pointee.wellFormed == 0 {
            failure = .malformed(line: 0, detail: "not well-formed")
        }
    }

    private func create(first: UnsafePointer<CChar>?, length: Int) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        context = xmlCreatePushParserCtxt(&sax, me, first, Int32(length), nil)
        guard let context else {
            failure = .malformed(line: 0, detail: "libxml2 could not create a parser")
            return
        }
        xmlCtxtUseOptions(context, Self.options)
    }

    /// No network, errors to our callback only; never `XML_PARSE_HUGE` or entity options.
    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
}

/// Fills each of libxml2's reads whole from a run of chunks (each valid until the next is
/// asked for), crossing chunk ends: libxml2 reads a source as it would a file, and a short
/// read before the end (four bytes where it wanted the rest of a tag) breaks its parse.
struct ChunkFiller {
    private var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    private var used = 0

    /// Copies `count` bytes into `buffer`, fewer only at the end; `next` gives the next
    /// chunk, nil at the end.
    mutating func fill(_ buffer: UnsafeMutableRawPointer, _ count: Int,
                       next: () throws -> UnsafeRawBufferPointer?) rethrows -> Int {
        var copied = 0
        while copied < count {
            if used == chunk.count {
                guard let fresh = try next(), fresh.count > 0 else { break }
                chunk = fresh
                used = 0
            }
            let n = min(count - copied, chunk.count - used)
            if let base = chunk.baseAddress { (buffer + copied).copyMemory(from: base + used, byteCount: n) }
            used += n
            copied += n
        }
        return copied
    }
}

/// Where a pulled parse reads: `read` fills up to `count` bytes at the pointer and returns
/// how many, 0 at the end, or -1 when the source failed (it keeps why).
final class XMLPullSource {
    let read: (_ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int
    /// Set once the parse has failed: libxml2's next read gets an error, which ends it.
    var exhausted = false

    init(read: @escaping (_ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int) {
        self.read = read
    }
}
