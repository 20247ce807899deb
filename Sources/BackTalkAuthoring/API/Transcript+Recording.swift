extension Transcript {
    /// Adds a turn that expects exactly `reply`, with the standard checks.
    public mutating func record(message: String, reply: Reply) {
        turns.append(Turn(recording: message, reply: reply))
    }
}

extension Transcript.Turn {
    /// A turn that expects exactly `reply`.
    ///
    /// It expects the reply's text line by line, its intent, triage level, whether
    /// it waits for an answer (and for which question), and its suggestions. Confidence and sources are left out: they change
    /// with every tuning of the matcher and the person never sees them.
    public init(recording message: String, reply: Reply) {
        var checks: [Transcript.Check] = [.intent(reply.intent.rawValue), .triage(reply.triage), .expectsAnswer(reply.expectsAnswer)]
        if reply.expectsAnswer || reply.pendingQuestion != nil {
            checks.append(.pendingQuestion(reply.pendingQuestion))
        }
        checks.append(.suggestions(reply.suggestions))
        self.init(message: message, reply: Transcript.Line.exactLines(of: reply.text), checks: checks)
    }
}

extension Transcript.Line {
    /// `text` split into exact lines, without the blank lines at its end
    /// (a transcript cannot tell them from the blank line between turns).
    static func exactLines(of text: String) -> [Transcript.Line] {
        var lines = TranscriptSyntax.lines(of: text).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map(Transcript.Line.exact)
    }
}
