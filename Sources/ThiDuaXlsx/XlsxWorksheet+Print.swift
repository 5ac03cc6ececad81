import CXlsxWriter

/// How a worksheet prints.
public struct XlsxPageSetup: Hashable, Sendable {
    /// Page orientation.
    public enum Orientation: Hashable, Sendable {
        /// Taller than wide (letters, lists).
        case portrait
        /// Wider than tall (wide tables).
        case landscape
    }

    /// Page margins in millimetres (Vietnamese rules give them in mm; Excel stores inches).
    public struct Margins: Hashable, Sendable {
        /// Left margin, mm.
        public var left: Double
        /// Right margin, mm.
        public var right: Double
        /// Top margin, mm.
        public var top: Double
        /// Bottom margin, mm.
        public var bottom: Double

        /// Creates margins in millimetres.
        public init(left: Double, right: Double, top: Double, bottom: Double) {
            self.left = left
            self.right = right
            self.top = top
            self.bottom = bottom
        }
    }

    /// Excel's paper code for A4.
    public static let paperA4 = 9
    /// A centred footer "page / pages" (`&P` current page, `&N` page count).
    public static let pageNumberFooter = "&C&P/&N"

    /// Orientation; portrait by default.
    public var orientation: Orientation
    /// Excel paper code; 9 is A4.
    public var paperSize: Int
    /// Fit to this many pages wide (`nil`: no fitting). 0 means "as many as needed".
    public var fitToPagesWide: Int?
    /// Fit to this many pages tall when fitting; 0 means "as many as needed".
    public var fitToPagesTall: Int
    /// Rows printed at the top of every page (0-based, inclusive).
    public var repeatRows: ClosedRange<Int>?
    /// Page header in Excel's header codes (`&L`, `&C`, `&R`, `&P`, `&N`…), ≤ 255 characters.
    public var header: String?
    /// Page footer in Excel's header codes, ≤ 255 characters.
    public var footer: String?
    /// Margins; `nil` keeps Excel's defaults.
    public var margins: Margins?
    /// Centre the printed area horizontally on the page.
    public var centerHorizontally: Bool

    /// Creates a page setup; the defaults are A4 portrait, no fitting, no titles.
    public init(
        orientation: Orientation = .portrait, paperSize: Int = XlsxPageSetup.paperA4,
        fitToPagesWide: Int? = nil, fitToPagesTall: Int = 0, repeatRows: ClosedRange<Int>? = nil,
        header: String? = nil, footer: String? = nil, margins: Margins? = nil, centerHorizontally: Bool = false
    ) {
        self.orientation = orientation
        self.paperSize = paperSize
        self.fitToPagesWide = fitToPagesWide
        self.fitToPagesTall = fitToPagesTall
        self.repeatRows = repeatRows
        self.header = header
        self.footer = footer
        self.margins = margins
        self.centerHorizontally = centerHorizontally
    }
}

extension XlsxWorksheet {
    /// Applies a page setup. May be called at any time, also in constant-memory mode.
    public func setPageSetup(_ setup: XlsxPageSetup) throws {
        let sheet = try live()
        if setup.orientation == .landscape {
            worksheet_set_landscape(sheet)
        } else {
            worksheet_set_portrait(sheet)
        }
        guard (0 ... 255).contains(setup.paperSize) else {
            throw XlsxError.invalidParameter(detail: "mã khổ giấy \(setup.paperSize) không hợp lệ")
        }
        worksheet_set_paper(sheet, UInt8(setup.paperSize))
        if let wide = setup.fitToPagesWide {
            guard (0 ... Int(UInt16.max)).contains(wide) && (0 ... Int(UInt16.max)).contains(setup.fitToPagesTall) else {
                throw XlsxError.invalidParameter(detail: "số trang khi co vừa trang không hợp lệ")
            }
            worksheet_fit_to_pages(sheet, UInt16(wide), UInt16(setup.fitToPagesTall))
        }
        if let rows = setup.repeatRows {
            try XlsxWorksheet.checkRow(rows.lowerBound)
            try XlsxWorksheet.checkRow(rows.upperBound)
            try check(worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), "dòng lặp lại khi in")
        }
        if let header = setup.header {
            try XlsxWorksheet.checkHeaderFooter(header)
            try check(worksheet_set_header(sheet, try workbook.retainCString(header)), "đầu trang")
        }
        if let footer = setup.footer {
            try XlsxWorksheet.checkHeaderFooter(footer)
            try check(worksheet_set_footer(sheet, try workbook.retainCString(footer)), "chân trang")
        }
        if let margins = setup.margins {
            let inch = 25.4
            worksheet_set_margins(sheet, margins.left / inch, margins.right / inch, margins.top / inch, margins.bottom / inch)
        }
        if setup.centerHorizontally {
            worksheet_center_horizontally(sheet)
        }
    }

    /// Excel limits a header or footer to 255 characters.
    static func checkHeaderFooter(_ text: String) throws {
        try XlsxText.check(text, place: "đầu trang/chân trang", controls: .lineBreaks)
        if text.utf16.count > 255 {
            throw XlsxError.invalidParameter(detail: "đầu trang/chân trang dài \(text.utf16.count) ký tự; tối đa 255")
        }
    }
}
