import BackTalk

/// Lays a reply out for reading: sanitized, wrapped, styled, and an emergency
/// impossible to miss (a banner above and below, in bold red when colour is on).
struct ReplyRenderer {
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
            lines = [style.isEnabled ? style.warning("URGENT:") + " get medical advice today." : "URGENT: get medical advice today."] + body
        default:
            lines = body
        }
        if showsSuggestions && !reply.suggestions.isEmpty && reply.intent != Reply.Intent.clarify {
            lines.append("")
            lines.append(style.dim("You could also ask:"))
            lines += reply.suggestions.map { "  - " + TerminalText.sanitized($0) }
        }
        return lines
    }

    private func emergencyBanner() -> String {
        style.isEnabled
            ? style.siren(" EMERGENCY ") + " " + style.alarm("Call 999, 911 or 112 now.")
            : "*** EMERGENCY: call 999, 911 or 112 now. ***"
    }
}
