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
        return lines.flatMap { VietnameseText.balancedWrap($0, width: width) }
            .map { VietnameseText.center($0, width: total) }
            .joined(separator: "\n")
    }

    /// Blank lines between the signer's title and name: room for the signature and the seal.
    static let signatureRoom = 4

    /// The official header: bodies on the left, the national title on the right, each centred
    /// in its column, with short rules under the issuing body and the motto; then the number and
    /// the place-and-date line on one row whenever the two fit the width.
    ///
    /// The quốc hiệu, the tiêu ngữ and the place-and-date line are never broken in the middle. A
    /// name too long for the left column is broken inside it where the .docx breaks it
    /// (`VietnameseText.breakName`), the right column as it is. Only when the left column is too
    /// narrow even for that (a word of the name wider than it, or a word of several syllables
    /// that would have to be split) are the columns stacked as a typist would: national title
    /// first, then the bodies.
    static func header(left: [String], right: [String], number: String, placeDate: String, width: Int) -> String {
        let motto = right.last ?? ""
        var lines: [String] = []
        if let (names, columns) = sideBySide(left: left, right: right, width: width) {
            let leftRule = VietnameseText.rule(min(columns.left - 4, 12))
            let rightRule = VietnameseText.rule(min(columns.right - 2, VietnameseText.displayWidth(motto)))
            lines += besideEachOther(names + [leftRule], right + [rightRule], columns)
            lines.append("")
            lines += numberAndDate(number, placeDate, width: width, numberColumn: columns.left,
                                   dateColumn: (columns.left + columns.gap, columns.right))
        } else {
            lines += centredWhole(right, width: width)
            lines.append(VietnameseText.center(VietnameseText.rule(min(width - 2, VietnameseText.displayWidth(motto))), width: width))
            lines.append("")
            lines += left.flatMap { nameLines($0, width: width) }.map { VietnameseText.center($0, width: width) }
            lines.append(VietnameseText.center(VietnameseText.rule(12), width: width))
            lines.append("")
            lines += numberAndDate(number, placeDate, width: width, numberColumn: width, dateColumn: nil)
        }
        return lines.joined(separator: "\n")
    }

    /// The names as the left column shows them and the widths of the columns; nil when the two
    /// columns cannot stand side by side even with the names broken inside theirs.
    static func sideBySide(left: [String], right: [String], width: Int) -> ([String], (left: Int, right: Int, gap: Int))? {
        let widest = { (lines: [String]) in lines.map(VietnameseText.displayWidth).max() ?? 0 }
        let rightWidth = widest(right)
        if let columns = columnWidths(left: widest(left), right: rightWidth, width: width) { return (left, columns) }
        // The left column takes what the right one leaves (the gap of `columnWidths` apart).
        let room = width - 2 - rightWidth
        guard room > 0 else { return nil }
        var names: [String] = []
        for name in left {
            guard VietnameseText.displayWidth(name) > room else {
                names.append(name)
                continue
            }
            let broken = VietnameseText.breakName(name, width: room)
            guard !broken.isForced else { return nil }
            names += broken.lines
        }
        guard let columns = columnWidths(left: widest(names), right: rightWidth, width: width) else { return nil }
        return (names, columns)
    }

    /// A name on a page `width` wide with nothing beside it: whole when it fits, else broken by
    /// `VietnameseText.breakName`, a word longer than the page cut between letters.
    static func nameLines(_ name: String, width: Int) -> [String] {
        guard VietnameseText.displayWidth(name) > width else { return [name] }
        return VietnameseText.breakName(name, width: width).lines.flatMap { line in
            VietnameseText.displayWidth(line) > width ? VietnameseText.wrap(line, width: width) : [line]
        }
    }

    /// The number (centred in the first `numberColumn` columns) and the place-and-date line
    /// (centred in `dateColumn`, or at the right margin when it does not fit there) on one row,
    /// two spaces apart at least, when they fit the width; else the number, then the place and
    /// date at the right margin.
    static func numberAndDate(_ number: String, _ placeDate: String, width: Int, numberColumn: Int,
                              dateColumn: (start: Int, width: Int)?) -> [String] {
        let numberWidth = VietnameseText.displayWidth(number)
        let dateWidth = VietnameseText.displayWidth(placeDate)
        let gap = 2
        guard numberWidth + gap + dateWidth <= width else {
            return [VietnameseText.center(number, width: numberColumn)]
                + wholeLines(placeDate, width: width).map { VietnameseText.alignRight($0, width: width) }
        }
        var dateStart = width - dateWidth
        if let column = dateColumn, dateWidth <= column.width { dateStart = column.start + (column.width - dateWidth) / 2 }
        dateStart = max(dateStart, numberWidth + gap)
        let numberStart = max(0, min((numberColumn - numberWidth) / 2, dateStart - gap - numberWidth))
        return [VietnameseText.spaces(numberStart) + number + VietnameseText.spaces(dateStart - numberStart - numberWidth) + placeDate]
    }

    /// The widths of the two columns (and the gap), or nil when the widest lines do not fit side
    /// by side: halves when both fit in a half, else each column as wide as its widest line.
    static func columnWidths(left: Int, right: Int, width: Int) -> (left: Int, right: Int, gap: Int)? {
        let half = max(1, (width - 2) / 2)
        if left <= half, right <= half { return (half, half, width - 2 * half) }
        let gap = 2
        guard left + gap + right <= width else { return nil }
        let spare = width - left - gap - right
        return (left + spare / 2, right + spare - spare / 2, gap)
    }

    /// Lines of two columns, each line centred in its column (no line is wider than its column).
    static func besideEachOther(_ left: [String], _ right: [String], _ columns: (left: Int, right: Int, gap: Int)) -> [String] {
        let l = left.map { VietnameseText.center($0, width: columns.left) }
        let r = right.map { VietnameseText.center($0, width: columns.right) }
        return (0..<max(l.count, r.count)).map { row in
            let leftPart = row < l.count ? l[row] : ""
            let rightPart = row < r.count ? r[row] : ""
            return rightPart.isEmpty ? leftPart
                : VietnameseText.trimmingTrailingSpaces(VietnameseText.padRight(leftPart, width: columns.left + columns.gap) + rightPart)
        }
    }

    /// Each line centred across the page, broken only when it is wider than the page.
    static func centredWhole(_ lines: [String], width: Int) -> [String] {
        lines.flatMap { wholeLines($0, width: width) }.map { VietnameseText.center($0, width: width) }
    }

    /// The line itself when it fits; else wrapped into lines of even length, so no word is left
    /// alone on the last line ("LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ HỒ CHÍ MINH").
    static func wholeLines(_ text: String, width: Int) -> [String] {
        guard VietnameseText.displayWidth(text) > width else { return [text] }
        return VietnameseText.balancedWrap(text, width: width)
    }

    /// "Nơi nhận:" and its lines on the left (left-aligned, wrapped to the left half) beside the
    /// signature block centred in the right half. A recipient's purpose with its final mark
    /// ("(để th/hiện);") is never broken. When a signature line does not fit the right half, the
    /// signature comes first, at the right of the page, and the recipients under it.
    static func footer(recipients: [(name: String, tail: String)], signature: [String], width: Int) -> String {
        let half = width / 2
        let signatureWidth = signature.map(VietnameseText.displayWidth).max() ?? 0
        let stacked = signatureWidth > half
        let recipientWidth = stacked ? width : half - 2
        var left: [String] = recipients.isEmpty ? [] : ["Nơi nhận:"]
        for recipient in recipients {
            left += wrapKeepingTail(recipient.name, tail: recipient.tail, width: recipientWidth, restIndent: "  ")
        }
        if stacked {
            // Centred within a block as wide as its widest line, the block at the right margin.
            let block = min(width, signatureWidth)
            let right = signature.flatMap { $0.isEmpty ? [""] : wholeLines($0, width: block) }.map { line -> String in
                line.isEmpty ? "" : VietnameseText.trimmingTrailingSpaces(VietnameseText.spaces(width - block) + VietnameseText.center(line, width: block))
            }
            return (right + (left.isEmpty ? [] : [""] + left)).joined(separator: "\n")
        }
        let right = signature.map { $0.isEmpty ? "" : VietnameseText.center($0, width: half) }
        var lines: [String] = []
        for row in 0..<max(left.count, right.count) {
            let l = row < left.count ? left[row] : ""
            let r = row < right.count ? right[row] : ""
            let line = r.isEmpty ? l : VietnameseText.padRight(l, width: half) + r
            lines.append(VietnameseText.trimmingTrailingSpaces(line))
        }
        return lines.joined(separator: "\n")
    }

    /// `text` and `tail` wrapped as one line of words, `tail` kept whole (on the last line).
    static func wrapKeepingTail(_ text: String, tail: String, width: Int, restIndent: String) -> [String] {
        guard !tail.isEmpty else { return VietnameseText.wrap(text, width: width, firstIndent: "", restIndent: restIndent) }
        guard !tail.unicodeScalars.contains(VietnameseText.glue) else {
            return VietnameseText.wrap(text + " " + tail, width: width, firstIndent: "", restIndent: restIndent)
        }
        var glued = String.UnicodeScalarView()
        glued.append(contentsOf: tail.unicodeScalars.map { $0 == " " ? VietnameseText.glue : $0 })
        return VietnameseText.wrap(text + " " + String(glued), width: width, firstIndent: "", restIndent: restIndent)
            .map(VietnameseText.restoringGlue)
    }
}
