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
    mutating func subHeader(_ record: FigureRecord) -> FigureRecord? {
        guard !subHeaderChecked, let header else { return nil }
        subHeaderChecked = true
        let subs = record.cells.map { ReportText.folded($0.displayText) }
        guard subs.contains(where: { !$0.isEmpty }),
              subs.allSatisfy({ $0.isEmpty || Self.valueWords.contains($0) || Self.targetWords.contains($0) || Self.otherWords.contains($0) })
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

    static let valueWords: Set<String> = ["thực hiện", "kết quả", "số lượng", "số liệu", "giá trị"]
    static let targetWords: Set<String> = ["chỉ tiêu", "kế hoạch"]
    static let otherWords: Set<String> = ["% đạt", "tỷ lệ", "tỉ lệ", "đạt", "tỷ lệ %", "% so với chỉ tiêu", "so sánh"]

    /// True for a row that structures the table instead of reporting a unit: a group
    /// heading (a Roman numeral or capital letter in the STT column, a name, no figure),
    /// which names the group of the rows below it; or a subtotal or total row ("Cộng Khối
    /// …", "Tổng cộng"), which would count its units twice.
    mutating func isStructureRow(_ record: FigureRecord, roles: [FigureColumnRole]) -> Bool {
        guard let nameIndex = roles.firstIndex(of: .unitName) else { return false }
        let name = ReportText.normalizedName(record[nameIndex].displayText)
        guard !name.isEmpty else { return pastGrandTotal }
        let serialIndex = roles.firstIndex(of: .serial)
        let serial = serialIndex.map { FigureNumber.trimmed(record[$0].displayText) } ?? ""
        // A numbered row ("5 | …") is a unit, whatever its name; a total row has no number.
        let numbered = !serial.isEmpty && serial.allSatisfy { $0.isASCII && $0.isNumber }
        if !numbered, let total = TotalRowLabel.kind(of: name) {
            structureRows += 1
            if total == .grandTotal { pastGrandTotal = true }
            return true
        }
        guard serialIndex != nil, Self.isHeadingNumber(serial) else { return false }
        let figuresBlank = roles.indices.allSatisfy { i in
            switch roles[i] {
            case .value, .target: return record[i].isBlank
            default: return true
            }
        }
        guard figuresBlank else { return false }
        heading = name
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
