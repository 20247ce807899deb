import BackTalk

/// What the chat says about itself: the banner (worded by the knowledge base),
/// help and short notices about its own commands.
enum ChatTexts {
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

    /// The commands, as the knowledge base words them; at a terminal, the keys too.
    static func help(_ texts: InterfaceTexts, atTerminal: Bool) -> [String] {
        ([texts.chatIntro, ""] + texts.chatHelp + (atTerminal ? [""] + texts.chatKeys : [])).map(TerminalText.sanitized)
    }

    /// The hint for a `/name` that is not a command; `name` is the person's text, so it is sanitized.
    static func unknownCommand(_ name: String, texts: InterfaceTexts) -> String {
        TerminalText.sanitized(texts.unknownCommand).replacingOccurrences(of: "{command}", with: TerminalText.sanitized(name))
    }
}
