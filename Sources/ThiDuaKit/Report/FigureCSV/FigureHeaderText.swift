/// Where a header sets its unit of measure off from the name: "Số CĐCS (CĐCS)", "Giá trị
/// làm lợi [triệu đồng]", "Giá trị làm lợi - triệu đồng". One reading for the column's role
/// (`FigureHeaderMatcher`) and for a money column's unit (`FigureMoneyUnit`).
enum FigureHeaderText {
    /// The text before the last bracket group and the text inside it, when `text` ends in
    /// ")" or "]" and holds its opening bracket; nil otherwise.
    static func bracketed(_ text: String) -> (name: Substring, unit: Substring)? {
        guard let close = text.last, close == ")" || close == "]",
              let open = text.lastIndex(of: close == ")" ? "(" : "[") else { return nil }
        return (text[..<open], text[text.index(after: open)..<text.index(before: text.endIndex)])
    }

    /// The text before and after the last " - ", nil without one.
    static func dashed(_ text: String) -> (name: Substring, unit: Substring)? {
        guard let dash = text.range(of: " - ", options: .backwards) else { return nil }
        return (text[..<dash.lowerBound], text[dash.upperBound...])
    }
}
