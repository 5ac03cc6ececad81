import CXlsxWriter

/// The document properties shown in Excel's File › Info panel.
public struct XlsxDocumentProperties: Hashable, Sendable {
    /// Title (Tiêu đề).
    public var title: String?
    /// Subject.
    public var subject: String?
    /// Author (Tác giả).
    public var author: String?
    /// Manager.
    public var manager: String?
    /// Company (Công ty / cơ quan).
    public var company: String?
    /// Category.
    public var category: String?
    /// Keywords.
    public var keywords: String?
    /// Comments.
    public var comments: String?

    /// Creates properties; unset ones are left out of the file.
    public init(
        title: String? = nil, subject: String? = nil, author: String? = nil, manager: String? = nil,
        company: String? = nil, category: String? = nil, keywords: String? = nil, comments: String? = nil
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.manager = manager
        self.company = company
        self.category = category
        self.keywords = keywords
        self.comments = comments
    }
}

extension XlsxWorkbook {
    /// Sets the document properties.
    ///
    /// The strings are copied into C memory owned by this workbook and kept until it
    /// is freed, because `lxw_doc_properties` holds plain pointers that libxlsxwriter
    /// reads when the workbook is closed.
    public func setProperties(_ properties: XlsxDocumentProperties) throws {
        let workbook = try liveHandle()
        var c = lxw_doc_properties()
        func keep(_ value: String?, _ name: String) throws -> UnsafeMutablePointer<CChar>? {
            guard let value else { return nil }
            return try retainCString(XlsxText.property(value, name: name))
        }
        c.title = try keep(properties.title, "Tiêu đề")
        c.subject = try keep(properties.subject, "Chủ đề")
        c.author = try keep(properties.author, "Tác giả")
        c.manager = try keep(properties.manager, "Người quản lý")
        c.company = try keep(properties.company, "Cơ quan")
        c.category = try keep(properties.category, "Loại")
        c.keywords = try keep(properties.keywords, "Từ khoá")
        c.comments = try keep(properties.comments, "Ghi chú")
        try check(workbook_set_properties(workbook, &c), "thuộc tính tài liệu")
    }
}
