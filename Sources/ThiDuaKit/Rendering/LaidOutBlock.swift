/// One block of body content, numbered and placed but not yet written in any format: the
/// part of the view model every output format (Markdown, plain text, Word) lays out alike,
/// so numbering is computed once and cannot differ between the formats.
public struct LaidOutBlock: Sendable, Equatable {
    /// What the block is on the page.
    public enum Role: Sendable, Equatable {
        /// A numbered heading with content below it: "1." at level 0, "1.1." at level 1, …
        case heading(level: Int)
        /// A numbered item standing alone as a sentence ("2.3. Công đoàn cơ sở …").
        case numberedSentence(level: Int)
        /// Running text with a first-line indent.
        case paragraph
        /// A lettered point: "a)", "b)", … "đ)".
        case point
        /// A "-" bullet at level 0, a "+" bullet under a bullet at level 1.
        case bullet(level: Int)
        /// Text continuing the bullet above it, indented under the bullet's text.
        case bulletText
        /// A table of figures.
        case table(Table)
    }

    /// What the block is.
    public var role: Role
    /// The number or marker printed before the text: "1.2.", "a)", "-"; empty for paragraphs.
    public var label: String
    /// The text with the data file's inline markup (`**bold**`, `*italic*`, straight quotes).
    public var text: String

    /// Creates a laid-out block.
    public init(role: Role, label: String = "", text: String) {
        self.role = role
        self.label = label
        self.text = text
    }

    /// True for the blocks that continue a run of bullets (a Markdown list is one run).
    var continuesBulletRun: Bool {
        switch role {
        case .bullet, .bulletText: return true
        default: return false
        }
    }
}

/// Numbering of body content: items "1." → "1.1." → "1.1.1.", points a) b) … đ) …,
/// bullets "-", each counter restarting inside its parent.
enum BlockLayout {
    /// The blocks in reading order, grouped: each group is one block, or a run of
    /// consecutive bullets with their own text and sub-bullets (one Markdown list).
    static func groups(_ blocks: [Block]) -> [[LaidOutBlock]] {
        var groups: [[LaidOutBlock]] = []
        for block in layOut(blocks, depth: 0, prefix: "") {
            if block.continuesBulletRun, groups.last?.last?.continuesBulletRun == true {
                groups[groups.count - 1].append(block)
            } else {
                groups.append([block])
            }
        }
        return groups
    }

    /// Lays out blocks at one nesting depth; `prefix` is the number of the parent item.
    static func layOut(_ blocks: [Block], depth: Int, prefix: String) -> [LaidOutBlock] {
        var result: [LaidOutBlock] = []
        var itemNumber = 0
        var pointIndex = 0
        for block in blocks {
            switch block {
            case .paragraph(let text, _):
                result.append(LaidOutBlock(role: .paragraph, text: text))
            case .item(let title, let children, _):
                itemNumber += 1
                let number = "\(prefix)\(itemNumber)."
                let role: LaidOutBlock.Role = children.isEmpty ? .numberedSentence(level: depth) : .heading(level: depth)
                result.append(LaidOutBlock(role: role, label: number, text: title))
                result += layOut(children, depth: depth + 1, prefix: number)
            case .assignment(let assignment):
                itemNumber += 1
                let number = "\(prefix)\(itemNumber)."
                result.append(LaidOutBlock(role: .heading(level: depth), label: number, text: assignment.body))
                for task in assignment.tasks {
                    result.append(LaidOutBlock(role: .paragraph, text: task.value))
                }
                if let deadline = assignment.deadline {
                    result.append(LaidOutBlock(role: .paragraph, text: "Thời hạn: hoàn thành \(Deadline.phrase(deadline.value))."))
                }
            case .point(let text, let children, _):
                let marker = "\(PointLetter.letter(pointIndex)))"
                pointIndex += 1
                result.append(LaidOutBlock(role: .point, label: marker, text: text))
                result += layOut(children, depth: depth, prefix: prefix)
            case .bullet(let text, let children, _):
                result.append(LaidOutBlock(role: .bullet(level: 0), label: "-", text: text))
                var rest: [Block] = []
                for child in children {
                    switch child {
                    case .bullet(let inner, _, _):
                        result.append(LaidOutBlock(role: .bullet(level: 1), label: "+", text: inner))
                    case .paragraph(let inner, _):
                        result.append(LaidOutBlock(role: .bulletText, text: inner))
                    default:
                        // Numbered content under a bullet follows it as ordinary blocks.
                        rest.append(child)
                    }
                }
                result += layOut(rest, depth: depth, prefix: prefix)
            case .table(let table, _):
                result.append(LaidOutBlock(role: .table(table), text: ""))
            }
        }
        return result
    }
}
