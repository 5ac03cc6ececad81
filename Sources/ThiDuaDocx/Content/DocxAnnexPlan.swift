import ThiDuaKit

/// The tables of a document's landscape annexes (phụ lục after the signature, such as
/// the table of every unit of a report), so the formatter sizes them for a landscape page
/// at the annex type size. Which content goes into an annex is the view model's decision
/// (`Document.annexes`), the same for every format; the Word file only turns the page.
struct DocxAnnexPlan: Sendable {
    /// The tables of the annexes printed on landscape pages.
    let landscapeTables: [Table]

    /// The landscape annex tables of `document`.
    init(document: Document) {
        var found: [Table] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .table(let table, _): found.append(table)
                case .item(_, let children, _), .point(_, let children, _), .bullet(_, let children, _),
                     .subheading(_, let children, _): walk(children)
                case .paragraph, .assignment, .labeled: continue
                }
            }
        }
        for annex in document.annexes where annex.landscape { walk(annex.blocks) }
        landscapeTables = found
    }

    /// No annexes (a task list).
    init() {
        landscapeTables = []
    }

    /// True when `table` is one of the landscape annexes' tables.
    func isLandscape(_ table: Table) -> Bool {
        // Cheap tests first: a long table compared cell by cell only when they agree.
        landscapeTables.contains { $0.rows.count == table.rows.count && $0.headers == table.headers && $0 == table }
    }
}
