/// The signature form against who issues the document (conventions.md): a document the
/// collective body issues is signed "TM. <body>" (a deputy signs "TM. BAN THƯỜNG VỤ / PHÓ CHỦ
/// TỊCH", not "KT."); "KT." is a deputy signing for the head, so it names a head and the signer
/// is a deputy; "TM." is for a collective body, not a person.
extension Document {
    static let collectiveBodies = ["Ban Thường vụ", "Ban Chấp hành", "Đoàn Chủ tịch", "Ban Thường trực", "Thường trực"]
    static let headTitles = ["CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG BAN", "CHÁNH VĂN PHÒNG", "TỔNG GIÁM ĐỐC", "HIỆU TRƯỞNG", "VIỆN TRƯỞNG"]
    static let issuingVerbs = ["ban hành", "xây dựng", "hướng dẫn", "phát động", "báo cáo", "triển khai", "chỉ đạo", "thông báo"]

    func checkSignatureForm() -> [Diagnostic] {
        let position = signature.position ?? signature.signer.position
        let onBehalf = signature.onBehalfOf.map(Self.folded) ?? ""
        let isCollective = Self.collectiveBodies.contains { Self.folded($0) == onBehalf }
        var result: [Diagnostic] = []
        if let body = issuingCollectiveBody(), !(signature.authority == .tm && Self.folded(body) == onBehalf) {
            let written = [signature.authority?.rawValue, signature.onBehalfOf].compactMap { $0 }.joined(separator: " ")
            result.append(.warning("văn bản do \(body) ban hành (đoạn mở đầu) nhưng khối chữ ký là \"\(written.isEmpty ? signature.title : written)\"",
                                   at: position, hint: "ghi `hinh_thuc: TM.` và `thay_mat: \(body)`; cấp phó ký thì `chuc_vu: Phó Chủ tịch`"))
        }
        // The authority belongs in `hinh_thuc`: a title "KT. Chủ tịch" under "TM. BAN THƯỜNG VỤ"
        // printed two authorities, and lost the signer's own title. One exception: an acting
        // chair signs a collective body's document "TM. BAN CHẤP HÀNH / Q. CHỦ TỊCH", the "Q."
        // before the head's title as Nghị định 30 writes it.
        let title = Self.folded(signature.title)
        if let prefix = ["kt.", "tm.", "q.", "tl.", "tuq."].first(where: { title.hasPrefix($0) }),
           !(prefix == "q." && signature.authority == .tm) {
            let written = String(signature.title.prefix(prefix.count))
            let hint: String
            switch (signature.authority, prefix) {
            case (.tm?, _):
                hint = "cấp phó ký văn bản của tập thể thì ghi \"TM. BAN THƯỜNG VỤ\" và `chuc_vu: Phó Chủ tịch`, không ghi \"\(written.uppercased())\""
            case (_, "q."):
                hint = "người giữ quyền tự ký thì ghi `hinh_thuc: Q.` và `thay_mat: \(signature.title.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces))`, bỏ `chuc_vu`"
            default:
                hint = "ghi `hinh_thuc: \(written.uppercased())` và chức danh thật ở `chuc_vu`, ví dụ `chuc_vu: Phó Chủ tịch`"
            }
            result.append(.error("chức vụ \"\(signature.title)\" bắt đầu bằng \"\(written)\": thẩm quyền ký ghi ở `hinh_thuc`, chức vụ chỉ ghi chức danh người ký",
                                 at: position, hint: hint))
        }
        switch signature.authority {
        case .kt?:
            if isCollective {
                // conventions.md: a collective body's document is signed "TM.", never "KT.".
                result.append(.error("\"KT. \(signature.onBehalfOf ?? "")\": ký thay mặt tập thể thì dùng \"TM.\"", at: position,
                                       hint: "ghi `hinh_thuc: TM.`; \"KT.\" là cấp phó ký thay người đứng đầu, ví dụ \"KT. CHỦ TỊCH\""))
            } else if !Self.headTitles.contains(where: { onBehalf.hasPrefix(Self.folded($0)) }) {
                result.append(.warning("\"KT. \(signature.onBehalfOf ?? "")\" cần chức danh người đứng đầu mà người ký ký thay", at: position,
                                       hint: "ví dụ `thay_mat: Chủ tịch`"))
            } else if !Self.folded(signature.title).hasPrefix("phó ") {
                result.append(.warning("\"KT. \(signature.onBehalfOf ?? "")\" do cấp phó ký, nhưng chức vụ người ký là \"\(signature.title)\"",
                                       at: position, hint: "người đứng đầu tự ký thì bỏ `hinh_thuc` và `thay_mat`"))
            }
        case .tm?:
            if Self.headTitles.contains(where: { Self.folded($0) == onBehalf }) {
                // "TM. CHỦ TỊCH" does not exist: TM. names a collective body.
                result.append(.error("\"TM. \(signature.onBehalfOf ?? "")\": \"TM.\" dùng khi thay mặt tập thể (Ban Thường vụ, Ban Chấp hành)", at: position,
                                       hint: "cấp phó ký thay người đứng đầu thì ghi `hinh_thuc: KT.`"))
            }
        case .q?:
            // "Q. CHỦ TỊCH" is an acting head, who holds a deputy's title (or none): the title line
            // repeating the head's title says the signer is the head, which "Q." denies.
            // Nghị định 30 puts "Q." before the head's title and no line of the signer's own.
            if !onBehalf.isEmpty, Self.folded(signature.title) == onBehalf {
                result.append(.warning("\"Q. \(signature.onBehalfOf ?? "")\" và chức vụ \"\(signature.title)\": người giữ quyền không mang chức danh người đứng đầu",
                                       at: position, hint: "bỏ `chuc_vu`: khối chữ ký chỉ ghi \"Q. \(signature.onBehalfOf ?? "")\" rồi họ tên"))
            }
        default:
            break
        }
        return result
    }

    /// The collective body the opening text says issues the document: "Ban Thường vụ Liên đoàn
    /// Lao động tỉnh ban hành Kế hoạch …", "… ; Ban Thường vụ LĐLĐ tỉnh hướng dẫn …".
    func issuingCollectiveBody() -> String? {
        for block in preamble {
            guard case .paragraph(let text, _) = block else { continue }
            let folded = Self.folded(text)
            for body in Self.collectiveBodies {
                let name = Self.folded(body)
                var searchStart = folded.startIndex
                while let range = folded.range(of: name, range: searchStart..<folded.endIndex) {
                    // The body at a clause's start, a verb of issuing within the next few words.
                    let before = folded[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                    let atClauseStart = before.isEmpty || before.hasSuffix(";") || before.hasSuffix(".") || before.hasSuffix(",")
                    let next = folded[range.upperBound...].split(separator: " ").prefix(10).joined(separator: " ")
                    if atClauseStart, Self.issuingVerbs.contains(where: { next.contains($0) }) { return body }
                    searchStart = range.upperBound
                }
            }
        }
        return nil
    }
}
