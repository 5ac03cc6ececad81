import Yams

extension DataNode {
    /// Parses a data file's text (same decoding rules as the loader: BOM, CRLF, refusals)
    /// into a tree; errors are the loader's diagnostics (Vietnamese, file:line:col).
    ///
    /// The tree is nil only when the file cannot be read as YAML at all; warnings (special
    /// spaces replaced, …) and errors about single values come with a tree.
    public static func parse(bytes: [UInt8], file: String) -> (DataNode?, [Diagnostic]) {
        switch InputText.decode(bytes, file: file) {
        case .success(let text): return parse(text: text, file: file)
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
    }

    /// Parses text already decoded (`InputText.decode`): the second half of `parse(bytes:file:)`.
    public static func parse(text: String, file: String) -> (DataNode?, [Diagnostic]) {
        var marks: [DataPath: SourcePosition]?
        return parse(text: text, file: file, marks: &marks)
    }

    /// `parse(text:file:)`, also giving where each path's value starts when `marks` is not nil
    /// (the drift test of the schema matches the loader's mappings to paths with it).
    static func parse(text: String, file: String, marks: inout [DataPath: SourcePosition]?) -> (DataNode?, [Diagnostic]) {
        var reader = YAMLReader(file: file)
        guard let root = reader.parse(text) else { return (nil, reader.allDiagnostics) }
        var diagnostics = reader.allDiagnostics
        let tree = node(root, at: DataPath(), reader: reader, marks: &marks, diagnostics: &diagnostics)
        return (tree, diagnostics)
    }

    static func node(_ node: Node, at path: DataPath, reader: YAMLReader, marks: inout [DataPath: SourcePosition]?,
                             diagnostics: inout [Diagnostic]) -> DataNode {
        if marks != nil { marks?[path] = reader.position(node) }
        switch node {
        case .scalar(let scalar):
            return .scalar(YAMLReader.isNullScalar(scalar) ? "" : scalar.string)
        case .sequence(let sequence):
            return .sequence(sequence.enumerated().map { index, item in
                self.node(item, at: path.appending(index), reader: reader, marks: &marks, diagnostics: &diagnostics)
            })
        case .mapping(let mapping):
            var entries: [DataEntry] = []
            for (keyNode, value) in mapping {
                guard case .scalar(let key) = keyNode else {
                    diagnostics.append(.error("tên khóa phải là chữ", at: reader.position(keyNode),
                                              hint: "bỏ dấu `?`, `[` hoặc `{` ở đầu tên khóa"))
                    continue
                }
                let child = path.appending(key.string)
                entries.append(DataEntry(key: key.string,
                                         value: self.node(value, at: child, reader: reader, marks: &marks, diagnostics: &diagnostics)))
            }
            return .mapping(entries)
        case .alias:
            diagnostics.append(.error("không hỗ trợ bí danh YAML (`*tên`)", at: reader.position(node),
                                      hint: "viết thẳng nội dung thay cho bí danh"))
            return .blank
        }
    }
}
