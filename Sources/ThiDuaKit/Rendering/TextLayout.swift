/// Plain-text layout of the parts of a document: wrapped paragraphs with
/// hanging indents, the two-column header, the centred title, and the
/// recipients beside the signature. Widths count grapheme clusters.
enum TextLayout {
    /// First-line indent of body paragraphs.
    static let paragraphIndent = "    "

    /// Wraps `text` with `marker` on the first line and a hanging indent of
    /// its width on the others.
    static func wrap(_ text: String, width: Int, hanging marker: String) -> String {
        let rest = String(repeating: " ", count: VietnameseText.displayWidth(marker))
        return wrap(text, width: width, first: marker, rest: rest)
    }

    static func wrap(_ text: String, width: Int, first: String, rest: String) -> String {
        VietnameseText.wrap(text, width: width, firstIndent: first, restIndent: rest).joined(separator: "\n")
    }

    /// Each line wrapped to `width` and centred within `within` columns.
    static func centeredBlock(_ lines: [String], width: Int, within: Int? = nil) -> String {
        let total = within ?? width
        return lines.flatMap { VietnameseText.wrap($0, width: width) }
            .map { VietnameseText.center($0, width: total) }
            .joined(separator: "\n")
    }

    /// The official header: bodies on the left, the national title on the
    /// right, each centred in its half, with short rules under the issuing
    /// body and the motto; then the number and the place-and-date line on
    /// one row.
    static func header(left: [String], right: [String], number: String, placeDate: String, width: Int) -> String {
        let half = width / 2
        let leftRule = VietnameseText.rule(min(half - 4, 12))
        let motto = right.last ?? ""
        let rightRule = VietnameseText.rule(min(half - 2, VietnameseText.displayWidth(motto)))
        let top = VietnameseText.twoColumns(left: left + [leftRule], right: right + [rightRule], totalWidth: width)
        let bottom = VietnameseText.twoColumns(left: [number], right: [placeDate], totalWidth: width)
        return (top + [""] + bottom).joined(separator: "\n")
    }

    /// "Nơi nhận:" and its lines on the left (left-aligned, wrapped to the
    /// left half) beside the signature block centred in the right half.
    static func footer(recipients: [String], signature: [String], width: Int) -> String {
        let half = width / 2
        var left: [String] = recipients.isEmpty ? [] : ["Nơi nhận:"]
        for line in recipients {
            left += VietnameseText.wrap(line, width: half - 2, firstIndent: "", restIndent: "  ")
        }
        let right = signature.flatMap { $0.isEmpty ? [""] : VietnameseText.wrap($0, width: half) }
            .map { VietnameseText.center($0, width: half) }
        let rows = max(left.count, right.count)
        var lines: [String] = []
        for row in 0..<rows {
            let l = row < left.count ? left[row] : ""
            let r = row < right.count ? right[row] : ""
            let line = r.isEmpty ? l : VietnameseText.padRight(l, width: half) + r
            lines.append(VietnameseText.trimmingTrailingSpaces(line))
        }
        return lines.joined(separator: "\n")
    }
}
