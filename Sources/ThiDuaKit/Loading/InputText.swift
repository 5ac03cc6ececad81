/// Turns the bytes of an input file into text, or explains why it cannot.
///
/// Accepts UTF-8 with or without a BOM and CRLF line ends. Refuses binary
/// files and the legacy Vietnamese encodings (TCVN3/ABC, VNI,
/// Windows-1258), naming the one it looks like and how to convert it:
/// guessing a conversion would silently garble names.
public enum InputText {
    /// Decodes `bytes` read from `file`.
    public static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) || body.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            // FF FE 00 00 is UTF-32 LE's mark (UTF-16 LE's followed by a NUL), 00 00 FE FF UTF-32 BE's.
            let utf32 = body.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || body.starts(with: [0x00, 0x00, 0xFE, 0xFF])
            return .failure(.error("tệp được lưu dạng \(utf32 ? "UTF-32" : "UTF-16")", at: SourcePosition(file: file),
                                   hint: "mở tệp và lưu lại với bảng mã UTF-8 (trong Excel: \"CSV UTF-8\")"))
        }
        if let kind = BinaryKind.sniff(body) {
            return .failure(.error("tệp này là \(kind.name), không phải tệp văn bản", at: SourcePosition(file: file),
                                   hint: kind.hint))
        }
        if looksLikeUTF16WithoutBOM(body) {
            return .failure(.error("tệp được lưu dạng UTF-16 (không có BOM)", at: SourcePosition(file: file),
                                   hint: "mở tệp và lưu lại với bảng mã UTF-8 (trong Excel: \"CSV UTF-8\")"))
        }
        if let zero = body.firstIndex(of: 0) {
            let (line, column) = lineAndColumn(of: zero, in: body)
            return .failure(.error("tệp không phải văn bản (có byte 0)", at: SourcePosition(file: file, line: line, column: column),
                                   hint: "chọn đúng tệp .yaml, .json hoặc .csv; tệp Word/Excel phải xuất ra dạng văn bản trước"))
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let guess = LegacyEncoding.guess(body)
            let position = firstInvalidUTF8(body).map { lineAndColumn(of: $0, in: body) }
            let hint = guess.map(\.howToConvert) ?? "lưu lại tệp với bảng mã UTF-8"
            return .failure(.error("tệp không phải UTF-8\(guess.map { ", có vẻ dùng bảng mã cũ \($0.name)" } ?? "")",
                                   at: SourcePosition(file: file, line: position?.0 ?? 0, column: position?.1 ?? 0), hint: hint))
        }
        var result = text
        if body.contains(0x0D) {
            result = result.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if let control = firstControlCharacter(result) {
            let what = control.scalar.value >= 0xFFFE ? "ký tự không hợp lệ" : "ký tự điều khiển"
            return .failure(.error("tệp có \(what) \(codePoint(control.scalar)), không phải văn bản thường",
                                   at: SourcePosition(file: file, line: control.line, column: control.column),
                                   hint: "xóa ký tự lạ ở vị trí này hoặc chọn đúng tệp"))
        }
        return .success(VietnameseText.nfc(result))
    }

    static func lineAndColumn(of index: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        for i in bytes.startIndex..<index {
            if bytes[i] == 0x0A {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.endIndex { return i }
            for j in 1..<length where bytes[i + j] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    static func firstControlCharacter(_ text: String) -> (scalar: Unicode.Scalar, line: Int, column: Int)? {
        // A byte scan (on the contiguous UTF-8 when there is one) rules out almost every
        // file quickly; only a hit pays for the walk that finds the line and column.
        let suspicious = text.utf8.withContiguousStorageIfAvailable(hasSuspiciousByte) ?? hasSuspiciousByte(text.utf8)
        guard suspicious else { return nil }
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if isForbidden(scalar) {
                return (scalar, line, column)
            }
            column += 1
        }
        return nil
    }

    /// A byte that may start or continue a forbidden scalar: C0 controls but tab and
    /// line feed, DEL, C1 controls (C2 80–9F) and U+FFFE/U+FFFF (EF BF xx).
    private static func hasSuspiciousByte<S: Sequence>(_ bytes: S) -> Bool where S.Element == UInt8 {
        var previous: UInt8 = 0
        return bytes.contains { byte in
            defer { previous = byte }
            return (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F
                || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) || (previous == 0xEF && byte == 0xBF)
        }
    }

    /// C0 controls but tab, DEL, C1 controls but NEL, and the noncharacters
    /// U+FFFE/U+FFFF: no editor types them, and libyaml would stop at them
    /// with an English message and no position.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00..<0x20, 0x7F: return true
        case 0x80...0x9F: return scalar.value != 0x85
        case 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// `isForbidden`, and the direction overrides and isolates (U+202A–U+202E,
    /// U+2066–U+2069) that reorder how a line is shown: what no name or value may hold.
    static func isControlOrOverride(_ scalar: Unicode.Scalar) -> Bool {
        isForbidden(scalar) || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// `U+0007`, as character tables write it.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// UTF-16 without a byte-order mark: text that is mostly ASCII has a zero
    /// in every other byte. Saying so beats "byte 0 at 1:2".
    static func looksLikeUTF16WithoutBOM(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = bytes.prefix(512)
        guard sample.count >= 8, sample.count % 2 == 0 || sample.count == 512 else { return false }
        var evenZeros = 0, oddZeros = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        // Little-endian puts the zeros at odd offsets, big-endian at even ones.
        return (oddZeros * 10 >= pairs * 7 && evenZeros == 0) || (evenZeros * 10 >= pairs * 7 && oddZeros == 0)
    }
}

/// Well-known binary files that clerks pick by mistake (a Word file saved
/// as .yaml, a scan), recognised by their first bytes so the message can
/// say what the file is.
public enum BinaryKind: Sendable {
    case zip, oldOffice, pdf, png, jpeg, gif

    /// What the file is, in words ("tệp PDF").
    public var name: String {
        switch self {
        case .zip: return "tệp nén ZIP (tệp Word .docx, Excel .xlsx cũng có dạng này)"
        case .oldOffice: return "tệp Word/Excel đời cũ (.doc, .xls)"
        case .pdf: return "tệp PDF"
        case .png: return "ảnh PNG"
        case .jpeg: return "ảnh JPEG"
        case .gif: return "ảnh GIF"
        }
    }

    var hint: String {
        switch self {
        case .zip, .oldOffice, .pdf:
            return "chương trình chỉ đọc tệp văn bản .yaml/.json; chép nội dung vào một tệp theo mẫu trong thư mục Examples/"
        case .png, .jpeg, .gif:
            return "chọn đúng tệp dữ liệu .yaml hoặc .json"
        }
    }

    /// The kind whose signature `bytes` (the file's first bytes) start with, if any.
    public static func sniff(_ bytes: ArraySlice<UInt8>) -> BinaryKind? {
        let signatures: [([UInt8], BinaryKind)] = [
            ([0x50, 0x4B, 0x03, 0x04], .zip), ([0x50, 0x4B, 0x05, 0x06], .zip),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], .oldOffice),
            (Array("%PDF-".utf8), .pdf),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], .png),
            ([0xFF, 0xD8, 0xFF], .jpeg),
            (Array("GIF8".utf8), .gif),
        ]
        return signatures.first { bytes.starts(with: $0.0) }?.1
    }
}
