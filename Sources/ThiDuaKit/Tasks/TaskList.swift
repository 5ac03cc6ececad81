/// Who must do what by when, gathered from the assignments of guidance (or
/// any) documents, so a clerk can track them.
public struct TaskList: Sendable {
    /// One assignment of one document.
    public struct Row: Sendable, Equatable {
        public var document: String
        public var body: String
        public var task: String
        public var deadline: Deadline?
        public var position: SourcePosition
    }

    /// Rows sorted by deadline (earliest first, undated last), then by the
    /// order they were written in.
    public private(set) var rows: [Row]

    public init(documents: [Document]) {
        var rows: [Row] = []
        for document in documents {
            let name = DocumentFormat.numberAndSymbol(number: document.header.number, symbol: document.header.symbol.value)
            for assignment in document.assignments {
                var task = assignment.tasks.map { InlineText.plain($0.value) }.joined(separator: " ")
                if task.isEmpty, let context = assignment.context {
                    task = InlineText.plain(context)
                }
                rows.append(Row(document: name, body: assignment.body, task: task,
                                deadline: assignment.deadline?.value, position: assignment.position))
            }
        }
        // A stable sort keeps the written order among equal deadlines.
        self.rows = rows.enumerated().sorted { a, b in
            let da = a.element.deadline?.lastDay, db = b.element.deadline?.lastDay
            switch (da, db) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// "trước ngày 06/3/2021", "trong tháng 03 năm 2021" or "không ghi hạn".
    static func deadlineText(_ deadline: Deadline?) -> String {
        deadline.map(Deadline.phrase) ?? "không ghi hạn"
    }

    /// The list as a table (STT, hạn, đơn vị, nhiệm vụ, văn bản), for formats with tables.
    public var table: Table {
        Table(headers: ["STT", "Hạn", "Đơn vị thực hiện", "Nhiệm vụ", "Văn bản"],
              rows: rows.enumerated().map { index, row in
                  [String(index + 1), Self.deadlineText(row.deadline), row.body, row.task, row.document]
              },
              alignments: [.right, .left, .left, .left, .left])
    }

    /// The list's title.
    public static let title = "DANH SÁCH NHIỆM VỤ THEO HẠN"

    /// A GFM table.
    public func markdown() -> String {
        "# \(Self.title)\n\n" + TableLayout.markdown(table) + "\n"
    }

    /// One block per task, wrapped to `width`.
    public func plainText(width: Int = 80) -> String {
        var lines = [Self.title, ""]
        for (index, row) in rows.enumerated() {
            let head = "\(index + 1). \(Self.deadlineText(row.deadline)) - \(row.body) (\(row.document))"
            lines += VietnameseText.wrap(head, width: width, firstIndent: "", restIndent: "   ")
            lines += VietnameseText.wrap(row.task, width: width, firstIndent: "   ", restIndent: "   ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV (comma, quotes doubled, CRLF) with ISO dates, for
    /// spreadsheets; a month deadline is written as its last day plus the month.
    public func csv() -> String {
        var lines = ["stt,han,han_thang,don_vi,nhiem_vu,van_ban,vi_tri"]
        for (index, row) in rows.enumerated() {
            var day = "", month = ""
            switch row.deadline {
            case .day(let d)?: day = d.iso
            case .month(let year, let m)?:
                month = "\(year)-\(m < 10 ? "0" : "")\(m)"
                day = row.deadline?.lastDay?.iso ?? ""
            case nil: break
            }
            let fields = [String(index + 1), day, month, row.body, row.task, row.document, row.position.description]
            lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field when needed; a leading = + - @ gets a quote mark so a
    /// spreadsheet never runs it as a formula.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
