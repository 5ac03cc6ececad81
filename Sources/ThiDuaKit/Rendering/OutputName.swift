/// File names of outputs, built from the document's number and symbol.
///
/// The name comes from data a clerk typed, so it is folded to ASCII letters,
/// digits, "-", "_" and "." only: it can never contain "/", "..", control
/// characters or a reserved device name, and so never leaves the output folder.
public enum OutputName {
    /// "13-KH-LDLD-2017" for Số 13/KH-LĐLĐ of 2017 (numbers restart every
    /// year, so the year keeps names unique); without a number, the full date.
    public static func base(for document: Document) -> String {
        let header = document.header
        // Cut here, not as a whole: a name cut at its end would lose the year that keeps it
        // unique; and a cut symbol keeps a digest of the whole, so two long symbols that
        // differ only past the cut still name different files.
        var symbol = VietnameseText.asciiFold(header.symbol.value)
        if symbol.count > 80 { symbol = String(symbol.prefix(72)) + "-" + digest(header.symbol.value) }
        var parts: [String] = []
        if let number = header.number {
            parts.append(number < 10 ? "0\(number)" : String(number))
            parts.append(symbol)
            parts.append(String(header.date.value.year))
        } else {
            parts.append(symbol)
            parts.append(header.date.value.iso)
        }
        return sanitize(parts.filter { !$0.isEmpty }.joined(separator: "-"))
    }

    /// Eight hexadecimal digits of FNV-1a over the text's UTF-8: the same on every run.
    static func digest(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Makes any string safe as a single file name component.
    public static func sanitize(_ raw: String) -> String {
        var name = VietnameseText.asciiFold(raw)
        while name.hasPrefix(".") || name.hasPrefix("-") { name.removeFirst() }
        if name.isEmpty { name = "van-ban" }
        if name.count > 100 { name = String(name.prefix(100)) }
        let reserved: Set<String> = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
                                     "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"]
        let stem = name.split(separator: ".").first.map(String.init)?.uppercased() ?? ""
        if reserved.contains(stem) { name = "van-ban-" + name }
        return name
    }
}
