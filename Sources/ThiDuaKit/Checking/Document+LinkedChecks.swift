/// Checks of a document against the documents it cites by data file (`tep:`), already read by
/// the caller: a plan that answers another plan keeps within the parent's phases and reviews
/// each phase no later than the parent does, so its results can reach the level above in time.
extension Document {
    /// Every check against `linked`; none when nothing is cited by data file.
    public func checkAgainstLinked(_ linked: LinkedDocuments) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for reference in references {
            guard let file = reference.dataFile, let parent = linked[file.value] else { continue }
            result += checkWithin(parent, citedAs: parent.citationName)
            result += checkDerived(from: parent, citedAs: parent.citationName, at: file.position)
        }
        return result
    }

    /// The phases, review deadlines, period and assignment deadlines against `parent`'s.
    func checkWithin(_ parent: Document, citedAs name: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let spans = parent.phaseSpans
        if !spans.isEmpty {
            let listed = parent.phases.map { "\($0.name.lowercased()) \($0.start.value.short()) - \($0.end.value.short())" }.joined(separator: "; ")
            for phase in phases where !spans.contains(where: { $0.start <= phase.start.value && phase.end.value <= $0.end }) {
                result.append(.warning("\(phase.name) (\(phase.start.value.short()) - \(phase.end.value.short())) nằm ngoài các đợt của \(name) (\(listed))",
                                       at: phase.start.position, hint: "đặt các đợt trong thời gian các đợt của kế hoạch cấp trên"))
            }
        }
        for phase in phases {
            guard let own = reviewDate(of: phase), let parentPhase = parent.phases.first(where: { $0.start.value <= phase.end.value && phase.end.value <= $0.end.value }),
                  let theirs = parent.reviewDate(of: parentPhase), own.date > theirs.date else { continue }
            result.append(.warning("\(phase.review?.words ?? "Sơ kết") \(phase.name.lowercased()) (\(own.date.short())) muộn hơn \(parentPhase.review?.words.lowercased() ?? "sơ kết") \(parentPhase.name.lowercased()) của \(name) (\(theirs.date.short()))",
                                   at: own.position, hint: "đặt hạn sớm hơn \(theirs.date.short()) để kịp báo cáo lên cấp trên"))
        }
        if let period, let theirs = parent.period, period.end.value > theirs.end.value {
            result.append(.warning("thời gian phong trào kết thúc \(period.end.value.short()), sau thời gian của \(name) (\(theirs.end.value.short()))",
                                   at: period.end.position, hint: "kết thúc không muộn hơn \(theirs.end.value.short())"))
        }
        if let theirs = parent.period?.end.value ?? parent.phases.last?.end.value {
            for assignment in assignments {
                guard let deadline = assignment.deadline, let last = deadline.value.lastDay, last > theirs else { continue }
                result.append(.warning("hạn của \"\(assignment.body)\" (\(Deadline.phrase(deadline.value))) sau khi \(name) kết thúc (\(theirs.short()))",
                                       at: deadline.position, hint: "đặt hạn trước \(theirs.short())"))
            }
        }
        return result
    }

    /// The parent's phases as continuous spans (phases that follow each other day by day make one).
    var phaseSpans: [(start: CivilDate, end: CivilDate)] {
        var spans: [(start: CivilDate, end: CivilDate)] = []
        for phase in phases.sorted(by: { $0.start.value < $1.start.value }) {
            if let last = spans.last, phase.start.value.ordinal <= last.end.ordinal + 1 {
                spans[spans.count - 1].end = max(last.end, phase.end.value)
            } else {
                spans.append((phase.start.value, phase.end.value))
            }
        }
        return spans
    }

    /// When a phase is reviewed: its deadline, the day of its occasion, or 31 December for "cuối năm".
    func reviewDate(of phase: Phase) -> (date: CivilDate, position: SourcePosition)? {
        if let deadline = phase.reviewDeadline { return (deadline.value, deadline.position) }
        guard let occasion = phase.reviewOccasion else { return nil }
        switch occasion.value {
        case .endOfYear:
            return CivilDate(year: phase.end.value.year, month: 12, day: 31).map { ($0, occasion.position) }
        case .commemoration(let key):
            return reviewAnniversary(key, for: phase).map { ($0.date, occasion.position) }
        }
    }

    /// "Kế hoạch số 12/KH-LĐLĐ" (or "kế hoạch cấp trên" before it has a number).
    public var citationName: String {
        guard let number = header.number else { return "\(kind.citedName.lowercased()) cấp trên" }
        return "\(kind.citedName) số \(DocumentFormat.numberAndSymbol(number: number, symbol: header.symbol.value))"
    }
}
