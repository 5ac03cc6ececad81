/// The figures of the Word layout: page, margins, type sizes, spacing. They come from the
/// template `layout.docx.mustache` (so an office changes a margin or a size there, without
/// rebuilding), and both the XML templates (through the context's `layout` map) and the
/// code that sizes rules and table columns read them, so the two always agree.
///
/// The built-in values follow Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins top and
/// bottom 20 mm, left 30 mm, right 15 mm; letterhead 12–13 pt; body 14 pt, first-line
/// indent 1.27 cm, 6 pt between paragraphs; page numbers 14 pt.
public struct DocxLayout: Sendable, Equatable {
    /// Page size and margins in millimetres.
    public var pageWidth = 210.0, pageHeight = 297.0
    public var marginTop = 20.0, marginBottom = 20.0, marginLeft = 30.0, marginRight = 15.0
    /// From the top edge to the page number.
    public var headerDistance = 10.0
    /// How far the letterhead table may reach into the left margin when its two columns
    /// do not fit the text width (millimetres). None by default: the decree's left margin
    /// (30–35 mm) holds for the letterhead too, and a name too long for its column is
    /// broken into even lines instead, as clerks do ("LIÊN ĐOÀN LAO ĐỘNG / TỈNH BẾN TRE").
    public var letterheadOutdent = 0.0

    /// Type sizes in points.
    public var parentBodySize = 12.0, issuingBodySize = 12.0, numberSize = 13.0
    public var nationSize = 12.0, mottoSize = 13.0, placeDateSize = 13.0
    public var titleSize = 14.0, subjectSize = 14.0, bodySize = 14.0
    public var tableSize = 12.0, annexTableSize = 11.0
    public var recipientsHeadingSize = 12.0, recipientsSize = 11.0
    public var authoritySize = 14.0, signerSize = 14.0, pageNumberSize = 14.0

    /// First-line indent of body paragraphs (millimetres), space after each paragraph
    /// (points) and line spacing (multiples of a single line).
    public var firstLineIndent = 12.7
    public var paragraphSpacing = 6.0
    public var lineSpacing = 1.15
    /// Room for the signature and the seal, between the title and the signer's name (mm).
    public var signatureRoom = 28.0
    /// Length of the rule under the trích yếu (mm).
    public var subjectRule = 40.0

    /// The built-in layout.
    public init() {}

    /// Millimetres to twips (1/1440 inch), Word's unit of length.
    static func twips(_ millimetres: Double) -> Int {
        Int((millimetres * 1440 / 25.4).rounded())
    }

    /// Points to half-points, Word's unit of type size.
    static func halfPoints(_ points: Double) -> Int {
        Int((points * 2).rounded())
    }

    /// Width of the text area of a portrait page, in twips.
    var textWidth: Int { Self.twips(pageWidth - marginLeft - marginRight) }
    /// Width of the text area of a landscape page, in twips.
    var landscapeTextWidth: Int { Self.twips(pageHeight - marginLeft - marginRight) }
    /// The first-line indent in twips: where labels and first lines begin.
    var indent: Int { Self.twips(firstLineIndent) }
}
