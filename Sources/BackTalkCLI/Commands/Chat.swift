import ArgumentParser
import BackTalk
import Foundation

/// `backtalk chat`: one conversation, with line editing at a terminal.
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Talk with BackTalk: one conversation, one message per line.",
        discussion: """
            At a terminal: line editing, history, Tab completion and slash commands (type /help). \
            History is kept in $XDG_STATE_HOME/backtalk/history (or ~/.local/state/backtalk/history); \
            --no-history or BACKTALK_NO_HISTORY=1 turns it off. NO_COLOR=1 turns colour off. \
            When standard input or output is not a terminal, each line is a message and each reply is printed plainly; \
            with --json, each reply is one line of JSON, written as soon as it is made.
            """
    )

    @Flag(help: "Print each reply as one line of JSON (every line of input is a message).")
    var json = false

    @Flag(name: .customLong("no-history"), help: "Neither read nor write the history file (or set BACKTALK_NO_HISTORY=1).")
    var noHistory = false

    @Flag(name: .customLong("no-color"), help: "No bold or colour (or set NO_COLOR=1).")
    var noColor = false

    @OptionGroup var engineOptions: EngineOptions

    func run() throws {
        let engine = try engineOptions.engine()
        if json {
            try chatInJSON(engine: engine)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        var session: ChatSession
        // Readline echoes to standard output: with output going to a file, a person
        // would type blind, so line editing needs both ends at the terminal.
        if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            let style = TerminalStyle.forStandardOutput(environment: environment, noColorFlag: noColor)
            // Readline lists completions itself: titles from a knowledge base are sanitized first.
            let titles = engine.knowledgeBase.entries.filter { $0.kind == .topic }.map { TerminalText.sanitized($0.title) }
            let reader = ReadlineReader(
                prompt: style.prompt("> "), history: history(environment: environment),
                commands: SlashCommand.names, titles: titles)
            session = ChatSession(
                engine: engine, reader: reader, presentation: .terminal(style),
                environment: environment, transcriptRecording: makeTranscriptRecording())
        } else {
            session = ChatSession(
                engine: engine, reader: PipeReader(), presentation: .plain,
                environment: environment, transcriptRecording: makeTranscriptRecording())
        }
        if case .terminated(let signal) = try session.run() {
            throw ExitCode(128 + signal)  // the shell's convention for "ended by a signal"
        }
    }

    /// What `/record FILE` writes with.
    private func makeTranscriptRecording() -> (any TranscriptRecording)? {
        TranscriptFileRecording()
    }

    /// The history file, or nil when it is turned off or cannot be kept privately.
    private func history(environment: [String: String]) -> HistoryStore? {
        guard !noHistory, !HistoryStore.isDisabled(in: environment),
            let path = HistoryStore.defaultPath(in: environment)
        else { return nil }
        do throws(HistoryError) {
            return try HistoryStore(path: path)
        } catch {
            printError(error.description)
            return nil
        }
    }

    /// Scripts' mode, unchanged: every line is a message, every reply one JSON line, flushed.
    private func chatInJSON(engine: Engine) throws(OutputError) {
        var conversation = Conversation()
        let output = Output()
        while let line = readLine(strippingNewline: true) {
            try output.json(engine.reply(to: line, in: &conversation))
        }
    }
}
