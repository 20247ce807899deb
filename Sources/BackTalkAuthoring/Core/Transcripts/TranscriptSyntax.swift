/// The markers that start the special lines of a transcript file.
enum TranscriptSyntax {
    /// Starts a message: `> what causes back spasms`.
    static let message: Character = ">"
    /// Starts a comment: `# why this transcript exists`.
    static let comment: Character = "#"
    /// Starts a check (`~ intent: causes`) or a reply line meant to vary (`~contains`, `~re`).
    static let marker: Character = "~"
    /// Escapes a reply line that starts with one of the characters above, or with itself.
    static let escape: Character = "\\"

    static let checkPrefix = "~ "
    static let containsPrefix = "~contains "
    static let patternPrefix = "~re "

    /// Marks the start of a turn whose recording was interrupted: a line that
    /// starts with NUL, and everything after it, is not part of the transcript.
    static let unfinished: Character = "\u{0}"

    /// Whether a reply line must be written with a leading `\` to be read as text.
    static func needsEscape(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        return first == message || first == comment || first == marker || first == escape || first == unfinished
    }

    /// `text` split at line ends.
    ///
    /// `"\r\n"` is one Character in Swift, so it is named too: a checkout with
    /// CRLF line ends reads the same.
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }
}
