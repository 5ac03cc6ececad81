/// The parts of a table around its figures that spreadsheets add, and thidua's own
/// summary workbook has: a header found below other content, a second header row of
/// sub-headers under merged indicator names, group heading rows ("I | Khối Doanh
/// nghiệp"), and the group subtotal and grand total rows. `FigureFileParser` asks it about
/// each record before reading it as a unit row.
struct FigureTableShape: Sendable {
    /// What a row before the header is, in a worksheet.
    enum HeaderSearch { case skip, header }

    /// Rows of a worksheet looked at for the header before the sheet is taken to hold no
    /// figures table (an instructions sheet, a chart's data, the list of missing units).
    static let sheetHeaderSearchRows = 30

    private var rowsSearched = 0
    /// True once a worksheet was searched in vain: its remaining rows are not read.
    private(set) var gaveUp = false
    /// The header row as read, for a sub-header row that refines it.
    private var header: FigureRecord?
    private var subHeaderChecked = false
    /// The group named by the last group heading row.
    private(set) var heading: String?
    /// Group headings, subtotals and totals met: read, never added.
    private(set) var structureRows = 0
    /// True after the grand total ("Tổng cộng"): rows below it without a unit name are the
    /// table's footer (người lập biểu, the signature), not figures.
    private(set) var pastGrandTotal = false
    /// The first row with a unit-name column but no figure column, kept to explain a sheet
    /// that was skipped.
    private(set) var candidate: FigureRecord?

    /// In a worksheet, the header is the first row (within 30) with a unit-name column and
    /// at least one figure column; everything above it is title. A sheet with none holds
    /// no figures, and is passed over without a finding of its own.
    mutating func seekHeader(_ record: FigureRecord, matcher: FigureHeaderMatcher) -> HeaderSearch {
        guard !gaveUp else { return .skip }
        rowsSearched += 1
        if rowsSearched > Self.sheetHeaderSearchRows {
            gaveUp = true
            return .skip
        }
        var hasName = false, hasFigure = false
        for cell in record.cells where !cell.isBlank {
            switch matcher.role(of: cell.displayText) {
            case .unitName: hasName = true
            case .value, .target, .computed: hasFigure = true
            default: break
            }
        }
        if hasName && hasFigure { return .header }
        if hasName && candidate == nil { candidate = record }
        return .skip
    }

    /// Remembers the header row.
    mutating func noteHeader(_ record: FigureRecord) {
        header = record
    }

    /// The row right after the header, when it holds only sub-headers ("Thực hiện",
    /// "Chỉ tiêu", "% đạt", "Tỷ lệ"): the header it makes with the row above, each
    /// sub-header taking the indicator name merged over it. Nil for an ordinary row.
    ///
    /// Also a second tier of names under a merged group title ("Mái ấm Công đoàn" over "Số
    /// nhà | Kinh phí"): a row of text only, at least one cell of it a known column, below
    /// a header that does not already name that column there. Each cell of the tier replaces
    /// the one above it; where the tier is blank (a cell merged down), the header's stays.
    mutating func subHeader(_ record: FigureRecord, matcher: FigureHeaderMatcher) -> FigureRecord? {
        guard !subHeaderChecked, let header else { return nil }
        subHeaderChecked = true
        if let tier = secondTier(record, under: header, matcher: matcher) { return tier }
        let subs = record.cells.map { ReportText.folded($0.displayText) }
        guard subs.contains(where: { !$0.isEmpty }),
              subs.allSatisfy({ $0.isEmpty || Self.isSubHeaderWord($0) })
        else { return nil }
        var merged = header
        var name = ""
        for i in 0..<max(header.cells.count, subs.count) {
            let top = header[i].displayText
            if !FigureNumber.trimmed(top).isEmpty { name = top }
            let sub = i < subs.count ? subs[i] : ""
            guard !sub.isEmpty else { continue }
            let text: String
            if Self.valueWords.contains(sub) { text = name }
            else if Self.targetWords.contains(sub) { text = "chỉ tiêu " + name }
            else { text = "" }
            if merged.cells.count <= i { merged.cells.append(contentsOf: repeatElement(.empty, count: i - merged.cells.count + 1)) }
            merged.cells[i] = .text(text)
        }
        return merged
    }

    /// The header made of `header` and a second tier of column names below it, or nil.
    ///
    /// A tier's name may be whole ("Số CĐCS") or a part of the title merged above it ("Số
    /// nhà", "Kinh phí (đồng)" under "Mái ấm Công đoàn"): each cell takes the first of the
    /// cell itself, the cell and the title ("Kinh phí Mái ấm Công đoàn"), the title and the
    /// cell, or the title alone, that names a column not taken by a cell before it.
    func secondTier(_ record: FigureRecord, under header: FigureRecord, matcher: FigureHeaderMatcher) -> FigureRecord? {
        var texts: [Int: String] = [:]
        var subWords = 0
        for (i, cell) in record.cells.enumerated() where !cell.isBlank {
            guard case .text(let text) = cell else { return nil }
            if Self.isSubHeaderWord(ReportText.folded(text)) { subWords += 1 }
            texts[i] = text
        }
        // Sub-header words alone ("Thực hiện | Chỉ tiêu | % đạt") are the other rule's.
        guard !texts.isEmpty, subWords < texts.count else { return nil }
        // A data row names its unit; a tier of names under a header leaves the unit-name
        // column blank (merged down) or names it again, and holds no figure.
        for i in header.cells.indices where matcher.role(of: header[i].displayText) == .unitName {
            if let text = texts[i], matcher.role(of: text) != .unitName { return nil }
        }
        if texts.values.contains(where: { text in text.allSatisfy { $0.isNumber || ".,-+ ".contains($0) } }) { return nil }
        var merged = header
        var taken = Set<FigureColumnRole>()
        var title = ""
        var namesANewColumn = false
        for i in 0..<max(header.cells.count, (texts.keys.max() ?? 0) + 1) {
            let above = header[i].displayText
            if !FigureNumber.trimmed(above).isEmpty { title = above }
            guard let text = texts[i] else {
                if let role = matcher.role(of: above), role != .ignored { taken.insert(role) }
                continue
            }
            let bare = Self.withoutBracket(text)
            let folded = ReportText.folded(text)
            // Beside names of their own, sub-header words under a title: "Chỉ tiêu | Thực
            // hiện" under "Phát triển đoàn viên", "Tỷ lệ (%)" computed and passed over.
            let candidates: [String]
            if Self.valueWords.contains(folded) {
                candidates = [title]
            } else if Self.targetWords.contains(folded) {
                candidates = ["chỉ tiêu " + title]
            } else if Self.isSubHeaderWord(folded) {
                if merged.cells.count <= i { merged.cells.append(contentsOf: repeatElement(.empty, count: i - merged.cells.count + 1)) }
                merged.cells[i] = .empty
                namesANewColumn = true
                continue
            } else {
                candidates = [text, "\(bare) \(title)", "\(title) \(bare)", title]
            }
            var chosen = text
            for candidate in candidates where !FigureNumber.trimmed(candidate).isEmpty {
                guard let role = matcher.role(of: candidate), role != .ignored, !taken.contains(role) else { continue }
                switch role {
                case .value, .target, .computed:
                    if matcher.role(of: above) != role { namesANewColumn = true }
                default:
                    break
                }
                taken.insert(role)
                chosen = candidate
                break
            }
            // "Kinh phí (triệu đồng)" under "Mái ấm Công đoàn" names the title's column: the
            // unit in brackets goes with it, or a column in millions would be read in đồng.
            if chosen != text, bare != text, let open = text.firstIndex(of: "(") {
                let withUnit = chosen + " " + text[open...].trimmingCharacters(in: .whitespaces)
                // Only when the column is still the same one: a title with a bracket of its
                // own ("Giá trị làm lợi (triệu đồng)") would not be found with a second.
                if matcher.role(of: withUnit) == matcher.role(of: chosen) { chosen = withUnit }
            }
            if merged.cells.count <= i { merged.cells.append(contentsOf: repeatElement(.empty, count: i - merged.cells.count + 1)) }
            merged.cells[i] = .text(chosen)
        }
        return namesANewColumn ? merged : nil
    }

    /// "Thực hiện", "Chỉ tiêu", "% đạt", "Tỷ lệ (%)": words under a merged indicator name.
    static func isSubHeaderWord(_ folded: String) -> Bool {
        valueWords.contains(folded) || targetWords.contains(folded) || otherWords.contains(folded)
            || folded.hasPrefix("tỷ lệ") || folded.hasPrefix("tỉ lệ") || folded.hasPrefix("%")
    }

    /// "Kinh phí (đồng)" → "Kinh phí": the unit of measure in brackets is not part of a name.
    static func withoutBracket(_ text: String) -> String {
        guard let open = text.firstIndex(of: "(") else { return text }
        return text[..<open].trimmingCharacters(in: .whitespaces)
    }

    static let valueWords: Set<String> = ["thực hiện", "kết quả", "số lượng", "số liệu", "giá trị"]
    static let targetWords: Set<String> = ["chỉ tiêu", "kế hoạch"]
    static let otherWords: Set<String> = ["% đạt", "tỷ lệ", "tỉ lệ", "đạt", "tỷ lệ %", "% so với chỉ tiêu", "so sánh"]

    /// True for a row that structures the table instead of reporting a unit: a group
    /// heading (a Roman numeral or capital letter in the STT column, a name, no figure),
    /// which names the group of the rows below it; or a subtotal or total row ("Cộng Khối
    /// …", "Tổng cộng"), which would count its units twice.
    /// What the last structure row was when it was a total (nil for a group heading): the
    /// parser compares its figures with the rows it sums up.
    private(set) var lastTotal: TotalRowLabel.Kind?

    mutating func isStructureRow(_ record: FigureRecord, roles: [FigureColumnRole]) -> Bool {
        lastTotal = nil
        guard let nameIndex = roles.firstIndex(of: .unitName) else { return false }
        let name = ReportText.normalizedName(record[nameIndex].displayText)
        guard !name.isEmpty else { return pastGrandTotal }
        let serialIndex = roles.firstIndex(of: .serial)
        let serial = serialIndex.map { FigureNumber.trimmed(record[$0].displayText) } ?? ""
        // A numbered row ("5 | …") is a unit, whatever its name; a total row has no number.
        // Digits as bytes: the ASCII digits are the only characters both ASCII and numbers.
        let numbered = !serial.isEmpty && serial.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        if !numbered, let total = TotalRowLabel.kind(of: name) {
            structureRows += 1
            lastTotal = total
            if total == .grandTotal { pastGrandTotal = true }
            return true
        }
        let figuresBlank = roles.indices.allSatisfy { i in
            switch roles[i] {
            case .value, .target: return record[i].isBlank
            default: return true
            }
        }
        guard figuresBlank else { return false }
        if serialIndex != nil, Self.isHeadingNumber(serial) {
            heading = name
            structureRows += 1
            return true
        }
        // Without a number in an STT column, a row that names a group ("A. KHỐI DOANH NGHIỆP",
        // "Khối Hành chính", "Cụm thi đua số 1") and holds no figure heads the rows below.
        guard !numbered, TotalRowLabel.namesAGroup(name, groupAbove: nil) else { return false }
        heading = TotalRowLabel.withoutNumbering(name)
        structureRows += 1
        return true
    }

    /// "I", "II", "XIV" or "A", "B": how Vietnamese tables number their parts.
    static func isHeadingNumber(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 6 else { return false }
        if text.count == 1, let c = text.unicodeScalars.first, c.value >= 65 && c.value <= 90 { return true }
        return text.unicodeScalars.allSatisfy { "IVXLC".unicodeScalars.contains($0) }
    }
}
