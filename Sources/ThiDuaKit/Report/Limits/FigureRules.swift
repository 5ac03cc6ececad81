/// Rules every figure passes where it is read, whatever kind of file it came from (CSV
/// today, a workbook's cells tomorrow): what the outputs could not show faithfully is an
/// error with the cell's position, found by `check` before anything is written.
enum FigureRules {
    /// Why a unit or group name (already through `ReportText.normalizedName`) cannot be
    /// used, or nil. `what` names it: "tên đơn vị", "tên khối".
    static func nameProblem(_ name: String, what: String) -> (message: String, hint: String)? {
        // Every control or override scalar is a byte below 0x20 or 0x7F, or starts with
        // C2 (U+0080–U+009F), E2 (U+202A–U+2069) or EF (U+FFFE, U+FFFF): a name without
        // those bytes, as good as every name, is not walked scalar by scalar.
        let suspicious = name.withUTF8Bytes { bytes in
            bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }
        }
        if suspicious, let control = name.unicodeScalars.first(where: InputText.isControlOrOverride) {
            return ("\(what) có ký tự điều khiển \(InputText.codePoint(control)) (không in ra được, làm hỏng văn bản và bảng tính)",
                    "xoá ký tự lạ trong ô này; tệp có thể bị hỏng hoặc xuất sai từ phần mềm khác")
        }
        // UTF-16 is never longer than UTF-8, so a short name is not counted again.
        if name.utf8.count > WorkbookLimits.maximumNameLength, case let length = name.utf16.count, length > WorkbookLimits.maximumNameLength {
            return ("\(what) dài \(ReportText.grouped(length)) ký tự, quá giới hạn \(ReportText.grouped(WorkbookLimits.maximumNameLength)) ký tự của một ô bảng tính Excel",
                    "ghi tên ngắn gọn; có thể cả một đoạn văn đã bị dán nhầm vào ô tên")
        }
        return nil
    }

    /// Why a figure read from `text` cannot be shown exactly by the workbook, or nil.
    /// `value` is scaled as stored (×10⁴ for ratios); `text` is made only for the message.
    static func valueProblem(_ value: Int64, text: @autoclosure () -> String, kind: Indicator.Kind) -> (message: String, hint: String)? {
        guard value > WorkbookLimits.maximumFigure else { return nil }
        let digits = kind == .ratio ? "11 chữ số phần nguyên" : "15 chữ số"
        return ("số '\(ReportText.excerpt(FigureNumber.trimmed(text()), limit: 40))' quá lớn: bảng tính Excel chỉ giữ đúng \(digits), số này sẽ bị làm tròn thành số khác",
                kind == .money ? "kiểm tra lại ô này (số tiền tính bằng đồng, không phải phần nghìn đồng)" : "kiểm tra lại ô này; số liệu không thể lớn như vậy")
    }
}
