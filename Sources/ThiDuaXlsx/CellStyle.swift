/// How a cell looks, as a plain value.
///
/// Callers describe styles with this type and never see libxlsxwriter's
/// `lxw_format` pointers: ``XlsxWorkbook`` creates one C format per distinct
/// style and reuses it (the struct is `Hashable` for that cache).
public struct CellStyle: Hashable, Sendable {
    /// Horizontal alignment inside the cell.
    public enum HorizontalAlignment: Hashable, Sendable {
        /// Flush left.
        case left
        /// Centred in the cell.
        case center
        /// Flush right.
        case right
        /// Centred across this and the following empty cells with the same alignment.
        case centerAcross
        /// Justified (wrapped lines fill the width).
        case justify
    }

    /// Vertical alignment inside the cell.
    public enum VerticalAlignment: Hashable, Sendable {
        /// Top of the cell.
        case top
        /// Middle of the cell.
        case center
        /// Bottom of the cell (Excel's default).
        case bottom
    }

    /// Border drawn on all four sides.
    public enum Border: Hashable, Sendable {
        /// No border.
        case none
        /// Thin line, as in printed tables.
        case thin
        /// Medium line, for emphasis.
        case medium
    }

    /// Font family, e.g. "Times New Roman"; `nil` keeps Excel's default (Calibri).
    public var fontName: String?
    /// Font size in points; `nil` keeps the default (11).
    public var fontSize: Double?
    /// Bold text.
    public var bold: Bool
    /// Italic text.
    public var italic: Bool
    /// Horizontal alignment; `nil` keeps Excel's general alignment.
    public var horizontalAlignment: HorizontalAlignment?
    /// Vertical alignment; `nil` keeps the default (bottom).
    public var verticalAlignment: VerticalAlignment?
    /// Wrap long text onto several lines.
    public var wrapText: Bool
    /// Border on all sides.
    public var border: Border
    /// An Excel number format such as `#,##0` or `0.0%`.
    ///
    /// Formats are written in Excel's invariant notation (`,` groups thousands, `.`
    /// marks decimals); Excel shows them with the reader's locale, so a Vietnamese
    /// Excel displays `#,##0` as `1.234` and `0.0%` as `98,5%`.
    public var numberFormat: String?
    /// Solid background fill as 0xRRGGBB.
    public var backgroundColor: UInt32?
    /// Font colour as 0xRRGGBB.
    public var fontColor: UInt32?
    /// True for a cell the clerk may edit on a protected sheet (Excel locks every cell by
    /// default; protection only takes effect once the sheet is protected).
    public var unlocked = false

    /// Creates a style; every property defaults to Excel's default look.
    public init(
        fontName: String? = nil,
        fontSize: Double? = nil,
        bold: Bool = false,
        italic: Bool = false,
        horizontalAlignment: HorizontalAlignment? = nil,
        verticalAlignment: VerticalAlignment? = nil,
        wrapText: Bool = false,
        border: Border = .none,
        numberFormat: String? = nil,
        backgroundColor: UInt32? = nil,
        fontColor: UInt32? = nil
    ) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.wrapText = wrapText
        self.border = border
        self.numberFormat = numberFormat
        self.backgroundColor = backgroundColor
        self.fontColor = fontColor
    }

    /// Excel's default look; written with no format at all.
    public static let plain = CellStyle()

    /// True when the style is Excel's default, so no C format is needed.
    var isPlain: Bool { self == .plain }

    /// A copy with some properties changed, for building styles from a base.
    public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
        var copy = self
        change(&copy)
        return copy
    }
}
