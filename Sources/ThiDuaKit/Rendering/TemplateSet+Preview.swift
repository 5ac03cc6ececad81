extension TemplateSet {
    /// The document as it will print, in HTML, for the web app's preview: the view model of
    /// every other format, written by `HTMLFormatter`, placed by `<kind>.html.mustache`
    /// (`Templates/html/`). Every value is escaped; the result is an `<article>` fragment.
    public func previewHTML(_ document: Document) throws -> String {
        let context = DocumentView(formatters: [HTMLFormatter()]).context(for: document)
        return try renderPart(object: context.mustacheObject, name: "\(document.kind.templateName).html")
    }
}
