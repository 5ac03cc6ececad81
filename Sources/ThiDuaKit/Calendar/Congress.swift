/// A congress (đại hội) the data names (`dai_hoi`), e.g. "Đại hội Công đoàn tỉnh Vĩnh Long lần
/// thứ I, nhiệm kỳ 2025 - 2030" opening on 16/12/2025. Unlike a commemoration it happens once;
/// a phase may salute it and the calendar of its year lists it.
public struct Congress: Sendable, Equatable {
    /// Code used in `ky_niem` and in `{dai_hoi …}`, e.g. `dai_hoi_cong_doan_tinh`.
    public var key: String
    /// The name as written after "chào mừng".
    public var name: String
    /// The opening day.
    public var start: CivilDate
    /// The closing day, when given.
    public var end: CivilDate?
    public var position: SourcePosition

    public init(key: String, name: String, start: CivilDate, end: CivilDate? = nil, position: SourcePosition) {
        self.key = key
        self.name = name
        self.start = start
        self.end = end
        self.position = position
    }

    /// "16/12/2025" or "19/01/2026 - 23/01/2026".
    public func dates(style: DayMonthStyle = .official) -> String {
        guard let end, end != start else { return start.short(style) }
        return "\(start.short(style)) - \(end.short(style))"
    }

    /// Whether the congress opens within the span.
    public func opens(between first: CivilDate, and last: CivilDate) -> Bool {
        start >= first && start <= last
    }
}
