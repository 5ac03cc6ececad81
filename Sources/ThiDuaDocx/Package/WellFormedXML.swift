import CLibXML2

/// Whether a rendered part is well-formed XML, by libxml2 (the reader's parser): no
/// network, no entity substitution, nothing printed.
enum WellFormedXML {
    /// Where and why the text is not well-formed XML, or nil when it is.
    static func fault(in xml: String) -> (line: Int, column: Int, message: String)? {
        let bytes = Array(xml.utf8)
        guard !bytes.isEmpty else { return (1, 1, "phần trống") }
        guard let context = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, "UTF-8", options)
                }
            } ?? nil
        }
        if let document {
            xmlFreeDoc(document)
            // A prefix never declared ("r:id" without xmlns:r) is only a namespace error to
            // libxml2, which builds the tree anyway; Word, LibreOffice and python-docx refuse the file.
            guard context.pointee.nsWellFormed == 0 || context.pointee.wellFormed == 0 else { return nil }
            guard let error = xmlCtxtGetLastError(context) else { return (1, 1, "tiền tố không gian tên (namespace) chưa khai báo") }
            return (Int(error.pointee.line), Int(error.pointee.int2), description(of: Int32(error.pointee.code)))
        }
        guard let error = xmlCtxtGetLastError(context) else { return (1, 1, "không đọc được") }
        return (Int(error.pointee.line), Int(error.pointee.int2), description(of: Int32(error.pointee.code)))
    }

    /// libxml2's messages are English: the usual faults in Vietnamese, the rest by number.
    static func description(of code: Int32) -> String {
        switch code {
        case Int32(XML_ERR_DOCUMENT_EMPTY.rawValue): return "phần trống"
        case Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue): return "thẻ đóng không khớp thẻ mở"
        case Int32(XML_ERR_LT_IN_ATTRIBUTE.rawValue), Int32(XML_ERR_NAME_REQUIRED.rawValue): return "dấu < không đúng chỗ"
        case Int32(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue), Int32(XML_ERR_UNDECLARED_ENTITY.rawValue): return "dấu & phải viết &amp;"
        case Int32(XML_ERR_DOCUMENT_END.rawValue): return "thẻ sai hoặc còn nội dung ngoài phần tử gốc"
        case Int32(XML_ERR_TAG_NOT_FINISHED.rawValue), Int32(XML_ERR_GT_REQUIRED.rawValue): return "thẻ chưa đóng"
        case Int32(XML_ERR_DOCUMENT_START.rawValue): return "không bắt đầu bằng một phần tử XML"
        case Int32(XML_NS_ERR_UNDEFINED_NAMESPACE.rawValue), Int32(XML_NS_ERR_QNAME.rawValue):
            return "tiền tố không gian tên (namespace) chưa khai báo (thiếu xmlns:… ở phần tử gốc)"
        default: return "lỗi cú pháp XML số \(code)"
        }
    }
}
