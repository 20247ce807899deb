/// What the chat says about itself: banner, help, goodbye and short notices.
enum ChatTexts {
    static let goodbye = "Take care. Goodbye."
    static let newConversation = "Starting a new conversation."
    static let nothingToExplain = "Nothing to explain yet: ask a question first."
    static let recordUsage = "Usage: /record FILE"
    static let recordingUnavailable = "Recording transcripts is not available in this session."

    /// Shown once at a terminal: what this is, what it is not, what to do in an emergency.
    static func banner(style: TerminalStyle) -> [String] {
        [
            style.bold("BackTalk") + ": answers to questions about back muscle spasms.",
            "It gives general information, not a diagnosis.",
            style.alarm("In an emergency, call 999, 911 or 112, or go to the emergency department."),
            "Type a question, " + style.accent("/help") + " for commands, Ctrl-D to leave.",
        ]
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
