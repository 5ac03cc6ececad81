import ThiDuaKit

extension ReportForm {
    /// The lines of the "Hướng dẫn" sheet: what to fill, how numbers are written, the
    /// deadline, and how to send the file back. Each line is one cell of column A, so the
    /// reader never mistakes the sheet for a table.
    static func instructions(_ input: ReportFormInput) -> [(text: String, bold: Bool)] {
        var lines: [(String, Bool)] = [("HƯỚNG DẪN ĐIỀN BIỂU SỐ LIỆU", true), (input.title, true)]
        if !input.period.isEmpty { lines.append((input.period, false)) }
        if let unit = input.forUnit { lines.append(("Biểu này dành cho đơn vị: \(unit).", false)) }
        if let deadline = input.deadline {
            lines.append(("Hạn gửi số liệu: ngày \(deadline.day) tháng \(deadline.month) năm \(deadline.year).", true))
        }
        lines.append(("", false))
        var steps = [
            "Ghi số liệu vào các ô nền vàng của trang “\(sheetName)”, mỗi đơn vị một dòng. Các ô khác được khoá để giữ đúng mẫu.",
            "Chỉ ghi số, không ghi chữ hay đơn vị tính: ghi 1234 hoặc 1.234, không ghi “1.234 người” hay “1,2 tỷ”.",
            "Số đếm và số tiền (tính bằng đồng) là số nguyên không âm; ghi đủ số tiền, ví dụ 13.800.000.",
            "Để trống ô nếu không có số liệu; ghi 0 nếu số liệu bằng không.",
        ]
        for column in input.columns {
            if let limit = column.atMost { steps.append("“\(column.name)” không được lớn hơn “\(limit)”.") }
        }
        if input.columns.contains(where: \.isTarget) {
            steps.append("Cột “Chỉ tiêu …” ghi chỉ tiêu được giao cho đơn vị (nếu có).")
        }
        if input.units.isEmpty {
            steps.append("Ghi tên đơn vị vào cột “Đơn vị” và khối, cụm vào cột “Khối/Cụm”; không để trống tên đơn vị ở dòng có số liệu.")
        } else {
            steps.append("Không sửa tên đơn vị đã ghi sẵn; đơn vị nào chưa có số liệu thì để trống cả dòng.")
        }
        steps += [
            "Không đổi tên, thêm, xoá hay đổi chỗ các cột; không thêm dòng tổng cộng.",
            "Lưu tệp dạng .xlsx (Sổ làm việc Excel) bằng Excel hoặc LibreOffice và gửi lại cho \(input.issuingBody).",
        ]
        for (i, step) in steps.enumerated() { lines.append(("\(i + 1). \(step)", false)) }
        if !input.columns.isEmpty {
            lines.append(("", false))
            lines.append(("Các chỉ tiêu:", true))
            for column in input.columns {
                let kind = column.isWhole ? "số nguyên" : "số, có thể có phần thập phân"
                let unit = column.unit.isEmpty ? "" : ", đơn vị tính: \(column.unit)"
                lines.append(("– \(column.header): \(kind)\(unit).", false))
            }
        }
        return lines
    }

    static func writeInstructions(_ input: ReportFormInput, into sheet: XlsxWorksheet) throws {
        try sheet.setColumnWidth(110, columns: 0 ... 0)
        let plain = body.with { $0.wrapText = true; $0.verticalAlignment = .top }
        let bold = plain.with { $0.bold = true }
        for (row, line) in instructions(input).enumerated() where !line.text.isEmpty {
            try sheet.writeString(line.text, row: row, column: 0, style: line.bold ? bold : plain)
        }
        try sheet.protect()
    }
}
