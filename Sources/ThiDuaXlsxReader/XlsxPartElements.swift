/// Reads a small part (relationships, workbook, styles) into the few elements wanted, with
/// their attributes and the element they sit in. These parts are kilobytes; the sheets,
/// which are not, have their own streaming handler.
final class XlsxPartElements: XMLEventHandler {
    /// One element met.
    struct Element {
        var name: String
        var parent: String
        var attributes: [String: String]
    }

    private let wanted: [StaticString]
    private let attributeNames: [StaticString]
    private var stack: [String] = []
    private(set) var elements: [Element] = []
    /// Elements kept at most, so a hostile part of a million `<sheet>` cannot grow this.
    private let cap: Int

    init(wanted: [StaticString], attributes: [StaticString], cap: Int = 100_000) {
        self.wanted = wanted
        self.attributeNames = attributes
        self.cap = cap
    }

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        let text = String(cString: name.bytes)
        if elements.count < cap, wanted.contains(where: { name.is($0) }) {
            var values: [String: String] = [:]
            for attribute in attributeNames {
                if let value = attributes.string(attribute) { values[attribute.description] = value }
            }
            elements.append(Element(name: text, parent: stack.last ?? "", attributes: values))
        }
        // Depth is bounded by libxml2 (256 without XML_PARSE_HUGE).
        stack.append(text)
    }

    override func end(_ name: XMLName) {
        _ = stack.popLast()
    }

    override func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}
