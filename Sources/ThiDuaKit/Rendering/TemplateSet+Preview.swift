extension TemplateSet {
    /// The document as it will print, in HTML, for the web app's preview: the view model of
    /// every other format, written by `HTMLFormatter`, placed by `<kind>.html.mustache`
    /// (`Templates/html/`). Every value is escaped; the result is an `<article>` fragment.
    public func previewHTML(_ document: Document) throws -> String {
        try previewHTML(context: DocumentView(formatters: [HTMLFormatter()]).context(for: document), kind: document.kind)
    }

    /// The preview from a view model that holds the HTML formatter's text (`HTMLFormatter`
    /// among its formatters), such as the one a job shares among its outputs.
    public func previewHTML(context: TemplateValue, kind: DocumentKind) throws -> String {
        try renderPart(object: TemplateObject(context), name: "\(kind.templateName).html")
    }
}
