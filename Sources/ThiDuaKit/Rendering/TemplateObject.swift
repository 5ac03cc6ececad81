import Foundation
import Mustache

/// A view model converted once for the Mustache engine, to render one or several templates,
/// with the budget that keeps every such render finite.
///
/// The static checks (`TemplateSet+Structure.swift`) bound a template's size and nesting, but
/// not its output: inside a section over a list, a section naming the same list finds it again
/// through the context stack, so `{{#chi_tieu}}` nested twenty deep in a user's template would
/// iterate twelve indicators 12²⁰ times and never end, and a large text inside a loop, or a long
/// value printed in one, multiplies in memory. Every render therefore draws on two budgets:
/// - iterations of list sections, a multiple of the items the view model holds (what a template
///   visiting each item a few dozen times needs), which bounds the time;
/// - text: each pass of a section is charged the most text a section of that key can print
///   besides its variables (`TemplateSet.sectionWeights`), and each value printed its length,
///   which bounds the output (far above any document: the built-in templates print a few MB).
/// A render that runs out stops iterating at once and is refused as a template error.
public struct TemplateObject: @unchecked Sendable {
    // @unchecked: `root` is immutable dictionaries, arrays, strings and booleans wrapped in the
    // types below, and the budget guards its own state with a lock.
    let root: Any
    let budget: SectionBudget

    /// The iterations allowed to one render besides the multiple of the items: enough for any
    /// small document's template to loop freely, few enough to be done in about a second.
    public static let baseIterations = 100_000
    /// Iterations allowed per item of the view model's lists: the built-in templates visit an
    /// item a few times per format (its row in a table, its line in a list), far below this.
    public static let iterationsPerItem = 64
    /// The most text one render may print, in UTF-8 bytes (counted as described above).
    public static let maximumOutputBytes = 256_000_000

    /// Converts `value`, counting the items of all its lists for the budget.
    public init(_ value: TemplateValue) {
        let budget = SectionBudget()
        var items = 0
        root = Self.convert(value, key: "", budget: budget, items: &items)
        budget.iterationLimit = Self.baseIterations + Self.iterationsPerItem * items
        self.budget = budget
    }

    /// An empty map, for templates that hold no tags (the Word layout).
    public static var empty: TemplateObject { TemplateObject(.map([])) }

    private static func convert(_ value: TemplateValue, key: String, budget: SectionBudget, items: inout Int) -> Any {
        switch value {
        case .string(let s): return BudgetedText(text: s, budget: budget)
        case .bool(let b): return b
        case .list(let list):
            items += list.count
            var converted: [Any] = []
            converted.reserveCapacity(list.count)
            // A list inside a list is reached by `{{#.}}`: it has no key of its own.
            for item in list { converted.append(convert(item, key: "", budget: budget, items: &items)) }
            return BudgetedList(items: converted, key: key, budget: budget)
        case .map(let pairs):
            var dictionary: [String: Any] = [:]
            dictionary.reserveCapacity(pairs.count)
            for (key, value) in pairs { dictionary[key] = convert(value, key: key, budget: budget, items: &items) }
            return BudgetedMap(values: dictionary, budget: budget)
        }
    }
}

/// What the render in progress has used, shared by every value of one `TemplateObject`.
final class SectionBudget: @unchecked Sendable {
    // @unchecked: every field is only touched under `lock`.
    private let lock = NSLock()
    private var iterations = 0
    private var bytes = 0
    private var ranOut = false
    private var weights: [String: Int] = [:]
    /// Iterations allowed to one render (set once, when the object is made).
    var iterationLimit = 0
    var byteLimit = TemplateObject.maximumOutputBytes

    /// Starts a render with the whole budget, charging sections by `weights`.
    func reset(weights: [String: Int]) {
        lock.withLock {
            iterations = 0
            bytes = 0
            ranOut = false
            self.weights = weights
        }
    }

    /// Takes one pass of a section over the list under `key`; false (for good, until `reset`)
    /// once either budget is spent, after which every list renders as if it had ended and every
    /// value as empty, so the engine unwinds quickly.
    func take(_ key: String) -> Bool {
        lock.withLock {
            if ranOut { return false }
            iterations += 1
            // `{{#.}}` sections (key "") may render any list, so their weight counts for all.
            bytes += 1 + max(weights[key] ?? 0, weights[""] ?? 0)
            if iterations > iterationLimit || bytes > byteLimit { ranOut = true }
            return !ranOut
        }
    }

    /// Charges a value printed; false once the budget is spent.
    func print(_ count: Int) -> Bool {
        lock.withLock {
            if ranOut { return false }
            bytes += count
            if bytes > byteLimit { ranOut = true }
            return !ranOut
        }
    }

    /// The iterations the render since the last `reset` has taken.
    var used: Int { lock.withLock { iterations } }

    /// The text the render since the last `reset` has been charged.
    var printed: Int { lock.withLock { bytes } }

    /// True when the render since the last `reset` ran out of its budget.
    var isExhausted: Bool { lock.withLock { ranOut } }

    /// True when that was the iterations' budget (rather than the text's).
    var ranOutOfIterations: Bool { lock.withLock { ranOut && iterations > iterationLimit } }
}

/// A list of the view model as the engine sees it: an array whose iteration draws on the budget.
///
/// Every wrapper is a `MustacheParent`: the engine otherwise looks names up by reflection, and
/// `{{#rows.items}}` would reach the raw array (and `{{name.text}}` the raw string) around the
/// budget.
struct BudgetedList: MustacheSequence, MustacheTransformable, MustacheParent, CustomStringConvertible {
    let items: [Any]
    /// The map key the list is under, which the sections rendering it name.
    let key: String
    let budget: SectionBudget

    struct Iterator: IteratorProtocol {
        var base: IndexingIterator<[Any]>
        let key: String
        let budget: SectionBudget
        mutating func next() -> Any? {
            guard let item = base.next() else { return nil }
            return budget.take(key) ? item : nil
        }
    }

    func makeIterator() -> Iterator { Iterator(base: items.makeIterator(), key: key, budget: budget) }

    /// A list has no named children (`{{rows.items}}` is nothing).
    func child(named name: String) -> Any? { nil }

    /// The engine's array transforms (`first`, `last`, `count`, `empty`, `reversed`), kept for
    /// users' templates; a reversed list stays on the budget.
    func transform(_ name: String) -> Any? {
        switch name {
        case "reversed": return BudgetedList(items: items.reversed(), key: key, budget: budget)
        default: return items.transform(name)
        }
    }

    /// A list written as a variable (`{{list}}`) prints nothing: the engine would print Swift's
    /// debugging form of everything in it, which is no document text and can be large.
    var description: String { "" }
}

/// A map of the view model: the engine looks its keys up as it would a dictionary's.
struct BudgetedMap: MustacheParent, MustacheTransformable, CustomStringConvertible {
    let values: [String: Any]
    let budget: SectionBudget

    func child(named name: String) -> Any? { values[name] }

    /// The engine's dictionary transforms (`count`, `empty`, `enumerated`, `sorted`); the
    /// pairs of `enumerated` and `sorted` are a list on the budget like any other.
    func transform(_ name: String) -> Any? {
        let result = values.transform(name)
        if let pairs = result as? [Any] { return BudgetedList(items: pairs, key: "", budget: budget) }
        return result
    }

    /// A map written as a variable prints nothing (see `BudgetedList.description`).
    var description: String { "" }
}

/// A string of the view model: printing it is charged to the budget.
struct BudgetedText: MustacheCustomRenderable, MustacheTransformable, MustacheParent, CustomStringConvertible {
    let text: String
    let budget: SectionBudget

    var renderText: String { budget.print(text.utf8.count) ? text : "" }

    /// A string is never the engine's null: an empty one still opens `{{#name}}`, as before.
    var isNull: Bool { false }

    /// A string has no named children (`{{name.text}}` is nothing).
    func child(named name: String) -> Any? { nil }

    /// The engine's string transforms (`uppercased`, `lowercased`, `reversed`, …), still
    /// charged when printed.
    func transform(_ name: String) -> Any? {
        guard let result = text.transform(name) else { return nil }
        if let string = result as? String { return BudgetedText(text: string, budget: budget) }
        if let substring = result as? Substring { return BudgetedText(text: String(substring), budget: budget) }
        return result
    }

    var description: String { text }
}
