extension ExpectedUnit {
    /// Header names accepted for the unit-name and group columns.
    static let nameHeaders: Set<String> = ["don_vi", "đơn vị", "tên đơn vị", "ten_don_vi"]
    static let groupHeaders: Set<String> = ["nhom", "nhóm", "khối", "cụm", "huyện", "khoi", "cum", "huyen"]

    /// Reads the list of units expected to report: a CSV (comma or
    /// semicolon) with a `don_vi` column and an optional `nhom` column.
    public static func parseList(_ bytes: [UInt8], file: String) -> ([ExpectedUnit], [Diagnostic]) {
        var reader = FigureCSVReader(file: file)
        var records = reader.feed(bytes)
        records += reader.finish()
        var diagnostics = reader.diagnostics
        guard let header = records.first else {
            diagnostics.append(.error("danh sách đơn vị rỗng", at: SourcePosition(file: file, line: 1, column: 1),
                                      hint: "dòng đầu là tiêu đề `don_vi;nhom`, mỗi dòng sau một đơn vị"))
            return ([], diagnostics)
        }
        let names = header.fields.map { VietnameseText.nfc($0).trimmingCharacters(in: .whitespaces).lowercased() }
        guard let nameColumn = names.firstIndex(where: nameHeaders.contains) else {
            diagnostics.append(.error("danh sách đơn vị không có cột `don_vi`", at: header.position(ofField: 0, file: file),
                                      hint: "dòng đầu phải là tiêu đề, ví dụ `don_vi;nhom`"))
            return ([], diagnostics)
        }
        let groupColumn = names.firstIndex(where: groupHeaders.contains)
        var units: [ExpectedUnit] = []
        for record in records.dropFirst() {
            guard nameColumn < record.fields.count else {
                diagnostics.append(.error("dòng thiếu tên đơn vị", at: SourcePosition(file: file, line: record.line, column: 1)))
                continue
            }
            let name = VietnameseText.cleanInvisible(VietnameseText.nfc(record.fields[nameColumn])).text
            if name.isEmpty { continue }
            let group = groupColumn.flatMap { $0 < record.fields.count ? VietnameseText.cleanInvisible(VietnameseText.nfc(record.fields[$0])).text : nil }
            units.append(ExpectedUnit(name: name, group: group?.isEmpty == true ? nil : group))
        }
        return (units, diagnostics)
    }
}
