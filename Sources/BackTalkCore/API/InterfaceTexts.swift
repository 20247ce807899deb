/// What a client shows around the replies, kept in the knowledge base's
/// `replies.yaml` with the engine's own replies: the opening banner, the
/// emergency and urgent banners, the heading of the suggestions, the
/// emergency numbers and the goodbye.
///
/// A client words nothing of its own that a person reads as advice: a second
/// knowledge base (another language, another country's numbers) changes every
/// sentence without changing the client. `{numbers}` in any text stands for
/// ``emergencyNumbers``; ``filled(_:)`` puts them in.
public struct InterfaceTexts: Sendable, Hashable {
    /// The assistant's name, as the banner shows it: `BackTalk`.
    public var name: String
    /// The chat's opening lines.
    ///
    /// `{name}` stands for ``name`` and `{help}` for the help command, which a terminal
    /// may style; a line with `{numbers}` says what to do in an emergency.
    public var banner: [String]
    /// The emergency numbers, as a sentence says them: `999, 911 or 112`.
    public var emergencyNumbers: String
    /// The label of an emergency reply's banner: `EMERGENCY`.
    public var emergencyLabel: String
    /// What the emergency banner tells the person to do.
    ///
    /// For example, `call {numbers} now.`
    public var emergencyAction: String
    /// The label of an urgent reply's banner: `URGENT`.
    public var urgentLabel: String
    /// What the urgent banner tells the person to do.
    ///
    /// For example, `get medical advice today.`
    public var urgentAction: String
    /// The heading of the suggestions after an answer: `You could also ask:`.
    public var suggestionsIntro: String
    /// Said when the person leaves.
    public var goodbye: String
    /// Said when the person starts a new conversation.
    public var newConversation: String
    /// A chat's help: how to ask.
    public var chatIntro: String
    /// A chat's help: its commands, one a line.
    public var chatHelp: [String]
    /// More help at a terminal: its keys, one a line.
    public var chatKeys: [String]
    /// Said when asked to explain before anything was asked.
    public var nothingToExplain: String
    /// How to use the command that records a conversation.
    public var recordUsage: String
    /// Said when recording is not possible in this session.
    public var recordingUnavailable: String
    /// The hint for a command that does not exist; `{command}` stands for what was typed.
    public var unknownCommand: String
    /// Said when recording starts; `{file}` stands for where.
    public var recordingTo: String
    /// Said when recording cannot start; `{file}` stands for where and `{error}` for why.
    public var cannotRecord: String

    /// `text` with ``emergencyNumbers`` for `{numbers}` and ``name`` for `{name}`.
    public func filled(_ text: String) -> String {
        text.replacingOccurrences(of: "{numbers}", with: emergencyNumbers).replacingOccurrences(of: "{name}", with: name)
    }
}
