/// The reorganisation of local government that took effect on 01/7/2025 (Nghị quyết
/// 60-NQ/TW of 12/4/2025; Nghị quyết 202/2025/QH15): 63 provinces and cities became 34, the
/// district level (huyện, quận, thị xã, thành phố thuộc tỉnh) was abolished, and the trade
/// union followed (the LĐLĐ of districts ended; công đoàn xã, phường became the level above
/// the grassroots unions). A document dated from that day uses the new names.
public enum Reorganisation2025 {
    /// The day the new organisation took effect.
    public static let effectiveDate = CivilDate(unchecked: 2025, 7, 1)

    /// Each province or city that no longer exists as such, and the one it became part of.
    public static let mergedInto: [String: String] = [
        "Hà Giang": "Tuyên Quang", "Yên Bái": "Lào Cai", "Bắc Kạn": "Thái Nguyên", "Vĩnh Phúc": "Phú Thọ",
        "Hòa Bình": "Phú Thọ", "Bắc Giang": "Bắc Ninh", "Thái Bình": "Hưng Yên", "Hải Dương": "Hải Phòng",
        "Hà Nam": "Ninh Bình", "Nam Định": "Ninh Bình", "Quảng Bình": "Quảng Trị", "Quảng Nam": "Đà Nẵng",
        "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai", "Ninh Thuận": "Khánh Hòa", "Đắk Nông": "Lâm Đồng",
        "Bình Thuận": "Lâm Đồng", "Phú Yên": "Đắk Lắk", "Bình Dương": "Hồ Chí Minh", "Bà Rịa - Vũng Tàu": "Hồ Chí Minh",
        "Bình Phước": "Đồng Nai", "Long An": "Tây Ninh", "Sóc Trăng": "Cần Thơ", "Hậu Giang": "Cần Thơ",
        "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long", "Tiền Giang": "Đồng Tháp", "Bạc Liêu": "Cà Mau",
        "Kiên Giang": "An Giang",
    ]

    /// The six cities directly under the centre after the reorganisation.
    public static let centralCities = ["Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"]

    /// What is out of date in `name` (a body's name) for a document of the new organisation:
    /// the old province it names and where it went, or the district level it belongs to.
    public static func outdatedPart(of name: String) -> (found: String, why: String, fix: String)? {
        let folded = fold(name)
        for (prefix, old, new) in foldedMerged where folded.contains(" \(prefix) \(old) ") {
            let original = mergedInto.first { fold($0.key) == " \(old) " }?.key ?? old
            let kind = ["Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"].contains(new) ? "thành phố" : "tỉnh"
            return ("\(prefix) \(original)", "từ 01/7/2025 \(prefix) \(original) đã hợp nhất vào \(kind) \(new)",
                    "dùng tên mới, hoặc kiểm tra lại ngày ban hành")
        }
        for level in ["huyện", "quận", "thị xã"] where folded.contains(" \(level) ") {
            return (level, "từ 01/7/2025 không còn cấp huyện (\(level)); Liên đoàn Lao động cấp huyện đã kết thúc hoạt động",
                    "văn bản từ ngày này do Công đoàn xã, phường hoặc Liên đoàn Lao động tỉnh ban hành")
        }
        if folded.contains(" liên đoàn lao động thành phố ") || folded.contains(" lđlđ thành phố "),
           let range = folded.range(of: " thành phố ") {
            let after = folded[range.upperBound...]
            if !foldedCentralCities.contains(where: { after.hasPrefix($0 + " ") }) {
                return ("thành phố thuộc tỉnh", "từ 01/7/2025 không còn cấp huyện (thành phố thuộc tỉnh)",
                        "văn bản từ ngày này do Công đoàn xã, phường hoặc Liên đoàn Lao động tỉnh ban hành")
            }
        }
        return nil
    }

    /// (prefix, old name folded, new name) for "tỉnh …" and "thành phố …", in a fixed order.
    static let foldedMerged: [(String, String, String)] = mergedInto.sorted { $0.key < $1.key }.flatMap { old, new in
        ["tỉnh", "thành phố"].map { ($0, fold(old).trimmingSpaces(), new) }
    }
    static let foldedCentralCities = centralCities.map { fold($0).trimmingSpaces() }

    /// Lower case, single spaces, spaces around, "Hoà" and "Hòa" alike (on scalars, no Foundation).
    static func fold(_ text: String) -> String {
        var out = " "
        var pendingSpace = false
        for character in VietnameseText.nfc(text).lowercased() {
            if character == " " || character == "," || character == "(" || character == ")" || character.isWhitespace {
                pendingSpace = !out.hasSuffix(" ")
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(character)
        }
        if !out.hasSuffix(" ") { out.append(" ") }
        // The old and the new placement of the tone mark ("hoà", "hòa"; "thuỷ", "thủy") fold alike.
        return ReportText.placingTones(out)
    }
}

extension Document {
    /// A document dated from 01/7/2025 names its bodies as they are since then: no merged
    /// province, no district level (warnings at the names).
    func checkReorganisation() -> [Diagnostic] {
        guard header.date.value >= Reorganisation2025.effectiveDate else { return [] }
        var result: [Diagnostic] = []
        let names: [(String, String, SourcePosition?)] = [
            (header.issuingBodyAsWritten, "cơ quan ban hành", header.issuingBodyPosition),
            (header.parentBody, "cơ quan chủ quản", header.parentBodyPosition),
        ]
        for (name, what, position) in names {
            guard let outdated = Reorganisation2025.outdatedPart(of: name) else { continue }
            result.append(.warning("\(what) \"\(name)\" trong văn bản ngày \(header.date.value.short()): \(outdated.why)",
                                   at: position ?? header.date.position, hint: outdated.fix))
        }
        return result
    }
}
