import ThiDuaKit

extension DocxWriter {
    /// The task list of `documents` (`thidua tasks --format docx`): its title and one
    /// table of who does what by when, the header row repeated on every page.
    public func write(_ list: TaskList, documents: [Document]) throws -> DocxOutput {
        let dropped = DroppedCharacters()
        let tables = DocxTable.inBody(list.table, layout: layout, dropped: dropped)
        // Parts of a split are kept apart by spacers (adjacent Word tables would merge); one
        // table is followed by the template's own closing paragraph.
        let tableXML = tables.count == 1 ? tables.map(\.xml).joined() : DocxTable.xml(tables, dropped: dropped)
        // One issuer for all the documents is the list's author; several, none.
        let issuers = Set(documents.map(\.header.issuingBody))
        let author = issuers.count == 1 ? issuers.first ?? "" : ""
        let latest = documents.map(\.header.date.value).max()
        let title = XMLText.escape(TaskList.title, dropping: dropped)
        let context = TemplateValue.map([
            ("word", .map([
                ("title", .string(DocxRuns.run(TaskList.title, dropped: dropped))),
                ("rule", .string(String(max(0, (layout.textWidth - DocxLayout.twips(layout.subjectRule)) / 2)))),
                ("table", .string(tableXML)),
                ("properties", .map([
                    ("title", .string(title)),
                    ("subject", .string(title)),
                    ("author", .string(XMLText.escape(author, dropping: dropped))),
                    ("created", .string("\(latest?.iso ?? "1980-01-01")T00:00:00Z")),
                    ("company", .string(XMLText.escape(author, dropping: dropped))),
                ])),
            ])),
            ("layout", layout.templateValue),
        ])
        let parts = try DocxPackage.render(context, main: "nhiem-vu.docx", templates: templates)
        let bytes = try DocxPackage.zip(parts, date: latest)
        return DocxOutput(bytes: bytes, warnings: Self.warnings(dropped, file: documents.first?.sourceFile ?? ""))
    }
}
