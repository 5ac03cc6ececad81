/// A recipient line: "- Ban CSKT-XH&TĐKT TLĐ (để b/c);".
public struct Recipient: Sendable, Equatable {
    public var name: String
    /// Purpose without brackets, e.g. "để b/c".
    public var purpose: String?
    public var position: SourcePosition

    public init(name: String, purpose: String?, position: SourcePosition) {
        self.name = name
        self.purpose = purpose
        self.position = position
    }
}

/// The signature block.
public struct Signature: Sendable, Equatable {
    /// Authority marks (thể thức ký).
    public enum Authority: String, Sendable, CaseIterable {
        case tm = "TM."
        case kt = "KT."
        case q = "Q."
        case tl = "TL."
        case tuq = "TUQ."
    }

    public var authority: Authority?
    /// What follows the mark: "BAN THƯỜNG VỤ" after TM., "CHỦ TỊCH" after KT.
    public var onBehalfOf: String?
    /// `onBehalfOf` as the clerk wrote it ("Ban Thường vụ"), for citations.
    public var onBehalfOfAsWritten: String?
    /// Chức vụ of the signer, e.g. "PHÓ CHỦ TỊCH THƯỜNG TRỰC".
    public var title: String
    /// Họ tên, with no academic title.
    public var signer: Located<String>
    /// Where the block (`chu_ky`) was written, for checks of the form against the issuer.
    public var position: SourcePosition?

    public init(authority: Authority?, onBehalfOf: String?, title: String, signer: Located<String>, onBehalfOfAsWritten: String? = nil,
                position: SourcePosition? = nil) {
        self.authority = authority
        self.onBehalfOf = onBehalfOf
        self.onBehalfOfAsWritten = onBehalfOfAsWritten ?? onBehalfOf
        self.title = title
        self.signer = signer
        self.position = position
    }
}

