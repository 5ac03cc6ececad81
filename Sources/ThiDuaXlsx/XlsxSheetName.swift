/// Excel's rules for worksheet names, checked in Swift before libxlsxwriter sees
/// the name so the error can name the sheet and the rule in Vietnamese.
public enum XlsxSheetName {
    /// Excel's limit, counted in UTF-16 code units as Excel itself counts.
    public static let maximumLength = 31

    /// Characters Excel refuses in a sheet name.
    public static let forbiddenCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Checks one name against Excel's rules and the names already in the workbook.
    ///
    /// - Parameters:
    ///   - name: the proposed name.
    ///   - existing: names already used in the workbook.
    /// - Throws: ``XlsxError`` naming the bad name and the rule it breaks.
    public static func validate(_ name: String, existing: [String] = []) throws {
        if name.isEmpty { throw XlsxError.sheetNameEmpty }
        let length = name.utf16.count
        if length > maximumLength {
            throw XlsxError.sheetNameTooLong(name: name, length: length)
        }
        try XlsxText.check(name, place: "tên trang “\(name)”", controls: .none)
        if let bad = name.first(where: { forbiddenCharacters.contains($0) }) {
            throw XlsxError.sheetNameInvalidCharacter(name: name, character: bad)
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw XlsxError.sheetNameApostrophe(name: name)
        }
        // Excel folds case over the whole of Unicode ("Tổng hợp" and "TỔNG HỢP" clash),
        // so compare lowercased forms rather than ASCII-only.
        let folded = name.lowercased()
        if let clash = existing.first(where: { $0.lowercased() == folded }) {
            throw XlsxError.sheetNameDuplicate(name: name, existing: clash)
        }
    }
}
