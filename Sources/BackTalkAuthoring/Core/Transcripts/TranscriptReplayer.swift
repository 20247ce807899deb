/// Replays a transcript against an engine and compares each reply with the expected one.
struct TranscriptReplayer {
    let engine: Engine

    func replay(_ transcript: Transcript) -> ReplayResult {
        var conversation = Conversation()
        var reached = Set<CoverageTarget>()
        var updated = transcript
        var divergence: ReplayResult.Divergence?
        var matcher = LineMatcher()

        for (index, expected) in transcript.turns.enumerated() {
            let reply = engine.reply(to: expected.message, in: &conversation)
            reached.formUnion(reply.coverageTargets)
            var actual = expected
            actual.reply = matcher.actualLines(of: reply.text, expected: expected.reply)
            actual.checks = expected.checks.map { $0.measured(on: reply) }
            updated.turns[index] = actual

            if divergence == nil && (actual.reply != expected.reply || actual.checks != expected.checks) {
                let diff = UnifiedDiff.text(
                    expected: TranscriptRenderer.block(expected), actual: TranscriptRenderer.block(actual),
                    firstLine: expected.line ?? 1)
                divergence = ReplayResult.Divergence(turn: index + 1, diff: diff)
            }
        }
        return ReplayResult(divergence: divergence, reached: reached, updated: updated)
    }
}

/// Compares reply lines with expected ones, compiling each `~re` pattern once.
///
/// Patterns are matched by ``TranscriptPattern``, in time linear in the line.
private struct LineMatcher {
    private var patterns: [String: TranscriptPattern?] = [:]

    /// The reply's lines as they should be written now: a `~contains` or `~re`
    /// line is kept where it still matches the line at its position, every
    /// other line is the reply's own text.
    mutating func actualLines(of text: String, expected: [Transcript.Line]) -> [Transcript.Line] {
        Transcript.Line.exactLines(of: text).enumerated().map { position, line in
            guard position < expected.count, case .exact(let actual) = line else { return line }
            return matches(actual, expected[position]) ? expected[position] : line
        }
    }

    private mutating func matches(_ text: String, _ line: Transcript.Line) -> Bool {
        switch line {
        case .exact(let expected):
            return text == expected
        case .contains(let part):
            return text.contains(part)
        case .pattern(let pattern):
            if patterns[pattern] == nil { patterns[pattern] = .some(try? TranscriptPattern(pattern)) }
            guard let compiled = patterns[pattern] ?? nil else { return false }
            return compiled.matches(text)
        }
    }
}
