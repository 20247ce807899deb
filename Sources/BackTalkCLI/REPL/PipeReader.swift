/// Reads lines from standard input when it is not a terminal: no editing, no prompt, no history.
final class PipeReader: LineReader {
    func nextLine() -> LineInput {
        // Swift's readLine repairs invalid UTF-8 and copes with lines of any length.
        readLine(strippingNewline: true).map(LineInput.line) ?? .end
    }

    func close() {}
}
