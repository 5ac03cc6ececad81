import Yams

/// Body content: paragraphs, numbered items, points, bullets, labelled lists, sub-headings
/// and assignments.
extension YAMLReader {
    static let blockKeys = ["doan", "tieu_muc", "diem", "y", "de_muc", "noi_dung", "cac_y", "cac_diem", "kieu", "giao", "nhiem_vu", "han",
                            "han_thang", "mot_cau",
                            "cac_chi_tieu"]
    /// The keys that say what a block is; a block has exactly one of them.
    static let blockKinds = ["doan", "tieu_muc", "diem", "y", "de_muc", "cac_y", "cac_diem", "giao", "cac_chi_tieu"]

    /// A list of content blocks (a single string is one paragraph).
    mutating func blocks(_ node: Node, _ what: String) -> [Block] {
        guard let items = list(node, what) else { return [] }
        var result: [Block] = []
        for item in items {
            result.append(contentsOf: block(item))
        }
        return result
    }

    mutating func block(_ node: Node) -> [Block] {
        if case .scalar = node {
            return richText(node, "đoạn văn").map { [.paragraph($0, position(node))] } ?? []
        }
        guard let f = mapping(node, "một khối nội dung", allowed: Self.blockKeys) else { return [] }
        let children = f["noi_dung"].map { blocks($0, "nội dung") } ?? []
        let pos = position(node)
        let kinds = Self.blockKinds.filter { f[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first, let value = f[kind] else {
            if kinds.isEmpty, f.values.isEmpty, case .mapping(let mapping) = node, mapping.count > 0 {
                // Every key was unknown and has been reported; a second
                // error for the same lines would only repeat it.
            } else if kinds.isEmpty {
                error("khối nội dung không có `doan`, `tieu_muc`, `diem`, `y`, `de_muc`, `cac_y`, `cac_diem` hay `giao`", at: node,
                      hint: "thêm một trong các khóa đó, ví dụ `tieu_muc: Đối với Công đoàn cơ sở`")
            } else {
                error("một khối chỉ được có một trong \(kinds.map { "`\($0)`" }.joined(separator: ", "))", at: node,
                      hint: "tách thành các khối riêng, mỗi khối bắt đầu bằng dấu `-`")
            }
            return []
        }
        if kind != "giao" {
            for key in ["nhiem_vu", "han", "han_thang", "mot_cau"] where f[key] != nil {
                error("`\(key)` chỉ dùng trong khối `giao` (giao việc)", at: f.keys[key],
                      hint: "thêm `giao: <đơn vị>` vào khối này, hoặc bỏ dòng `\(key)`")
            }
        }
        var style: LabelStyle?
        if let node = f["kieu"] {
            if kind == "y" || kind == "cac_y" {
                style = choice(node, "kiểu đánh số (`kieu`)", LabelStyle.self, allowed: LabelStyle.allCases)
            } else {
                error("`kieu` (kiểu đánh số) chỉ dùng với `y` và `cac_y`", at: f.keys["kieu"],
                      hint: "bỏ dòng `kieu`, hoặc đổi khối thành `cac_y`")
            }
        }
        if ["doan", "cac_y", "cac_diem", "cac_chi_tieu"].contains(kind) || style != nil, f["noi_dung"] != nil {
            error("`\(kind)`\(style != nil ? " có `kieu`" : "") không có `noi_dung` con", at: f.keys["noi_dung"],
                  hint: "dùng `tieu_muc`, `diem` hoặc `y` để có nội dung con")
        }
        switch kind {
        case "doan":
            return richText(value, "đoạn văn").map { [.paragraph($0, pos)] } ?? []
        case "tieu_muc":
            return richText(value, "tiểu mục").map { title in
                // A one-sentence assignment with no task is about what its heading says.
                let content = children.map { child -> Block in
                    guard case .assignment(var assignment) = child, assignment.asSentence, assignment.tasks.isEmpty else { return child }
                    assignment.context = title
                    return .assignment(assignment)
                }
                return [.item(title: title, blocks: content, pos)]
            } ?? []
        case "diem":
            return richText(value, "điểm").map { [.point($0, blocks: children, pos)] } ?? []
        case "de_muc":
            return richText(value, "đề mục").map { [.subheading($0, blocks: children, pos)] } ?? []
        case "y":
            guard let text = richText(value, "ý") else { return [] }
            return [style.map { .labeled(text, style: $0, pos) } ?? .bullet(text, blocks: children, pos)]
        case "cac_y":
            return (list(value, "các ý") ?? []).compactMap { n in
                richText(n, "ý").map { text in style.map { .labeled(text, style: $0, position(n)) } ?? .bullet(text, blocks: [], position(n)) }
            }
        case "cac_diem":
            return (list(value, "các điểm") ?? []).compactMap { n in richText(n, "điểm").map { .point($0, blocks: [], position(n)) } }
        case "cac_chi_tieu":
            return planTargetBullets(value)
        default:
            return assignment(f, at: node).map { [.assignment($0)] } ?? []
        }
    }

    mutating func assignment(_ f: Fields, at node: Node) -> Assignment? {
        let body = f["giao"].flatMap { string($0, "đơn vị được giao việc") }
        let asSentence = f["mot_cau"].flatMap { bool($0, "`mot_cau` (viết thành một câu)") } ?? false
        // A one-sentence assignment ("3.1. Công đoàn cơ sở hoàn thành trong tháng 04 năm 2021.")
        // needs no task: the deadline is the sentence.
        let taskNodes = (asSentence && f["nhiem_vu"] == nil
            ? nil
            : required(f, "nhiem_vu", "nhiệm vụ được giao", example: "Chủ trì tổng hợp kết quả …")).flatMap { list($0, "nhiệm vụ") } ?? []
        let tasks = taskNodes.compactMap { n in richText(n, "nhiệm vụ").map { Located($0, at: position(n)) } }
        var deadline: Located<Deadline>?
        if let dayNode = f["han"], let day = date(dayNode, "hạn hoàn thành") {
            deadline = Located(.day(day.value), at: day.position)
        }
        if let monthNode = f["han_thang"] {
            if deadline != nil {
                error("chỉ ghi một trong `han` (ngày) và `han_thang` (tháng)", at: f.keys["han_thang"],
                      hint: "xóa một trong hai dòng")
            } else if let month = monthDeadline(monthNode) {
                deadline = Located(month, at: position(monthNode))
            }
        }
        if asSentence, tasks.isEmpty, deadline == nil {
            error("giao việc viết thành một câu (`mot_cau`) cần `nhiem_vu` hoặc hạn (`han`, `han_thang`)", at: node,
                  hint: "thêm `han_thang: 2021-03` để có câu \"… hoàn thành trong tháng 03 năm 2021.\"")
            return nil
        }
        if asSentence, tasks.count > 1 {
            error("giao việc viết thành một câu (`mot_cau`) chỉ có một nhiệm vụ", at: f.keys["nhiem_vu"],
                  hint: "bỏ `mot_cau`, hoặc gộp các nhiệm vụ thành một câu")
        }
        guard let body, asSentence || !tasks.isEmpty else { return nil }
        return Assignment(body: body, tasks: tasks, deadline: deadline, position: position(node), asSentence: asSentence)
    }

    /// "2021-03", "03/2021" or "3/2021".
    mutating func monthDeadline(_ node: Node) -> Deadline? {
        guard let raw = string(node, "hạn theo tháng") else { return nil }
        guard let (year, month) = Self.parseMonth(raw) else {
            error("hạn theo tháng \"\(raw)\" không hợp lệ", at: node, hint: "viết `2021-03` hoặc `03/2021`")
            return nil
        }
        return .month(year: year, month: month)
    }

}
