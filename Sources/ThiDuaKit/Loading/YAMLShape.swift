// CYaml is Yams's copy of libyaml. It is not a product of the Yams package,
// but SwiftPM makes the module of every dependency's target importable; we
// need libyaml's event parser because Yams only offers whole-tree composing,
// which is exactly what must not run on a hostile file.
internal import CYaml

/// A first pass over the YAML events, before Yams builds a tree, that
/// refuses shapes which would cost the composer or the loader far more than
/// the file's size: very deep nesting (Yams and our loader recurse once per
/// level, so ten thousand `[` would overflow the stack) and aliases that
/// expand into huge trees ("billion laughs": a few lines of `&a`/`*a` that
/// stand for 10⁹ nodes).
///
/// Syntax errors are left to the composer, which reports them with the same
/// positions; this pass only returns a problem it alone can see.
enum YAMLShape {
    /// Real documents nest a dozen levels (section → item → point → bullet);
    /// 64 leaves room for any of them and keeps recursion shallow.
    static let maxDepth = 64
    /// How many nodes aliases may add in total (a text counts one node per
    /// 64 bytes). A clerk's file that repeats a list with `*ten` adds tens;
    /// an alias bomb adds billions.
    static let maxAliasExpansion = 100_000

    enum Problem: Equatable {
        case tooDeep(line: Int, column: Int)
        case aliasExpansion(line: Int, column: Int)
    }

    static func check(_ text: String) -> Problem? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        // libyaml reads from a pointer; the copy lives for the whole pass.
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Problem? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var walker = Walker()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let outcome = walker.take(event)
                yaml_event_delete(&event)
                switch outcome {
                case .goOn: continue
                case .done: return nil
                case .problem(let problem): return problem
                }
            }
        }
    }

    /// Counts nodes per open collection so each anchor knows how many nodes
    /// an alias to it stands for.
    private struct Walker {
        enum Outcome { case goOn, done, problem(Problem) }

        var open: [(anchor: String?, size: Int)] = []
        var sizes: [String: Int] = [:]
        var expansion = 0

        mutating func take(_ event: yaml_event_t) -> Outcome {
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .done
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if open.count >= YAMLShape.maxDepth { return .problem(.tooDeep(line: line, column: column)) }
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? Self.name(event.data.sequence_start.anchor) : Self.name(event.data.mapping_start.anchor)
                open.append((anchor, 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return .goOn }
                if let anchor = closed.anchor { sizes[anchor] = closed.size }
                add(closed.size)
            case YAML_SCALAR_EVENT:
                // A long text repeated by aliases costs by its length, not as one node.
                let size = 1 + Int(event.data.scalar.length) / 64
                if let anchor = Self.name(event.data.scalar.anchor) { sizes[anchor] = size }
                add(size)
            case YAML_ALIAS_EVENT:
                // An alias to an unknown anchor is the composer's error to report.
                let size = Self.name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                expansion += size
                if expansion > YAMLShape.maxAliasExpansion { return .problem(.aliasExpansion(line: line, column: column)) }
                add(size)
            default:
                break
            }
            return .goOn
        }

        private mutating func add(_ size: Int) {
            guard !open.isEmpty else { return }
            // Saturate: sizes only need to be compared with the limit.
            open[open.count - 1].size = min(open[open.count - 1].size + size, Int.max / 4)
        }

        private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let pointer else { return nil }
            return String(cString: pointer)
        }
    }
}
