/// Checks of a loaded document: facts a clerk gets wrong by hand (dates out of
/// order, wrong anniversary numbers, references dated after the document…).
///
/// Each check is a small function returning diagnostics, so each can be
/// tested alone; `check()` runs them all.
extension Document {
    /// All checks, in the order of the document.
    public func check() -> [Diagnostic] {
        var result: [Diagnostic] = []
        result += checkSymbol()
        result += checkReferences()
        result += checkReferenceYears()
        result += checkPhases()
        result += checkCommemorations()
        result += checkUnsalutedAnniversaries()
        result += checkPastInlineAnniversaries()
        result += checkWrittenAnniversaryCounts()
        result += checkPhasesIntro()
        result += checkReviewOccasions()
        result += checkReviewDeadlines()
        result += checkSections()
        result += checkAssignments()
        result += checkSignature()
        result += checkSignatureForm()
        result += checkRecipients()
        result += checkReorganisation()
        result += checkReport()
        result += checkReportPeriodName()
        result += checkWorkbookTexts()
        result += checkCongressOrdinalsInText()
        result += checkSubjectYears()
        return result
    }

    /// The symbol is TYPE-ISSUER with no spaces, and its type code fits the kind.
    func checkSymbol() -> [Diagnostic] {
        let symbol = header.symbol
        var result: [Diagnostic] = []
        if symbol.value.contains(" ") {
            let fixed = symbol.value.replacingOccurrences(of: " ", with: "")
            result.append(.error("ký hiệu \"\(symbol.value)\" có dấu cách", at: symbol.position,
                                 hint: "viết liền, nối bằng dấu `-`: `\(fixed)`"))
        }
        // conventions.md: TYPE-ISSUER joined by "-"; a "/" would print "Số: 03/KH/LĐLĐ".
        if symbol.value.contains("/") {
            result.append(.error("ký hiệu \"\(symbol.value)\" có dấu `/`; dấu `/` chỉ đứng giữa số và ký hiệu", at: symbol.position,
                                 hint: "nối mã loại và cơ quan bằng dấu `-`: `\(symbol.value.replacingOccurrences(of: "/", with: "-"))`"))
        }
        let code = symbol.value.split(whereSeparator: { $0 == "-" || $0 == "/" }).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let uppercased = VietnameseText.uppercased(symbol.value)
        let issuer = symbol.value.split(separator: "-", maxSplits: 1).dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if code == kind.typeCode, issuer.isEmpty {
            result.append(.error("ký hiệu \"\(symbol.value)\" thiếu chữ viết tắt tên cơ quan ban hành sau mã loại", at: symbol.position,
                                 hint: "ví dụ `\(kind.typeCode)-LĐLĐ`"))
        }
        if code != kind.typeCode, code.uppercased() == kind.typeCode.uppercased() {
            result.append(.error("ký hiệu \"\(symbol.value)\" phải viết hoa", at: symbol.position,
                                 hint: "ghi `\(uppercased.replacingOccurrences(of: "/", with: "-"))`"))
        } else if code != kind.typeCode {
            // The number line states the kind: "Số: 03/BC-…" on a plan says it is a report.
            result.append(.error("ký hiệu \"\(symbol.value)\" không bắt đầu bằng mã loại `\(kind.typeCode)` của \(kind.title.lowercased())",
                                 at: symbol.position, hint: "ví dụ `\(kind.typeCode)-LĐLĐ`"))
        } else if symbol.value != uppercased {
            // An issuer's abbreviation is in capitals (NĐ 30/2020); a warning, as a few type
            // codes themselves mix cases (CTr, TTr) and some bodies' own abbreviations may too.
            result.append(.warning("ký hiệu \"\(symbol.value)\" có chữ thường; chữ viết tắt tên cơ quan viết hoa", at: symbol.position,
                                   hint: "ghi `\(uppercased)`"))
        }
        return result
    }

    /// A referenced document cannot be dated after the document that cites it.
    func checkReferences() -> [Diagnostic] {
        var result: [Diagnostic] = []
        // With the day left blank, the document may still be dated up to the end of its month.
        let own = header.latestDate
        var all = references
        if let plan = report?.plan { all.append(plan) }
        for reference in all {
            guard let date = reference.date, date.value > own else { continue }
            let name = [reference.kind, reference.numberAndSymbol.map { "số \($0)" }].compactMap { $0 }.joined(separator: " ")
            result.append(.error("\(name) ghi ngày \(date.value.short()), sau ngày ban hành văn bản này (\(own.short()))",
                                 at: date.position, hint: "kiểm tra lại ngày của văn bản được dẫn hoặc ngày ban hành"))
        }
        return result
    }

    /// Phases in order, not overlapping, inside the movement's period.
    func checkPhases() -> [Diagnostic] {
        var result: [Diagnostic] = []
        for phase in phases where phase.end.value < phase.start.value {
            result.append(.error("\(phase.name) kết thúc (\(phase.end.value.short())) trước khi bắt đầu (\(phase.start.value.short()))",
                                 at: phase.end.position, hint: "đổi chỗ `tu` và `den`"))
        }
        for (previous, next) in zip(phases, phases.dropFirst()) {
            if next.start.value < previous.start.value {
                result.append(.error("\(next.name) bắt đầu (\(next.start.value.short())) trước \(previous.name) (\(previous.start.value.short()))",
                                     at: next.start.position, hint: "sắp xếp các đợt theo thời gian"))
            } else if next.start.value <= previous.end.value {
                result.append(.error("\(next.name) (từ \(next.start.value.short())) chồng lên \(previous.name) (đến \(previous.end.value.short()))",
                                     at: next.start.position,
                                     hint: "\(next.name) nên bắt đầu từ ngày sau \(previous.end.value.short())"))
            } else if next.start.value.ordinal - previous.end.value.ordinal > 1 {
                // Days that belong to no phase are usually a typed date (31/7 for 30/6).
                let days = next.start.value.ordinal - previous.end.value.ordinal - 1
                result.append(.warning("giữa \(previous.name.lowercased()) (đến \(previous.end.value.short())) và \(next.name.lowercased()) (từ \(next.start.value.short())) có \(days) ngày không thuộc đợt nào",
                                       at: next.start.position, hint: "kiểm tra ngày `den` của đợt trước và `tu` của đợt sau"))
            }
        }
        for phase in phases {
            if let deadline = phase.reviewDeadline, deadline.value < phase.start.value {
                result.append(.error("hạn \(phase.review?.words.lowercased() ?? "đánh giá") \(phase.name.lowercased()) (\(deadline.value.short())) trước khi đợt bắt đầu (\(phase.start.value.short()))",
                                     at: deadline.position, hint: "hạn sơ kết, tổng kết phải sau ngày bắt đầu đợt"))
            }
            if let period {
                if phase.start.value < period.start.value || phase.end.value > period.end.value {
                    result.append(.warning("\(phase.name) (\(phase.start.value.short()) - \(phase.end.value.short())) nằm ngoài thời gian phong trào (\(period.start.value.short()) - \(period.end.value.short()))",
                                           at: phase.start.position))
                }
            }
        }
        return result
    }

    /// Sections have content; numbering levels are not skipped or too deep.
    func checkSections() -> [Diagnostic] {
        var result: [Diagnostic] = []
        // A report's parts are written from its figures; a plan or guidance is its sections.
        if sections.isEmpty, kind != .baoCao {
            result.append(.warning("\(kind.citedName.lowercased()) không có mục nào (I. Mục đích, yêu cầu; II. Nội dung …)",
                                   at: SourcePosition(file: sourceFile), hint: "thêm các mục vào `muc`"))
        }
        for section in sections where section.blocks.isEmpty && !(section.holdsPhases && !phases.isEmpty) {
            result.append(.error("mục \"\(section.title)\" không có nội dung", at: section.position,
                                 hint: "thêm `noi_dung` cho mục này hoặc xóa mục"))
        }
        for section in sections {
            for block in section.blocks {
                result += Self.checkNesting(block, itemDepth: 0, inPoint: false, inBullet: false)
            }
        }
        return result
    }

    /// Numbered items go at most three levels deep (1., 1.1., 1.1.1.) and
    /// are never placed under a lettered point or a bullet (that would skip
    /// back up a level).
    static func checkNesting(_ block: Block, itemDepth: Int, inPoint: Bool, inBullet: Bool) -> [Diagnostic] {
        var result: [Diagnostic] = []
        switch block {
        case .item(let title, let children, let position):
            if inPoint || inBullet {
                result.append(.error("tiểu mục \"\(title.prefix(40))\" nằm dưới \(inBullet ? "ý gạch đầu dòng" : "điểm a), b)…"): thứ tự cấp đánh số bị đảo",
                                     at: position, hint: "cấp đánh số đi từ I. → 1. → 1.1. → 1.1.1. → a) → -"))
            } else if itemDepth >= 3 {
                result.append(.error("tiểu mục \"\(title.prefix(40))\" sâu quá 3 cấp (1.1.1.)", at: position,
                                     hint: "dùng `diem` (a, b, c…) hoặc `y` (-) cho cấp sâu hơn"))
            }
            for child in children {
                result += checkNesting(child, itemDepth: itemDepth + 1, inPoint: inPoint, inBullet: inBullet)
            }
        case .point(let text, let children, let position):
            if inBullet {
                result.append(.error("điểm \"\(text.prefix(40))\" nằm dưới ý gạch đầu dòng: thứ tự cấp bị đảo", at: position,
                                     hint: "cấp đánh số đi từ I. → 1. → 1.1. → 1.1.1. → a) → -"))
            } else if inPoint {
                result.append(.error("điểm \"\(text.prefix(40))\" nằm trong một điểm khác", at: position,
                                     hint: "dùng `y` (-) cho các ý dưới một điểm"))
            }
            for child in children {
                result += checkNesting(child, itemDepth: itemDepth, inPoint: true, inBullet: inBullet)
            }
        case .bullet(_, let children, _):
            for child in children {
                result += checkNesting(child, itemDepth: itemDepth, inPoint: inPoint, inBullet: true)
            }
        case .subheading(_, let children, _):
            // A sub-heading takes no number: its content is at the level it is written at.
            for child in children {
                result += checkNesting(child, itemDepth: itemDepth, inPoint: inPoint, inBullet: inBullet)
            }
        case .paragraph, .assignment, .table, .labeled:
            break
        }
        return result
    }

    /// Every assignment in the document, in reading order.
    public var assignments: [Assignment] {
        Self.assignments(in: preamble) + sections.flatMap { Self.assignments(in: $0.blocks) } + Self.assignments(in: closing)
    }

    /// The assignments among `blocks` and their children, in reading order.
    public static func assignments(in blocks: [Block]) -> [Assignment] {
        blocks.flatMap { block -> [Assignment] in
            switch block {
            case .assignment(let a): return [a]
            case .item(_, let children, _), .point(_, let children, _), .bullet(_, let children, _), .subheading(_, let children, _):
                return assignments(in: children)
            case .paragraph, .table, .labeled: return []
            }
        }
    }

    /// Deadlines after the document's date and inside the movement's period;
    /// bodies given work are among the recipients.
    func checkAssignments() -> [Diagnostic] {
        var result: [Diagnostic] = []
        let own = header.date.value
        let coverage = RecipientCoverage(recipients: recipients.map(\.name))
        for assignment in assignments {
            if let deadline = assignment.deadline, let last = deadline.value.lastDay {
                if last < own {
                    result.append(.error("hạn của \"\(assignment.body)\" (\(Self.describe(deadline.value))) trước ngày ban hành văn bản (\(own.short()))",
                                         at: deadline.position, hint: "hạn phải sau \(own.short())"))
                }
                if let period, let first = deadline.value.firstDay, first > period.end.value || last < period.start.value {
                    // Preparing before a movement and reporting after it are ordinary (a Tháng
                    // Công nhân guided in April, its report due in June; the year's awards
                    // honoured in the next May): a warning, with a sharper hint when it is far.
                    let away = first > period.end.value ? first.ordinal - period.end.value.ordinal : period.start.value.ordinal - last.ordinal
                    let message = "hạn của \"\(assignment.body)\" (\(Self.describe(deadline.value))) nằm ngoài thời gian phong trào (\(period.start.value.short()) - \(period.end.value.short()))"
                    result.append(.warning(message, at: deadline.position,
                                           hint: away > Self.deadlineSlackDays ? "cách thời gian phong trào hơn ba tháng: kiểm tra năm và tháng của hạn"
                                               : "việc chuẩn bị trước hay báo cáo sau phong trào thì đúng; nếu không, kiểm tra lại hạn"))
                }
            }
            if !recipients.isEmpty, !coverage.covers(assignment.body) {
                result.append(.warning("\"\(assignment.body)\" được giao việc nhưng không có trong nơi nhận", at: assignment.position,
                                       hint: "thêm \"\(assignment.body)\" vào `noi_nhan` để đơn vị nhận được văn bản"))
            }
        }
        return result
    }

    /// How far before or after the movement a task's deadline may fall and be meant (days).
    static let deadlineSlackDays = 92

    /// Lower-cased NFC with single spaces, for loose name matching.
    static func matchKey(_ text: String) -> String {
        VietnameseText.cleanInvisible(VietnameseText.nfc(text)).text.lowercased()
    }

    /// "trước ngày 15/4/2025", "trong tháng 04 năm 2025": a deadline as the document words it.
    public static func describe(_ deadline: Deadline) -> String {
        switch deadline {
        case .day(let d): return "trước ngày \(d.short())"
        case .month(let year, let month): return "trong tháng \(month < 10 ? "0" : "")\(month) năm \(year)"
        }
    }

    /// No academic titles, degrees or honorary titles before the signer's name (conventions.md;
    /// Nghị định 30/2020, Phụ lục I: "không ghi học hàm, học vị và các danh hiệu danh dự
    /// khác"): an error, as the document would print it. A title is a leading word made of
    /// the abbreviations below joined by dots, with or without a dot after it ("ThS", "TS.",
    /// "PGS.TS.", "BS.CKII"); none of them is a Vietnamese syllable, so no name is mistaken.
    func checkSignature() -> [Diagnostic] {
        let name = signature.signer.value
        let words = name.split(separator: " ", omittingEmptySubsequences: true)
        let titleWords = words.prefix { Self.isTitleWord($0) }
        guard !titleWords.isEmpty else { return [] }
        let title = titleWords.joined(separator: " ")
        let bare = words.dropFirst(titleWords.count).joined(separator: " ")
        return [.error("họ tên người ký có học hàm, học vị hay danh hiệu \"\(title)\"", at: signature.signer.position,
                       hint: bare.isEmpty ? "ghi họ tên người ký, không kèm học hàm, học vị" : "bỏ học hàm, học vị: `ho_ten: \(bare)`")]
    }

    /// Academic titles, degrees and honorary titles written before names, folded to lower case.
    static let signerTitleAbbreviations: Set<String> = [
        "gs", "pgs", "ts", "tskh", "ths", "ks", "bs", "cn", "ds", "ls", "ncs", "ck", "cki", "ckii", "bsck", "bscki",
        "bsckii", "bsnt", "ngưt", "ngnd", "nsưt", "nsnd", "ttưt", "ttnd", "ahlđ",
    ]

    /// True when `word` is one or more title abbreviations joined by dots ("PGS.TS.").
    static func isTitleWord(_ word: Substring) -> Bool {
        let parts = VietnameseText.nfc(String(word)).lowercased().split(separator: ".", omittingEmptySubsequences: true)
        return !parts.isEmpty && parts.allSatisfy { signerTitleAbbreviations.contains(String($0)) }
    }

    /// The archive line names the clerical office (VT).
    func checkRecipients() -> [Diagnostic] {
        var result: [Diagnostic] = []
        // The archive line is thidua's, from `luu`: one written among the recipients
        // ("- Lưu: VT") printed a second "Lưu" line.
        for recipient in recipients {
            let words = Self.folded(recipient.name).split(whereSeparator: { !$0.isLetter })
            // "Lưu: …" or "Lưu VT": not a person named Lưu ("Lưu Văn Bình").
            guard words.first == "lưu", recipient.name.contains(":") || (words.count > 1 && words[1] == "vt") else { continue }
            let offices = recipient.name.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
            result.append(.warning("người nhận \"\(recipient.name)\" là dòng lưu: thidua tự in dòng \"Lưu: …\" từ `luu`, văn bản sẽ có hai dòng lưu",
                                   at: recipient.position,
                                   hint: offices.isEmpty ? "bỏ dòng này khỏi `noi_nhan`, ghi `luu: [VT, …]`" : "bỏ dòng này khỏi `noi_nhan`, ghi `luu: [\(offices)]`"))
        }
        if archive.isEmpty {
            result.append(.warning("thiếu dòng \"Lưu: VT, …\"", at: SourcePosition(file: sourceFile),
                                   hint: "thêm `luu: [VT, <đơn vị soạn thảo>]`"))
        }
        return result
    }
}
