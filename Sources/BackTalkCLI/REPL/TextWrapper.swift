/// Word-wraps plain text to a width, keeping its line breaks and lining up the
/// continuation lines of list items (`- `, `* `, `1. `) under their text.
enum TextWrapper {
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 10)
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrapLine($0, width: width) }
    }

    private static func wrapLine(_ line: Substring, width: Int) -> [String] {
        guard line.count > width else { return [String(line)] }
        let indent = hangingIndent(of: line)
        let hanging = String(repeating: " ", count: indent < width / 2 ? indent : 0)
        var lines: [String] = []
        var current = String(line.prefix { $0 == " " })
        var hasWords = false
        for var word in line.split(separator: " ") {
            if current.count + (hasWords ? 1 : 0) + word.count <= width {
                current += (hasWords ? " " : "") + word
                hasWords = true
                continue
            }
            if hasWords {
                lines.append(current)
                current = hanging
            }
            // A word wider than the line is cut, so that nothing runs off the edge.
            while current.count + word.count > width {
                let take = max(width - current.count, 1)
                lines.append(current + word.prefix(take))
                word = word.dropFirst(take)
                current = hanging
            }
            current += word
            hasWords = !word.isEmpty
        }
        if hasWords { lines.append(current) }
        return lines
    }

    /// The column where a list item's text starts, or the line's own indentation.
    private static func hangingIndent(of line: Substring) -> Int {
        let spaces = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(spaces)
        for marker in ["- ", "* ", "• "] where rest.hasPrefix(marker) { return spaces + marker.count }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty && rest.dropFirst(digits.count).hasPrefix(". ") { return spaces + digits.count + 2 }
        return spaces
    }
}
