/// An annex (phụ lục) printed after the signature: a long table or list that would break
/// the flow of the text (conventions.md: "Long tables (every unit) go into an annex").
///
/// Only the content is stored; the label ("PHỤ LỤC", "PHỤ LỤC II") and the line saying
/// which document it accompanies are worked out when the document is laid out, so every
/// output format writes them alike.
public struct Annex: Sendable, Equatable {
    /// The annex's own title in capitals, e.g. "KẾT QUẢ THI ĐUA CỦA TỪNG ĐƠN VỊ".
    public var title: String
    /// The content: tables, paragraphs, lists.
    public var blocks: [Block]
    /// True when the annex is better printed on landscape pages (wide tables).
    public var landscape: Bool

    /// Creates an annex.
    public init(title: String, blocks: [Block], landscape: Bool = false) {
        self.title = title
        self.blocks = blocks
        self.landscape = landscape
    }

    /// "PHỤ LỤC" when the document has one annex, "PHỤ LỤC I", "PHỤ LỤC II" … otherwise.
    public static func label(index: Int, count: Int) -> String {
        count <= 1 ? "PHỤ LỤC" : "PHỤ LỤC \(RomanNumeral.string(index + 1) ?? String(index + 1))"
    }

    /// How the text refers to an annex: "Phụ lục", "Phụ lục II".
    public static func reference(index: Int, count: Int) -> String {
        count <= 1 ? "Phụ lục" : "Phụ lục \(RomanNumeral.string(index + 1) ?? String(index + 1))"
    }
}
