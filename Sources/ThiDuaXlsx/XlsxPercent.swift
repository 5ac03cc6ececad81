/// Percentages in the workbook shown as the document states them: never rounded across
/// 100% or 0% (ExactRatio.percent in ThiDuaKit). A cell of 1.999/2.000 formatted `0.0%`
/// would read "100.0%" beside a text that says 99,9%; the cell holds 0,999 instead, by a
/// formula that does the same when the workbook is recalculated.
enum XlsxPercent {
    /// The value the cell shows: within a twentieth of a point of ±100% (but not there) it
    /// stays at ±99,9%, within a twentieth of a point of 0% (but not 0) at ±0,1%.
    static func shown(_ value: Double) -> Double {
        let magnitude = abs(value)
        let sign: Double = value < 0 ? -1 : 1
        if magnitude < 1, magnitude >= 0.9995 { return sign * 0.999 }
        if value != 0, magnitude < 0.0005 { return sign * 0.001 }
        return value
    }

    /// The value a change's cell shows (a rate of increase): as `shown` near ±100%, but a
    /// change too small for the format shows as 0,0%, never as 0,1% (which would overstate it).
    static func shownChange(_ value: Double) -> Double {
        let magnitude = abs(value)
        if magnitude < 1, magnitude >= 0.9995 { return (value < 0 ? -1 : 1) * 0.999 }
        return value
    }

    /// `top/bottom` as the cell of a change's rate: empty for a zero divisor, `shownChange` otherwise.
    static func changeFormula(_ top: String, _ bottom: String) -> String {
        let q = "\(top)/\(bottom)"
        return "IF(\(bottom)=0,\"\",IF(AND(ABS(\(q))<1,ABS(\(q))>=0.9995),SIGN(\(q))*0.999,\(q)))"
    }

    /// `top/bottom` as a percentage cell: empty for a zero divisor, `shown` otherwise.
    static func formula(_ top: String, _ bottom: String) -> String {
        let q = "\(top)/\(bottom)"
        return "IF(\(bottom)=0,\"\",IF(AND(ABS(\(q))<1,ABS(\(q))>=0.9995),SIGN(\(q))*0.999,IF(AND(\(q)<>0,ABS(\(q))<0.0005),SIGN(\(q))*0.001,\(q))))"
    }
}
