/// The phases of a plan as content blocks: one paragraph per phase with its
/// dates and theme, its anniversaries as bullets, and its review.
enum PhaseLayout {
    static func blocks(for document: Document) -> [Block] {
        let catalog = document.commemorationCatalog
        let phases = document.phases
        let intro = document.phasesIntro ?? "Phong trào thi đua được chia thành \(phases.count) đợt như sau:"
        var blocks: [Block] = [.paragraph(intro, phases[0].position)]
        for phase in phases {
            var text = "**\(phase.name)** (từ ngày \(phase.start.value.short()) đến ngày \(phase.end.value.short()))"
            if let theme = phase.theme {
                text += ": \(theme)"
                if !theme.hasSuffix(".") && !theme.hasSuffix(":") { text += "." }
            } else {
                text += "."
            }
            var children: [Block] = []
            let anniversaries = phase.commemorations.compactMap {
                catalog.anniversary(of: $0.key.value, between: phase.start.value, and: phase.end.value)
            }
            if !anniversaries.isEmpty {
                children.append(.paragraph("Thi đua lập thành tích chào mừng:", phase.position))
                for (index, anniversary) in anniversaries.enumerated() {
                    var phrase = anniversary.phrase(style: document.anniversaryStyle)
                    phrase = phrase.prefix(1).uppercased() + phrase.dropFirst()
                    phrase += index == anniversaries.count - 1 ? "." : ";"
                    children.append(.bullet(phrase, blocks: [], phase.position))
                }
            }
            if let review = phase.review {
                var sentence = "\(review.words) \(phase.name.lowercased())"
                if let deadline = phase.reviewDeadline {
                    sentence += " trước ngày \(deadline.value.short())"
                }
                children.append(.paragraph(sentence + ".", phase.position))
            }
            blocks.append(.paragraph(text, phase.position))
            blocks += children
        }
        return blocks
    }
}
