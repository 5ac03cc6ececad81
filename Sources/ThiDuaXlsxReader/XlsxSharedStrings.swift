/// The shared-string table (`xl/sharedStrings.xml`): each `<si>` is one string, plain
/// (`<t>`) or rich (runs of `<r><t>`); phonetic guides (`<rPh>`) are not part of the text.
final class XlsxSharedStrings: XMLEventHandler {
    private(set) var strings: [String] = []
    private var current: [UInt8] = []
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private var totalBytes = 0
    private let maxStrings: Int
    private let maxBytes: Int
    /// Set when a limit was reached; the reader refuses the file.
    private(set) var overLimit = false

    init(maxStrings: Int, maxBytes: Int) {
        self.maxStrings = maxStrings
        self.maxBytes = maxBytes
    }

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("si") {
            inItem = true
            current.removeAll(keepingCapacity: true)
        } else if name.is("rPh") {
            phoneticDepth += 1
        } else if name.is("t"), inItem, phoneticDepth == 0 {
            inText = true
        }
    }

    override func end(_ name: XMLName) {
        if name.is("si") {
            inItem = false
            guard strings.count < maxStrings else { return stop() }
            strings.append(XlsxText.decode(current))
        } else if name.is("rPh") {
            phoneticDepth = max(phoneticDepth - 1, 0)
        } else if name.is("t") {
            inText = false
        }
    }

    override func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard inText else { return }
        totalBytes += bytes.count
        guard totalBytes <= maxBytes else { return stop() }
        current.append(contentsOf: bytes)
    }

    private func stop() {
        overLimit = true
        parser?.fail(.stopped)
    }
}

/// Text as OOXML stores it.
enum XlsxText {
    /// UTF-8 bytes to a string, undoing Excel's `_xHHHH_` escapes for characters XML cannot
    /// hold (control characters; `_x005F_` is a literal underscore).
    static func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer(decode)
    }

    /// `decode(_:)` of bytes held elsewhere (a cell's text buffer).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        // An escape starts with the bytes "_x"; looked for in the bytes (Foundation's string
        // search ran for every cell with an underscore).
        guard bytes.count >= 7, bytes.indices.dropLast().contains(where: { bytes[$0] == UInt8(ascii: "_") && bytes[$0 + 1] == UInt8(ascii: "x") }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}
