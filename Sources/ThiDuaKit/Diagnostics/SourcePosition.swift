/// A place in an input file, 1-based, used to point a clerk at the fault.
///
/// Text files print as `tệp.yaml:12:5`; a spreadsheet cell prints the way Excel names it,
/// `tệp.xlsx!Tên trang!C12`, so the clerk can type `C12` into the Name Box.
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    /// The file name as the user gave it (or a label such as `<stdin>`).
    public var file: String
    /// The worksheet, for a cell of a workbook; nil for text files.
    public var sheet: String?
    /// 1-based line number (the row number in a sheet); 0 when unknown.
    public var line: Int
    /// 1-based column, counted in characters (grapheme clusters), or the sheet column
    /// (1 is A); 0 when unknown.
    public var column: Int

    /// Creates a position in a text file.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.sheet = nil
        self.line = line
        self.column = column
    }

    /// Creates a position in a workbook: a sheet, a row, a column (1 is A); 0 when unknown.
    /// A nil `sheet` makes a text-file position.
    public init(file: String, sheet: String?, row: Int = 0, column: Int = 0) {
        self.file = file
        self.sheet = sheet
        self.line = row
        self.column = column
    }

    /// `tệp.yaml:12:5`, `tệp.yaml:12` or `tệp.yaml`; in a workbook `tệp.xlsx!Trang!C12`,
    /// `tệp.xlsx!Trang!12:12` (a whole row, as Excel writes it) or `tệp.xlsx!Trang`.
    public var description: String {
        if let written = sheet {
            // Quoted as Excel quotes it when the name alone would be ambiguous: "Trang!C12"
            // read as "nhan.xlsx!Trang!C12!B2", an empty name as "nhan.xlsx!!B2".
            let sheet = written.isEmpty || written.contains("!") || written.contains("'")
                ? "'" + written.replacingOccurrences(of: "'", with: "''") + "'" : written
            if line > 0 && column > 0 { return "\(file)!\(sheet)!\(Self.columnLetters(column))\(line)" }
            if line > 0 { return "\(file)!\(sheet)!\(line):\(line)" }
            return "\(file)!\(sheet)"
        }
        if line > 0 && column > 0 { return "\(file):\(line):\(column)" }
        if line > 0 { return "\(file):\(line)" }
        return file
    }

    /// Excel's column name: 1 → A, 26 → Z, 27 → AA, 16,384 → XFD.
    public static func columnLetters(_ column: Int) -> String {
        var n = max(column, 1)
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}
