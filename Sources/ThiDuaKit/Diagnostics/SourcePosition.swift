/// A place in an input file, 1-based, used to point a clerk at the fault.
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    /// The file name as the user gave it (or a label such as `<stdin>`).
    public var file: String
    /// 1-based line number; 0 when unknown.
    public var line: Int
    /// 1-based column, counted in characters (grapheme clusters); 0 when unknown.
    public var column: Int

    /// Creates a position.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `tệp.yaml:12:5`, `tệp.yaml:12` or `tệp.yaml`, depending on what is known.
    public var description: String {
        if line > 0 && column > 0 { return "\(file):\(line):\(column)" }
        if line > 0 { return "\(file):\(line)" }
        return file
    }
}
