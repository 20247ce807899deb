import BackTalk

/// Lays a reply out for reading: sanitized, wrapped, styled, and an emergency
/// impossible to miss (a banner above and below, in bold red when colour is on).
struct ReplyRenderer {
    /// The banners and headings, as the knowledge base words them.
    let texts: InterfaceTexts
    let style: TerminalStyle
    /// Columns to wrap to; nil leaves lines as they are (a pipe).
    let width: Int?
    /// Whether "You could also ask:" follows the answer.
    let showsSuggestions: Bool

    /// The lines to print, already sanitized and styled.
    func lines(for reply: Reply) -> [String] {
        let text = TerminalText.sanitized(reply.text)
        let body = width.map { TextWrapper.wrap(text, width: $0) } ?? text.components(separatedBy: "\n")
        var lines: [String] = []
        switch reply.triage {
        case .emergency:
            let banner = emergencyBanner()
            lines = [banner] + body.map(style.bold) + [banner]
        case .urgent:
            let label = TerminalText.sanitized(texts.urgentLabel) + ":"
            let action = TerminalText.sanitized(texts.filled(texts.urgentAction))
            lines = [(style.isEnabled ? style.warning(label) : label) + " " + action] + body
        default:
            lines = body
        }
        if showsSuggestions && !reply.suggestions.isEmpty && reply.intent != Reply.Intent.clarify {
            lines.append("")
            lines.append(style.dim(TerminalText.sanitized(texts.suggestionsIntro)))
            lines += reply.suggestions.map { "  - " + TerminalText.sanitized($0) }
        }
        return lines
    }

    /// `*** EMERGENCY: call 999, 911 or 112 now. ***`, or in colour the label in white on
    /// red and the action, capitalised, in the alarm colour.
    private func emergencyBanner() -> String {
        let label = TerminalText.sanitized(texts.emergencyLabel)
        let action = TerminalText.sanitized(texts.filled(texts.emergencyAction))
        guard style.isEnabled else { return "*** \(label): \(action) ***" }
        return style.siren(" \(label) ") + " " + style.alarm(action.prefix(1).uppercased() + action.dropFirst())
    }
}
