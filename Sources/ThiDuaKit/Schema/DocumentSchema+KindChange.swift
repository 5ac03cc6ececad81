import Foundation

/// What changing a data file's kind (`loai`) in the form does to it.
///
/// The fields the new kind does not have go (a plan made a report loses its phases:
/// `thoi_gian`, `gioi_thieu_dot`, `loi_chao_mung`, `dot_thi_dua`), since `thidua check` would
/// refuse them as unknown keys the form no longer shows; everything both kinds have stays (the
/// header, references, sections, recipients, signature). Keys neither kind knows are left for
/// the check to report. The title (`ten_loai`) and the symbol's type code (`ky_hieu`) follow
/// the kind when they were the old kind's (`KẾ HOẠCH` → `BÁO CÁO`, `KH-LĐLĐ` → `BC-LĐLĐ`).
public struct KindChange: Sendable, Equatable {
    /// One field the new kind does not have.
    public struct Dropped: Sendable, Equatable {
        /// Its path ("dot_thi_dua").
        public var path: DataPath
        /// Its label in the form ("Các đợt thi đua").
        public var label: String
        /// Whether it held something of the clerk's (a field left blank, or as `thidua moi`
        /// wrote it, is dropped without asking).
        public var filled: Bool
    }

    /// The tree with the new kind, in its schema's order.
    public var tree: DataNode
    /// The fields dropped, in the tree's order.
    public var dropped: [Dropped]
    /// What else followed the kind (Vietnamese, one sentence each).
    public var notes: [String]

    /// The question to ask the clerk before the change (Vietnamese), nil when no filled field
    /// is lost.
    public var question: String? {
        let lost = dropped.filter(\.filled)
        guard !lost.isEmpty, let kind = tree.documentKind else { return nil }
        let name = kind.title.lowercased()
        return "Đổi loại văn bản sang \(name)? \(name.prefix(1).uppercased() + name.dropFirst()) không có "
            + (lost.count == 1 ? "phần" : "các phần") + " "
            + lost.map { "“\($0.label)”" }.joined(separator: ", ")
            + ": nội dung đã điền ở đó sẽ bị bỏ khỏi tệp. Phần đầu văn bản, căn cứ, các mục, nơi nhận và chữ ký được giữ nguyên."
    }
}

extension DocumentSchema {
    /// `tree`, a data file of kind `old`, made one of `kind` (see `KindChange`). With no
    /// `old`, the tree's `loai` (a plan when it has none); the form passes it, as its tree
    /// already holds the new `loai`.
    public static func changingKind(of tree: DataNode, from old: DocumentKind? = nil, to kind: DocumentKind) -> KindChange {
        let old = old ?? tree.documentKind ?? .keHoach
        var dropped: [KindChange.Dropped] = []
        var changed = keep(tree, old: .group(fields(for: old)), new: .group(fields(for: kind)), at: DataPath(), dropped: &dropped)
        for (index, field) in dropped.enumerated() where field.filled && field.path.components.count == 1 {
            if case .key(let key) = field.path.components[0], let value = tree[key], value.isSameData(as: Starter.skeleton(key, kind: old)) {
                dropped[index].filled = false
            }
        }
        var notes: [String] = []
        changed["loai"] = .scalar(kind.rawValue)
        if old != kind {
            if let title = changed["ten_loai"]?.text, title.trimmingCharacters(in: .whitespaces) == old.title {
                changed["ten_loai"] = .scalar(kind.title)
                notes.append("Tên loại đổi thành \(kind.title).")
            }
            if let symbol = changed["ky_hieu"]?.text, symbol.hasPrefix(old.typeCode + "-") {
                let renamed = kind.typeCode + symbol.dropFirst(old.typeCode.count)
                changed["ky_hieu"] = .scalar(renamed)
                notes.append("Ký hiệu đổi thành \(renamed).")
            }
        }
        return KindChange(tree: changed.ordered(for: kind), dropped: dropped, notes: notes)
    }

    /// `node` without the keys the old type has and the new one does not, at any depth.
    private static func keep(_ node: DataNode, old: SchemaType?, new: SchemaType?, at path: DataPath,
                             dropped: inout [KindChange.Dropped]) -> DataNode {
        switch node {
        case .scalar:
            return node
        case .sequence(let items):
            return .sequence(items.enumerated().map { index, item in
                keep(item, old: old?.itemType?.resolved(for: item), new: new?.itemType?.resolved(for: item),
                     at: path.appending(index), dropped: &dropped)
            })
        case .mapping(let entries):
            let oldFields = old?.resolved(for: node)?.fields ?? [], newFields = new?.resolved(for: node)?.fields ?? []
            var kept: [DataEntry] = []
            for entry in entries {
                let oldField = oldFields.first { $0.key == entry.key }
                guard let newField = newFields.first(where: { $0.key == entry.key }) else {
                    if let oldField {
                        dropped.append(.init(path: path.appending(entry.key), label: oldField.label, filled: entry.value.holdsText))
                    } else {
                        kept.append(entry)
                    }
                    continue
                }
                kept.append(DataEntry(key: entry.key, value: keep(entry.value, old: oldField?.type, new: newField.type,
                                                                   at: path.appending(entry.key), dropped: &dropped)))
            }
            return .mapping(kept)
        }
    }
}

extension DataNode {
    /// Whether some scalar inside is not blank.
    var holdsText: Bool {
        switch self {
        case .scalar(let text): return !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .sequence(let items): return items.contains { $0.holdsText }
        case .mapping(let entries): return entries.contains { $0.value.holdsText }
        }
    }
}
