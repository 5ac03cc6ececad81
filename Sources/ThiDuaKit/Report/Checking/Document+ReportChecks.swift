/// Checks of a report's own data that need no figures: its period against its date.
extension Document {
    /// A report cannot review a period that has not ended on the day it is issued.
    func checkReport() -> [Diagnostic] {
        guard kind == .baoCao, let period = report?.period else { return [] }
        var result: [Diagnostic] = []
        if period.end.value > header.date.value {
            result.append(.error(
                "kỳ báo cáo kết thúc ngày \(period.end.value.short()), sau ngày ban hành báo cáo (\(header.date.value.short()))",
                at: period.end.position, hint: "báo cáo chỉ tổng hợp kỳ đã kết thúc; kiểm tra lại `ky.den` hoặc `ngay`"))
        }
        return result
    }
}
