import ArgumentParser

@main
struct BackTalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtalk",
        abstract: "General information about back muscle spasms, in your terminal.",
        discussion: """
            BackTalk gives general information, not a diagnosis. In an emergency, \
            call your local emergency number (999, 911 or 112).
            """,
        subcommands: [Chat.self, Ask.self, Topics.self, Lint.self, Eval.self, Record.self, Replay.self],
        defaultSubcommand: Chat.self
    )
}
