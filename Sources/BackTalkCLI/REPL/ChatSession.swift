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
    private var lastMessage: String?
    private var isRecording = false
    private var hasPrinted = false

    init(engine: Engine, reader: any LineReader, presentation: Presentation,
         environment: [String: String], transcriptRecording: (any TranscriptRecording)?) {
        self.engine = engine
        self.reader = reader
        self.presentation = presentation
        self.environment = environment
        self.transcriptRecording = transcriptRecording
    }

    /// Talks until Ctrl-D, `/quit` or the end of input.
    mutating func run() {
        if case .terminal(let style) = presentation { show(ChatTexts.banner(style: style)) }
        conversation: while true {
            switch reader.nextLine() {
            case .interrupted:
                continue
            case .end:
                break conversation
            case .line(let line):
                if let command = SlashCommand(parsing: line) {
                    if command == .quit { break conversation }
                    perform(command)
                } else if !line.allSatisfy(\.isWhitespace) {
                    answer(line)
                }
            }
        }
        if isRecording { transcriptRecording?.finish() }
        if case .terminal = presentation { Output().line(ChatTexts.goodbye) }
        reader.close()
    }

    private mutating func answer(_ message: String) {
        let reply = engine.reply(to: message, in: &conversation)
        lastMessage = message
        if isRecording { transcriptRecording?.record(message: message, reply: reply) }
        show(renderer.lines(for: reply))
    }

    private mutating func perform(_ command: SlashCommand) {
        switch command {
        case .help:
            show(ChatTexts.help(atTerminal: isAtTerminal).map(TerminalText.sanitized))
        case .topics:
            show(TopicList.lines(engine.knowledgeBase).map(TerminalText.sanitized))
        case .why:
            guard let lastMessage else { return show([ChatTexts.nothingToExplain]) }
            // The message is the person's own text: sanitized, and shortened to fit a line.
            let quoted = TerminalText.sanitized(lastMessage.count > 60 ? lastMessage.prefix(57) + "..." : lastMessage)
            let header = style.bold("How \"\(quoted)\" was matched:")
            show([header] + ExplanationFormatter.lines(engine.explain(lastMessage)).map(TerminalText.sanitized))
        case .reset:
            conversation = Conversation()
            lastMessage = nil
            show([ChatTexts.newConversation])
        case .record(let path):
            record(to: path)
        case .quit:
            break // ends the loop in run()
        case .unknown(let name):
            show([ChatTexts.unknownCommand(name)])
        }
    }

    /// `/record FILE`: saves the conversation from here on.
    private mutating func record(to path: String?) {
        guard let path else { return show([ChatTexts.recordUsage]) }
        guard let transcriptRecording else { return show([ChatTexts.recordingUnavailable]) }
        do {
            try transcriptRecording.start(path: path)
            isRecording = true
            show(["Recording this conversation to \(TerminalText.sanitized(path))."])
        } catch {
            show(["Cannot record to \(TerminalText.sanitized(path)): \(TerminalText.sanitized("\(error)"))"])
        }
    }

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
            ReplyRenderer(style: style, width: TerminalWidth.current(environment: environment), showsSuggestions: true)
        case .plain:
            ReplyRenderer(style: .plain, width: nil, showsSuggestions: false)
        }
    }

    /// Prints a block of lines that are already sanitized and styled. At a terminal a
    /// blank line follows each block; in a pipe a blank line separates them.
    private mutating func show(_ lines: [String]) {
        var text = lines.joined(separator: "\n") + "\n"
        if isAtTerminal {
            text += "\n"
        } else if hasPrinted {
            text = "\n" + text
        }
        hasPrinted = true
        Output().raw(text)
    }
}
