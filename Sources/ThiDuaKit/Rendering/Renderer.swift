/// The pipeline from input bytes to rendered text, without touching disk:
/// decode → load (typed model with positions) → check → view model → template.
public enum Renderer {
    /// Decodes, loads and checks one document file.
    ///
    /// - Returns: the document when it could be read, and all diagnostics;
    ///   callers render only when there is no error among them.
    public static func load(bytes: [UInt8], file: String) -> (Document?, [Diagnostic]) {
        let (document, readDiagnostics) = read(bytes: bytes, file: file)
        guard let document else { return (nil, readDiagnostics) }
        let (checked, checkDiagnostics) = check(document, linked: .none)
        return (checked, readDiagnostics + checkDiagnostics)
    }

    /// Decodes and loads one document file without checking it: the first half of `load`,
    /// for callers that must open the data files it names (`Document.dataFileLinks`) first.
    public static func read(bytes: [UInt8], file: String) -> (Document?, [Diagnostic]) {
        let text: String
        switch InputText.decode(bytes, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        return Document.load(text: text, file: file)
    }

    /// Completes a loaded document from the documents it cites by data file (a report also
    /// takes the reviewed plan's targets, `Document.reviewingPlan`), then runs every check:
    /// the second half of `load`.
    public static func check(_ document: Document, linked: LinkedDocuments) -> (Document, [Diagnostic]) {
        let (completed, linkDiagnostics) = document.linking(linked)
        let (reviewed, planDiagnostics) = completed.reviewingPlan(linked)
        return (reviewed, linkDiagnostics + planDiagnostics + reviewed.check())
    }

    /// Renders a checked document in several formats, building its context once.
    public static func render(_ document: Document, formats: [OutputFormat], templates: TemplateSet, width: Int = 80) throws -> [String] {
        let context = DocumentView(width: width).context(for: document)
        return try templates.render(context, kind: document.kind, formats: formats)
    }

    /// Renders a checked document in one format.
    public static func render(_ document: Document, format: OutputFormat, templates: TemplateSet, width: Int = 80) throws -> String {
        let context = DocumentView(width: width).context(for: document)
        return try templates.render(context, kind: document.kind, format: format)
    }
}
