extension Document {
    /// A report's texts that the summary workbook puts in one cell (the issuing body, the
    /// period's name) must fit Excel's cell: found by `check`, not when the workbook is written.
    func checkWorkbookTexts() -> [Diagnostic] {
        guard kind == .baoCao, let report else { return [] }
        let texts = [("co_quan_ban_hanh", "tên cơ quan ban hành", header.issuingBody),
                     ("ten_ky", "tên kỳ báo cáo", report.periodName ?? "")]
        return texts.compactMap { key, what, text in
            let length = text.utf16.count
            guard length > WorkbookLimits.maximumNameLength else { return nil }
            return .error("`\(key)`: \(what) dài \(ReportText.grouped(length)) ký tự, quá giới hạn \(ReportText.grouped(WorkbookLimits.maximumNameLength)) ký tự của một ô bảng tính Excel",
                          at: SourcePosition(file: sourceFile), hint: "ghi ngắn gọn như trên văn bản thật")
        }
    }
}
