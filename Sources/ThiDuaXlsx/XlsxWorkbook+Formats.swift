import CXlsxWriter

extension XlsxWorkbook {
    /// The C format for a style, created on first use and reused afterwards.
    ///
    /// Returns `nil` for ``CellStyle/plain`` so default cells carry no style index.
    func format(for style: CellStyle) throws -> UnsafeMutablePointer<lxw_format>? {
        if style.isPlain { return nil }
        if let cached = formatCache[style] { return cached }
        let workbook = try liveHandle()
        try XlsxWorkbook.validate(style)
        guard let format = workbook_add_format(workbook) else { throw XlsxError.outOfMemory }
        if let name = style.fontName { format_set_font_name(format, name) }
        if let size = style.fontSize { format_set_font_size(format, size) }
        if style.bold { format_set_bold(format) }
        if style.italic { format_set_italic(format) }
        if let alignment = style.horizontalAlignment {
            format_set_align(format, XlsxWorkbook.code(alignment))
        }
        if let alignment = style.verticalAlignment {
            format_set_align(format, XlsxWorkbook.code(alignment))
        }
        if style.wrapText { format_set_text_wrap(format) }
        switch style.border {
        case .none: break
        case .thin: format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
        case .medium: format_set_border(format, UInt8(LXW_BORDER_MEDIUM.rawValue))
        }
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        if let color = style.backgroundColor {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, lxw_color_t(color))
        }
        if let color = style.fontColor { format_set_font_color(format, lxw_color_t(color)) }
        if style.unlocked { format_set_unlocked(format) }
        formatCache[style] = format
        return format
    }

    /// Number of distinct C formats created so far (for tests of the cache).
    public var formatCount: Int { formatCache.count }

    /// libxlsxwriter copies font names and number formats into 128-byte buffers and
    /// silently truncates longer ones; Excel itself limits font names to 31 characters.
    static func validate(_ style: CellStyle) throws {
        if let name = style.fontName, name.utf16.count > 31 || name.utf8.count >= 128 {
            throw XlsxError.invalidParameter(detail: "tên phông chữ “\(name)” quá dài (tối đa 31 ký tự)")
        }
        if let numberFormat = style.numberFormat, numberFormat.utf8.count >= 128 {
            throw XlsxError.invalidParameter(detail: "định dạng số “\(numberFormat)” quá dài (tối đa 127 byte)")
        }
        if let size = style.fontSize, !(1 ... 409).contains(size) {
            throw XlsxError.invalidParameter(detail: "cỡ chữ \(size) ngoài khoảng 1–409 của Excel")
        }
        for color in [style.backgroundColor, style.fontColor].compactMap({ $0 }) where color > 0xFF_FFFF {
            throw XlsxError.invalidParameter(detail: "mã màu \(String(color, radix: 16)) không phải dạng 0xRRGGBB")
        }
    }

    static func code(_ alignment: CellStyle.HorizontalAlignment) -> UInt8 {
        switch alignment {
        case .left: return UInt8(LXW_ALIGN_LEFT.rawValue)
        case .center: return UInt8(LXW_ALIGN_CENTER.rawValue)
        case .right: return UInt8(LXW_ALIGN_RIGHT.rawValue)
        case .centerAcross: return UInt8(LXW_ALIGN_CENTER_ACROSS.rawValue)
        case .justify: return UInt8(LXW_ALIGN_JUSTIFY.rawValue)
        }
    }

    static func code(_ alignment: CellStyle.VerticalAlignment) -> UInt8 {
        switch alignment {
        case .top: return UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)
        case .center: return UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)
        case .bottom: return UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue)
        }
    }
}
