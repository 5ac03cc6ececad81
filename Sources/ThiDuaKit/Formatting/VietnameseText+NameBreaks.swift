/// Where the name of a body is broken when it is too long for its column of the header: the
/// one rule the .docx letterhead and the plain-text header share. A clerk breaks such a name
/// where a unit's name begins ("CÔNG ĐOÀN CÁC / KHU CÔNG NGHIỆP / TỈNH BÌNH DƯƠNG"), never
/// inside a word of several syllables ("CÔNG / NGHIỆP"), and keeps a place's name whole
/// ("TỈNH BÌNH / DƯƠNG" is wrong); among the breakings that are equally good, the one whose
/// longest line is shortest.
extension VietnameseText {
    /// A name broken into lines by `breakName`.
    public struct NameLines: Equatable, Sendable {
        /// The lines in order: joined by spaces, they give the name's words, none lost.
        public var lines: [String]
        /// True when the name could not be set without a line wider than the width or a break
        /// inside a group or a word of several syllables ("LIÊN ĐOÀN / LAO ĐỘNG", "CÔNG /
        /// NGHIỆP"): the column is too narrow for the name.
        public var isForced: Bool
    }

    /// What a break costs, so that the best breaking is the cheapest. A line costs more than
    /// breaking an ordinary gap, so the name takes no more lines than it needs; a break inside
    /// a word costs more than several lines, so it is only taken when nothing else fits.
    enum NameBreakCost {
        static let line = 10
        /// Before a word that starts a unit's name or a connector: where clerks break.
        static let unitStart = 0
        static let ordinary = 3
        /// After "VÀ", "CỦA": a line ending with the word that joins is worse than a line more.
        static let afterConnector = 12
        /// After "TỈNH", "KHU CÔNG NGHIỆP": between the unit's word and its proper name.
        static let afterUnitWord = 11
        /// Inside the proper name after a unit's word ("BÌNH / DƯƠNG").
        static let insideProperName = 13
        /// Between the words of a group ("LIÊN ĐOÀN / LAO ĐỘNG", "TRƯỜNG / ĐẠI HỌC"): worse
        /// than a line more.
        static let insidePhrase = 25
        /// Inside a word of several syllables ("CÔNG / NGHIỆP"), or before a dash that would
        /// start the line like a list entry.
        static let insideWord = 40
        /// A line wider than the width, for each width it takes (`overflowCost`).
        static let overflow = 1000
        /// Inside a word that is part of a longer one: "KHU / CÔNG NGHIỆP" before "KHU CÔNG / NGHIỆP".
        static let nestedWord = 5
    }

    /// The lines of `name` for a column `width` wide, each line's width given by `measure`
    /// (display columns for plain text, twips of a font for Word), in at most `maxLines` lines.
    /// A name that fits is one line. Words are never cut: a word wider than the width gets a
    /// line of its own, for the caller to cut (plain text) or leave to the word processor.
    public static func breakName(_ name: String, width: Double, maxLines: Int = .max,
                                 measure: (Substring) -> Double) -> NameLines {
        let words = VietnameseText.words(of: name)
        guard words.count > 1, measure(name[...]) > width else {
            return NameLines(lines: [name], isForced: measure(name[...]) > width)
        }
        let widths = words.map(measure)
        let space = measure(" ")
        var starts = [0.0]
        for w in widths { starts.append((starts.last ?? 0) + w) }
        func lineWidth(_ start: Int, _ end: Int) -> Double {
            starts[end] - starts[start] + space * Double(end - start - 1)
        }
        let costs = nameBreakCosts(words)
        // Beyond some sixty words the search (cubic in words) is not worth it: no real name
        // is that long; the words are filled in greedily, still in order.
        guard words.count <= 60 else {
            return greedyName(words, width: width, lineWidth: lineWidth, costs: costs)
        }
        let ends = bestBreaks(count: words.count, maxLines: max(1, maxLines), width: width, costs: costs, lineWidth: lineWidth)
        var lines: [String] = []
        var forced = false
        var start = 0
        for end in ends {
            lines.append(words[start..<end].joined(separator: " "))
            forced = forced || lineWidth(start, end) > width || (end < words.count && costs[end] >= NameBreakCost.insidePhrase)
            start = end
        }
        return NameLines(lines: lines, isForced: forced)
    }

    /// `breakName` for plain text: widths in display columns.
    public static func breakName(_ name: String, width: Int) -> NameLines {
        breakName(name, width: Double(width)) { Double(displayWidth($0)) }
    }

    /// The end of each line of the cheapest breaking of `count` words into at most `maxLines`
    /// lines; among breakings that cost the same, the one whose longest line is shortest, then
    /// the most even one (the least sum of squared widths).
    static func bestBreaks(count n: Int, maxLines: Int, width: Double, costs: [Int],
                           lineWidth: (Int, Int) -> Double) -> [Int] {
        struct Score: Comparable {
            var cost: Int
            var widest: Double
            var squares: Double
            static func < (a: Score, b: Score) -> Bool {
                (a.cost, a.widest, a.squares) < (b.cost, b.widest, b.squares)
            }
        }
        let lines = min(maxLines, n)
        let none = Score(cost: .max, widest: .infinity, squares: .infinity)
        // best[used][start]: the cheapest setting of words[start...] in exactly `used` lines;
        // cut[used][start] ends its first line. Cost and widest line combine monotonically, so
        // the best setting of the rest is part of the best setting of the whole (the evenness
        // that only breaks ties is chosen the same way, close enough for a tie).
        var best = [[Score]](repeating: [Score](repeating: none, count: n + 1), count: lines + 1)
        var cut = [[Int]](repeating: [Int](repeating: n, count: n + 1), count: lines + 1)
        best[0][n] = Score(cost: 0, widest: 0, squares: 0)
        for used in 1...lines {
            for start in 0..<n {
                for end in (start + 1)...n where best[used - 1][end].cost != .max {
                    let w = lineWidth(start, end)
                    let rest = best[used - 1][end]
                    let cost = NameBreakCost.line + (end < n ? costs[end] : 0) + overflowCost(w, width: width)
                    let candidate = Score(cost: cost + rest.cost, widest: max(w, rest.widest), squares: w * w + rest.squares)
                    if candidate < best[used][start] {
                        best[used][start] = candidate
                        cut[used][start] = end
                    }
                }
            }
        }
        var used = 1
        for count in 1...lines where best[count][0] < best[used][0] { used = count }
        var ends: [Int] = []
        var start = 0
        while start < n, used > 0 {
            start = cut[used][start]
            ends.append(start)
            used -= 1
        }
        return ends
    }

    /// What a line `w` wide costs beyond `width`: in proportion to its width, so that a line
    /// too wide is broken further when that makes the lines narrower, even if one word stays
    /// too wide for any line.
    static func overflowCost(_ w: Double, width: Double) -> Int {
        guard w > width else { return 0 }
        let ratio = width > 0 ? min(w / width, 1_000) : 1_000
        return Int(ratio * Double(NameBreakCost.overflow))
    }

    /// Words filled into lines in order, a line ending where the next word does not fit.
    static func greedyName(_ words: [Substring], width: Double, lineWidth: (Int, Int) -> Double, costs: [Int]) -> NameLines {
        var lines: [String] = []
        var forced = false
        var start = 0
        while start < words.count {
            var end = start + 1
            while end < words.count, lineWidth(start, end + 1) <= width { end += 1 }
            lines.append(words[start..<end].joined(separator: " "))
            forced = forced || lineWidth(start, end) > width || (end < words.count && costs[end] >= NameBreakCost.insidePhrase)
            start = end
        }
        return NameLines(lines: lines, isForced: forced)
    }

    /// What breaking the line before each word costs (`NameBreakCost`); the first entry, before
    /// the first word, is 0 and never used.
    static func nameBreakCosts(_ words: [Substring]) -> [Int] {
        let lexicon = NameLexicon.shared
        let n = words.count
        guard n > 1 else { return [Int](repeating: 0, count: n) }
        let keys = words.map(NameLexicon.key)
        func matches(_ entry: [String], at index: Int) -> Bool {
            index + entry.count <= n && keys[index..<(index + entry.count)].elementsEqual(entry)
        }
        func longest(_ entries: [[String]], at index: Int) -> Int {
            entries.lazy.filter { matches($0, at: index) }.map(\.count).max() ?? 0
        }
        var costs = [Int](repeating: NameBreakCost.ordinary, count: n)
        for index in 0..<n {
            for entry in lexicon.phrases where entry.count > 1 && matches(entry, at: index) {
                for gap in (index + 1)..<(index + entry.count) { costs[gap] = max(costs[gap], NameBreakCost.insidePhrase) }
            }
            for entry in lexicon.words where entry.count > 1 && matches(entry, at: index) {
                for gap in (index + 1)..<(index + entry.count) {
                    // Each further word around the gap makes it worse to break.
                    costs[gap] = costs[gap] >= NameBreakCost.insideWord ? costs[gap] + NameBreakCost.nestedWord : NameBreakCost.insideWord
                }
            }
            // A dash at the start of a line reads as a new list entry ("BÀ RỊA / - VŨNG TÀU").
            if index > 0, isListMarkerWord(words[index]) { costs[index] = max(costs[index], NameBreakCost.insideWord) }
        }
        // Only a word that starts a word or group of its own can start a unit ("SỞ" of "CƠ SỞ" does not).
        let free = (0..<n).map { $0 == 0 || costs[$0] == NameBreakCost.ordinary }
        // How many words the unit's own word takes ("KHU CÔNG NGHIỆP": 3), where one begins.
        let unitLength: [Int?] = (0..<n).map { index in
            let unit = longest(lexicon.unitStarts, at: index)
            guard free[index], unit > 0, longest(lexicon.nonUnits, at: index) <= unit else { return nil }
            return max(unit, longest(lexicon.words, at: index), longest(lexicon.phrases, at: index))
        }
        let connectorLength = (0..<n).map { free[$0] ? longest(lexicon.connectors, at: $0) : 0 }
        for index in 1..<n where unitLength[index] != nil || connectorLength[index] > 0 {
            costs[index] = NameBreakCost.unitStart
        }
        for index in 0..<n {
            if connectorLength[index] > 0, index + connectorLength[index] < n {
                let after = index + connectorLength[index]
                costs[after] = max(costs[after], NameBreakCost.afterConnector)
            }
            guard let length = unitLength[index] else { continue }
            // The proper name: up to the next unit or connector.
            var end = index + length
            while end < n, unitLength[end] == nil, connectorLength[end] == 0 { end += 1 }
            for gap in (index + length)..<max(index + length, end) where gap > 0 {
                let cost = gap == index + length ? NameBreakCost.afterUnitWord : NameBreakCost.insideProperName
                costs[gap] = max(costs[gap], cost)
            }
        }
        costs[0] = 0
        return costs
    }
}

/// `VietnameseText`'s name lists split into syllables in the folded form names are compared in.
struct NameLexicon: Sendable {
    var words: [[String]]
    var phrases: [[String]]
    var unitStarts: [[String]]
    var nonUnits: [[String]]
    var connectors: [[String]]

    static let shared = NameLexicon(
        words: VietnameseText.nameWords.map(split), phrases: VietnameseText.namePhrases.map(split),
        unitStarts: VietnameseText.nameUnitStarts.map(split), nonUnits: VietnameseText.nameNonUnits.map(split),
        connectors: VietnameseText.nameConnectors.map(split))

    static func split(_ entry: String) -> [String] {
        entry.split(separator: " ").map(key)
    }

    /// A word as the lists are matched against: folded, without the punctuation around it
    /// ("HÓA," is "hóa"); a word of punctuation only ("-") stays as it is.
    static func key(_ word: Substring) -> String {
        let marks: Set<Character> = [",", ".", ";", ":", "(", ")", "\"", "“", "”", "'"]
        var bare = word.drop { marks.contains($0) }
        while let last = bare.last, marks.contains(last) { bare = bare.dropLast() }
        return ReportText.folded(String(bare.isEmpty ? word : bare))
    }
}
