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
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return .failure(.error("tệp được lưu dạng UTF-16", at: SourcePosition(file: file),
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
            let hint = guess.map { "tệp có vẻ dùng bảng mã \($0.name); \($0.howToConvert)" }
                ?? "lưu lại tệp với bảng mã UTF-8"
            return .failure(.error("tệp không phải UTF-8\(guess.map { " (có vẻ là \($0.name))" } ?? "")",
                                   at: SourcePosition(file: file, line: position?.0 ?? 0, column: position?.1 ?? 0), hint: hint))
        }
        var result = text
        if body.contains(0x0D) {
            result = result.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if let control = firstControlCharacter(result) {
            return .failure(.error("tệp có ký tự điều khiển U+\(String(control.scalar.value, radix: 16, uppercase: true)), không phải văn bản thường",
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
        // Control characters are all ASCII: when no byte is one, there is nothing to locate.
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F }
        }
        if clean == true { return nil }
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F {
                return (scalar, line, column)
            }
            column += 1
        }
        return nil
    }
}

/// The legacy 8-bit Vietnamese encodings still found in old files.
public enum LegacyEncoding: String, Sendable {
    case tcvn3 = "TCVN3 (ABC)"
    case vni = "VNI"
    case windows1258 = "Windows-1258"

    public var name: String { rawValue }

    /// What to tell the clerk.
    public var howToConvert: String {
        switch self {
        case .tcvn3, .vni:
            return "chuyển sang Unicode bằng Unikey (Công cụ chuyển mã: nguồn \(rawValue), đích Unicode) rồi lưu dạng UTF-8"
        case .windows1258:
            return "mở bằng trình soạn thảo, chọn bảng mã Windows-1258 rồi lưu lại dạng UTF-8 (ví dụ: iconv -f CP1258 -t UTF-8)"
        }
    }

    /// A guess from byte statistics, or nil when the bytes look like none.
    ///
    /// TCVN3 puts precomposed lowercase letters in 0xA4–0xFE and capitals
    /// (Ă Â Đ Ê Ô Ơ Ư) in 0xA1–0xA7; VNI writes a base letter followed by a
    /// tone/mark byte among 0xC0–0xDF after ASCII vowels; Windows-1258 uses
    /// combining tone marks at 0xCC, 0xD2, 0xDE, 0xEC, 0xF2 after vowels
    /// and letters like 0xE3 (ă), 0xF0 (đ), 0xF5 (ơ), 0xFD (ư).
    public static func guess(_ bytes: ArraySlice<UInt8>) -> LegacyEncoding? {
        var high = 0, cp1258Tones = 0, vniMarks = 0, tcvnLetters = 0
        var previous: UInt8 = 0
        let vowels: Set<UInt8> = Set("aeiouyAEIOUY".utf8)
        for b in bytes {
            if b >= 0x80 {
                high += 1
                let afterVowel = vowels.contains(previous)
                if [0xCC, 0xD2, 0xDE, 0xEC, 0xF2].contains(b), afterVowel || [0xE3, 0xE2, 0xEA, 0xF4, 0xF5, 0xFD].contains(previous) {
                    cp1258Tones += 1
                }
                if (0xC0...0xDF).contains(b), afterVowel { vniMarks += 1 }
                if (0xA4...0xFE).contains(b), !afterVowel { tcvnLetters += 1 }
            }
            previous = b
        }
        guard high > 0 else { return nil }
        if cp1258Tones * 3 >= high { return .windows1258 }
        if vniMarks * 2 >= high { return .vni }
        if tcvnLetters * 2 >= high { return .tcvn3 }
        return nil
    }
}
