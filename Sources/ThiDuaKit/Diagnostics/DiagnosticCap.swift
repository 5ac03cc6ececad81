/// Lists the first findings of each kind in one file and counts the rest, so a file with
/// the same mistake in 20,000 columns or on 100,000 rows gives a screenful and one summary
/// line per kind, not a million lines. What is not listed is still acted on (the column
/// ignored, the row skipped); only the message is left out.
struct DiagnosticCap: Sendable {
    /// One kind of finding: how its summary line reads.
    struct Kind: Hashable, Sendable {
        /// Plural noun of the findings, e.g. "cột lạ", "lỗi ở các dòng".
        var noun: String
        /// How to go on, in the summary line.
        var hint: String
        /// True for findings along one line (header cells): the summary names the last
        /// column left out rather than the last line.
        var alongALine = false
    }

    /// Findings listed per kind.
    let perKind: Int
    /// Findings listed in all, whatever their kind.
    let total: Int
    /// The findings listed, in the order they came.
    private(set) var listed: [Diagnostic] = []
    private var listedByKind: [Kind: Int] = [:]
    /// Per kind left out: how many, the most severe, the last line, first seen order.
    private var leftOut: [Kind: LeftOut] = [:]

    private struct LeftOut: Sendable {
        var count = 0
        var severity = Diagnostic.Severity.warning
        var last = SourcePosition(file: "")
        var order: Int
    }

    init(perKind: Int, total: Int) {
        self.perKind = perKind
        self.total = total
    }

    /// True when a finding of `kind` would be listed now: callers skip building a costly
    /// message (a suggestion among hundreds of names) that would only be counted.
    func wouldList(_ kind: Kind) -> Bool {
        listedByKind[kind, default: 0] < perKind && listed.count < total
    }

    /// Lists `diagnostic` or counts it.
    mutating func add(_ diagnostic: Diagnostic, kind: Kind) {
        let shown = listedByKind[kind, default: 0]
        if shown < perKind && listed.count < total {
            listed.append(diagnostic)
            listedByKind[kind] = shown + 1
            return
        }
        var entry = leftOut[kind] ?? LeftOut(order: leftOut.count)
        entry.count += 1
        if diagnostic.severity == .error { entry.severity = .error }
        if let position = diagnostic.position,
           (position.line, position.column) > (entry.last.line, entry.last.column) {
            entry.last = position
        }
        leftOut[kind] = entry
    }

    /// Number of findings not listed.
    var leftOutCount: Int { leftOut.values.reduce(0) { $0 + $1.count } }

    /// One line per kind with findings left out, in the order the kinds first overflowed,
    /// placed at the last finding left out (so a listing sorted by position ends with it).
    func summaries() -> [Diagnostic] {
        leftOut.sorted { $0.value.order < $1.value.order }.map { kind, entry in
            var upTo = ""
            if kind.alongALine && entry.last.column > 0 {
                upTo = " (đến cột \(entry.last.column))"
            } else if entry.last.line > 0 {
                upTo = " (đến dòng \(entry.last.line))"
            }
            return Diagnostic(entry.severity, "còn \(ReportText.grouped(entry.count)) \(kind.noun) khác trong tệp không liệt kê\(upTo)",
                              at: entry.last, hint: kind.hint)
        }
    }
}
