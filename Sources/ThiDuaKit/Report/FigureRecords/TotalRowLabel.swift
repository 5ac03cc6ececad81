/// Recognises the label of a total or subtotal row in a unit-name cell, however a clerk
/// typed it: "Tổng cộng", "TỔNG CỘNG:", "* Tổng cộng", "I. Tổng cộng", "Tổng cộng toàn tỉnh",
/// "Tổng cộng (19 đơn vị)", "Cộng Khối Doanh nghiệp", "Cộng:", "Toàn tỉnh", "Tong cong".
/// Counted as a unit, such a row adds the units above it a second time.
///
/// Unit names share the first letters ("Công đoàn …", "Tổng công ty …", "Cộng đồng …"):
/// without diacritics only whole labels count ("tong cong", not "tong cong ty …"), and
/// "cộng" opens a subtotal only when what follows is not a word that makes a name of it.
enum TotalRowLabel {
    /// What a label says.
    enum Kind: Equatable {
        /// The whole table's total: rows below it without a name are the footer.
        case grandTotal
        /// A group's subtotal.
        case subtotal
    }

    static let grandWords: Set<String> = [
        "tổng cộng", "tổng số", "tổng", "tổng cộng chung", "toàn tỉnh", "toàn thành phố", "toàn ngành",
        "toàn huyện", "toàn quận", "toàn thị xã", "tong cong", "tong so", "tong", "toan tinh", "toan nganh",
    ]
    /// What "Toàn …" is a total of: an area, a sector, a level.
    static let areaWords: Set<String> = ["tỉnh", "ngành", "huyện", "quận", "thành", "thị", "khu", "xã", "phường", "khối", "cụm", "hệ",
                                         "liên", "cấp", "địa", "đơn", "vùng", "cục", "tổng", "bộ", "tập"]
    static let subtotalWords: Set<String> = ["cộng", "cong", "cộng chung", "cong chung"]
    /// Words after "cộng" that make a name, not a subtotal ("Cộng đồng …", "Cộng hòa …").
    static let nameWordsAfterCong = ["đồng", "hòa", "hoà", "sản", "tác", "sự"]

    /// The kind of total `name` (NFC, as `ReportText.normalizedName` gives) labels, or nil
    /// for a unit's name.
    static func kind(of name: String) -> Kind? {
        guard mayBeLabel(name) else { return nil }
        let label = core(ReportText.folded(name))
        if grandWords.contains(label) || label.hasPrefix("tổng cộng ") || label.hasPrefix("tổng số ") { return .grandTotal }
        let words = label.split(separator: " ").map(String.init)
        if words.count >= 2 {
            // "Tổng toàn tỉnh", "Tổng hợp chung", "Tổng I + II", "Tổng (1+2)"; never "Tổng công
            // ty …", "Tổng đội …", "Tổng kho …", units whose names start with "Tổng".
            if words[0] == "tổng", ["toàn", "hợp"].contains(words[1]) || isMark(words[1] + ".") || words[1].first.map({ "(+".contains($0) }) == true {
                return .grandTotal
            }
            // "Toàn ngành Giáo dục", "Toàn khu công nghiệp"; never "Toàn Thắng", a company.
            if words[0] == "toàn", areaWords.contains(words[1]) { return .grandTotal }
        }
        if subtotalWords.contains(label) { return .subtotal }
        if label.hasPrefix("cộng ") {
            let next = label.dropFirst(5).prefix { $0 != " " }
            return nameWordsAfterCong.contains(String(next)) ? nil : .subtotal
        }
        return nil
    }

    /// A cheap test on the first letters, so that most unit names are never folded: after
    /// list marks, a label starts with c or t (any case) followed by "ộ", "ổ", "o" or "O".
    static func mayBeLabel(_ name: String) -> Bool {
        name.withUTF8Bytes { bytes in
            func isAlphanumeric(_ b: UInt8) -> Bool {
                ((b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            }
            var i = 0
            // Marks and a numbering ("* ", "- ", "II. ", "1) ") come before the words.
            while i < bytes.count, i < 16 {
                guard isAlphanumeric(bytes[i]) else {
                    i += 1
                    continue
                }
                var end = i
                while end < bytes.count, isAlphanumeric(bytes[end]) { end += 1 }
                guard end - i <= 5, end < bytes.count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")") else { break }
                i = end + 1
            }
            guard i + 1 < bytes.count else { return false }
            let first = bytes[i] | 0x20
            guard first == UInt8(ascii: "c") || first == UInt8(ascii: "t") else { return false }
            let next = bytes[i + 1]
            if next | 0x20 == UInt8(ascii: "o") { return true }
            // ộ Ộ (E1 BB 98/99), ổ Ổ (E1 BB 94/95)
            return next == 0xE1 && i + 3 < bytes.count && bytes[i + 2] == 0xBB && (0x94...0x99).contains(bytes[i + 3])
        }
    }

    /// The words of a folded label without list marks, a numbering, a closing mark or a
    /// bracket after it: "i. tổng cộng (19 đơn vị):" → "tổng cộng".
    static func core(_ folded: String) -> String {
        // "Cộng: Khối A", "Tổng cộng: 40 đơn vị": a colon ends the label's words too.
        var words = folded.split(whereSeparator: { $0 == " " || $0 == ":" }).map(String.init)
        dropNumbering(&words)
        if let open = words.firstIndex(where: { $0.hasPrefix("(") }), open > 0 { words.removeSubrange(open...) }
        var label = words.joined(separator: " ")
        while let last = label.last, ":.,;-*".contains(last) { label.removeLast() }
        return label.trimmingCharacters(in: .whitespaces)
    }

    /// "*", "-", "•", "I.", "1.", "a)", "A." before a label.
    static func isMark(_ word: String) -> Bool {
        if word.allSatisfy({ "*-•·+#–".contains($0) }) { return true }
        guard let last = word.last, last == "." || last == ")" else { return false }
        let body = word.dropLast()
        guard !body.isEmpty, body.count <= 5 else { return false }
        return body.allSatisfy { $0.isASCII && ($0.isNumber || "ivxlc".contains($0)) } || (body.count == 1 && body.first?.isLetter == true)
    }

    /// Words a group's name starts with ("Khối Doanh nghiệp", "Cụm thi đua số 1").
    static let groupWords = ["khối", "cụm", "nhóm", "huyện", "quận", "thị xã", "thành phố", "ngành", "lĩnh vực", "địa bàn", "vùng"]

    /// True when `name` names a group rather than a unit: it starts with a group word, after
    /// list marks ("I. Khối …", "A - KHỐI …"), or it is the group of the rows above it.
    static func namesAGroup(_ name: String, groupAbove: String?) -> Bool {
        let label = core(ReportText.folded(name))
        if let groupAbove, !groupAbove.isEmpty, label == core(ReportText.folded(groupAbove)) { return true }
        return groupWords.contains { label == $0 || label.hasPrefix($0 + " ") }
    }

    /// A group heading without its numbering: "A. KHỐI DOANH NGHIỆP" → "KHỐI DOANH NGHIỆP",
    /// "II - Cụm 2" → "Cụm 2"; the letters as written.
    static func withoutNumbering(_ name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        dropNumbering(&words)
        return words.isEmpty ? name : words.joined(separator: " ")
    }

    /// Removes list marks and a numbering before the words ("*", "I.", "a)", "A - ", "II – ").
    static func dropNumbering(_ words: inout [String]) {
        if words.count > 2, words[1] == "-" || words[1] == "–", isMark(words[0].lowercased() + ".") { words.removeFirst(2) }
        while let first = words.first, isMark(first.lowercased()) { words.removeFirst() }
    }
}
