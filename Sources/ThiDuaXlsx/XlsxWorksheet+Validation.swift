import CXlsxWriter

/// A data-validation rule Excel and LibreOffice enforce while the clerk types, with the
/// prompt shown on entering the cell and the message shown when a value is refused.
public struct XlsxValidation: Hashable, Sendable {
    /// What a cell accepts.
    public enum Rule: Hashable, Sendable {
        /// A whole number ≥ `minimum`.
        case wholeNumber(minimum: Int64)
        /// A decimal number ≥ `minimum`.
        case decimal(minimum: Double)
        /// A whole number from 0 to the value of the formula (e.g. `$C7`, relative to the
        /// range's first cell, so each row compares with its own denominator).
        case wholeNumberUpTo(formula: String)
    }

    /// The rule.
    public var rule: Rule
    /// Prompt title (Excel shows at most 32 characters).
    public var inputTitle: String
    /// Prompt text (at most 255 characters).
    public var inputMessage: String
    /// Title of the refusal box.
    public var errorTitle: String
    /// Text of the refusal box.
    public var errorMessage: String

    /// Creates a rule with its messages.
    public init(rule: Rule, inputTitle: String, inputMessage: String, errorTitle: String, errorMessage: String) {
        self.rule = rule
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
    }

    /// Excel's limits on the texts, in characters.
    static let titleLimit = 32
    static let messageLimit = 255

    /// `text` cut to `limit` characters with "…", so a long indicator name never makes
    /// libxlsxwriter refuse the rule.
    static func fitted(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

/// How a protected sheet may still be used.
public struct XlsxProtection: Hashable, Sendable {
    /// Column widths may be changed (a long unit name).
    public var formatColumns = true
    /// Row heights may be changed.
    public var formatRows = true

    /// The defaults: widths and heights free, everything else as Excel's protection.
    public init() {}
}

extension XlsxWorksheet {
    /// Applies `validation` to every cell of `range`.
    ///
    /// - Throws: ``XlsxError`` for a range outside the grid or a C failure.
    public func addValidation(_ validation: XlsxValidation, range: XlsxRange) throws {
        let sheet = try live()
        try XlsxWorksheet.checkRow(range.lastRow)
        try XlsxWorksheet.checkColumn(range.lastColumn)
        var rule = lxw_data_validation()
        var retained: [UnsafeMutablePointer<CChar>] = []
        defer { retained.forEach { free($0) } }
        func cString(_ text: String) throws -> UnsafeMutablePointer<CChar> {
            guard !text.utf8.contains(0), let copy = strdup(text) else {
                throw XlsxError.invalidParameter(detail: "chữ của quy tắc kiểm tra dữ liệu không hợp lệ")
            }
            retained.append(copy)
            return copy
        }
        switch validation.rule {
        case .wholeNumber(let minimum):
            rule.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
            rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            rule.value_number = try XlsxWorksheet.exactDouble(minimum)
        case .decimal(let minimum):
            try XlsxWorksheet.checkNumber(minimum)
            rule.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
            rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            rule.value_number = minimum
        case .wholeNumberUpTo(let formula):
            rule.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER_FORMULA.rawValue)
            rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            rule.minimum_formula = try cString("=0")
            rule.maximum_formula = try cString(formula.hasPrefix("=") ? formula : "=" + formula)
        }
        rule.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        rule.show_input = UInt8(LXW_VALIDATION_ON.rawValue)
        rule.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
        rule.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        rule.input_title = try cString(XlsxValidation.fitted(validation.inputTitle, XlsxValidation.titleLimit))
        rule.input_message = try cString(XlsxValidation.fitted(validation.inputMessage, XlsxValidation.messageLimit))
        rule.error_title = try cString(XlsxValidation.fitted(validation.errorTitle, XlsxValidation.titleLimit))
        rule.error_message = try cString(XlsxValidation.fitted(validation.errorMessage, XlsxValidation.messageLimit))
        let code = worksheet_data_validation_range(sheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                                                   lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn), &rule)
        try check(code, "quy tắc kiểm tra dữ liệu của trang “\(name)”")
    }

    /// Protects the sheet without a password: locked cells (all but those whose style is
    /// ``CellStyle/unlocked``) cannot be changed, and anyone can lift the protection from
    /// the menu (Xem lại ▸ Bỏ bảo vệ trang tính) when the form must be corrected.
    public func protect(_ options: XlsxProtection = XlsxProtection()) throws {
        let sheet = try live()
        var protection = lxw_protection()
        protection.format_columns = options.formatColumns ? 1 : 0
        protection.format_rows = options.formatRows ? 1 : 0
        worksheet_protect(sheet, nil, &protection)
    }

    /// Makes this the sheet shown when the workbook opens.
    public func activate() throws {
        worksheet_activate(try live())
    }
}
