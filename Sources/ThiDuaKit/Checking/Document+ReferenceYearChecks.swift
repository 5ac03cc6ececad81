import Foundation

/// A plan or guidance for a year citing an annual plan or guidance of an earlier year: what a
/// file copied from last year (`thidua nam-sau`) keeps until the clerk cites this year's
/// documents.
extension Document {
    /// A cited "Kế hoạch …"/"Hướng dẫn …" written by hand whose subject names an earlier year
    /// ("… năm 2025" in a plan for 2026). References by `tep:` are compared with the cited
    /// file's own year (`checkDerived`).
    func checkReferenceYears() -> [Diagnostic] {
        guard kind != .baoCao else { return [] }
        let year = movementYear
        var result: [Diagnostic] = []
        for reference in references where reference.dataFile == nil {
            let cited = reference.kind.lowercased()
            guard cited.hasPrefix("kế hoạch") || cited.hasPrefix("hướng dẫn"),
                  let subject = reference.subject, let named = Self.yearNamed(in: subject), named < year else { continue }
            result.append(.warning("căn cứ \(reference.kind)\(reference.numberAndSymbol.map { " số \($0)" } ?? "") là văn bản của năm \(named), văn bản này cho năm \(year)",
                                   at: reference.position, hint: "thay bằng văn bản năm \(year) của cấp trên (số, ngày, trích yếu), hoặc dẫn tệp của nó bằng `tep:`"))
        }
        return result
    }

    /// The year after the last "năm " of a text ("… lao động năm 2025" → 2025).
    static func yearNamed(in text: String) -> Int? {
        let lower = text.lowercased()
        guard let range = lower.range(of: "năm ", options: .backwards) else { return nil }
        let digits = lower[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let year = Int(digits) else { return nil }
        return year
    }
}
