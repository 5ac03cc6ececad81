extension ReportAggregator {
    /// Aggregates the figure files a `bao_cao` document names.
    ///
    /// - Parameter open: gives the contents of the files an entry of the data file stands
    ///   for (one file, or every file of a folder or a pattern; the caller resolves the
    ///   paths and reads lazily), or a diagnostic when it cannot; the library itself never
    ///   touches the disk.
    /// - Returns: nil for documents that are not reports, or when a file is
    ///   missing; and every diagnostic.
    public static func aggregate(document: Document, open: (Located<String>) -> Result<[FigureSource], Diagnostic>) -> (ReportResult?, [Diagnostic]) {
        guard document.kind == .baoCao, let spec = document.report else { return (nil, []) }
        var diagnostics: [Diagnostic] = []
        func sources(_ names: [Located<String>]) -> [FigureSource] {
            names.flatMap { name -> [FigureSource] in
                switch open(name) {
                case .success(let found): return found
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    return []
                }
            }
        }
        let current = sources(spec.figureFiles)
        let previous = spec.previousFiles.isEmpty ? nil : sources(spec.previousFiles)
        var expected: [ExpectedUnit]?
        var expectedLabel = "danh sách đơn vị"
        if let file = spec.expectedUnitsFile, let source = sources([file]).first {
            // A folder or pattern for the list takes its first file only: one list is expected.
            expectedLabel = source.label
            let (units, listDiagnostics) = source.tables.map { ExpectedUnit.parseList(tables: $0, file: source.label) }
                ?? ExpectedUnit.parseList(chunks: source.chunks, file: source.label)
            expected = units
            diagnostics += listDiagnostics
            // An empty list would make "1/1 đơn vị đã gửi báo cáo" of one unit against none.
            if units.isEmpty, !listDiagnostics.hasErrors {
                diagnostics.append(.error("danh sách đơn vị dự kiến \"\(source.label)\" không có đơn vị nào",
                                          at: file.position, hint: "ghi mỗi đơn vị một dòng dưới dòng tiêu đề, hoặc bỏ `don_vi_du_kien`"))
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let inputs = ReportInputs(indicators: spec.indicators ?? .default, indicatorsOrigin: spec.indicatorsPosition,
                                  sources: current, expectedUnits: expected, expectedUnitsLabel: expectedLabel, previous: previous)
        let result = aggregate(inputs)
        let found = diagnostics + result.diagnostics
        // "No unit at all" after a file was refused only repeats why: that error already says it.
        var more = findings(document, result)
        if found.hasErrors, result.statistics.unitCount == 0 { more.removeAll { $0.severity == .error } }
        return (result, found + more)
    }
}
