/// The units that lead on an indicator, without choosing among equals: when the n-th and
/// the (n+1)-th unit have the same figure, the list stops before them and says how many
/// units share that figure.
public struct LeaderList: Hashable, Sendable {
    /// Units strictly ahead of any tie at the cut, best first (at most n). Units with a
    /// figure of 0 never lead.
    public var listed: [RankedUnit]
    /// The units that share the figure at the cut and could not all be named, if any.
    public var tie: Tie?

    /// Units sharing one figure.
    public struct Tie: Hashable, Sendable {
        /// How many units have the figure.
        public var count: Int
        /// The figure (scaled, as `RankedUnit.value`).
        public var value: Int64
        /// For ratio indicators, the shared ratio.
        public var ratio: ExactRatio?
    }
}

extension ReportStatistics {
    /// The leaders on an indicator (see `LeaderList`): the best `n` when they are clearly
    /// ahead; with a tie at the cut, the units ahead of it and the size of the tie.
    public func leaders(_ n: Int, by key: String) -> LeaderList {
        guard n > 0, let index = indicators.index(of: key) else { return LeaderList(listed: []) }
        let isRatio = indicators.indicators[index].isComputed
        let top = self.top(n + 1, by: key).filter { isRatio ? ($0.ratio.map { $0.numerator > 0 } ?? false) : $0.value > 0 }
        guard top.count > n else { return LeaderList(listed: top) }
        let cut = top[n - 1]
        func same(_ unit: RankedUnit) -> Bool { isRatio ? unit.ratio == cut.ratio : unit.value == cut.value }
        guard same(top[n]) else { return LeaderList(listed: Array(top.prefix(n))) }
        // The n-th and the next share a figure: count every unit that has it.
        var tied = 0
        for unit in 0..<unitCount {
            if isRatio {
                if let r = unitRatio(index, unit), r == cut.ratio { tied += 1 }
            } else if storage.value(index, unit) == cut.value {
                tied += 1
            }
        }
        let ahead = top.prefix(n).filter { !same($0) }
        return LeaderList(listed: Array(ahead), tie: LeaderList.Tie(count: tied, value: cut.value, ratio: cut.ratio))
    }
}
