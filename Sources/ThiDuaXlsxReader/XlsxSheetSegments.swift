import CSheetXML

/// Reads a worksheet part through pugixml, a segment at a time (`thidua_sheet.h`): the
/// bytes are cut between two rows into pieces of `segmentBytes`, each parsed into a small
/// tree and walked into the same `XlsxSheetRows` handler libxml2 feeds, so the rows, their
/// numbers and every finding are the same. pugixml parses a sheet in about a third of the
/// instructions of libxml2's SAX2 (the larger part of reading a big workbook), and a
/// segment's tree bounds the memory as streaming did.
///
/// pugixml checks less than libxml2: a DTD, an encoding other than UTF-8, bytes that are not
/// XML characters, an unknown entity, malformed XML, or a sheet that cannot be cut between
/// rows end this reading with `.leftToLibXML`, and the caller reads the part again with
/// libxml2, which stops at the same place with the diagnostic a clerk gets today.
enum XlsxSheetSegments {
    /// How a reading ended.
    enum Outcome: Equatable {
        /// Every segment read.
        case read
        /// The handler asked to stop (nothing more wanted, or an element out of place).
        case stopped
        /// Something this reader does not take on; libxml2 must read the part.
        case leftToLibXML
    }

    /// The size of a segment: a tree of about eight times that, cache-sized.
    static let segmentBytes = 256 * 1024
    /// The most held before a cut: a head or a row longer than this is left to libxml2.
    static let maxPending = 32 << 20

    /// Reads the part whose inflated bytes `source` gives (as `Part.read` does: fewer only at
    /// the end, 0 there) into `rows`; throws what `source` throws.
    static func read(into rows: XlsxSheetRows, segmentBytes: Int = segmentBytes,
                     from source: (UnsafeMutableRawPointer, Int) throws -> Int) throws -> Outcome {
        let context = Unmanaged.passUnretained(rows).toOpaque()
        // The callbacks borrow the handler, which the caller keeps alive for the read.
        guard let sheet = thidua_sheet_create(context, { context, name, attributes, count in
            guard let context, let name else { return 1 }
            return Unmanaged<XlsxSheetRows>.fromOpaque(context)._withUnsafeGuaranteedRef { rows in
                rows.start(XMLName(bytes: name), XMLAttributes(pointers: attributes, count: Int(count)))
                return rows.stopped ? 1 : 0
            }
        }, { context, name in
            guard let context, let name else { return 1 }
            return Unmanaged<XlsxSheetRows>.fromOpaque(context)._withUnsafeGuaranteedRef { rows in
                rows.end(XMLName(bytes: name))
                return rows.stopped ? 1 : 0
            }
        }, { context, bytes, length in
            guard let context, let bytes else { return }
            Unmanaged<XlsxSheetRows>.fromOpaque(context)._withUnsafeGuaranteedRef {
                $0.text(UnsafeBufferPointer(start: bytes, count: length))
            }
        }, segmentBytes, maxPending) else { return .leftToLibXML }
        defer { thidua_sheet_free(sheet) }
        return try withExtendedLifetime(rows) {
            var status = Int32(THIDUA_SHEET_OK)
            while status == THIDUA_SHEET_OK {
                let want = XlsxPackage.Part.chunkSize
                guard let room = thidua_sheet_space(sheet, want) else { return .leftToLibXML }
                let count = try source(UnsafeMutableRawPointer(room), want)
                if count <= 0 {
                    status = thidua_sheet_finish(sheet)
                    break
                }
                status = thidua_sheet_commit(sheet, count)
            }
            switch status {
            case Int32(THIDUA_SHEET_OK): return .read
            case Int32(THIDUA_SHEET_STOPPED): return .stopped
            default: return .leftToLibXML
            }
        }
    }
}
