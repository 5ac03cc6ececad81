/// The ordered list of indicators a report uses, with lookup by key.
///
/// Order matters: it is the order of columns in tables and of paragraphs in the report.
public struct IndicatorSet: Hashable, Sendable {
    /// The indicators in report order, as given (duplicates included, so that validation
    /// can point at them).
    public let indicators: [Indicator]
    private let indexByKey: [String: Int]

    /// Wraps a list. Call `validate(origin:)` before use; lookups resolve a duplicated key
    /// to its first definition.
    public init(_ indicators: [Indicator]) {
        self.indicators = indicators
        var index: [String: Int] = [:]
        for (i, indicator) in indicators.enumerated() where index[indicator.key] == nil {
            index[indicator.key] = i
        }
        self.indexByKey = index
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
