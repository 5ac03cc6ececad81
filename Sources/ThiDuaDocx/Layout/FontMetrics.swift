/// Advance widths of Times New Roman, the font the decree prescribes, so the writer can
/// size what Word does not size by itself: the rules under the issuing body and the
/// motto, the hanging indents after "1.2." or "a)", the letterhead columns and the
/// columns of a table of figures. Kerning is ignored, so widths are slightly generous.
enum FontMetrics {
    enum Weight: Sendable {
        case regular, bold
    }

    /// Thousandths of an em for a character the tables do not know (CJK, symbols):
    /// a full em, so nothing sized from it comes out too narrow.
    static let unknownWidth = 1000

    /// The width of `text` in twips (1/1440 inch) at `size` points.
    static func width(_ text: String, size: Double, weight: Weight = .regular) -> Double {
        Double(thousandths(text, weight: weight)) * size * 20 / 1000
    }

    /// The width of `text` in thousandths of an em.
    static func thousandths(_ text: String, weight: Weight) -> Int {
        let table = weight == .bold ? boldWidths : regularWidths
        var total = 0
        for scalar in text.unicodeScalars {
            total += advance(scalar.value, in: table)
        }
        return total
    }

    static func advance(_ value: UInt32, in table: [UInt16]) -> Int {
        var offset = 0
        for range in ranges {
            if value < range.low { break }
            if value <= range.high {
                let width = table[offset + Int(value - range.low)]
                return width == UInt16.max ? unknownWidth : Int(width)
            }
            offset += Int(range.high - range.low) + 1
        }
        return unknownWidth
    }
}
