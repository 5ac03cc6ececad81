/// A target (chỉ tiêu) a plan sets, as data: an indicator key shared with the reports that
/// review the plan, and a value. "Phát triển mới 3.500 đoàn viên" is
/// `PlanTarget(key: "doan_vien_moi", value: 3500, …)`; a report that names the plan's data
/// file takes its targets from here instead of stating its own.
public struct PlanTarget: Sendable, Equatable {
    /// The indicator key, as in a report's `chi_tieu` (`doan_vien_moi`).
    public var key: Located<String>
    /// The target: a count, an amount in đồng, or percent points for a rate (100 = 100%).
    public var value: Located<Int64>
    /// The sentence the plan prints, already filled ("Phát triển mới 3.500 đoàn viên").
    public var sentence: String
    /// Where the entry was written.
    public var position: SourcePosition

    /// Creates a target.
    public init(key: Located<String>, value: Located<Int64>, sentence: String, position: SourcePosition) {
        self.key = key
        self.value = value
        self.sentence = sentence
        self.position = position
    }
}
