/// The dates a plan or a guidance sets against the day it is issued: a review due before the
/// document exists, a movement already over when it is launched, a phase's review held after
/// the movement's final one — each would be printed as an instruction nobody can follow.
extension Document {
    /// Review deadlines and the document's date against its phases and period (plans and
    /// guidance; a report is issued after what it reviews by nature).
    func checkReviewDeadlines() -> [Diagnostic] {
        guard kind != .baoCao else { return [] }
        var result: [Diagnostic] = []
        // With the day left blank the document may be dated up to its month's end: only what
        // falls before the month's first day is surely before it.
        let issued = header.date.value
        if let period, period.start.value <= period.end.value, issued > period.end.value {
            result.append(.error("\(kind.citedName) ban hành ngày \(issued.short()), sau khi phong trào kết thúc (\(period.end.value.short()))",
                                 at: header.date.position, hint: "kiểm tra lại `ngay` hoặc `thoi_gian.den`"))
        }
        let reviews = phases.compactMap { phase in reviewDate(of: phase).map { (phase, $0.date, $0.position) } }
        for (phase, date, position) in reviews {
            let what = "hạn \(phase.review == .tongKet ? "tổng kết" : "sơ kết") \(phase.name.lowercased())"
            if date < issued {
                result.append(.error("\(what) (\(date.short())) trước ngày ban hành văn bản (\(issued.short()))", at: position,
                                     hint: "hạn phải sau ngày ban hành; kiểm tra `han_danh_gia` hoặc `ngay`"))
            } else if phase.end.value.ordinal - date.ordinal > 31 {
                // Reviews are held in the phase's last weeks ("tổng kết trước ngày 15/12" of a
                // phase to 31/12): only one more than a month early is doubtful. An occasion
                // too ("vào dịp 30/4" for a phase to 31/8 falls on the occasion in the phase's
                // second month, the first after its start): the clerk is told, the date stays.
                let byOccasion = phase.reviewDeadline == nil
                result.append(.warning("\(what) (\(date.short())\(byOccasion ? ", dịp ghi ở `dip_danh_gia`" : "")) sớm hơn một tháng trước khi \(phase.name.lowercased()) kết thúc (\(phase.end.value.short()))", at: position,
                                       hint: byOccasion
                                        ? "dịp sơ kết, tổng kết được tính là lần đầu tiên từ khi đợt bắt đầu; chọn dịp gần cuối đợt, hay ghi `han_danh_gia`"
                                        : "sơ kết, tổng kết thường ở những ngày cuối đợt hay sau đó; kiểm tra `han_danh_gia` hoặc `den`"))
            }
        }
        // A phase's review after the movement's final one (tổng kết) reviews nothing new.
        if let final = reviews.last(where: { $0.0.review == .tongKet }) {
            for (phase, date, position) in reviews where phase.review == .soKet && date > final.1 {
                result.append(.error("hạn sơ kết \(phase.name.lowercased()) (\(date.short())) sau hạn tổng kết (\(final.1.short()))", at: position,
                                     hint: "sơ kết đợt phải trước tổng kết; ghi `han_danh_gia` cho \(phase.name.lowercased())"))
            }
        }
        for phase in phases where phase.end.value < issued {
            result.append(.warning("\(phase.name) đã kết thúc (\(phase.end.value.short())) trước ngày ban hành văn bản (\(issued.short()))",
                                   at: phase.position, hint: "kiểm tra lại ngày của đợt hoặc `ngay`"))
        }
        return result
    }
}
