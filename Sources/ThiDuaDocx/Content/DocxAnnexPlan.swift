import ThiDuaKit

/// The long tables of a document that the Word file puts into annexes (phụ lục) after
/// the signature, in landscape pages: the table of every unit and any other table of
/// more rows than the layout allows in the body, or too wide for a portrait page. The
/// body keeps the heading and says where the table is ("Chi tiết tại Phụ lục …"), as the
/// decree asks of a document with an annex.
struct DocxAnnexPlan: Sendable {
    struct Annex: Sendable {
        /// The annex's name in capitals: the heading the table stood under.
        var caption: String
        var table: Table
    }

    let annexes: [Annex]

    var count: Int { annexes.count }

    /// The annexes of `document`, in reading order.
    init(document: Document, layout: DocxLayout) {
        var found: [Annex] = []
        func walk(_ blocks: [Block], caption: String) {
            for block in blocks {
                switch block {
                case .table(let table, _):
                    if Self.isLong(table, layout: layout) {
                        found.append(Annex(caption: VietnameseText.uppercased(InlineMarkup.plain(caption)), table: table))
                    }
                case .item(let title, let children, _):
                    walk(children, caption: title)
                case .point(_, let children, _), .bullet(_, let children, _):
                    walk(children, caption: caption)
                case .paragraph, .assignment:
                    continue
                }
            }
        }
        walk(document.preamble, caption: document.subject)
        for section in document.sections { walk(section.blocks, caption: section.title) }
        walk(document.closing, caption: document.subject)
        annexes = found
    }

    /// No annexes (a task list).
    init() {
        annexes = []
    }

    /// True for a table that belongs in an annex: more rows than the layout allows, or too
    /// wide for a portrait page even at the smaller table size.
    static func isLong(_ table: Table, layout: DocxLayout) -> Bool {
        table.rows.count > layout.annexRows
            || DocxColumns.minimumWidth(table, size: layout.annexTableSize, padding: 2 * DocxTable.cellPadding) > Double(layout.textWidth)
    }

    /// The annex number (from 1) of `table`, if it is one of them.
    func number(of table: Table) -> Int? {
        for (index, annex) in annexes.enumerated() {
            // Cheap tests first: a long table compared cell by cell only when they agree.
            if annex.table.rows.count == table.rows.count, annex.table.headers == table.headers, annex.table == table {
                return index + 1
            }
        }
        return nil
    }
}
