import CXlsxWriter

/// A clustered column chart whose series read cells of the workbook.
public struct XlsxColumnChart: Hashable, Sendable {
    /// One series: a name for the legend, category labels and values, both read from cells.
    public struct Series: Hashable, Sendable {
        /// Legend text.
        public var name: String
        /// Sheet whose cells the series reads.
        public var sheet: String
        /// Cells holding the category labels (one column or one row).
        public var categories: XlsxRange
        /// Cells holding the values, same length as `categories`.
        public var values: XlsxRange
        /// The values those cells hold, stored in the chart for viewers that do not
        /// recalculate; nil leaves the cache to libxlsxwriter (number cells only).
        public var cachedValues: [Double?]?

        /// Creates a series.
        public init(name: String, sheet: String, categories: XlsxRange, values: XlsxRange, cachedValues: [Double?]? = nil) {
            self.name = name
            self.sheet = sheet
            self.categories = categories
            self.values = values
            self.cachedValues = cachedValues
        }

        /// `='Biểu đồ'!$A$3:$A$5`, the form chart_add_series expects.
        static func formula(sheet: String, _ range: XlsxRange) -> String {
            "=" + XlsxCellReference.sheetRange(
                sheet: sheet, firstRow: range.firstRow, firstColumn: range.firstColumn,
                lastRow: range.lastRow, lastColumn: range.lastColumn)
        }
    }

    /// Chart title.
    public var title: String
    /// Title of the horizontal (category) axis.
    public var categoryAxisTitle: String?
    /// Title of the vertical (value) axis.
    public var valueAxisTitle: String?
    /// Number format of the value axis, e.g. `0%`.
    public var valueNumberFormat: String?
    /// Show each column's value above it, in `valueNumberFormat`.
    public var showDataLabels: Bool
    /// The series, drawn side by side.
    public var series: [Series]
    /// Size relative to libxlsxwriter's default 480 × 288 pixels.
    public var scale: Double

    /// Creates a chart description.
    public init(
        title: String, categoryAxisTitle: String? = nil, valueAxisTitle: String? = nil,
        valueNumberFormat: String? = nil, showDataLabels: Bool = false, series: [Series], scale: Double = 1.5
    ) {
        self.title = title
        self.categoryAxisTitle = categoryAxisTitle
        self.valueAxisTitle = valueAxisTitle
        self.valueNumberFormat = valueNumberFormat
        self.showDataLabels = showDataLabels
        self.series = series
        self.scale = scale
    }
}

extension XlsxWorksheet {
    /// Inserts a column chart with its top-left corner at a cell.
    ///
    /// Charts are drawings, stored apart from the row data, so this works in
    /// constant-memory mode too (the series then carry no cached values and Excel
    /// reads the cells when it opens the file).
    public func insertChart(_ chart: XlsxColumnChart, row: Int, column: Int) throws {
        let sheet = try live()
        let book = try workbook.liveHandle()
        try XlsxWorksheet.checkRow(row)
        try XlsxWorksheet.checkColumn(column)
        guard !chart.series.isEmpty else {
            throw XlsxError.invalidParameter(detail: "biểu đồ “\(chart.title)” không có dãy số liệu nào")
        }
        guard let c = workbook_add_chart(book, UInt8(LXW_CHART_COLUMN.rawValue)) else { throw XlsxError.outOfMemory }
        for series in chart.series {
            try series.categories.validate()
            try series.values.validate()
            let categories = try workbook.retainCString(XlsxColumnChart.Series.formula(sheet: series.sheet, series.categories))
            let values = try workbook.retainCString(XlsxColumnChart.Series.formula(sheet: series.sheet, series.values))
            guard let s = chart_add_series(c, categories, values) else {
                throw XlsxError.invalidParameter(detail: "dãy số liệu “\(series.name)” của biểu đồ")
            }
            try XlsxText.setLiteral(series.name, on: &s.pointee.title, place: "tên dãy số liệu “\(series.name)” của biểu đồ")
            if let cached = series.cachedValues, let range = s.pointee.values {
                try XlsxColumnChart.Series.setCachedValues(cached, of: range)
            }
            if chart.showDataLabels {
                chart_series_set_labels(s)
                if let format = chart.valueNumberFormat {
                    chart_series_set_labels_num_format(s, try workbook.retainCString(format))
                }
            }
        }
        // Titles and names go in literally: libxlsxwriter's setters take a leading "=" for a formula.
        try XlsxText.setLiteral(chart.title, on: &c.pointee.title, place: "tên biểu đồ")
        if let title = chart.categoryAxisTitle, let axis = c.pointee.x_axis {
            try XlsxText.setLiteral(title, on: &axis.pointee.title, place: "tên trục của biểu đồ")
        }
        if let title = chart.valueAxisTitle, let axis = c.pointee.y_axis {
            try XlsxText.setLiteral(title, on: &axis.pointee.title, place: "tên trục của biểu đồ")
        }
        if let format = chart.valueNumberFormat {
            chart_axis_set_num_format(c.pointee.y_axis, try workbook.retainCString(format))
        }
        chart_legend_set_position(c, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        var options = lxw_chart_options()
        options.x_scale = chart.scale
        options.y_scale = chart.scale
        try check(worksheet_insert_chart_opt(sheet, lxw_row_t(row), lxw_col_t(column), c, &options), "chèn biểu đồ")
    }
}
