/// The static checks of a template set that keep rendering finite: every partial named
/// exists, none includes itself (directly or through others), and fully expanded no
/// template is larger or nests deeper than the limits below.
///
/// Each limit is far above what a document template needs (the built-in set expands to
/// about 20 KB and nests 4 deep) and far below what exhausts memory or the stack.
extension TemplateSet {
    /// The largest template file, in UTF-8 bytes.
    public static let maximumTemplateBytes = 1_000_000
    /// The largest size a template may reach with all its partials expanded in place.
    public static let maximumExpandedBytes = 1_000_000
    /// The deepest nesting of sections and partials, counted together: both recurse in the engine.
    public static let maximumNesting = 100
    /// The most parse work the engine may do on one file (`TemplateScan.parseCost`, about
    /// a second): the built-in templates need a thousandth of it.
    static let maximumParseCost = 300_000_000

    /// One template: its file, the name partials use, and its scan.
    struct Node {
        var file: String
        var name: String
        var origin: String
        var bytes: Int
        var scan: TemplateScan
    }

    /// Checks done before the engine parses anything: size, and nesting within one file
    /// (the engine's parser recurses once per open section).
    static func scan(file: String, text: String, origin: String) throws -> Node {
        let bytes = text.utf8.count
        if bytes > maximumTemplateBytes {
            throw ThiDuaError.template(file: origin, line: 1, column: 1,
                                       message: "tệp mẫu dài \(ReportText.grouped(bytes)) byte, quá giới hạn \(ReportText.grouped(maximumTemplateBytes)) byte; một mẫu văn bản chỉ vài KB, có thể đã chọn nhầm tệp")
        }
        let scan = TemplateScan(text, depthLimit: maximumNesting, costLimit: maximumParseCost)
        if scan.isTooSlowToParse {
            throw ThiDuaError.template(file: origin, line: 1, column: 1,
                                       message: "tệp mẫu dài \(ReportText.grouped(bytes)) byte mà có quá nhiều thẻ `{{…}}`: bộ đọc mẫu chậm dần theo độ dài tệp, đọc hết sẽ mất quá lâu; tách thành các mẫu con nhỏ hoặc bớt thẻ")
        }
        if scan.maxSectionDepth > maximumNesting {
            throw ThiDuaError.template(file: origin, line: scan.deepestLine, column: scan.deepestColumn,
                                       message: "các khối `{{#…}}` lồng nhau quá \(maximumNesting) tầng; gộp bớt khối")
        }
        return Node(file: file, name: templateName(file), origin: origin, bytes: bytes, scan: scan)
    }

    /// The partial graph of `nodes`: tags the scanner could not read, partials that do not
    /// exist, cycles and expansion limits. `checking` limits the per-template checks to
    /// those (the others were checked before); the graph is always walked whole.
    ///
    /// - Returns: the section weights of the set, for the render budget (`sectionWeights`).
    @discardableResult
    static func checkStructure(_ nodes: [Node], checking: Set<Int>? = nil) throws -> [String: Int] {
        let known = Set(nodes.map(\.name))
        // The text templates are checked among themselves, the Word parts with the whole set.
        let names = known.sorted().joined(separator: ", ")
        for (position, node) in nodes.enumerated() where checking?.contains(position) ?? true {
            if !node.scan.isComplete {
                throw ThiDuaError.template(file: node.origin, line: node.scan.stopLine, column: node.scan.stopColumn,
                                           message: "không đọc được thẻ này; viết thẻ dạng {{tên}}, {{#khối}}…{{/khối}} hoặc {{> mẫu-con}}")
            }
            for reference in node.scan.references {
                switch reference.kind {
                case .dynamic:
                    throw ThiDuaError.template(file: node.origin, line: reference.line, column: reference.column,
                                               message: "mẫu con lấy tên từ dữ liệu (`{{>*\(reference.name)}}`) không được dùng; ghi thẳng tên mẫu con, ví dụ {{> header.md}}")
                case .parent:
                    throw ThiDuaError.template(file: node.origin, line: reference.line, column: reference.column,
                                               message: "kế thừa mẫu (`{{<\(reference.name)}}`) không được hỗ trợ; dùng mẫu con {{> \(reference.name)}}")
                case .partial where !known.contains(reference.name):
                    throw ThiDuaError.template(file: node.origin, line: reference.line, column: reference.column,
                                               message: "mẫu con `\(reference.name)` không có; chỉ dùng được các mẫu trong cùng thư mục (\(names))")
                case .partial:
                    break
                }
            }
        }
        return try checkGraph(nodes)
    }

    /// Key → the most text one pass of a section of that key can print besides its
    /// variables: its body with every partial in it expanded, in UTF-8 bytes, the largest
    /// among the sections of the set with that key.
    static func sectionWeights(_ nodes: [Node], index: [String: Int], expanded: [Int]) -> [String: Int] {
        var weights: [String: Int] = [:]
        for node in nodes {
            let references = node.scan.references
            for section in node.scan.sections {
                var weight = section.bodyBytes
                for position in section.partials where position < references.count {
                    if let child = index[references[position].name] {
                        weight = min(weight + expanded[child], maximumExpandedBytes + 1)
                    }
                }
                weights[section.key] = max(weights[section.key] ?? 0, weight)
            }
        }
        return weights
    }

    /// Finds cycles and measures each template expanded, in one depth-first walk (with an
    /// explicit stack: a chain of thousands of templates must not overflow this one either).
    private static func checkGraph(_ nodes: [Node]) throws -> [String: Int] {
        let index = Dictionary(nodes.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var state = [UInt8](repeating: 0, count: nodes.count) // 0 new, 1 on the path, 2 done
        var expanded = [Int](repeating: 0, count: nodes.count)
        var nesting = [Int](repeating: 0, count: nodes.count)
        for root in nodes.indices where state[root] == 0 {
            var path: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let (node, next) = path.last {
                let references = nodes[node].scan.references
                if next < references.count {
                    path[path.count - 1].next += 1
                    guard let child = index[references[next].name] else { continue }
                    if state[child] == 1 {
                        let start = path.firstIndex { $0.node == child } ?? 0
                        // Told from the template holding the tag that closes the loop.
                        let loop = path[start...].map { nodes[$0.node].name }
                        let cycle = ([nodes[node].name] + loop.dropLast() + [nodes[node].name]).joined(separator: " → ")
                        let reference = references[next]
                        throw ThiDuaError.template(file: nodes[node].origin, line: reference.line, column: reference.column,
                                                   message: "mẫu con chèn vòng: \(cycle); một mẫu không được chèn lại chính nó, trực tiếp hay qua mẫu khác")
                    }
                    if state[child] == 0 {
                        state[child] = 1
                        path.append((child, 0))
                    }
                    continue
                }
                // All children are done: measure this template.
                var size = nodes[node].bytes
                var depth = nodes[node].scan.maxSectionDepth
                for reference in references {
                    guard let child = index[reference.name] else { continue }
                    size = min(size + expanded[child], maximumExpandedBytes + 1)
                    depth = max(depth, min(reference.sectionDepth + 1 + nesting[child], maximumNesting + 1))
                }
                expanded[node] = size
                nesting[node] = depth
                state[node] = 2
                path.removeLast()
            }
        }
        try checkLimits(nodes, index: index, expanded: expanded, nesting: nesting)
        return sectionWeights(nodes, index: index, expanded: expanded)
    }

    /// A template's references with the index of the template each names.
    private static func resolved(_ node: Node, _ index: [String: Int]) -> [(TemplateScan.Reference, Int)] {
        node.scan.references.compactMap { reference in index[reference.name].map { (reference, $0) } }
    }

    /// Reports the first template over a limit whose partials are all within it: that is
    /// where the growth happens, at its reference to the largest (or deepest) partial.
    private static func checkLimits(_ nodes: [Node], index: [String: Int], expanded: [Int], nesting: [Int]) throws {
        for node in nodes.indices where expanded[node] > maximumExpandedBytes {
            let children = resolved(nodes[node], index)
            guard !children.contains(where: { expanded[$0.1] > maximumExpandedBytes }) else { continue }
            let largest = children.max { expanded[$0.1] < expanded[$1.1] }
            let reference = largest?.0
            let times = children.filter { $0.1 == largest?.1 }.count
            let grows = largest.map { !nodes[$0.1].scan.references.isEmpty } ?? false
            let how = "mẫu con `\(reference?.name ?? "")` được chèn \(ReportText.grouped(times)) lần"
                + (grows ? ", mỗi lần lại chèn tiếp các mẫu con khác (mỗi tầng nhân lên)" : "")
            throw ThiDuaError.template(file: nodes[node].origin, line: reference?.line ?? 1, column: reference?.column ?? 1,
                                       message: "chèn hết các mẫu con thì mẫu `\(nodes[node].name)` dài hơn \(ReportText.grouped(maximumExpandedBytes)) byte: \(how); giảm số lần chèn")
        }
        for node in nodes.indices where nesting[node] > maximumNesting {
            let children = resolved(nodes[node], index)
            guard !children.contains(where: { nesting[$0.1] > maximumNesting }) else { continue }
            let reference = children.max { $0.0.sectionDepth + nesting[$0.1] < $1.0.sectionDepth + nesting[$1.1] }?.0
            throw ThiDuaError.template(file: nodes[node].origin, line: reference?.line ?? 1, column: reference?.column ?? 1,
                                       message: "mẫu con và khối lồng nhau quá \(maximumNesting) tầng (mẫu `\(nodes[node].name)`); giảm số tầng chèn mẫu con")
        }
    }
}
