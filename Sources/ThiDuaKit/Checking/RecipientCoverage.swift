/// Whether a body given work receives the document: by name, or through a recipient line that
/// names a whole group ("Các Ban LĐLĐ tỉnh", "CĐ cấp trên trực tiếp cơ sở", "CĐCS, đơn vị trực
/// thuộc LĐLĐ tỉnh", "Công đoàn các cấp trực thuộc") the body belongs to.
///
/// Names are compared after folding case, the usual abbreviations (CĐ, CĐCS, LĐLĐ, TX, TP,
/// UBND, TLĐ) and "&". A body is placed in the groups its name shows: a Ban of the office, an
/// upper-level union (công đoàn cấp trên trực tiếp cơ sở: a district LĐLĐ, a sector, industrial
/// zone, commune or ward union, the union of civil servants), a grassroots union (CĐCS), a unit
/// directly under the office. A name of several groups ("Công đoàn cấp trên trực tiếp cơ sở và
/// CĐCS trực thuộc LĐLĐ tỉnh") needs every one of them covered.
struct RecipientCoverage {
    enum Group: CaseIterable { case department, upperUnion, grassroots, directUnit }

    let names: [String]
    let groups: Set<Group>

    init(recipients: [String]) {
        names = recipients.map(Self.normalized)
        var groups = Set<Group>()
        for name in names where Self.isGroup(name) {
            groups.formUnion(Self.groupsNamed(name))
        }
        self.groups = groups
    }

    /// Whether `body` receives the document.
    func covers(_ body: String) -> Bool {
        let key = Self.normalized(body)
        if names.contains(where: { $0.holds(key) || key.holds($0) }) { return true }
        let member = Self.groupsOf(key)
        return !member.isEmpty && member.isSubset(of: groups)
    }

    /// Lower case, abbreviations written out, punctuation other than letters and digits as spaces,
    /// single spaces, tone marks placed one way, with spaces around so whole words can be
    /// matched as " word ".
    static func normalized(_ text: String) -> String {
        let lower = VietnameseText.cleanInvisible(VietnameseText.nfc(text)).text.lowercased()
        var words: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty { words.append(abbreviations[word] ?? word); word = "" }
        }
        for c in lower {
            if c == "&" {
                flush()
                words.append("và")
            } else if c.isLetter || c.isNumber {
                word.append(c)
            } else {
                flush()
            }
        }
        flush()
        // "Uỷ ban" and "Ủy ban", "Thuỷ" and "Thủy" are one body (`ReportText.placingTones`).
        return " " + ReportText.placingTones(words.joined(separator: " ")) + " "
    }

    static let abbreviations: [String: String] = [
        "cđ": "công đoàn", "cđcs": "công đoàn cơ sở", "lđlđ": "liên đoàn lao động", "tx": "thị xã", "tp": "thành phố",
        "ubnd": "ủy ban nhân dân", "tlđ": "tổng liên đoàn", "kcn": "khu công nghiệp", "kkt": "khu kinh tế",
    ]

    /// A recipient line that stands for many bodies.
    static func isGroup(_ name: String) -> Bool {
        let pluralNouns = [" các ban ", " các công đoàn ", " các cấp ", " các đơn vị ", " các huyện ", " các quận ", " các xã ",
                           " các phường ", " các thị xã ", " các thành phố ", " các ngành "]
        return pluralNouns.contains { name.holds($0) } || name.holds(" cấp trên trực tiếp cơ sở ")
            || name.holds(" trực thuộc ") || name.hasPrefix(" các ")
    }

    /// The groups a recipient line names.
    static func groupsNamed(_ name: String) -> Set<Group> {
        var result = Set<Group>()
        if name.holds(" các ban ") || name.hasPrefix(" ban ") { result.insert(.department) }
        if name.holds(" các cấp ") { result.formUnion([.upperUnion, .grassroots]) }
        result.formUnion(groupsOf(name).subtracting([.department]))
        return result
    }

    /// The groups a body (or a name of several) belongs to.
    static func groupsOf(_ name: String) -> Set<Group> {
        var result = Set<Group>()
        let collective = [" ban thường vụ ", " ban chấp hành ", " ban thường trực "]
        if (name.hasPrefix(" ban ") || name.hasPrefix(" các ban ") || name.hasPrefix(" văn phòng ")),
           !collective.contains(where: { name.hasPrefix($0) }) {
            result.insert(.department)
        }
        if name.holds(" cấp trên trực tiếp cơ sở ") { result.insert(.upperUnion) }
        let localities = ["huyện", "quận", "thị xã", "thành phố", "các"]
        if localities.contains(where: { name.holds(" liên đoàn lao động \($0) ") }) { result.insert(.upperUnion) }
        // "Công đoàn Viên chức tỉnh", "Công đoàn ngành Y tế", "Công đoàn các khu công nghiệp",
        // "Công đoàn phường An Hội": every union named "Công đoàn …" other than a grassroots one.
        var rest = Substring(name)
        while let range = rest.range(of: " công đoàn ") { // rare: most names hold it once
            let after = rest[range.upperBound...]
            if !after.hasPrefix("cơ sở ") && !after.hasPrefix("cấp trên ") && !after.hasPrefix("các cấp ") && !after.isEmpty {
                result.insert(.upperUnion)
            }
            rest = rest[rest.index(before: range.upperBound)...]
        }
        if name.holds(" công đoàn cơ sở ") { result.insert(.grassroots) }
        if name.holds(" đơn vị trực thuộc ") || name.holds(" đơn vị ") && name.holds(" trực thuộc ") { result.insert(.directUnit) }
        return result
    }
}

extension String {
    /// Whether the UTF-8 of `other` occurs in this string's. The names compared here are NFC,
    /// lower-cased and space-delimited, so a byte match is a match of whole characters; and it
    /// avoids Foundation's `contains`, whose locale-aware search cost a few percent of a check.
    fileprivate func holds(_ other: String) -> Bool {
        var haystack = self, needle = other
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard n.count <= h.count else { return false }
                // Names are short (tens of bytes): a plain scan from each occurrence of the
                // first byte is all it needs.
                let first = n[0]
                var start = 0
                while start <= h.count - n.count {
                    if h[start] == first {
                        var matched = 1
                        while matched < n.count && h[start + matched] == n[matched] { matched += 1 }
                        if matched == n.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
