import ThiDuaKit

extension DocxLayout {
    /// The figures in Word's units, for the XML templates (`{{layout.margin_left}}`):
    /// lengths in twips, type sizes in half-points, line spacing in 240ths of a line.
    var templateValue: TemplateValue {
        func length(_ millimetres: Double) -> TemplateValue { .string(String(Self.twips(millimetres))) }
        func size(_ points: Double) -> TemplateValue { .string(String(Self.halfPoints(points))) }
        return .map([
            ("page_width", length(pageWidth)),
            ("page_height", length(pageHeight)),
            ("margin_top", length(marginTop)),
            ("margin_bottom", length(marginBottom)),
            ("margin_left", length(marginLeft)),
            ("margin_right", length(marginRight)),
            ("header", length(headerDistance)),
            ("parent_body", size(parentBodySize)),
            ("issuing_body", size(issuingBodySize)),
            ("number", size(numberSize)),
            ("nation", size(nationSize)),
            ("motto", size(mottoSize)),
            ("place_date", size(placeDateSize)),
            ("title", size(titleSize)),
            ("subject", size(subjectSize)),
            ("body", size(bodySize)),
            ("table", size(tableSize)),
            ("annex_table", size(annexTableSize)),
            ("recipients_heading", size(recipientsHeadingSize)),
            ("recipients", size(recipientsSize)),
            ("authority", size(authoritySize)),
            ("signer", size(signerSize)),
            ("page_number", size(pageNumberSize)),
            ("first_line", length(firstLineIndent)),
            ("after", .string(String(Int((paragraphSpacing * 20).rounded())))),
            ("line", .string(String(Int((lineSpacing * 240).rounded())))),
            ("signature_room", length(signatureRoom)),
        ])
    }
}
