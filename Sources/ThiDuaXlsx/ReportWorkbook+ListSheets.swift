extension ReportWorkbook {
    /// A titled two- or three-column list with a header row (the "Chưa báo cáo" and
    /// "Nguồn" sheets share this shape).
    static func listPlan(
        name: String, title: String, headers: [String], rowCount: Int, emptyNote: String,
        row: @escaping (Int) -> [XlsxCellValue], widthsOf: (Int) -> [String]
    ) -> XlsxSheetPlan {
        var plan = XlsxSheetPlan(name: name)
        let titleStyle = plan.style(ReportStyles.title)
        let headerStyle = plan.style(ReportStyles.header)
        let serialStyle = plan.style(ReportStyles.unit.serial)
        let textStyle = plan.style(ReportStyles.unit.name)
        let integerStyle = plan.style(ReportStyles.unit.integer)
        let noteStyle = plan.style(ReportStyles.note.with { $0.horizontalAlignment = .center })
        let lastColumn = headers.count - 1

        var widths: [Int: Double] = [:]
        for (column, header) in headers.enumerated() {
            widths[column] = XlsxColumnWidth.width(for: header, bold: true)
        }
        for index in 0 ..< rowCount {
            for (column, text) in widthsOf(index).enumerated() {
                widths[column] = max(widths[column] ?? 0, XlsxColumnWidth.width(for: text))
            }
        }
        plan.columnWidths = widths

        plan.produceRows = { emit in
            try emit(XlsxSheetPlan.Row(index: 0, merges: [.init(range: XlsxRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: lastColumn), text: title, style: titleStyle)]))
            try emit(XlsxSheetPlan.Row(index: 1, cells: headers.enumerated().map { .init(column: $0.offset, value: .text($0.element), style: headerStyle) }))
            if rowCount == 0 {
                try emit(XlsxSheetPlan.Row(index: 2, merges: [.init(range: XlsxRange(firstRow: 2, firstColumn: 0, lastRow: 2, lastColumn: lastColumn), text: emptyNote, style: noteStyle)]))
                return
            }
            for index in 0 ..< rowCount {
                let values = row(index)
                var cells: [XlsxSheetPlan.Cell] = []
                for (column, value) in values.enumerated() {
                    let style: Int
                    switch value {
                    case .integer, .number: style = column == 0 && headers.first == "STT" ? serialStyle : integerStyle
                    default: style = textStyle
                    }
                    cells.append(.init(column: column, value: value, style: style))
                }
                try emit(XlsxSheetPlan.Row(index: 2 + index, cells: cells))
            }
        }
        plan.freeze = (2, 0)
        plan.pageSetup = XlsxPageSetup(
            orientation: .portrait, paperSize: XlsxPageSetup.paperA4, fitToPagesWide: 1, fitToPagesTall: 0,
            repeatRows: 1 ... 1, footer: XlsxPageSetup.pageNumberFooter, margins: reportMargins)
        return plan
    }

    /// The "Chưa báo cáo" sheet: units that sent no report.
    static func missingPlan(input: SummaryWorkbookInput) -> XlsxSheetPlan {
        let missing = input.missingUnits
        return listPlan(
            name: missingSheetName, title: "DANH SÁCH ĐƠN VỊ CHƯA BÁO CÁO",
            headers: ["STT", "Đơn vị", "Khối/Cụm"], rowCount: missing.count,
            emptyNote: "Tất cả đơn vị đã báo cáo.",
            row: { [.integer(Int64($0 + 1)), .text(missing[$0].name), .text(missing[$0].group)] },
            widthsOf: { [ReportDisplayText.integer(Int64($0 + 1)), missing[$0].name, missing[$0].group] })
    }

    /// The "Nguồn" sheet: how the figures were gathered (files, rows read, used, skipped).
    static func sourcesPlan(input: SummaryWorkbookInput) -> XlsxSheetPlan {
        let sources = input.sources
        return listPlan(
            name: sourcesSheetName, title: "ĐỐI CHIẾU NGUỒN SỐ LIỆU",
            headers: ["Nội dung", "Giá trị"], rowCount: sources.count,
            emptyNote: "Không có thông tin nguồn số liệu.",
            row: { index in
                let entry = sources[index]
                switch entry.value {
                case .number(let number): return [.text(entry.label), .integer(number)]
                case .text(let text): return [.text(entry.label), .text(text)]
                }
            },
            widthsOf: { index in
                let entry = sources[index]
                switch entry.value {
                case .number(let number): return [entry.label, ReportDisplayText.integer(number)]
                case .text(let text): return [entry.label, text]
                }
            })
    }
}
