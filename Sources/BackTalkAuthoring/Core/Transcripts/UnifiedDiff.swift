/// A unified diff of two short lists of lines, as `diff -u` prints it.
enum UnifiedDiff {
    /// Lines of context kept around each change.
    static let context = 3

    private enum Edit {
        case same(String)
        case removed(String)
        case added(String)

        var isChange: Bool { if case .same = self { false } else { true } }
        var isAdded: Bool { if case .added = self { true } else { false } }
        var isRemoved: Bool { if case .removed = self { true } else { false } }
    }

    /// `--- expected`, `+++ actual`, then one `@@` hunk per group of changes;
    /// `firstLine` is the line number of both lists' first line.
    static func text(expected: [String], actual: [String], firstLine: Int) -> String {
        let edits = self.edits(expected, actual)
        var lines = ["--- expected", "+++ actual"]
        var start = 0
        while let change = edits[start...].firstIndex(where: \.isChange) {
            // Grow the hunk while the next change is within two contexts of the last.
            var end = change
            var scan = change
            while scan < edits.count {
                if edits[scan].isChange {
                    end = scan
                } else if scan - end > 2 * context {
                    break
                }
                scan += 1
            }
            let lower = max(change - context, start)
            let upper = min(end + context + 1, edits.count)
            let hunk = edits[lower..<upper]
            let oldStart = firstLine + edits[..<lower].filter { !$0.isAdded }.count
            let newStart = firstLine + edits[..<lower].filter { !$0.isRemoved }.count
            let oldCount = hunk.filter { !$0.isAdded }.count
            let newCount = hunk.filter { !$0.isRemoved }.count
            lines.append("@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@")
            for edit in hunk {
                switch edit {
                case .same(let text): lines.append(" " + text)
                case .removed(let text): lines.append("-" + text)
                case .added(let text): lines.append("+" + text)
                }
            }
            start = upper
        }
        return lines.joined(separator: "\n")
    }

    /// `start,count`, as diff writes it (an empty side starts one line earlier).
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start - 1),0" : "\(start),\(count)"
    }

    /// The shortest edit script, from a longest common subsequence; lists are a few dozen lines.
    private static func edits(_ old: [String], _ new: [String]) -> [Edit] {
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count && j < new.count && old[i] == new[j] {
                edits.append(.same(old[i]))
                i += 1
                j += 1
            } else if i < old.count && (j == new.count || common[i + 1][j] >= common[i][j + 1]) {
                edits.append(.removed(old[i]))
                i += 1
            } else {
                edits.append(.added(new[j]))
                j += 1
            }
        }
        return edits
    }
}
