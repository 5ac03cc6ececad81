/// The header of a figures file: each cell given a role, and a file whose header has no
/// cell thidua recognises refused as "not a figures table" without quoting it (it may be
/// /etc/passwd, a letter, or the environment of a process).
extension FigureFileParser {
    mutating func readHeader(_ record: FigureRecord) {
        columnMultiples = [:]
        let headers = record.cells.map(\.displayText)
        let matched = headers.map { matcher.role(of: $0) }
        let recognised = matched.contains { role in role.map { $0 != .ignored } ?? false }
        guard recognised else {
            headerFindings.add(.error(
                "tệp không phải bảng số liệu: dòng tiêu đề (dòng \(record.line)) không có cột nào là tên đơn vị, khối hay chỉ tiêu; không dòng nào được dùng",
                at: record.position(file: file),
                hint: "chọn đúng tệp số liệu; dòng tiêu đề ghi tên cột: Đơn vị; Khối; rồi mã hoặc tên các chỉ tiêu (ví dụ doan_vien_moi)"),
                kind: .emptyFile)
            roles = Array(repeating: .ignored, count: headers.count)
            hasNameColumn = false
            return
        }
        var seen: [FigureColumnRole: Int] = [:]
        var result: [FigureColumnRole] = []
        for (i, header) in headers.enumerated() {
            let position = record.position(ofField: i, file: file)
            // Made only for a finding: most headers are recognised and never shown.
            var shown: String { ReportText.excerpt(ReportText.normalizedName(header), limit: 80) }
            guard var role = matched[i] else {
                if let key = matcher.unchosenIndicator(header) {
                    headerFindings.add(.warning("cột '\(shown)' là chỉ tiêu '\(key)' nhưng báo cáo không chọn chỉ tiêu này trong `chi_tieu`; cột bị bỏ qua", at: position,
                                                hint: "nếu báo cáo cần số liệu này, thêm `- ma: \(key)` vào `chi_tieu`; nếu không, bỏ qua cảnh báo hoặc xoá cột"),
                                       kind: .unknownColumn)
                    result.append(.ignored)
                    continue
                }
                let suggestion = headerFindings.wouldList(.unknownColumn) ? matcher.suggestion(for: header) : nil
                let hint = suggestion.map { "có phải là '\($0)'? Cột này bị bỏ qua" }
                    ?? "cột này bị bỏ qua; tên cột hợp lệ: don_vi, nhom, mã hoặc tên chỉ tiêu, chi_tieu_<mã>"
                headerFindings.add(.warning("cột lạ '\(shown)'", at: position, hint: hint), kind: .unknownColumn)
                result.append(.ignored)
                continue
            }
            switch role {
            // (A `where` would bind to the second pattern only.)
            case .value(let index) where kinds[index] == .money, .target(let index) where kinds[index] == .money:
                // A header that is an indicator's own name ("Quỹ hỗ trợ (Tết)") may hold
                // brackets that are no unit; a unit it does state still counts.
                var unit = FigureMoneyUnit.of(header: header)
                if case .unknown? = unit, matcher.matchesWhole(header) { unit = nil }
                switch unit {
                case .multiple(let multiple): columnMultiples[i] = multiple
                case .unknown(let unit):
                    headerFindings.add(.error(
                        "cột '\(shown)': không rõ đơn vị tính '\(ReportText.excerpt(unit, limit: 40))' của số tiền; cột bị bỏ qua",
                        at: position,
                        hint: "ghi đơn vị bằng đồng: (đồng), (nghìn đồng), (triệu đồng) hoặc (ĐVT: 1.000 đ); số tiền khác (USD…) đổi ra đồng"), kind: .moneyUnit)
                    role = .ignored
                case .dong, nil: break
                }
            default:
                break
            }
            if role != .ignored && role != .serial {
                if let first = seen[role] {
                    headerFindings.add(.error(
                        "cột '\(shown)' trùng với cột thứ \(first + 1)",
                        at: position, hint: "xoá một trong hai cột; chỉ cột đầu tiên được dùng"), kind: .duplicateColumn)
                    role = .ignored
                } else {
                    seen[role] = i
                }
            }
            if case .computed(let index) = role {
                headerFindings.add(.warning(
                    "cột '\(shown)' được tính tự động từ các chỉ tiêu khác; số trong cột này không dùng",
                    at: position, hint: indicators.indicators[index].aggregationHint), kind: .computedColumn)
                role = .ignored
            }
            result.append(role)
        }
        hasNameColumn = result.contains(.unitName)
        hasFigureColumn = result.contains { if case .value = $0 { return true } else { return false } }
        if !hasNameColumn {
            headerFindings.add(.error(
                "tệp thiếu cột tên đơn vị; không dòng nào được dùng",
                at: record.position(file: file),
                hint: "dòng tiêu đề cần một cột 'Đơn vị' (hoặc 'don_vi')"), kind: .emptyFile)
        } else if !result.contains(where: { if case .value = $0 { return true } else { return false } }) {
            headerFindings.add(.warning(
                "tệp không có cột số liệu nào", at: record.position(file: file),
                hint: "tiêu đề cột là mã hoặc tên chỉ tiêu, ví dụ 'doan_vien_moi' hoặc 'Phát triển đoàn viên'"), kind: .emptyFile)
        }
        roles = result
    }
}

/// The kinds of findings a figures file is capped by (see `DiagnosticCap`).
extension DiagnosticCap.Kind {
    static let emptyFile = Self(noun: "lỗi về cả tệp", hint: "sửa dòng tiêu đề của tệp")
    static let unknownColumn = Self(noun: "cột lạ", hint: "các cột này bị bỏ qua; tên cột hợp lệ: don_vi, nhom, mã hoặc tên chỉ tiêu, chi_tieu_<mã>", alongALine: true)
    static let duplicateColumn = Self(noun: "cột trùng", hint: "xoá các cột thừa; chỉ cột đầu tiên được dùng", alongALine: true)
    static let moneyUnit = Self(noun: "cột tiền không rõ đơn vị", hint: "ghi đơn vị (đồng), (nghìn đồng) hoặc (triệu đồng) sau tên cột", alongALine: true)
    static let computedColumn = Self(noun: "cột tính tự động", hint: "số trong các cột này không dùng", alongALine: true)
    static let raggedRow = Self(noun: "dòng sai số ô", hint: "tên có dấu phân cách phải đặt trong ngoặc kép; sửa các dòng trên rồi chạy lại để xem tiếp")
    static let badCell = Self(noun: "ô số liệu sai", hint: "sửa các ô trên (thường cùng một kiểu) rồi chạy lại để xem tiếp")
    static let missingName = Self(noun: "dòng thiếu tên đơn vị", hint: "ghi tên đơn vị vào cột 'Đơn vị'")
    static let badName = Self(noun: "tên không dùng được", hint: "sửa các tên trên rồi chạy lại để xem tiếp")
    static let sumRow = Self(noun: "dòng cộng không mang tên dòng cộng", hint: "các dòng này không được cộng vào; ghi tên \"Cộng …\" hoặc \"Tổng cộng\"")
    static let totalMismatch = Self(noun: "dòng cộng khác tổng các dòng trên", hint: "kiểm tra các dòng cộng và các dòng đơn vị")
    static let numeratorAboveDenominator = Self(noun: "dòng có số liệu vượt số tổng", hint: "kiểm tra lại các cặp ô trên")
}
