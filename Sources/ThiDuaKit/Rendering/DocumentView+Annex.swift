/// The annexes (phụ lục) after the signature: each opens with its label ("PHỤ LỤC",
/// "PHỤ LỤC II"), its title and the line saying which document it accompanies, "(Kèm
/// theo Báo cáo số 41/BC-LĐLĐ ngày 12/9/2025 của Ban Thường vụ Liên đoàn Lao động tỉnh
/// Bến Tre)", then its content laid out like the body.
extension DocumentView {
    /// The template values of the document's annexes, in order.
    ///
    /// Each has `label`, `title`, `accompanies` (plain strings for any format),
    /// `landscape`, `blocks` (each `{md, txt}`), and `txt_heading` (the three lines
    /// centred and wrapped to the width).
    func annexValues(_ document: Document) -> [TemplateValue] {
        let accompanies = "(\(Self.accompaniesLine(document)))"
        return document.annexes.enumerated().map { index, annex in
            let label = Annex.label(index: index, count: document.annexes.count)
            let heading = [
                TextLayout.centeredBlock([label], width: width),
                TextLayout.centeredBlock([annex.title], width: width),
                TextLayout.centeredBlock([accompanies], width: width - 10, within: width),
            ].joined(separator: "\n")
            return .map([
                ("label", .string(label)),
                ("title", .string(annex.title)),
                ("accompanies", .string(accompanies)),
                ("landscape", .bool(annex.landscape)),
                ("txt_heading", .string(heading)),
                ("blocks", .list(layout(annex.blocks))),
            ])
        }
    }

    /// "Kèm theo Báo cáo số 41/BC-LĐLĐ ngày 12/9/2025 của Ban Thường vụ Liên đoàn Lao động
    /// tỉnh Bến Tre": the document as other documents cite it, without its subject. With no
    /// number yet the blank is kept for the office to fill in ("số      /BC-LĐLĐ", no-break spaces).
    public static func accompaniesLine(_ document: Document) -> String {
        var citation = document.citation(at: document.header.date.position)
        citation.subject = nil
        if citation.numberAndSymbol == nil {
            // No-break spaces: the blank survives wrapping, which collapses runs of spaces.
            citation.numberAndSymbol = DocumentFormat.numberAndSymbol(number: nil, symbol: document.header.symbol.value)
                .replacingOccurrences(of: " ", with: "\u{00A0}")
        }
        return "Kèm theo " + referenceSentence(citation)
    }
}
