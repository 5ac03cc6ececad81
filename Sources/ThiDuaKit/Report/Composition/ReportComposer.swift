/// Turns a report's data and its computed statistics into the sections of a BÁO CÁO, in
/// the order conventions.md gives: đặc điểm tình hình, kết quả thực hiện (generated from
/// the figures), đánh giá chung, bài học kinh nghiệm, phương hướng nhiệm vụ, đề xuất kiến
/// nghị, khen thưởng; and the annexes after the signature (the table of every unit, long
/// lists of units).
///
/// Only document text goes in: the account of the rows read (files, rows, skipped) stays
/// with the program's own output and the workbook's "Nguồn" sheet.
public struct ReportComposer {
    let spec: ReportSpec
    let stats: ReportStatistics
    let origin: SourcePosition
    /// The annexes, decided before the text so that the text can point to them.
    let annexPlan: AnnexPlan

    /// Lists longer than this go to an annex, with a sentence in the text pointing to it.
    static let inlineListLimit = 10
    /// Units named inline in the comparison sentence before the list moves to an annex.
    static let inlineComparisonLimit = 5

    /// The document with its report sections and annexes filled in.
    ///
    /// The clerk's own `muc` sections, if any, follow the generated ones.
    public static func compose(_ document: Document, result: ReportResult) -> Document {
        guard let spec = document.report else { return document }
        let origin = SourcePosition(file: document.sourceFile)
        let composer = ReportComposer(spec: spec, stats: result.statistics, origin: origin,
                                      annexPlan: AnnexPlan(spec: spec, stats: result.statistics))
        var composed = document
        var sections: [Section] = []
        func section(_ title: String, _ blocks: [Block]) {
            if !blocks.isEmpty { sections.append(Section(title: title, blocks: blocks, position: origin)) }
        }
        func item(_ title: String, _ blocks: [Block]) -> [Block] {
            blocks.isEmpty ? [] : [.item(title: title, blocks: blocks, origin)]
        }

        section("ĐẶC ĐIỂM TÌNH HÌNH", item("Thuận lợi", spec.advantages) + item("Khó khăn", spec.difficulties))
        section("KẾT QUẢ THỰC HIỆN", composer.results())
        section("ĐÁNH GIÁ CHUNG", item("Ưu điểm", spec.strengths)
            + item("Tồn tại, hạn chế", spec.weaknesses + composer.missingUnitsBlocks(in: .weaknesses))
            + item("Nguyên nhân", spec.causes))
        section("BÀI HỌC KINH NGHIỆM", spec.lessons)
        section("PHƯƠNG HƯỚNG, NHIỆM VỤ", spec.nextSteps)
        section("ĐỀ XUẤT, KIẾN NGHỊ", spec.proposals)
        section("KHEN THƯỞNG", spec.awards)
        composed.sections = Abbreviation.expandingFirstUse(in: sections + document.sections)
        composed.annexes = document.annexes + composer.annexes()

        // The plan under review opens the references ("Thực hiện Kế hoạch số …").
        if let plan = spec.plan, !document.references.contains(plan) {
            composed.references.insert(plan, at: 0)
        }
        return composed
    }

    /// The indicators some unit gave a figure for, in report order: an indicator whose
    /// column no file has would otherwise be stated as "0 cá nhân đăng ký thi đua".
    var reported: [Indicator] {
        stats.indicators.indicators.filter { (stats.totals(for: $0.key)?.reportingUnits ?? 0) > 0 }
    }

    /// "đợt trước", "cùng kỳ" …: what the previous figures are called.
    var previousWords: String { spec.previousWords }

    /// The generated results: the general results (units that reported, one statement per
    /// indicator), the table by group and the leading units.
    func results() -> [Block] {
        var general: [Block] = [.paragraph(reportingSentence(), origin)]
        general += missingUnitsBlocks(in: .results)
        if let comparison = comparisonSentence() { general.append(.paragraph(comparison, origin)) }
        general += Self.punctuated(statements().map { .bullet($0, blocks: [], origin) })
        var blocks: [Block] = [.item(title: "Kết quả chung", blocks: general, origin)]
        // Units without any group make one group named "": a table by group would say nothing more.
        if !stats.groups.isEmpty, !(stats.groups.count == 1 && stats.groups[0].name.isEmpty) {
            var table: [Block] = [.table(groupTable(), origin)]
            if let note = groupTableTargetNote() { table.append(.paragraph(note, origin)) }
            blocks.append(.item(title: "Kết quả theo khối, cụm", blocks: table, origin))
        }
        let leaders = leaderBullets()
        if !leaders.isEmpty {
            blocks.append(.item(title: "Các đơn vị dẫn đầu", blocks: leaders, origin))
        }
        if let reference = annexPlan.reference(to: .units) {
            blocks.append(.paragraph("Kết quả của từng đơn vị tại \(reference) kèm theo báo cáo này.", origin))
        }
        return blocks
    }

    /// "Có 38/40 đơn vị đã gửi báo cáo; kết quả chủ yếu như sau:" (with the expected list),
    /// "Có 38 đơn vị gửi báo cáo; …" (without one).
    ///
    /// With a list, the count is of the listed units that reported, so that it and "Còn 2/40
    /// đơn vị chưa gửi báo cáo" add up to the list; units that reported without being on it
    /// are counted apart (their figures are in the totals).
    func reportingSentence() -> String {
        if let expected = expectedCount {
            let listed = VietnameseNumber.integer(stats.unitCount - stats.unexpectedUnits.count)
            let others = stats.unexpectedUnits.isEmpty ? ""
                : " (ngoài ra \(VietnameseNumber.integer(stats.unexpectedUnits.count)) đơn vị không có trong danh sách cũng gửi báo cáo)"
            return "Có \(listed)/\(VietnameseNumber.integer(expected)) đơn vị đã gửi báo cáo\(others); kết quả chủ yếu như sau:"
        }
        return "Có \(VietnameseNumber.integer(stats.unitCount)) đơn vị gửi báo cáo; kết quả chủ yếu như sau:"
    }

    /// Units on the expected list (those that reported and those that did not), or nil
    /// when the report has no list.
    var expectedCount: Int? {
        guard spec.expectedUnitsFile != nil else { return nil }
        return stats.unitCount - stats.unexpectedUnits.count + stats.missingUnits.count
    }

    /// Bullets of a list end with ";" and the last one with ".".
    static func punctuated(_ bullets: [Block]) -> [Block] {
        bullets.enumerated().map { index, block in
            guard case .bullet(var text, let children, let position) = block else { return block }
            while let last = text.last, last == ";" || last == "." || last == "," { text.removeLast() }
            return .bullet(text + (index == bullets.count - 1 ? "." : ";"), blocks: children, position)
        }
    }

    /// "Công ty CP Vận tải Ba Tri (Khối Doanh nghiệp)", as written (no abbreviation in a
    /// name is expanded).
    static func unitLabel(_ name: String, group: String?) -> String {
        guard let group, !group.isEmpty else { return Abbreviation.protected(name) }
        return Abbreviation.protected("\(name) (\(group))")
    }
}
