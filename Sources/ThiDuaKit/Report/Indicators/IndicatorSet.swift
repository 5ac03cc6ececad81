/// The ordered list of indicators a report uses, with lookup by key.
///
/// Order matters: it is the order of columns in tables and of paragraphs in the report.
public struct IndicatorSet: Hashable, Sendable {
    /// The indicators in report order, as given (duplicates included, so that validation
    /// can point at them).
    public let indicators: [Indicator]
    private let indexByKey: [String: Int]
    /// Pairs of summed indicators (by index) where the first can never exceed the second for
    /// one unit: the numerator and denominator of every ratio of this set, and of every ratio
    /// of the default set whose two figures this set has, even when the ratio itself is not
    /// listed (30 CĐCS launching the movement out of 2 is wrong whatever is reported).
    public let boundedPairs: [BoundedPair]

    /// A numerator that cannot exceed its denominator.
    public struct BoundedPair: Hashable, Sendable {
        /// Index of the numerator in `indicators`.
        public var numerator: Int
        /// Index of the denominator in `indicators`.
        public var denominator: Int
    }

    /// Wraps a list. Call `validate(origin:)` before use; lookups resolve a duplicated key
    /// to its first definition.
    public init(_ indicators: [Indicator]) {
        self.indicators = indicators
        var index: [String: Int] = [:]
        for (i, indicator) in indicators.enumerated() where index[indicator.key] == nil {
            index[indicator.key] = i
        }
        self.indexByKey = index
        var pairs: [BoundedPair] = []
        func add(_ numerator: String, _ denominator: String) {
            guard let n = index[numerator], let d = index[denominator], n != d,
                  !indicators[n].isComputed, !indicators[d].isComputed else { return }
            let pair = BoundedPair(numerator: n, denominator: d)
            if !pairs.contains(pair) { pairs.append(pair) }
        }
        for indicator in indicators {
            if case .ratio(let n, let d) = indicator.aggregation { add(n, d) }
        }
        for (numerator, denominator) in IndicatorSet.defaultBounds { add(numerator, denominator) }
        self.boundedPairs = pairs
    }

    /// The indicator with this key, if any.
    public subscript(key: String) -> Indicator? {
        indexByKey[key].map { indicators[$0] }
    }

    /// The position of the indicator with this key in `indicators`.
    public func index(of key: String) -> Int? {
        indexByKey[key]
    }

    /// The keys in report order.
    public var keys: [String] {
        indicators.map(\.key)
    }

    /// Number of indicators.
    public var count: Int {
        indicators.count
    }
}
