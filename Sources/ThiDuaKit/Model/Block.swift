/// A top-level section ("I. MỤC ĐÍCH, YÊU CẦU").
public struct Section: Sendable, Equatable {
    public var title: String
    public var blocks: [Block]
    /// True when the plan's phases are laid out at the end of this section.
    public var holdsPhases: Bool
    public var position: SourcePosition

    public init(title: String, blocks: [Block], holdsPhases: Bool = false, position: SourcePosition) {
        self.title = title
        self.blocks = blocks
        self.holdsPhases = holdsPhases
        self.position = position
    }
}

/// A piece of body content. Numbering is not stored: it follows from the
/// nesting and is computed when the document is laid out.
public indirect enum Block: Sendable, Equatable {
    /// A paragraph of running text (inline `**bold**`, `*italic*`, "quotes").
    case paragraph(String, SourcePosition)
    /// A numbered item (1., 1.1., 1.1.1.): a heading when it has content,
    /// a numbered sentence when it has none.
    case item(title: String, blocks: [Block], SourcePosition)
    /// A lettered point a), b), … đ) …
    case point(String, blocks: [Block], SourcePosition)
    /// A "-" bullet.
    case bullet(String, blocks: [Block], SourcePosition)
    /// A task assigned to a body, with an optional deadline (guidance).
    case assignment(Assignment)
    /// A table of figures (generated in reports).
    case table(Table, SourcePosition)
    /// An unnumbered sub-heading inside a section ("* Các phong trào thi đua trọng tâm:"),
    /// followed by its content; it takes no number and does not restart the numbering
    /// of what follows it.
    case subheading(String, blocks: [Block], SourcePosition)
    /// One entry of a list numbered in words or with another label style ("Một là: …",
    /// "1- …"); consecutive entries of one style under one parent are counted 1, 2, 3.
    case labeled(String, style: LabelStyle, SourcePosition)

    /// Where the block was written.
    public var position: SourcePosition {
        switch self {
        case .paragraph(_, let p), .item(_, _, let p), .point(_, _, let p), .bullet(_, _, let p): return p
        case .assignment(let a): return a.position
        case .table(_, let p): return p
        case .subheading(_, _, let p), .labeled(_, _, let p): return p
        }
    }
}

/// How the entries of a labelled list are numbered (`kieu` of a `cac_y` block).
public enum LabelStyle: String, Sendable, CaseIterable {
    /// "Một là:", "Hai là:", … "Bảy là:" (ordinal words).
    case motLa = "mot_la"
    /// "1-", "2-", … (the label some offices use instead of "1.").
    case soGach = "so_gach"

    /// The label of the entry at `index` (0-based).
    public func label(_ index: Int) -> String {
        switch self {
        case .motLa: return VietnameseNumber.ordinalWord(index + 1) + " là:"
        case .soGach: return "\(index + 1)-"
        }
    }
}

/// A deadline, exact to the day or to the month ("trong tháng 03 năm 2021").
public enum Deadline: Sendable, Equatable, Comparable {
    /// "trước ngày 06/3/2021"
    case day(CivilDate)
    /// "trong tháng 03 năm 2021"
    case month(year: Int, month: Int)

    /// The last day the work may be done, used for sorting and checks.
    public var lastDay: CivilDate? {
        switch self {
        case .day(let d): return d
        case .month(let year, let month):
            return CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
        }
    }

    /// The first day of the deadline's span.
    public var firstDay: CivilDate? {
        switch self {
        case .day(let d): return d
        case .month(let year, let month): return CivilDate(year: year, month: month, day: 1)
        }
    }

    public static func < (lhs: Deadline, rhs: Deadline) -> Bool {
        switch (lhs.lastDay, rhs.lastDay) {
        case let (l?, r?): return l < r
        default: return false
        }
    }
}

/// Work assigned to a named body in a guidance document.
public struct Assignment: Sendable, Equatable {
    /// Who does it, e.g. "Ban Tuyên giáo - Nữ công".
    public var body: String
    /// What to do (one or more paragraphs of text).
    public var tasks: [Located<String>]
    public var deadline: Located<Deadline>?
    public var position: SourcePosition
    /// Written as one numbered sentence ("3.1. Công đoàn cấp trên trực tiếp cơ sở hoàn thành
    /// trong tháng 03 năm 2021.") instead of a heading, the tasks and a "Thời hạn" line.
    public var asSentence: Bool
    /// The heading the assignment is written under, for a one-sentence assignment with no task
    /// of its own ("Thời gian tổ chức phát động hưởng ứng phong trào"): what the deadline is for.
    public var context: String?

    public init(body: String, tasks: [Located<String>], deadline: Located<Deadline>?, position: SourcePosition,
                asSentence: Bool = false) {
        self.body = body
        self.tasks = tasks
        self.deadline = deadline
        self.position = position
        self.asSentence = asSentence
    }

    /// The one-sentence form: the body, its task (if any) and the deadline, e.g.
    /// "Công đoàn cơ sở tổ chức lễ phát động, hoàn thành trong tháng 04 năm 2021.".
    public var sentence: String {
        var text = body
        let task = tasks.map(\.value).joined(separator: " ")
        if !task.isEmpty {
            text += " " + Self.lowercasingFirstWord(Self.trimmingFinalStop(task))
        }
        if let deadline {
            text += (task.isEmpty ? " hoàn thành " : ", hoàn thành ") + Deadline.phrase(deadline.value)
        }
        return text + "."
    }

    static func trimmingFinalStop(_ text: String) -> String {
        var text = text
        while let last = text.last, last == "." || last == ";" || last == " " { text.removeLast() }
        return text
    }

    /// "Tổ chức lễ …" → "tổ chức lễ …" after the body's name; an abbreviation ("CĐCS …") stays.
    static func lowercasingFirstWord(_ text: String) -> String {
        let characters = Array(text.prefix(2))
        guard characters.count == 2, characters[0].isUppercase, characters[1].isLowercase else { return text }
        return characters[0].lowercased() + String(text.dropFirst())
    }
}

