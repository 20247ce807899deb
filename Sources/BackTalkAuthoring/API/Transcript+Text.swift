extension Transcript {
    /// Reads a transcript from its text; `file` names it in errors.
    ///
    /// - Throws: ``TranscriptParseError`` for the first malformed line, an
    ///   invalid `~re` pattern, an unknown check, or a file with no turns.
    public init(parsing text: String, file: String) throws(TranscriptParseError) {
        self = try TranscriptParser(file: file).parse(text)
    }

    /// The transcript as text, in the canonical layout that ``init(parsing:file:)`` reads back.
    public var text: String {
        TranscriptRenderer.render(self)
    }
}
