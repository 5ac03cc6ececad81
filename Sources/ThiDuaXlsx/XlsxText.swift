import CXlsxWriter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way text reaches libxlsxwriter: cells, merged cells, chart titles, series and
/// axis names, sheet names, document properties, headers and footers.
///
/// Text is always stored as text. libxlsxwriter reads a chart title, series name or axis
/// name that starts with "=" as a formula (`<c:f>`), so those are set literally here;
/// Excel decodes `_x0041_` in a cell as "A", so a literal one is escaped. A character the XML cannot
/// carry is refused with the place named, never dropped: names are checked long before
/// (ThiDuaKit's `FigureRules`), this is the last line of defence.
enum XlsxText {
    /// Excel's limit for a chart's title, series or axis name, in UTF-16 code units.
    static let maximumLabelLength = 255

    /// Which control characters a place may hold.
    enum Controls {
        /// Cells: any but NUL (libxlsxwriter writes C0 controls as `_xHHHH_`).
        case cell
        /// Labels, properties, headers: tab and line breaks, which XML carries as they are.
        case lineBreaks
        /// Sheet names: none.
        case none
    }

    /// Checks the characters of `text` for `place` ("ô B3 của trang “Tổng hợp”").
    static func check(_ text: String, place: @autoclosure () -> String, controls: Controls) throws {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let refused: Bool
            switch v {
            case 0x00, 0xFFFE, 0xFFFF: refused = true
            case 0x09, 0x0A, 0x0D: refused = controls == .none
            case 0x01..<0x20: refused = controls != .cell
            default: refused = false
            }
            if refused {
                let hex = String(v, radix: 16, uppercase: true)
                throw XlsxError.invalidCharacter(place: place(), codePoint: "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex)
            }
        }
    }

    /// A cell's text as libxlsxwriter must be given it: checked, and with each literal
    /// `_xHHHH_` escaped as `_x005F_xHHHH_` so Excel shows it as written.
    static func cell(_ text: String, row: Int, column: Int, sheet: String) throws -> String {
        let length = text.utf16.count
        if length > XlsxWorksheet.maximumStringLength {
            throw XlsxError.stringTooLong(length: length, row: row, column: column)
        }
        if text.utf8.contains(0) { throw XlsxError.stringContainsNul(row: row, column: column) }
        try check(text, place: "ô \(XlsxCellReference.a1(row: row, column: column)) của trang “\(sheet)”", controls: .cell)
        return escapingExcelCodes(text)
    }

    /// `text` with every `_xHHHH_` (four hex digits) given a leading `_x005F_`.
    static func escapingExcelCodes(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") || text.contains("_X") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x" || scalars[i + 1] == "X",
               scalars[(i + 2)...(i + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }), scalars[i + 6] == "_" {
                out.append(contentsOf: "_x005F_".unicodeScalars)
                i += 1
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// A chart label (title, series or axis name): checked, and cut to Excel's 255
    /// characters with "…" (the legend shows a shortened name; the cells keep it whole).
    static func label(_ text: String, place: String) throws -> String {
        try check(text, place: place, controls: .lineBreaks)
        guard text.utf16.count > maximumLabelLength else { return text }
        var cut = ""
        for character in text {
            if cut.utf16.count + character.utf16.count > maximumLabelLength - 1 { break }
            cut.append(character)
        }
        return cut + "…"
    }

    /// Sets a chart title, series or axis name to `text` literally. libxlsxwriter's setters
    /// read a leading "=" as a cell reference; this does what they do for any other text
    /// (store a copy in `title.name`, which the chart frees).
    static func setLiteral(_ text: String, on title: UnsafeMutablePointer<lxw_chart_title>, place: String) throws {
        let label = try label(text, place: place)
        guard let copy = strdup(label) else { throw XlsxError.outOfMemory }
        free(title.pointee.name)
        title.pointee.name = copy
    }

    /// A document property's value, checked.
    static func property(_ text: String, name: String) throws -> String {
        try check(text, place: "thuộc tính “\(name)” của tệp", controls: .lineBreaks)
        return text
    }
}
