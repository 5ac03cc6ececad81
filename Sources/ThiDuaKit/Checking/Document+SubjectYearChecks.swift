/// A plan's or guidance's trích yếu against its movement's period: "Phát động thi đua năm
/// 2025" over a movement of 2026 heads the document with a false year (a plan copied from
/// last year's, its subject not updated), as `checkReportPeriodName` says of a report.
extension Document {
    func checkSubjectYears() -> [Diagnostic] {
        guard kind != .baoCao, let period, period.start.value <= period.end.value else { return [] }
        let years = period.start.value.year...period.end.value.year
        let stated = Self.yearsNamed(in: subject, anyNumber: false)
        guard !stated.isEmpty, !stated.contains(where: years.contains) else { return [] }
        let dates = "\(period.start.value.short()) - \(period.end.value.short())"
        return [.warning("trích yếu ghi năm \(stated.map(String.init).joined(separator: ", ")) nhưng thời gian phong trào là \(dates)",
                         at: subjectPosition ?? period.start.position, hint: "sửa năm trong `trich_yeu` hoặc `thoi_gian`")]
    }
}
