/// A1-style references, built in Swift so formulas and chart ranges can be
/// composed without calling into C.
public enum XlsxCellReference {
    /// Excel's column letters for a 0-based column: 0 → "A", 25 → "Z", 26 → "AA".
    public static func columnLetters(_ column: Int) -> String {
        // Formulas name columns millions of times in large reports; Excel has only
        // 16,384 columns, so look them up.
        if column >= 0 && column < letterTable.count { return letterTable[column] }
        return computeLetters(column)
    }

    // A to ZZ: every report's columns. (All 16,384 took about 8 ms to build, a tenth of
    // writing a 1,000-unit workbook.) Further columns are computed when asked for.
    private static let letterTable: [String] = (0 ..< 702).map(computeLetters)

    private static func computeLetters(_ column: Int) -> String {
        var n = column + 1
        var letters: [UInt8] = []
        while n > 0 {
            letters.append(UInt8(65 + (n - 1) % 26))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// A relative reference such as `D16` for 0-based row and column.
    public static func a1(row: Int, column: Int) -> String {
        "\(columnLetters(column))\(row + 1)"
    }

    /// An absolute reference such as `$D$16`.
    public static func absolute(row: Int, column: Int) -> String {
        "$\(columnLetters(column))$\(row + 1)"
    }

    /// A relative range `D8:D15`.
    public static func range(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) -> String {
        "\(a1(row: firstRow, column: firstColumn)):\(a1(row: lastRow, column: lastColumn))"
    }

    /// A sheet name as it must appear in a formula: quoted with `'` (and inner `'`
    /// doubled) unless it is a plain ASCII identifier.
    ///
    /// Vietnamese names always need the quotes because of the spaces and letters
    /// outside ASCII.
    public static func quotedSheetName(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ($0.value >= 65 && $0.value <= 90) || ($0.value >= 97 && $0.value <= 122)
                || ($0.value >= 48 && $0.value <= 57) || $0 == "_" || $0 == "."
        } && !(name.first?.isNumber ?? false)
        if plain { return name }
        let escaped = name.flatMap { $0 == "'" ? ["'", "'"] as [Character] : [$0] }
        return "'" + String(escaped) + "'"
    }

    /// An absolute range on a named sheet: `'Biểu đồ'!$B$3:$B$5`.
    public static func sheetRange(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) -> String {
        "\(quotedSheetName(sheet))!\(absolute(row: firstRow, column: firstColumn)):\(absolute(row: lastRow, column: lastColumn))"
    }

    /// A relative cell on a named sheet: `'Tổng hợp'!E16`.
    public static func sheetCell(sheet: String, row: Int, column: Int) -> String {
        "\(quotedSheetName(sheet))!\(a1(row: row, column: column))"
    }
}
