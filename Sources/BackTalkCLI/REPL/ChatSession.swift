import BackTalk

/// One conversation, at a terminal or through a pipe: reads lines, runs slash
/// commands, and answers messages.
struct ChatSession {
    /// How the session talks back.
    enum Presentation {
        /// A person at a terminal: banner, wrapped and styled replies with suggestions, goodbye.
        case terminal(TerminalStyle)
        /// A pipe: each reply's text only, a blank line between replies.
        case plain
    }

    let engine: Engine
    let reader: any LineReader
    let presentation: Presentation
    let environment: [String: String]
    /// Nil until the transcripts work is wired in (see ``TranscriptRecording``).
    let transcriptRecording: (any TranscriptRecording)?

    private var conversation = Conversation()
    /// The last message and the reply to it, for `/why`.
    private var last: (message: String, reply: Reply)?
    private var isRecording = false
    private var hasPrinted = false

    init(
        engine: Engine, reader: any LineReader, presentation: Presentation,
        environment: [String: String], transcriptRecording: (any TranscriptRecording)?
    ) {
        self.engine = engine
        self.reader = reader
        self.presentation = presentation
        self.environment = environment
        self.transcriptRecording = transcriptRecording
    }

    /// How a session ended.
    enum Ending: Equatable {
        /// Ctrl-D, `/quit` or the end of input.
        case finished
        /// SIGTERM or SIGHUP: the program should exit with status 128 + `signal`.
        case terminated(signal: Int32)
    }

    /// Talks until Ctrl-D, `/quit`, the end of input or SIGTERM/SIGHUP, then gives
    /// the terminal back and saves history.
    ///
    /// - Throws: ``OutputError`` when standard output cannot be written; the
    ///   session ends first, as it would at `/quit`.
    mutating func run() throws(OutputError) -> Ending {
        var ending = Ending.finished
        var failure: OutputError?
        do throws(OutputError) {
            ending = try converse()
        } catch {
            failure = error
        }
        if isRecording { transcriptRecording?.finish() }
        reader.close()
        if let failure { throw failure }
        return ending
    }

    private mutating func converse() throws(OutputError) -> Ending {
        if case .terminal(let style) = presentation { try show(ChatTexts.banner(engine.knowledgeBase.interfaceTexts, style: style)) }
        conversation: while true {
            switch reader.nextLine() {
            case .interrupted:
                continue
            case .end:
                break conversation
            case .terminated(let signal):
                return .terminated(signal: signal)  // no goodbye: the terminal may be gone
            case .line(let line):
                if let command = SlashCommand(parsing: line) {
                    if command == .quit { break conversation }
                    try perform(command)
                } else if !line.allSatisfy(\.isWhitespace) {
                    try answer(line)
                }
            }
        }
        if case .terminal = presentation { try Output().line(engine.knowledgeBase.interfaceTexts.goodbye) }
        return .finished
    }

    private mutating func answer(_ message: String) throws(OutputError) {
        let reply = engine.reply(to: message, in: &conversation)
        last = (message, reply)
        if isRecording { transcriptRecording?.record(message: message, reply: reply) }
        try show(renderer.lines(for: reply))
    }

    private mutating func perform(_ command: SlashCommand) throws(OutputError) {
        switch command {
        case .help:
            try show(ChatTexts.help(texts, atTerminal: isAtTerminal))
        case .topics:
            try show(TopicList.lines(engine.knowledgeBase).map(TerminalText.sanitized))
        case .why:
            guard let last else { return try show([TerminalText.sanitized(texts.nothingToExplain)]) }
            // The message is the person's own text: sanitized, and shortened to fit a line.
            let quoted = TerminalText.sanitized(last.message.count > 60 ? last.message.prefix(57) + "..." : last.message)
            let header = style.bold("How \"\(quoted)\" was answered:")
            try show([header] + ExplanationFormatter.lines(last.reply.understanding).map(TerminalText.sanitized))
        case .reset:
            conversation = Conversation()
            last = nil
            try show([TerminalText.sanitized(texts.newConversation)])
        case .record(let path):
            try record(to: path)
        case .quit:
            break  // ends the loop in run()
        case .unknown(let name):
            try show([ChatTexts.unknownCommand(name, texts: texts)])
        }
    }

    /// `/record FILE`: saves the conversation from here on.
    private mutating func record(to path: String?) throws(OutputError) {
        guard let path else { return try show([TerminalText.sanitized(texts.recordUsage)]) }
        guard let transcriptRecording else { return try show([TerminalText.sanitized(texts.recordingUnavailable)]) }
        let file = TerminalText.sanitized(path)
        do {
            try transcriptRecording.start(path: path)
        } catch {
            let reason = TerminalText.sanitized("\(error)")
            return try show([
                TerminalText.sanitized(texts.cannotRecord).replacingOccurrences(of: "{file}", with: file)
                    .replacingOccurrences(of: "{error}", with: reason)
            ])
        }
        isRecording = true
        try show([TerminalText.sanitized(texts.recordingTo).replacingOccurrences(of: "{file}", with: file)])
    }

    /// What the chat says around the replies, as the knowledge base words it.
    private var texts: InterfaceTexts { engine.knowledgeBase.interfaceTexts }

    private var isAtTerminal: Bool {
        if case .terminal = presentation { return true }
        return false
    }

    private var style: TerminalStyle {
        if case .terminal(let style) = presentation { return style }
        return .plain
    }

    private var renderer: ReplyRenderer {
        switch presentation {
        case .terminal(let style):
            ReplyRenderer(
                texts: engine.knowledgeBase.interfaceTexts, style: style,
                width: TerminalWidth.current(environment: environment), showsSuggestions: true)
        case .plain:
            ReplyRenderer(texts: engine.knowledgeBase.interfaceTexts, style: .plain, width: nil, showsSuggestions: false)
        }
    }

    /// Prints a block of lines that are already sanitized and styled.
    ///
    /// At a terminal a blank line follows each block; in a pipe a blank line separates them.
    private mutating func show(_ lines: [String]) throws(OutputError) {
        var text = lines.joined(separator: "\n") + "\n"
        if isAtTerminal {
            text += "\n"
        } else if hasPrinted {
            text = "\n" + text
        }
        hasPrinted = true
        try Output().raw(text)
    }
}
