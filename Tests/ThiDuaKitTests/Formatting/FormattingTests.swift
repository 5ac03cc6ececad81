import Testing

/// Namespace for the formatting-core suites, so that their identifiers contain
/// "Formatting" and `swift test --filter Formatting` runs all of them and
/// nothing else.
@Suite enum FormattingTests {}

/// Unicode scalar values, to compare normalisation forms: `String ==` treats
/// canonically equivalent strings as equal and would hide an NFD result.
func scalarValues(_ s: String) -> [UInt32] {
    s.unicodeScalars.map(\.value)
}
