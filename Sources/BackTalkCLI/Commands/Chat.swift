import ArgumentParser
import BackTalk
import Foundation

/// `backtalk chat`: one conversation, a message per line.
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Talk with BackTalk: one conversation, one message per line.",
        discussion: "Reads standard input to its end. With --json, each reply is one line of JSON, written as soon as it is made."
    )

    @Flag(help: "Print each reply as one line of JSON.")
    var json = false

    @OptionGroup var engineOptions: EngineOptions

    func run() throws {
        let engine = try engineOptions.engine()
        var conversation = Conversation()
        let output = Output()
        let interactive = isatty(STDIN_FILENO) == 1 && !json
        if interactive {
            output.line("BackTalk: general information about back muscle spasms, not a diagnosis.")
            output.line("In an emergency call 999, 911 or 112. Press Ctrl-D to leave.")
            output.line()
        }
        while true {
            if interactive { FileHandle.standardOutput.write(Data("> ".utf8)) }
            guard let line = readLine(strippingNewline: true) else { break }
            let reply = engine.reply(to: line, in: &conversation)
            if json {
                output.json(reply)
            } else {
                output.plain(reply)
                output.line()
            }
        }
    }
}
