/// The bounds a workbook is read within, whatever it claims about itself. Defaults fit the
/// largest real workbook (one full sheet of 1,048,576 rows) and stop anything beyond.
public struct XlsxReadLimits: Sendable {
    /// Entries in the zip: a workbook has tens; a zip of a million names is an attack on
    /// the directory reader.
    public var maxEntries = 10_000
    /// Bytes one part may inflate to: a full sheet of 1,048,576 rows of a dozen figures is
    /// about 500 MB of XML, streamed.
    public var maxPartBytes: Int64 = 2 << 30
    /// Bytes all parts read may inflate to together.
    public var maxTotalBytes: Int64 = 4 << 30
    /// Inflated bytes per compressed byte beyond `ratioFloor`: Excel's sheets compress
    /// 5–30 times; a zip bomb compresses a thousand times.
    public var maxRatio: Int64 = 200
    /// Parts smaller than this are not held to `maxRatio` (an empty sheet compresses well).
    public var ratioFloor: Int64 = 16 << 20
    /// All the bytes read from one workbook are held to `maxRatio` against the file's size
    /// beyond this (several parts under `ratioFloor`, or one part named by many sheets).
    public var totalRatioFloor: Int64 = 64 << 20
    /// Shared strings kept (Excel's own limit on unique strings is about 32 million; a real
    /// figures workbook has one per unit).
    public var maxSharedStrings = 4_000_000
    /// Characters of shared-string text kept in all.
    public var maxSharedStringBytes = 256 << 20
    /// Columns kept per row: a figures table has tens. Cells further right are counted
    /// and reported, never stored, so a row reaching column XFD costs nothing.
    public var maxColumns = 512
    /// Sheets read.
    public var maxSheets = 256
    /// Compressed size from which a part is inflated on a thread of its own while it is
    /// parsed (`XlsxInflateAhead`): a big sheet, not the small parts around it. Not a bound
    /// but a choice of how to read; tests set it to 0 to read every part that way.
    public var inflateAheadBytes: Int64 = 1 << 20

    /// The defaults.
    public static let standard = XlsxReadLimits()

    /// Creates the defaults; tests lower single bounds.
    public init() {}
}
