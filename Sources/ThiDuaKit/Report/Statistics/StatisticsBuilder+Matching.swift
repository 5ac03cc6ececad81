import Foundation

/// The arithmetic behind `ReportAccumulator.statistics`, kept out of the public types.
enum StatisticsBuilder {
    /// Each unit's position in Vietnamese name order (`VietnameseCollation.sortKey`, ties
    /// in reading order). Sorted on the primary level of the keys, kept in 64 KiB blocks
    /// (a third of the full keys, which for 100,000 names were 17 MB at the moment memory
    /// peaks); names whose primaries are equal are then ordered by their full keys.
    static func rankByName(_ names: NameTable) -> [Int32] {
        let count = names.count
        let primaries = primaryKeys(names)
        var order = Array(0..<count)
        order.sort { l, r in
            let c = primaries.compare(l, r)
            return c != 0 ? c < 0 : l < r
        }
        // Runs of equal primaries (the same letters, differing in tones or case): full keys.
        var start = 0
        while start < count {
            var end = start + 1
            while end < count && primaries.compare(order[start], order[end]) == 0 { end += 1 }
            if end - start > 1 {
                let run = Array(order[start..<end])
                let keys = run.map { VietnameseCollation.sortKey(names[$0]) }
                let sorted = run.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : run[a] < run[b] }
                for (offset, position) in sorted.enumerated() { order[start + offset] = run[position] }
            }
            start = end
        }
        var rank = [Int32](repeating: 0, count: count)
        for (position, unit) in order.enumerated() { rank[unit] = Int32(position) }
        return rank
    }

    struct ExpectedMatch {
        /// Index into the expected list for each unit, -1 when not on it.
        var unitExpected: [Int32]
        /// Whether each expected entry was matched.
        var taken: [Bool]
    }

    /// Matches units to the expected list: by group and name, then by name alone when the
    /// name is unique on the list (the file may lack or misspell the group).
    static func matchExpected(_ expected: [ExpectedUnit], _ accumulator: ReportAccumulator, label: String,
                              diagnostics: inout [Diagnostic]) -> ExpectedMatch {
        var result = ExpectedMatch(unitExpected: Array(repeating: -1, count: accumulator.unitCount),
                                   taken: Array(repeating: false, count: expected.count))
        guard !expected.isEmpty else { return result }
        // Keys are (group number, folded name); only their hashes are kept, and a match is
        // confirmed by folding the list entry again (see HashIndex).
        struct GroupAndName: Hashable {
            var group: Int32
            var name: FoldedKey
        }
        var foldGroup = FoldCache()
        var groupNumbers: [FoldedKey: Int32] = [FoldedKey(""): 0]
        func groupNumber(_ folded: String, adding: Bool) -> Int32? {
            let key = FoldedKey(folded)
            if let n = groupNumbers[key] { return n }
            guard adding else { return nil }
            let n = Int32(groupNumbers.count)
            groupNumbers[key] = n
            return n
        }
        func entryKey(_ i: Int32) -> GroupAndName {
            let e = expected[Int(i)]
            return GroupAndName(group: groupNumber(e.group.map { foldGroup($0) } ?? "", adding: false) ?? -1,
                                name: FoldedKey(ReportText.folded(e.name)))
        }
        func entryName(_ i: Int32) -> FoldedKey { FoldedKey(ReportText.folded(expected[Int(i)].name)) }
        var byKey = HashIndex<GroupAndName>()
        // The list entry with a name; `ambiguous` holds entries whose name is on the list twice.
        var byName = HashIndex<FoldedKey>()
        var ambiguous: Set<Int32> = []
        for (i, e) in expected.enumerated() {
            let name = ReportText.folded(e.name)
            guard !name.isEmpty else { continue }
            let nameKey = FoldedKey(name)
            let key = GroupAndName(group: groupNumber(e.group.map { foldGroup($0) } ?? "", adding: true) ?? 0, name: nameKey)
            if byKey.insertIfAbsent(key, Int32(i), keyOf: entryKey) != nil {
                diagnostics.append(.warning("đơn vị '\(e.name)' ghi hai lần trong danh sách",
                                            at: SourcePosition(file: label), hint: "xoá dòng thừa"))
                // The repeated entry is the same unit: it must not also be reported missing.
                result.taken[i] = true
                continue
            }
            if let first = byName.insertIfAbsent(nameKey, Int32(i), keyOf: entryName) { ambiguous.insert(first) }
        }
        var reportedPairs: Set<FoldedKey> = []
        for unit in 0..<accumulator.unitCount {
            let name = ReportText.folded(accumulator.names[unit])
            let fileGroup = accumulator.groupName(of: unit)
            let foldedGroup = fileGroup.map { foldGroup($0) } ?? ""
            let nameKey = FoldedKey(name)
            var m = groupNumber(foldedGroup, adding: false).flatMap { byKey.find(GroupAndName(group: $0, name: nameKey), keyOf: entryKey) }
                ?? byKey.find(GroupAndName(group: 0, name: nameKey), keyOf: entryKey)
            if m == nil, let only = byName.find(nameKey, keyOf: entryName), !ambiguous.contains(only) { m = only }
            guard let found = m else { continue }
            let index = Int(found)
            guard !result.taken[index] else { continue }
            result.taken[index] = true
            result.unitExpected[unit] = Int32(index)
            if let fileGroup, let listGroup = expected[index].group,
               FoldedKey(foldGroup(listGroup)) != FoldedKey(foldedGroup),
               reportedPairs.insert(FoldedKey(foldedGroup + "\u{1F}" + foldGroup(listGroup))).inserted {
                diagnostics.append(.warning(
                    "đơn vị '\(accumulator.names[unit])' thuộc nhóm '\(fileGroup)' trong tệp nhưng nhóm '\(listGroup)' trong \(label)",
                    at: accumulator.position(of: unit),
                    hint: "báo cáo dùng nhóm trong \(label); sửa tệp nếu danh sách đúng"))
            }
        }
        return result
    }

    static func listDiagnostics(missing: [ExpectedUnit], unexpected: [Int], accumulator: ReportAccumulator,
                                label: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if !missing.isEmpty {
            let shown = missing.prefix(10).map { "'\($0.name)'" }.joined(separator: ", ")
            let more = missing.count > 10 ? " và \(ReportText.grouped(missing.count - 10)) đơn vị khác" : ""
            diagnostics.append(.warning(
                "\(ReportText.grouped(missing.count)) đơn vị trong \(label) chưa gửi số liệu: \(shown)\(more)",
                at: SourcePosition(file: label),
                hint: "nhắc các đơn vị này báo cáo, hoặc ghi rõ trong báo cáo số đơn vị chưa báo cáo"))
        }
        // Suggestions compare against missing names only: a misspelt unit is one the list
        // still waits for. Capped so a wrong list cannot make this quadratic in 100,000.
        let missingNames = missing.count <= 500 ? missing.map(\.name) : []
        for unit in unexpected.prefix(50) {
            let name = accumulator.names[unit]
            var hint = "đơn vị vẫn được tổng hợp; thêm vào \(label) nếu đúng"
            if let guess = nearestName(name, in: missingNames) {
                hint = "có phải là '\(guess)'? Sửa tên cho khớp \(label)"
            }
            diagnostics.append(.warning("đơn vị '\(name)' không có trong \(label)",
                                        at: accumulator.position(of: unit), hint: hint))
        }
        if unexpected.count > 50 {
            diagnostics.append(.warning(
                "và \(ReportText.grouped(unexpected.count - 50)) đơn vị khác không có trong \(label)",
                at: SourcePosition(file: label), hint: "kiểm tra lại danh sách đơn vị"))
        }
        return diagnostics
    }

    private static func nearestName(_ name: String, in candidates: [String]) -> String? {
        let folded = ReportText.folded(name)
        var best: (String, Int)?
        for candidate in candidates {
            let d = ReportText.editDistance(folded, ReportText.folded(candidate))
            if best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        guard let (candidate, distance) = best, distance <= max(2, folded.count / 4) else { return nil }
        return candidate
    }

}

extension StatisticsBuilder {
    /// Names at or above which the keys are built on several cores.
    static let parallelKeyNames = 8_192

    /// The primary collation key of every name, in order. Building them was a third of the
    /// time after 100,000 rows are read, on one core while the others idled: the names are
    /// split among the cores, each part keyed into its own blocks, and the parts joined in
    /// order (the same keys as one pass, and no copy of them).
    static func primaryKeys(_ names: NameTable) -> PackedKeys {
        let count = names.count
        let parts = count >= parallelKeyNames ? FigureReadAhead.defaultWorkers : 1
        var keyed = [PackedKeys](repeating: PackedKeys(), count: parts)
        keyed.withUnsafeMutableBufferPointer { results in
            // Each iteration writes only its own element; the names are only read.
            let slots = results
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var keys = PackedKeys()
                var scratch: [UInt8] = []
                for index in (count * part / parts)..<(count * (part + 1) / parts) {
                    scratch.removeAll(keepingCapacity: true)
                    CollationKeyBuilder.appendPrimary(of: names[index], to: &scratch)
                    keys.append(scratch)
                }
                slots[part] = keys
            }
        }
        var primaries = PackedKeys()
        for keys in keyed { primaries.append(contentsOf: keys) }
        return primaries
    }
}

/// Byte strings packed into 64 KiB blocks (a string never spans two), compared like
/// `VietnameseSortKey`: byte-wise, a prefix first.
struct PackedKeys {
    private static let blockSize = 1 << 16
    private var blocks: [[UInt8]] = []
    private var block: [Int32] = []
    private var start: [Int32] = []
    private var length: [Int32] = []

    mutating func append(_ bytes: [UInt8]) {
        if blocks.isEmpty || blocks[blocks.count - 1].count + bytes.count > max(Self.blockSize, bytes.count) {
            var fresh: [UInt8] = []
            fresh.reserveCapacity(max(Self.blockSize, bytes.count))
            blocks.append(fresh)
        }
        let b = blocks.count - 1
        block.append(Int32(b))
        start.append(Int32(blocks[b].count))
        length.append(Int32(bytes.count))
        blocks[b].append(contentsOf: bytes)
    }

    /// Appends all of `other`'s keys after these, taking its blocks as they are.
    mutating func append(contentsOf other: PackedKeys) {
        let offset = Int32(blocks.count)
        blocks += other.blocks
        block += other.block.map { $0 + offset }
        start += other.start
        length += other.length
    }

    /// Negative, zero or positive as key `a` sorts before, with or after key `b`.
    func compare(_ a: Int, _ b: Int) -> Int {
        blocks[Int(block[a])].withUnsafeBufferPointer { x in
            blocks[Int(block[b])].withUnsafeBufferPointer { y in
                let la = Int(length[a]), lb = Int(length[b])
                let common = min(la, lb)
                if common > 0, let px = x.baseAddress, let py = y.baseAddress {
                    let c = memcmp(px + Int(start[a]), py + Int(start[b]), common)
                    if c != 0 { return Int(c) }
                }
                return la - lb
            }
        }
    }
}
