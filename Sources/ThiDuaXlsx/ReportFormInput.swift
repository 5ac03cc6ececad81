import ThiDuaKit

/// What the figures form (`thidua bieu-mau`) asks for: the report's indicators (those the
/// units type; computed ones are left out), the units expected to answer, and the words
/// around them.
public struct ReportFormInput: Sendable {
    /// One figure column of the form.
    public struct Column: Hashable, Sendable {
        /// The header text: the indicator's name and unit, which the reader matches back
        /// ("Số CĐCS (CĐCS)", "Chỉ tiêu Phát triển đoàn viên (đoàn viên)").
        public var header: String
        /// The indicator's name, for messages.
        public var name: String
        /// The indicator's unit of measure.
        public var unit: String
        /// Whole numbers (counts, đồng) or decimals.
        public var isWhole: Bool
        /// True for a unit's own target column.
        public var isTarget: Bool
        /// The name of the column this one may not exceed (a ratio's denominator), if any.
        public var atMost: String?
        /// Its index in `columns`.
        public var atMostColumn: Int?
    }

    /// The body sending the form, as in the document header.
    public var issuingBody: String
    /// The form's title ("BIỂU SỐ LIỆU SƠ KẾT ĐỢT 1 NĂM 2025").
    public var title: String
    /// "Từ ngày 01/01/2025 đến ngày 31/8/2025", or empty.
    public var period: String
    /// The date figures are due, if the report names one.
    public var deadline: CivilDate?
    /// The figure columns, in indicator order.
    public var columns: [Column]
    /// The units prefilled, in report order; empty for a blank form.
    public var units: [ExpectedUnit]
    /// Blank rows offered when no unit is prefilled.
    public var blankRows = 200
    /// The unit a one-unit form is for; nil for the form of all units.
    public var forUnit: String?

    /// Creates an input.
    public init(issuingBody: String, title: String, period: String, deadline: CivilDate?, columns: [Column],
                units: [ExpectedUnit], forUnit: String? = nil) {
        self.issuingBody = issuingBody
        self.title = title
        self.period = period
        self.deadline = deadline
        self.columns = columns
        self.units = units
        self.forUnit = forUnit
    }

    /// The form of a `bao_cao` document: its indicators (or the default set), its deadline,
    /// and the expected units when the caller read the list.
    public init(document: Document, units: [ExpectedUnit]) {
        let spec = document.report
        let indicators = spec?.indicators ?? .default
        var columns: [Column] = []
        var valueColumn: [String: Int] = [:]
        for indicator in indicators.indicators where !indicator.isComputed {
            // "Sáng kiến (sáng kiến)", "Số CĐCS (CĐCS)": a unit the name already is, is left out.
            let name = indicator.name.lowercased(), measure = indicator.unit.lowercased()
            let unit = measure.isEmpty || name == measure || name == "số " + measure ? "" : " (\(indicator.unit))"
            valueColumn[indicator.key] = columns.count
            columns.append(Column(header: indicator.name + unit, name: indicator.name, unit: indicator.unit,
                                  isWhole: indicator.kind != .ratio, isTarget: false))
            if indicator.perUnitTargetColumn != nil {
                columns.append(Column(header: "Chỉ tiêu " + indicator.name + unit, name: "chỉ tiêu " + indicator.name,
                                      unit: indicator.unit, isWhole: indicator.kind != .ratio, isTarget: true))
            }
        }
        // A ratio's numerator may not exceed its denominator, in each unit's row.
        for indicator in indicators.indicators {
            guard case .ratio(let numerator, let denominator) = indicator.aggregation,
                  let n = valueColumn[numerator], let d = valueColumn[denominator], columns[n].isWhole else { continue }
            columns[n].atMost = columns[d].name
            columns[n].atMostColumn = d
        }
        let review = spec?.review.words.uppercased() ?? ""
        let title = ["BIỂU SỐ LIỆU \(review)", spec?.periodName.map(VietnameseText.uppercased)]
            .compactMap { $0 }.joined(separator: " ")
        var period = ""
        if let p = spec?.period {
            period = "Từ ngày \(p.start.value.short()) đến ngày \(p.end.value.short())"
        }
        self.init(issuingBody: document.header.issuingBody, title: title, period: period,
                  deadline: spec?.figuresDeadline, columns: columns, units: units)
    }

    /// The one-unit forms: the same form with one prefilled row each.
    public func perUnit() -> [ReportFormInput] {
        units.map { unit in
            var copy = self
            copy.units = [unit]
            copy.forUnit = unit.name
            return copy
        }
    }

    /// A file name for a one-unit form, from the unit's name ("bieu-so-lieu-cdcs-xa-an-khanh.xlsx").
    public var fileName: String {
        OutputName.sanitize("bieu-so-lieu" + (forUnit.map { "-" + $0 } ?? "")) + ".xlsx"
    }
}
