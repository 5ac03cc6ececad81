extension ReportAggregator {
    /// Aggregates the figure files a `bao_cao` document names.
    ///
    /// - Parameter open: gives the contents of a file named in the data file
    ///   (the caller resolves the path and reads lazily), or a diagnostic
    ///   when it cannot; the library itself never touches the disk.
    /// - Returns: nil for documents that are not reports, or when a file is
    ///   missing; and every diagnostic.
    public static func aggregate(document: Document, open: (Located<String>) -> Result<FigureSource, Diagnostic>) -> (ReportResult?, [Diagnostic]) {
        guard document.kind == .baoCao, let spec = document.report else { return (nil, []) }
        var diagnostics: [Diagnostic] = []
        func sources(_ names: [Located<String>]) -> [FigureSource] {
            names.compactMap { name in
                switch open(name) {
                case .success(let source): return source
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    return nil
                }
            }
        }
        let current = sources(spec.figureFiles)
        let previous = spec.previousFiles.isEmpty ? nil : sources(spec.previousFiles)
        var expected: [ExpectedUnit]?
        var expectedLabel = "danh sách đơn vị"
        if let file = spec.expectedUnitsFile, let source = sources([file]).first {
            expectedLabel = source.label
            let (units, listDiagnostics) = ExpectedUnit.parseList(chunks: source.chunks, file: source.label)
            expected = units
            diagnostics += listDiagnostics
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let inputs = ReportInputs(indicators: spec.indicators ?? .default, indicatorsOrigin: spec.indicatorsPosition,
                                  sources: current, expectedUnits: expected, expectedUnitsLabel: expectedLabel, previous: previous)
        let result = aggregate(inputs)
        return (result, diagnostics + result.diagnostics + findings(document, result))
    }
}
