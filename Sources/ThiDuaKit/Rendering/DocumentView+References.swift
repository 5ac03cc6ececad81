extension DocumentView {
    /// "Căn cứ A; B." with each reference in the standard sentence.
    func referencesParagraph(_ document: Document) -> String? {
        guard !document.references.isEmpty else { return nil }
        let parts = document.references.map { Self.referenceSentence($0, style: $0.subjectStyle ?? document.subjectStyle) }
        return "\(document.referenceWording.words) " + parts.joined(separator: "; ") + "."
    }

    /// "Kế hoạch số 02/KH-TLĐ ngày 10/02/2017 của Đoàn Chủ tịch … về …".
    public static func referenceSentence(_ reference: DocumentReference) -> String {
        referenceSentence(reference, style: reference.subjectStyle ?? .ve)
    }

    /// The reference sentence with the subject introduced as `style` says: "… về phát động …"
    /// (`ve`), "… “Về việc phát động …”" (`ve_viec`), or "… phát động …" (`lien`). A subject
    /// that already opens with "về" or "về việc" does not get the words twice.
    public static func referenceSentence(_ reference: DocumentReference, style: SubjectStyle) -> String {
        var text = reference.kind
        if let number = reference.numberAndSymbol { text += " số \(number)" }
        if let date = reference.date { text += " ngày \(date.value.short())" }
        if let issuer = reference.issuer { text += " của \(issuer)" }
        if let subject = reference.subject {
            let bare = withoutLeadingVe(subject)
            switch style {
            case .ve: text += " về \(bare.veViec ? "việc " : "")\(bare.rest)"
            case .veViec: text += " “Về việc \(bare.rest)”"
            case .lien: text += " \(bare.rest)"
            }
        }
        return InlineText.curlyQuotes(text)
    }

    /// The subject without an opening "về" or "về việc" (in any case), and whether it had "việc".
    static func withoutLeadingVe(_ subject: String) -> (rest: String, veViec: Bool) {
        let lower = subject.lowercased()
        if lower.hasPrefix("về việc ") { return (String(subject.dropFirst("về việc ".count)), true) }
        if lower.hasPrefix("về ") { return (String(subject.dropFirst("về ".count)), false) }
        return (subject, false)
    }
}
