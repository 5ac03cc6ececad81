extension ExpectedUnit {
    /// Header names accepted for the unit-name and group columns.
    static let nameHeaders: Set<String> = ["don_vi", "đơn vị", "tên đơn vị", "ten_don_vi"]
    static let groupHeaders: Set<String> = ["nhom", "nhóm", "khối", "cụm", "huyện", "khoi", "cum", "huyen"]

    /// Reads the list of units expected to report: a CSV (comma or
    /// semicolon) with a `don_vi` column and an optional `nhom` column.
    public static func parseList(_ bytes: [UInt8], file: String) -> ([ExpectedUnit], [Diagnostic]) {
        parseList(chunks: CollectionOfOne(bytes), file: file)
    }

    /// `parseList(_:file:)` over a file read in chunks: records are turned into units as
    /// they are completed, so a 100,000-line list is never held as text or records.
    public static func parseList<S: Sequence>(chunks: S, file: String) -> ([ExpectedUnit], [Diagnostic]) where S.Element == [UInt8] {
        var reader = FigureCSVReader(file: file)
        var diagnostics: [Diagnostic] = []
        // Names go into one buffer while the file is read and become `String`s at the end:
        // made one by one between the reader's short-lived records, 100,000 names pinned
        // about three times their size in partly used memory pages.
        var names = NameTable()
        var unitGroups: [Int32] = []
        var groupList: [String] = []
        var header: [String]?
        var nameColumn: Int?
        var groupColumn: Int?
        var failed = false
        // Group names repeat on every line; one copy of each is kept.
        var groups: [String: Int32] = [:]
        func handle(_ records: [CSVRecord]) {
            for record in records {
                guard !failed else { return }
                guard header != nil else {
                    let names = record.fields.map { VietnameseText.nfc($0).trimmingCharacters(in: .whitespaces).lowercased() }
                    header = names
                    guard let column = names.firstIndex(where: nameHeaders.contains) else {
                        diagnostics.append(.error("danh sách đơn vị không có cột `don_vi`", at: record.position(ofField: 0, file: file),
                                                  hint: "dòng đầu phải là tiêu đề, ví dụ `don_vi;nhom`"))
                        failed = true
                        return
                    }
                    nameColumn = column
                    groupColumn = names.firstIndex(where: groupHeaders.contains)
                    continue
                }
                guard let nameColumn, nameColumn < record.fields.count else {
                    diagnostics.append(.error("dòng thiếu tên đơn vị", at: SourcePosition(file: file, line: record.line, column: 1)))
                    continue
                }
                let name = VietnameseText.cleanInvisible(VietnameseText.nfc(record.fields[nameColumn])).text
                if name.isEmpty { continue }
                // A list copied from a table keeps its "Tổng cộng: 40 đơn vị" line: not a unit.
                if TotalRowLabel.kind(of: ReportText.normalizedName(name)) != nil { continue }
                let group = groupColumn.flatMap { $0 < record.fields.count ? VietnameseText.cleanInvisible(VietnameseText.nfc(record.fields[$0])).text : nil }
                // The list's names reach the workbook too ("Chưa báo cáo"): the same rules as the figures.
                if let problem = checkedNames(name, group, record, nameColumn: nameColumn, groupColumn: groupColumn, file: file) {
                    diagnostics.append(problem)
                    continue
                }
                if names.count == WorkbookLimits.maximumListedRows {
                    diagnostics.append(.error(
                        "danh sách đơn vị dài hơn \(ReportText.grouped(WorkbookLimits.maximumListedRows)) dòng, quá sức chứa một trang bảng tính Excel",
                        at: SourcePosition(file: file, line: record.line), hint: "tách danh sách theo khối, cụm"))
                    failed = true
                    return
                }
                var groupIndex: Int32 = -1
                if let group, !group.isEmpty {
                    if let known = groups[group] {
                        groupIndex = known
                    } else {
                        groupIndex = Int32(groupList.count)
                        groups[group] = groupIndex
                        groupList.append(group)
                    }
                }
                names.append(name)
                unitGroups.append(groupIndex)
            }
        }
        for chunk in chunks { handle(reader.feed(chunk)) }
        handle(reader.finish())
        diagnostics = reader.diagnostics + diagnostics
        if header == nil {
            diagnostics.append(.error("danh sách đơn vị rỗng", at: SourcePosition(file: file, line: 1, column: 1),
                                      hint: "dòng đầu là tiêu đề `don_vi;nhom`, mỗi dòng sau một đơn vị"))
            return ([], diagnostics)
        }
        if failed { return ([], diagnostics) }
        var units: [ExpectedUnit] = []
        units.reserveCapacity(names.count)
        for index in 0..<names.count {
            let g = unitGroups[index]
            units.append(ExpectedUnit(name: names[index], group: g >= 0 ? groupList[Int(g)] : nil))
        }
        return (units, diagnostics)
    }

    /// The first rule a listed unit's name or group breaks, as an error at its cell.
    private static func checkedNames(_ name: String, _ group: String?, _ record: CSVRecord, nameColumn: Int, groupColumn: Int?,
                                     file: String) -> Diagnostic? {
        if let problem = FigureRules.nameProblem(name, what: "tên đơn vị") {
            return .error(problem.message, at: record.position(ofField: nameColumn, file: file), hint: problem.hint)
        }
        if let group, let groupColumn, let problem = FigureRules.nameProblem(group, what: "tên khối, cụm") {
            return .error(problem.message, at: record.position(ofField: groupColumn, file: file), hint: problem.hint)
        }
        return nil
    }
}
