/// Writes a ``Transcript`` as text, in the one layout the parser reads back
/// unchanged: comments just above their message, checks under the reply, a
/// blank line between turns.
enum TranscriptRenderer {
    static func render(_ transcript: Transcript) -> String {
        var lines: [String] = []
        for (position, turn) in transcript.turns.enumerated() {
            if position > 0 { lines.append("") }
            lines += turn.comments.map(comment)
            lines += block(turn)
        }
        if !transcript.closingComments.isEmpty {
            lines.append("")
            lines += transcript.closingComments.map(comment)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A turn without its comments: the message, the reply and the checks.
    static func block(_ turn: Transcript.Turn) -> [String] {
        let message = MessageEscaping.escape(turn.message)
        var lines = [message.isEmpty ? ">" : "> " + message]
        lines += turn.reply.map(line)
        for check in turn.checks {
            lines += check.values.map { TranscriptSyntax.checkPrefix + check.key + ": " + $0 }
        }
        return lines
    }

    static func line(_ line: Transcript.Line) -> String {
        switch line {
        case .exact(let text): TranscriptSyntax.needsEscape(text) ? String(TranscriptSyntax.escape) + text : text
        case .contains(let text): TranscriptSyntax.containsPrefix + text
        case .pattern(let pattern): TranscriptSyntax.patternPrefix + pattern
        }
    }

    private static func comment(_ text: String) -> String {
        text.isEmpty ? "#" : "# " + text
    }
}
