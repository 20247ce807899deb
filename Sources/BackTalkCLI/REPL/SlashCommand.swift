/// A line that starts with `/`: an instruction to the chat rather than a message to answer.
enum SlashCommand: Equatable {
    case help
    case topics
    case why
    case reset
    /// `/record FILE`; `path` is nil when FILE was left out.
    case record(path: String?)
    case quit
    /// A name that is not a command, as typed (with its `/`).
    case unknown(String)

    /// The names Tab completes, in the order `/help` lists them.
    static let names = ["/topics", "/why", "/reset", "/record", "/help", "/quit", "/exit"]

    /// The command `line` holds, or nil when it is a message.
    init?(parsing line: String) {
        let trimmed = line.drop { $0.isWhitespace }
        guard trimmed.first == "/" else { return nil }
        let name = trimmed.prefix { !$0.isWhitespace }
        let argument = trimmed.dropFirst(name.count).trimmingWhitespace()
        switch name.lowercased() {
        case "/help", "/?": self = .help
        case "/topics": self = .topics
        case "/why": self = .why
        case "/reset": self = .reset
        case "/record": self = .record(path: argument.isEmpty ? nil : argument)
        case "/quit", "/exit": self = .quit
        default: self = .unknown(String(name))
        }
    }
}

extension Substring {
    /// The text without whitespace at either end.
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
