import BackTalk

/// What the chat says about itself: the banner (worded by the knowledge base),
/// help and short notices about its own commands.
enum ChatTexts {
    static let nothingToExplain = "Nothing to explain yet: ask a question first."
    static let recordUsage = "Usage: /record FILE"
    static let recordingUnavailable = "Recording transcripts is not available in this session."

    /// The banner shown once at a terminal.
    ///
    /// It says what this is, what it is not, and what to do in an emergency, as the
    /// knowledge base words it. The name is bold, the help command styled, and the
    /// line with the emergency numbers in the alarm colour.
    static func banner(_ texts: InterfaceTexts, style: TerminalStyle) -> [String] {
        texts.banner.map { template in
            let line = TerminalText.sanitized(template)
                .replacingOccurrences(of: "{name}", with: style.bold(TerminalText.sanitized(texts.name)))
                .replacingOccurrences(of: "{help}", with: style.accent("/help"))
            guard line.contains("{numbers}") else { return line }
            return style.alarm(line.replacingOccurrences(of: "{numbers}", with: TerminalText.sanitized(texts.emergencyNumbers)))
        }
    }

    /// The commands; at a terminal, the keys too.
    static func help(atTerminal: Bool) -> [String] {
        var lines = [
            "Type a question in your own words, for example: what causes back spasms?",
            "",
            "/topics        list what BackTalk can answer",
            "/why           show how your last message was understood and answered",
            "/reset         start a new conversation",
            "/record FILE   save this conversation to FILE from now on",
            "/help          show this help",
            "/quit          leave (or /exit)",
        ]
        if atTerminal {
            lines += [
                "",
                "Keys: Up and Down recall earlier lines, Tab completes commands and topics,",
                "Ctrl-C abandons the line you are typing, Ctrl-D leaves.",
            ]
        }
        return lines
    }

    /// The hint for a `/name` that is not a command; `name` is the person's text, so it is sanitized.
    static func unknownCommand(_ name: String) -> String {
        "Unknown command \(TerminalText.sanitized(name)). Type /help for the commands."
    }
}
