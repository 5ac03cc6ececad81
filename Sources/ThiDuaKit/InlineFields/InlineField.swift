/// A computed value written inside running text: `{ky_niem thanh_lap_dang}` becomes
/// "95 năm Ngày thành lập Đảng Cộng sản Việt Nam" when the document is read.
///
/// The syntax is one small mechanism for every kind of field: `{kind code[+code…][, option]…}`
/// (a `:` after the kind is allowed: `{ky_niem: …}`); options are words, `word value`, or
/// `ten …` (the rest, last). `{{` and `}}` print a brace. A kind is a case of `Kind`, with its
/// value computed in `InlineFieldResolver` (so adding one, such as a plan target, is one case
/// and one function there).
public struct InlineField: Sendable, Equatable {
    /// What a field names.
    public enum Kind: String, Sendable, CaseIterable {
        /// An anniversary: "95 năm Ngày thành lập Đảng Cộng sản Việt Nam", with `khoang` the
        /// date range, `nam 2030` another year, `so_nam 95` a number checked against the computed
        /// one, `ten …` the clerk's own wording of the event; codes joined by `+` must have the
        /// same number of years ("80 năm Cách mạng Tháng Tám và Quốc khánh …").
        case kyNiem = "ky_niem"
        /// A congress the data declares in `dai_hoi`: its name, with `ngay` its dates.
        case daiHoi = "dai_hoi"
    }

    public var kind: Kind
    /// The codes named, with where each was written.
    public var codes: [Located<String>]
    /// The field as written, braces included.
    public var source: String
    /// Where the opening brace was written.
    public var position: SourcePosition
    /// The text the field became.
    public var value: String
    /// The year an anniversary was counted to (nil for congresses).
    public var year: Int?
    /// The index of the phase whose theme holds the field; nil elsewhere in the document.
    public var phaseIndex: Int?

    public init(kind: Kind, codes: [Located<String>], source: String, position: SourcePosition, value: String,
                year: Int? = nil, phaseIndex: Int? = nil) {
        self.kind = kind
        self.codes = codes
        self.source = source
        self.position = position
        self.value = value
        self.year = year
        self.phaseIndex = phaseIndex
    }
}
